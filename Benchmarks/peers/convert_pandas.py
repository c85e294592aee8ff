#!/usr/bin/env python3
"""The peer for `pace convert FILE --to level`: the same work in pandas.

Reads a long panel (region,indicator,period,measure,value; quarterly `ytd` values as made by
/work/shared/bench/gen_panel.py), turns year-to-date values into single-quarter levels within
each calendar year (level_k = ytd_k - ytd_{k-1}, level_1 = ytd_1), and writes the long rows
region,indicator,period,measure,value,note as CSV. Prints the wall time, reading and writing
included, so it compares with `time pace convert FILE --to level > OUT`.

usage: convert_pandas.py PANEL.csv [--out result.csv]   (default output: /dev/null)
"""
import argparse, time
import pandas as pd

p = argparse.ArgumentParser()
p.add_argument("panel")
p.add_argument("--out", default="/dev/null")
a = p.parse_args()
t0 = time.perf_counter()
df = pd.read_csv(a.panel, dtype={"region": str, "indicator": str, "period": str, "measure": str})
df["year"] = df["period"].str[:4].astype(int)
df["q"] = df["period"].str[5].astype(int)
df = df.sort_values(["region", "indicator", "measure", "year", "q"], kind="stable")
previous = df.groupby(["region", "indicator", "measure", "year"], sort=False)["value"].shift(1)
df["value"] = (df["value"] - previous.fillna(0)).round(4)
df["measure"] = "level"
df["note"] = ""
df[["region", "indicator", "period", "measure", "value", "note"]].to_csv(a.out, index=False)
print(f"convert_pandas: {len(df)} rows in {time.perf_counter() - t0:.3f} s")
