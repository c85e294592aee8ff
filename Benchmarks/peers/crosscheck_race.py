#!/usr/bin/env python3
"""Randomised cross-check of `pace race` against a plain reading of SPEC §5 (and RaceScoring's formulas) on
generated gap outputs: 3–25 regions, 1–4 scheme indicators with random weights, metrics and directions, ties
(values rounded coarsely), regions without a value, scoring rank / minmax / zscore with a random floor. Checks each
region's points per indicator and in total, its indicator ranks and its composite rank (competition ranking,
1, 2, 2, 4; composite ties on points rounded to 1e-9), to 1e-9.

usage: crosscheck_race.py [SEED] [CASES]   (needs `swift build -c release --product pace`; numpy, pandas)
First run, 2026-12-07: seeds 1–3 × 60 races, no failure.
"""
import io, subprocess, sys, tempfile
from pathlib import Path
import numpy as np, pandas as pd

PACE = str(Path(__file__).resolve().parents[2] / ".build/release/pace")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 60
rng = np.random.default_rng(seed)
tmp = Path(tempfile.mkdtemp())
failures, worst = 0, 0.0
metrics = ["progress_pp", "task_share", "ytd_growth", "growth_gap_pp", "p_meet"]


def competition_ranks(values, key):
    """1-based competition ranks (ties share the better place) of the non-None values; key: bigger is better."""
    present = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for u in present if key(u) > key(v)) for v in values]


def close(a, b):
    global worst
    if a is None or b is None or (isinstance(a, float) and np.isnan(a)):
        return (a is None or (isinstance(a, float) and np.isnan(a))) == (b is None or (isinstance(b, float) and np.isnan(b)))
    e = abs(a - b) / max(1.0, abs(b))
    worst = max(worst, e)
    return e < 1e-9


for case in range(cases):
    nreg = int(rng.integers(3, 26))
    regions = [f"R{r:02d}" for r in range(nreg)]
    nind = int(rng.integers(1, 5))
    scheme = [(f"ind{j}", float(np.round(rng.uniform(1, 100), 1)), str(rng.choice(metrics)),
               str(rng.choice(["higher", "lower"]))) for j in range(nind)]
    scoring = str(rng.choice(["rank", "minmax", "zscore"]))
    floor = float(np.round(rng.uniform(0, 1), 2))
    rows, values = [], {}
    for ind, _, metric, _ in scheme:
        for r in regions:
            v = None if rng.uniform() < 0.1 else float(np.round(rng.normal(0, 3), int(rng.integers(0, 3))))
            values[(r, ind)] = v
            row = {"region": r, "indicator": ind, "year": 2024, "as_of": "2024Q2"}
            for mcol in metrics:
                row[mcol] = v if mcol == metric else float(rng.normal())
            rows.append(row)
    pd.DataFrame(rows).to_csv(tmp / "gap.csv", index=False, na_rep="")
    pd.DataFrame(scheme, columns=["indicator", "weight", "metric", "direction"]).to_csv(tmp / "scheme.csv", index=False)
    r = subprocess.run([PACE, "race", str(tmp / "gap.csv"), "--scheme", str(tmp / "scheme.csv"), "--scoring", scoring,
                        "--floor", str(floor), "--format", "csv"], capture_output=True, text=True)
    if r.returncode != 0:
        failures += 1
        print(f"case {case}: refused: {r.stderr.strip()}")
        continue
    out = pd.read_csv(io.StringIO(r.stdout), comment="#").set_index("region")
    total = {reg: 0.0 for reg in regions}
    for ind, w, metric, direction in scheme:
        sign = 1 if direction == "higher" else -1
        vals = [values[(reg, ind)] for reg in regions]
        present = [v for v in vals if v is not None]
        N = len(present)
        ranks = competition_ranks(vals, lambda v: sign * v)
        for reg, v, rank in zip(regions, vals, ranks):
            if v is None:
                points = 0.0
            elif scoring == "rank":
                points = w if N == 1 else w * (1 - (1 - floor) * (rank - 1) / (N - 1))
            elif scoring == "minmax":
                best, worst_v = (max(present), min(present)) if sign > 0 else (min(present), max(present))
                points = w if best == worst_v else w * (floor + (1 - floor) * (v - worst_v) / (best - worst_v))
            else:
                s = np.std(present, ddof=1) if N > 1 else 0.0
                points = 0.0 if N == 1 or s == 0 else sign * w * (v - np.mean(present)) / s
            total[reg] += points
            got_rank = out.loc[reg, f"rank_{ind}"]
            got_rank = None if pd.isna(got_rank) else int(got_rank)
            if not close(out.loc[reg, f"points_{ind}"], points) or got_rank != rank:
                failures += 1
                print(f"seed {seed} case {case} {scoring} floor {floor} {ind} {direction} {reg}: "
                      f"pace {out.loc[reg, f'points_{ind}']} / {got_rank}, reference {points} / {rank}")
    composite = competition_ranks([round(total[reg], 9) for reg in regions], lambda v: v)
    for reg, rank in zip(regions, composite):
        if not close(out.loc[reg, "points"], total[reg]) or int(out.loc[reg, "rank"]) != rank:
            failures += 1
            print(f"seed {seed} case {case} {scoring} composite {reg}: pace {out.loc[reg, 'points']} / "
                  f"{out.loc[reg, 'rank']}, reference {total[reg]} / {rank}")
print(f"largest difference {worst:.2e}, failures {failures}")
sys.exit(1 if failures else 0)
