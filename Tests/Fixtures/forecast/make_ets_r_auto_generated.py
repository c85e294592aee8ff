#!/usr/bin/env python3
"""Writes ets_r_auto_generated.csv (this directory): R forecast 8.20's automatic `ets(y)` on generated series.

240 series are generated (numpy, seed 11): annual, quarterly and monthly in turn, 14–120 values, levels 10–10⁵,
four shapes (exponential trend × season × noise, linear trend + season + a random walk, season + a random walk,
a geometric random walk × season). The fixture keeps every 8th series and six more (s000, s029, s034, s091,
s136, s160: where Pace's screened search in R's region ended above R's AICc, 2026-12-07), with R's chosen model
and AICc. Each row: series, m, R's model (as MAdN), R's AICc (17 digits), the values (space-separated, as R read them).
usage (from the repository top, numpy and R with forecast installed):
    python3 Tests/Fixtures/forecast/make_ets_r_auto_generated.py
"""
import csv, subprocess, tempfile
from pathlib import Path
import numpy as np

rng = np.random.default_rng(11)
series = []
for s in range(240):
    freq = ["A", "Q", "M"][s % 3]
    m = {"A": 1, "Q": 4, "M": 12}[freq]
    n = int(rng.integers(14 if m == 1 else 3 * m, 40 if m == 1 else (60 if m == 4 else 120)))
    t = np.arange(n)
    kind = rng.integers(0, 4)
    level = 10 ** rng.uniform(1, 5)
    trend = rng.normal(0, 0.02)
    season = (np.sin(2 * np.pi * t / m + rng.uniform(0, 6)) * rng.uniform(0, 0.3)) if m > 1 else 0
    noise = rng.normal(0, rng.uniform(0.01, 0.15), n)
    if kind == 0:
        y = level * np.exp(trend * t) * (1 + season) * (1 + noise)
    elif kind == 1:
        y = level * (1 + trend * t + season + np.cumsum(noise) * 0.3)
    elif kind == 2:
        y = level * (1 + season) + level * np.cumsum(noise)
    else:
        y = level * np.exp(np.cumsum(rng.normal(trend, 0.05, n))) * (1 + season)
    series.append((f"s{s:03d}", m, [float(v) for v in np.round(y, 4)]))

keep = {name for i, (name, _, _) in enumerate(series) if i % 8 == 0} | {"s000", "s029", "s034", "s091", "s136", "s160"}
chosen = [x for x in series if x[0] in keep]
with tempfile.TemporaryDirectory() as tmp:
    data = Path(tmp) / "in.csv"
    with open(data, "w") as f:
        f.write("series,m,y\n")
        for name, m, y in chosen:
            f.write(f"{name},{m},{' '.join(repr(v) for v in y)}\n")
    out = Path(tmp) / "out.csv"
    subprocess.run(["Rscript", "-e", f"""
suppressPackageStartupMessages(library(forecast))
d <- read.csv("{data}", stringsAsFactors = FALSE)
r <- data.frame(series = d$series, r_model = NA, r_aicc = NA)
for (i in seq_len(nrow(d))) {{
  fit <- ets(ts(as.numeric(strsplit(d$y[i], " ")[[1]]), frequency = d$m[i]))
  r$r_model[i] <- fit$method; r$r_aicc[i] <- sprintf("%.17g", fit$aicc)
}}
write.csv(r, "{out}", row.names = FALSE)
"""], check=True)
    r = {row["series"]: row for row in csv.DictReader(open(out))}
with open(Path(__file__).with_name("ets_r_auto_generated.csv"), "w") as f:
    f.write("series,m,r_model,r_aicc,y\n")
    for name, m, y in chosen:
        code = r[name]["r_model"].removeprefix("ETS(").removesuffix(")").replace(",", "")   # ETS(M,Ad,N) → MAdN
        f.write(f"{name},{m},{code},{r[name]['r_aicc']},{' '.join(repr(v) for v in y)}\n")
