"""The ETS work of `pace gap --method model`, done with statsforecast's AutoETS: the peer side of
`Benchmarks/gap/model.sh`.

For each region × indicator of a quarterly year-to-date panel (../shared/bench/gen_panel.py), the
period values up to the as-of quarter (year-to-date differences within each year, the values
`pace gap` models) get an automatic ETS fit with season length 4 and a forecast of the remaining
quarters of the year with 80% and 95% intervals. Printed: series, CPU seconds of the fits and
forecasts (process CPU clock; the first fit, which imports and compiles, is excluded, as in
../shared/bench/ets_peers.py), CPU seconds per series.

usage: model_statsforecast.py PANEL.csv --as-of 2024Q2 [--max N]
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from statsforecast.models import AutoETS


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("panel")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--max", type=int, default=0)
    a = ap.parse_args()
    as_of_year, as_of_q = int(a.as_of[:4]), int(a.as_of[5])
    df = pd.read_csv(a.panel, dtype={"region": str, "indicator": str, "period": str})
    df = df[df["measure"] == "ytd"]
    df["year"] = df["period"].str[:4].astype(int)
    df["q"] = df["period"].str[5].astype(int)
    df = df[(df["year"] < as_of_year) | ((df["year"] == as_of_year) & (df["q"] <= as_of_q))]
    df = df.sort_values(["region", "indicator", "year", "q"])
    prev = df.groupby(["region", "indicator", "year"])["value"].shift(1).fillna(0.0)
    df["period_value"] = df["value"] - prev
    series = [g["period_value"].to_numpy(dtype=float) for _, g in df.groupby(["region", "indicator"], sort=True)]
    if a.max:
        series = series[: a.max]
    horizon = 4 - as_of_q
    # Warm-up (imports, first call), not timed.
    AutoETS(season_length=4).forecast(y=series[0], h=max(horizon, 1), level=[80, 95])
    start = time.process_time()
    for y in series:
        AutoETS(season_length=4).forecast(y=y, h=max(horizon, 1), level=[80, 95])
    cpu = time.process_time() - start
    print(json.dumps({"peer": "statsforecast AutoETS", "series": len(series),
                      "observations_per_series": float(np.mean([len(y) for y in series])),
                      "cpu_s": cpu, "cpu_ms_per_series": 1000 * cpu / len(series)}))


if __name__ == "__main__":
    main()
