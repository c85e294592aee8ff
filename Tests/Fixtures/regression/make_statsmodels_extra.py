"""Reference values for Pace's HC0–HC3, WLS and prediction tests.

Run with statsmodels 0.15.0 (/work/.venv-peers/bin/python make_statsmodels_extra.py) from this
folder; writes statsmodels_extra.json. Design: log(value) on const, trend 1..n, Q2, Q3, Q4.
"""
import json
import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm


def design(csv):
    df = pd.read_csv(csv)
    y = np.log(df["value"].to_numpy())
    n = len(y)
    q = df["period"].str[-1].astype(int).to_numpy()
    X = np.column_stack([np.ones(n), np.arange(1, n + 1)] + [(q == k).astype(float) for k in (2, 3, 4)])
    return y, X


def summary(res, new_rows, levels=(0.95, 0.9)):
    out = {
        "params": res.params.tolist(), "bse": res.bse.tolist(), "tvalues": res.tvalues.tolist(),
        "pvalues": res.pvalues.tolist(), "cov_params": np.asarray(res.cov_params()).tolist(),
        "rsquared": res.rsquared, "rsquared_adj": res.rsquared_adj, "fvalue": float(res.fvalue),
        "f_pvalue": float(res.f_pvalue), "llf": res.llf, "aic": res.aic, "bic": res.bic,
        "ssr": res.ssr, "durbin_watson": float(sm.stats.durbin_watson(res.wresid)),
        "jarque_bera": list(map(float, sm.stats.jarque_bera(res.wresid))),
        "condition_number": float(res.condition_number),
        "resid": res.resid.tolist(), "fitted": res.fittedvalues.tolist(),
    }
    for level in levels:
        out[f"conf_int_{level}"] = np.asarray(res.conf_int(alpha=1 - level)).tolist()
        if new_rows is not None:
            frame = res.get_prediction(new_rows).summary_frame(alpha=1 - level)
            out[f"predict_{level}"] = {c: frame[c].tolist() for c in frame.columns}
    return out


ref = {"software": {"statsmodels": statsmodels.__version__, "numpy": np.__version__}, "cases": {}}
y, X = design("uk_gas_quarterly.csv")
new = np.array([[1, 109 + i, *(float(((i % 4) + 1) == k) for k in (2, 3, 4))] for i in range(4)])
for cov in ("nonrobust", "HC0", "HC1", "HC2", "HC3"):
    ref["cases"][f"UKgas_OLS_{cov}"] = summary(sm.OLS(y, X).fit(cov_type=cov), new)
yj, Xj = design("jj_earnings_quarterly.csv")
w = 1.0 + (np.arange(len(yj)) % 5) / 2.0
newj = np.array([[1, 85 + i, *(float(((i % 4) + 1) == k) for k in (2, 3, 4))] for i in range(4)])
ref["weights_rule"] = "w_i = 1 + (i mod 5)/2, i = 0-based row"
ref["cases"]["JJ_WLS_nonrobust"] = summary(sm.WLS(yj, Xj, weights=w).fit(), newj)
ref["cases"]["JJ_WLS_HC1"] = summary(sm.WLS(yj, Xj, weights=w).fit(cov_type="HC1"), newj)
ref["cases"]["JJ_WLS_HC3"] = summary(sm.WLS(yj, Xj, weights=w).fit(cov_type="HC3"), newj)
ref["cases"]["JJ_WLS_HAC3"] = summary(
    sm.WLS(yj, Xj, weights=w).fit(cov_type="HAC", cov_kwds={"maxlags": 3, "use_correction": True}), newj)
# Without intercept: trend and all four quarter dummies.
q = pd.read_csv("jj_earnings_quarterly.csv")["period"].str[-1].astype(int).to_numpy()
Xn = np.column_stack([np.arange(1, len(yj) + 1)] + [(q == k).astype(float) for k in (1, 2, 3, 4)])
ref["cases"]["JJ_WLS_noint"] = summary(sm.WLS(yj, Xn, weights=w).fit(), None)
with open("statsmodels_extra.json", "w") as f:
    json.dump(ref, f, indent=1)
