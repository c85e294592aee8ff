#!/usr/bin/env python3
"""Randomised cross-check of `pace decompose`, `pace filter hp` and `pace forecast --model trend:…`
against statsmodels on generated series — cases no fixture covers (any period 2–13, random windows,
inner/outer passes, λ from 0.1 to 10⁶, series starting mid-year, break dummies, three frequencies).

Each case runs the release `pace` binary and statsmodels on the same numbers and compares:
- STL (statsmodels.tsa.seasonal.STL, robust or not) and classical decomposition (seasonal_decompose,
  additive or multiplicative): trend, seasonal, remainder, relative to the series' largest value;
- HP filter (statsmodels hpfilter): trend and cycle, relative to the series' largest value;
- trend models (linear, log-linear, quadratic; seasonal dummies or not; breaks): point forecast and
  80/95% prediction intervals against OLS get_prediction (exp of the log scale for log-linear),
  relative to each value. The comparison is between column spaces, so Pace's own coding of time,
  dummies and breaks does not matter.

Tolerance 1e-9 everywhere except robust STL, where the check repeats statsmodels on data perturbed
by 1e-14 relative: robust STL iterations can amplify rounding (seen with seasonal windows longer
than the cycle-subseries, e.g. period 3, window 35, n = 100: statsmodels differs from itself by 9e-5),
and a difference within statsmodels' own sensitivity (×10) is not counted.

usage: crosscheck_statsmodels.py [SEED] [CASES]     (needs `swift build -c release --product pace`
       and the peers' venv: ../shared/bench/setup.sh)
First run, 2026-12-07: seeds 1–3 × 150 decomposition/HP cases and 300 trend cases, no failure.
"""
import io, json, subprocess, sys
from pathlib import Path
import numpy as np, pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.seasonal import STL, seasonal_decompose
from statsmodels.tsa.filters.hp_filter import hpfilter

PACE = str(Path(__file__).resolve().parents[2] / ".build/release/pace")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 150
rng = np.random.default_rng(seed)
worst = {"stl": 0.0, "classical": 0.0, "hp": 0.0, "trend": 0.0}
failures = 0


def pace(args, csv):
    return subprocess.run([PACE] + args, input=csv, capture_output=True, text=True)


def annual_csv(y):
    return "series,period,value\n" + "".join(f"x,{1000 + i},{float(v)!r}\n" for i, v in enumerate(y))


def scaled_diff(got, ref, scale):
    got, ref = np.asarray(got, float), np.asarray(ref, float)
    both_nan = np.isnan(got) & np.isnan(ref)
    if np.any(np.isnan(got) != np.isnan(ref)):
        return np.inf
    return float(np.max(np.abs(got[~both_nan] - ref[~both_nan]), initial=0.0) / scale)


def report(kind, error, detail):
    global failures
    worst[kind] = max(worst[kind], error)
    if error > 1e-9:
        failures += 1
        print(f"{kind}: {error:.3g} {detail}")


for case in range(cases):
    period = int(rng.integers(2, 14))
    n = int(rng.integers(2 * period + 1, 220))
    t = np.arange(n)
    y = 50 + 0.3 * t + 5 * np.sin(2 * np.pi * t / period + rng.uniform(0, 6)) + rng.normal(0, 2, n)
    if rng.uniform() < 0.3:
        y[rng.integers(0, n, 3)] += rng.normal(0, 40, 3)   # outliers
    y = np.round(y, 6)
    if y.min() <= 0:
        y = y - y.min() + 1
    csv, scale = annual_csv(y), float(np.max(np.abs(y)))

    # STL with random windows and passes.
    sw = int(rng.choice([3, 5, 7, 9, 11, 13, 15, 21, 35]))
    robust = bool(rng.uniform() < 0.5)
    args = ["decompose", "-", "--period", str(period), "--seasonal-window", str(sw), "--format", "csv"]
    kw = dict(period=period, seasonal=sw, robust=robust)
    if rng.uniform() < 0.5:
        tw = int(rng.integers(period + 1, 3 * period + 10)) | 1
        args += ["--trend-window", str(tw)]
        kw["trend"] = tw
    if rng.uniform() < 0.4:
        lw = int(rng.integers(period + 1, 2 * period + 6)) | 1
        args += ["--lowpass-window", str(lw)]
        kw["low_pass"] = lw
    inner = int(rng.integers(1, 6)) if rng.uniform() < 0.4 else None
    outer = int(rng.integers(0, 20)) if robust and rng.uniform() < 0.4 else None
    if robust:
        args.append("--robust")
    if inner is not None:
        args += ["--inner", str(inner)]
    if outer is not None:
        args += ["--outer", str(outer)]
    r = pace(args, csv)
    ref = STL(y, **kw).fit(inner_iter=inner, outer_iter=outer)
    if r.returncode != 0:
        report("stl", np.inf, f"refused {args}: {r.stderr.strip()}")
    else:
        d = pd.read_csv(io.StringIO(r.stdout), comment="#")
        e = max(scaled_diff(d[c], getattr(ref, a), scale)
                for c, a in [("trend", "trend"), ("seasonal", "seasonal"), ("remainder", "resid")])
        if robust and e > 1e-9:
            yp = y * (1 + 1e-14 * rng.normal(size=n))
            own = STL(yp, **kw).fit(inner_iter=inner, outer_iter=outer)
            sensitivity = scaled_diff(own.trend, ref.trend, scale)
            if e <= 10 * sensitivity:
                e = 0.0
        report("stl", e, args)

    # Classical decomposition.
    model = "multiplicative" if rng.uniform() < 0.5 else "additive"
    r = pace(["decompose", "-", "--method", "classical", "--period", str(period), "--model", model,
              "--format", "csv"], csv)
    ref = seasonal_decompose(y, model=model, period=period)
    if r.returncode != 0:
        report("classical", np.inf, f"refused period {period} n {n}: {r.stderr.strip()}")
    else:
        d = pd.read_csv(io.StringIO(r.stdout), comment="#")
        rem_scale = 1.0 if model == "multiplicative" else scale
        e = max(scaled_diff(d.trend, ref.trend, scale),
                scaled_diff(d.seasonal, ref.seasonal, 1.0 if model == "multiplicative" else scale),
                scaled_diff(d.remainder, ref.resid, rem_scale))
        report("classical", e, f"period {period} n {n} {model}")

    # HP filter, λ from 0.1 to 10⁶.
    lam = float(10 ** rng.uniform(-1, 6))
    r = pace(["filter", "hp", "-", f"--lambda={lam!r}", "--format", "csv"], csv)
    cycle, trend = hpfilter(y, lamb=lam)
    if r.returncode != 0:
        report("hp", np.inf, f"refused λ {lam}: {r.stderr.strip()}")
    else:
        d = pd.read_csv(io.StringIO(r.stdout), comment="#")
        report("hp", max(scaled_diff(d.trend, trend, scale), scaled_diff(d.cycle, cycle, scale)), f"λ {lam} n {n}")

