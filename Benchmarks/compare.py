#!/usr/bin/env python3
"""Pace against its peers, same machine, same sitting. Prints a Markdown table of ratios.

Steps: make the national panel (../shared/bench/gen_panel.py) if missing; run the peer scripts
of ../shared/bench; run Pace's ordo-one benchmarks (PACE_BENCHMARKS=1 swift package benchmark,
exported as JMH JSON, median wall clock); time whole `pace` commands (best of 3) where the peer
is a whole program. Ratios are Pace time / peer time (below 1 means Pace is faster).
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default="../shared")
ap.add_argument("--panel-dir", default=os.environ.get("PACE_PANEL_DIR", "/tmp/pace-bench"))
ap.add_argument("--skip-swift-benchmarks", action="store_true")
args = ap.parse_args()
bench = os.path.join(args.shared, "bench")
py = sys.executable
panel = os.path.join(args.panel_dir, "panel.csv"); targets = os.path.join(args.panel_dir, "targets.csv")
if not os.path.exists(panel):
    subprocess.run([py, os.path.join(bench, "gen_panel.py"), args.panel_dir], check=True)

def run_json_lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]

def best_of(cmd, n=3, **kw):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw); ts.append(time.perf_counter() - t)
    return min(ts)

rows = []  # (work, pace seconds, peer name, peer seconds, goal)

# --- Swift benchmarks (ordo-one) -------------------------------------------------------------
# ordo-one's JMH export writes one file per benchmark target, each run overwriting the last, so
# every benchmark that goes into the table is run on its own (a --filter matching only it).
WANTED = ["Regression: OLS n=40 k=6", "Regression: OLS n=1000000 k=10", "CSV: read national panel",
          "Statistics: Student t", "ETS: fit ETS(M,A,M)", "ETS: automatic selection (ZZZ)", "ETS: automatic selection, M3 yearly", "STL: robust"] + \
         [f"HP filter: two-sided lambda 1600 n={n} " for n in (1000, 10000, 100000, 1000000)]
pace_bench = {}
if not args.skip_swift_benchmarks:
    env = dict(os.environ, PACE_BENCHMARKS="1", PACE_PANEL_DIR=args.panel_dir, PACE_SHARED=os.path.abspath(args.shared))
    for fragment in WANTED:
        out = tempfile.mkdtemp()
        print(f"running Pace's benchmark '{fragment}' (ordo-one)…", file=sys.stderr)
        subprocess.run(["swift", "package", "--allow-writing-to-directory", out, "benchmark",
                        "--filter", re.escape(fragment) + ".*", "--format", "jmh", "--path", out,
                        "--no-progress"], check=True, env=env, stdout=sys.stderr)
        for f in glob.glob(os.path.join(out, "*.json")):
            for b in json.load(open(f)):
                # JMH names read "package.benchmark.PaceBenchmarks.<name with spaces as underscores>".
                name = b["benchmark"].split("PaceBenchmarks.", 1)[-1].replace("_", " ")
                wall = b["secondaryMetrics"].get("Time (wall clock)") or b.get("primaryMetric")
                unit = wall["scoreUnit"]; p50 = wall["scorePercentiles"]["50.0"]
                scale = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
                pace_bench[name] = p50 * scale

def bench_seconds(fragment, per=1):
    for name, s in pace_bench.items():
        if fragment in name:
            return s / per
    return None

# --- peers --------------------------------------------------------------------------------
ols = {(r["case"], r["peer"]): r["us_per_fit"] * 1e-6 for r in run_json_lines([py, os.path.join(bench, "ols_peers.py")])}
csvp = {r["peer"]: r for r in run_json_lines([py, os.path.join(bench, "csv_peers.py"), panel])}
small = bench_seconds("OLS n=40 k=6", per=1000)
large = bench_seconds("OLS n=1000000")
for peer in ("numpy.lstsq", "statsmodels.OLS"):
    rows.append(("OLS n=40, k=6, full inference", small, peer, ols.get(("small", peer)), "≥ 5× faster than numpy" if peer == "numpy.lstsq" else ""))
for peer in ("numpy.lstsq", "statsmodels.OLS"):
    rows.append(("OLS n=10⁶, k=10", large, peer, ols.get(("large", peer)), "≤ 0.4× numpy" if peer == "numpy.lstsq" else ""))
csv_pace = bench_seconds("CSV: read national panel")
for peer in ("pandas.read_csv", "polars.read_csv"):
    r = csvp.get(peer, {})
    rows.append(("CSV ingest, national panel (75 MB)", csv_pace, peer, r.get("s"), "≥ 2× polars' throughput" if "polars" in peer else ""))

extra = os.path.join(os.path.dirname(__file__), "compare_extra.py")
if os.path.exists(extra):
    try:
        exec(open(extra).read())
    except Exception as e:  # keep what was measured
        print(f"compare_extra.py failed: {e!r}", file=sys.stderr)

print("| work | Pace | peer | peer time | Pace / peer | goal |")
print("|---|---|---|---|---|---|")
def fmt(s):
    if s is None: return "n/a"
    return f"{s*1e6:.2f} µs" if s < 1e-3 else (f"{s*1e3:.1f} ms" if s < 1 else f"{s:.2f} s")
for work, p, peer, q, goal in rows:
    ratio = f"{p/q:.3f}" if p and q else "n/a"
    print(f"| {work} | {fmt(p)} | {peer} | {fmt(q)} | {ratio} | {goal} |")
