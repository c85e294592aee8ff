#!/usr/bin/env python3
"""Writes a peer's per-series M3 results in the one layout `ets-m3-check` reads:

    # comment lines (provenance)
    series_id,model,smape,mase,forecast
    N0001,MAN,6.24…,1.56…,5486.43… 6035.86… …

model in R's short code (ANN, AAdN, MAM, …), sMAPE and MASE as the peer's own script scored them, forecast
the peer's point forecasts (space-separated, 17 significant digits, as written by the peer's dump).
Inputs: `peers_dump.py --out` (statsforecast; model like MAND = error, trend, season, damped flag) or
`ets_r_aggregate.R` (R; model like "ETS(M,Ad,N)").
usage: peers_normalise.py statsforecast|r IN.csv OUT.csv "provenance line" ["provenance line" …]"""
import csv, sys

peer, src, out, notes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows = []
with open(src, newline="") as f:
    for r in csv.DictReader(f):
        if peer == "statsforecast":
            code = r["model"]  # e.g. MAND: error M, trend A, season N, damped
            model = code[0] + code[1] + ("d" if code[3] == "D" else "") + code[2]
        else:
            parts = r["model"].removeprefix("ETS(").removesuffix(")").split(",")
            model = "".join(parts)
        rows.append((r["series_id"], model, r["smape"], r["mase"], r["fc"]))
with open(out, "w") as f:
    for n in notes:
        f.write("# " + n + "\n")
    f.write("series_id,model,smape,mase,forecast\n")
    for row in rows:
        f.write(",".join(row) + "\n")
