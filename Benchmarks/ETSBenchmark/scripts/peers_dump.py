#!/usr/bin/env python3
"""statsforecast AutoETS on an M3-format file, as shared/bench/ets_peers.py (same fit, forecast and scores),
plus: AGGREGATE k sums k consecutive values (monthly summed by 3 = ets-benchmark's quarterly proxy), a
per-series CSV (model, AICc, sMAPE, MASE, parameters, forecasts), and --usual-region, which runs AutoETS with
R's usual region: statsforecast's `initparam` narrows its caller's `upper` array in place (β ≤ α₀, γ ≤ 1 − α₀,
α₀ the starting α) and the optimiser's box is taken from it; the flag passes a copy instead.
Clock: process CPU time of the fit+predict calls, the first call (JIT/warm-up) excluded, as ets_peers.py.
usage: peers_dump.py M3_FILE.csv --season M [--aggregate K] [--max N] [--out per_series.csv] [--usual-region]"""
import argparse, json, time
import numpy as np, pandas as pd
import statsforecast.ets as sf_ets
from statsforecast.models import AutoETS
ap = argparse.ArgumentParser(); ap.add_argument("file"); ap.add_argument("--season", type=int, required=True)
ap.add_argument("--aggregate", type=int, default=1); ap.add_argument("--max", type=int); ap.add_argument("--out")
ap.add_argument("--usual-region", action="store_true"); a = ap.parse_args()
if a.usual_region:
    original = sf_ets.initparam
    sf_ets.initparam = lambda al, be, ga, ph, tt, st, dp, lo, up, m, bd: original(al, be, ga, ph, tt, st, dp, lo.copy(), up.copy(), m, bd)
def aggregated(x):
    k = a.aggregate
    return x if k <= 1 else np.array([x[i:i + k].sum() for i in range(len(x) % k, len(x), k)])
d = pd.read_csv(a.file); M = a.season
rows = []
for sid, s in list(d.groupby("series_id", sort=False))[: a.max]:
    x = aggregated(s.value[s.split == "train"].to_numpy(float)); y = aggregated(s.value[s.split == "test"].to_numpy(float))
    t = time.process_time(); model = AutoETS(season_length=M).fit(x); f = np.asarray(model.predict(h=len(y))["mean"], float)
    el = time.process_time() - t
    fit = model.model_; scale = np.mean(np.abs(x[M:] - x[:-M]))
    rows.append(dict(series_id=sid, model=fit["components"], aicc=fit["aicc"], smape=float(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f)))),
                     mase=float(np.mean(np.abs(y - f)) / scale), par=" ".join("%.17g" % v for v in fit["par"]),
                     fc=" ".join("%.17g" % v for v in f), seconds=el))
r = pd.DataFrame(rows)
if a.out: r.to_csv(a.out, index=False)
print(json.dumps({"peer": "statsforecast.AutoETS" + (" (usual region)" if a.usual_region else ""), "series": len(r),
                  "mean_smape": r.smape.mean(), "mean_mase": r.mase.mean(), "first_call_cpu_s": round(r.seconds.iloc[0], 3),
                  "steady_sum_cpu_s": round(r.seconds.iloc[1:].sum(), 3)}))