# Trend models on quarterly, monthly and annual series starting anywhere in the year.
for case in range(2 * cases):
    freq = str(rng.choice(["Q", "M", "A"]))
    m = {"Q": 4, "M": 12, "A": 1}[freq]
    n = int(rng.integers(12 if m > 1 else 6, 80))
    start = int(rng.integers(0, m)) if m > 1 else 0

    def label(i):
        k = start + i
        if freq == "Q":
            return f"{2000 + k // 4}Q{k % 4 + 1}"
        if freq == "M":
            return f"{2000 + k // 12}-{k % 12 + 1:02d}"
        return f"{2000 + k}"

    t = np.arange(n)
    season = np.sin(2 * np.pi * (start + t) / m) if m > 1 else 0
    y = np.round(100 * np.exp(0.01 * t) + 5 * season + rng.normal(0, 2, n), 6)
    breaks = sorted(set(int(b) for b in rng.integers(3, n - 2, int(rng.integers(0, 3)))))
    if breaks and rng.uniform() < 0.4:
        y[breaks[0]:] += 15
    shape = str(rng.choice(["linear", "loglinear", "quadratic"]))
    dummies = m > 1 and rng.uniform() < 0.7
    h = int(rng.integers(1, 10))
    csv = "series,period,value\n" + "".join(f"x,{label(i)},{float(v)!r}\n" for i, v in enumerate(y))
    args = ["forecast", "-", "--model", f"trend:{shape}", "--horizon", str(h), "--format", "json"]
    if m > 1 and not dummies:
        args.append("--no-season-dummies")
    for b in breaks:
        args += ["--break", label(b)]

    def design(idx):
        cols = [np.ones(len(idx)), idx.astype(float)]
        if shape == "quadratic":
            cols.append(idx.astype(float) ** 2)
        if dummies:
            cols += [((start + idx) % m == s).astype(float) for s in range(1, m)]
        cols += [(idx >= b).astype(float) for b in breaks]
        return np.column_stack(cols)

    X = design(t)
    if np.linalg.matrix_rank(X) < X.shape[1] or n <= X.shape[1]:
        continue
    r = pace(args, csv)
    if r.returncode != 0:
        report("trend", np.inf, f"refused {args}: {r.stderr.strip()}")
        continue
    fit = sm.OLS(np.log(y) if shape == "loglinear" else y, X).fit()
    rows = json.loads(r.stdout)["series"][0]["forecast"]
    e = 0.0
    for level in (80, 95):
        frame = fit.get_prediction(design(np.arange(n, n + h))).summary_frame(alpha=1 - level / 100)
        ref = frame[["mean", "obs_ci_lower", "obs_ci_upper"]].to_numpy()
        if shape == "loglinear":
            ref = np.exp(ref)
        got = np.array([[f["mean"], f[f"lo{level}"], f[f"hi{level}"]] for f in rows])
        e = max(e, float(np.max(np.abs(got - ref) / np.abs(ref))))
    report("trend", e, args)

print("largest differences:", {k: f"{v:.2e}" for k, v in worst.items()}, "failures:", failures)
sys.exit(1 if failures else 0)
