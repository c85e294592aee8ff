"""Reference values for Tests/PaceGapTests/ShareProjectionTests.swift (SPEC §4, share method),
computed with scipy.stats.t (scipy 1.17.1) from /work/.venv-peers/bin/python."""
import numpy as np
from scipy import stats
ytd = {2021: [20, 45, 70, 100], 2022: [22, 50, 77, 110], 2023: [23, 52, 80, 115], 2024: [25, 56]}
k, n, Y, g, gs = 2, 4, 2024, 6.0, 8.0
A1 = ytd[Y-1][n-1]; T = A1*(1+g/100); Ts = A1*(1+gs/100)
shares = np.array([ytd[y][k-1]/ytd[y][n-1] for y in (2021, 2022, 2023)])
tau = shares.mean(); m = len(shares)
se = np.log(shares).std(ddof=1)*np.sqrt(1+1/m)
cur = ytd[Y][k-1]
out = dict(tau=tau, kappa=cur/T, progress=100*(cur/T-tau), ytd_growth=100*(cur/ytd[Y-1][k-1]-1),
           required=100*((T-cur)/(A1-ytd[Y-1][k-1])-1), projected=cur/tau,
           projected_growth=100*(cur/tau/A1-1))
for lvl in (80, 95):
    q = stats.t.ppf(0.5+lvl/200, m-1)
    out[f"lo{lvl}"] = cur/np.exp(np.log(tau)+q*se); out[f"hi{lvl}"] = cur/np.exp(np.log(tau)-q*se)
out["p_meet"] = stats.t.cdf((np.log(cur/T)-np.log(tau))/se, m-1)
out["p_meet_stretch"] = stats.t.cdf((np.log(cur/Ts)-np.log(tau))/se, m-1)
# days basis for 2024Q2 (leap year): 31+29+31+30+31+30 = 182 of 366
out["days_share"] = 182/366
for key, v in out.items(): print(f"{key} = {v!r}")
