#!/usr/bin/env python3
"""Writes trend_statsmodels.json: OLS trend regressions (t = 1..n, seasonal dummies for
positions 2..m, level-shift dummies 1 from a 0-based index on) and their out-of-sample
predictions with observation intervals, by statsmodels OLS / get_prediction.
Run with the peers' venv: /work/.venv-peers/bin/python make_trend_references.py"""
import csv, json, os, sys
import numpy as np, statsmodels
import statsmodels.api as sm

here = os.path.dirname(os.path.abspath(__file__))
def series(file, name):
    with open(os.path.join(here, file)) as f:
        return [float(r["value"]) for r in csv.DictReader(f) if r["series"] == name]

def design(n_from, n_to, shape, period, breaks):
    rows = []
    for i in range(n_from, n_to):
        t = i + 1.0
        r = [1.0, t] + ([t * t] if shape == "quadratic" else [])
        if period:
            r += [1.0 if i % period == s else 0.0 for s in range(1, period)]
        r += [1.0 if i >= b else 0.0 for b in breaks]
        rows.append(r)
    return np.array(rows)

cases = [
    ("ukgas_loglinear_seasonal", "uk_gas_quarterly.csv", "UKgas", "log-linear", 4, [], 8, 0.95),
    ("air_quadratic_seasonal_break", "air_passengers_monthly.csv", "AirPassengers", "quadratic", 12, [60], 12, 0.80),
    ("realgdp_linear_break", "us_macro_quarterly.csv", "realgdp", "linear", None, [100], 4, 0.95),
]
out = {"software": {"python": sys.version.split()[0], "statsmodels": statsmodels.__version__,
                    "numpy": np.__version__}, "cases": []}
for name, file, ser, shape, period, breaks, h, level in cases:
    y = np.array(series(file, ser)); n = len(y)
    z = np.log(y) if shape == "log-linear" else y
    res = sm.OLS(z, design(0, n, shape, period, breaks)).fit()
    pred = res.get_prediction(design(n, n + h, shape, period, breaks)).summary_frame(alpha=1 - level)
    out["cases"].append({"name": name, "csv": file, "series": ser, "shape": shape, "period": period,
                         "breaks": breaks, "horizon": h, "level": level, "params": list(res.params),
                         "bse": list(res.bse), "llf": res.llf, "sigma": float(np.sqrt(res.scale)),
                         "pred_mean": list(pred["mean"]), "pred_se": list(pred["mean_se"]),
                         "obs_lower": list(pred["obs_ci_lower"]), "obs_upper": list(pred["obs_ci_upper"])})
with open(os.path.join(here, "trend_statsmodels.json"), "w") as f:
    json.dump(out, f)
