#!/usr/bin/env python3
"""Writes decomposition_statsmodels.json: extra STL configurations (jumps > 1, degree 0,
period 12, R-style inner/outer counts) and classical decomposition (additive and
multiplicative) computed by statsmodels from the CSV files in this directory.
Run with the peers' venv: /work/.venv-peers/bin/python make_decomposition_references.py"""
import csv, json, os, sys
import numpy as np, statsmodels, pandas
from statsmodels.tsa.seasonal import STL, seasonal_decompose

here = os.path.dirname(os.path.abspath(__file__))
def series(file, name):
    with open(os.path.join(here, file)) as f:
        return [float(r["value"]) for r in csv.DictReader(f) if r["series"] == name]

air = series("air_passengers_monthly.csv", "AirPassengers")
gas = series("uk_gas_quarterly.csv", "UKgas")
out = {"software": {"python": sys.version.split()[0], "statsmodels": statsmodels.__version__,
                    "numpy": np.__version__, "pandas": pandas.__version__},
       "stl": [], "classical": []}
stl_cases = [
    ("air_log_jumps", "air", np.log(air), dict(period=12, seasonal=13, trend=23, low_pass=13, seasonal_deg=1,
      trend_deg=1, low_pass_deg=1, seasonal_jump=2, trend_jump=3, low_pass_jump=2, robust=True), 2, 5),
    ("air_deg0", "air", np.array(air), dict(period=12, seasonal=9, trend=21, low_pass=13, seasonal_deg=0,
      trend_deg=0, low_pass_deg=0, seasonal_jump=1, trend_jump=1, low_pass_jump=1, robust=False), 2, 0),
    ("gas_long_windows", "gas", np.array(gas), dict(period=4, seasonal=301, trend=151, low_pass=5,
      seasonal_deg=1, trend_deg=1, low_pass_deg=1, seasonal_jump=1, trend_jump=1, low_pass_jump=1,
      robust=True), 1, 3),
]
for name, src, x, cfg, inner, outer in stl_cases:
    res = STL(x, **cfg).fit(inner_iter=inner, outer_iter=outer)
    out["stl"].append({"name": name, "series": src, "log": name.startswith("air_log"), "config": cfg,
                       "inner_iter": inner, "outer_iter": outer, "seasonal": list(res.seasonal),
                       "trend": list(res.trend), "resid": list(res.resid), "weights": list(res.weights)})
for src, x, period in [("air", air, 12), ("gas", gas, 4)]:
    for model in ["additive", "multiplicative"]:
        res = seasonal_decompose(np.array(x), model=model, period=period)
        nan = lambda a: [None if np.isnan(v) else float(v) for v in a]
        out["classical"].append({"series": src, "period": period, "model": model, "trend": nan(res.trend),
                                 "seasonal": nan(res.seasonal), "resid": nan(res.resid)})
with open(os.path.join(here, "decomposition_statsmodels.json"), "w") as f:
    json.dump(out, f)
