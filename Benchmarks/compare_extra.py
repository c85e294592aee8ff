# Executed by compare.py (same namespace): whole-program comparisons where the goal is stated
# end to end (convert, gap), the HP filter, and automatic ETS on M3.
import shutil
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
subprocess.run(["swift", "build", "-c", "release", "--product", "pace"], cwd=root, check=True, stdout=subprocess.DEVNULL)
pace_bin = os.path.join(root, ".build", "release", "pace")

# HP filter
hp = {r["n"]: r["s"] for r in run_json_lines([py, os.path.join(bench, "hp_peers.py")])}
for n in (1000, 100000, 1000000):
    rows.append((f"HP filter n={n:,}", bench_seconds(f"HP filter: two-sided lambda 1600 n={n} "), "statsmodels.hpfilter", hp.get(n),
                 "≥ 50× faster than statsmodels" if n == 1000000 else ""))

# convert: ytd → level on the national panel, end to end
t_pace = best_of([pace_bin, "convert", panel, "--to", "level"])
t_pandas = best_of([py, os.path.join(here, "peers", "convert_pandas.py"), panel], n=2)
rows.append(("`pace convert --to level`, national panel (end to end)", t_pace, "pandas (Benchmarks/peers/convert_pandas.py, whole script)", t_pandas, "≤ 1 s and ≥ 5× faster than pandas"))

# gap: share method, seasonal time basis, as of 2024Q2
t_gap = best_of([pace_bin, "gap", panel, "--targets", targets, "--as-of", "2024Q2", "--time-basis", "seasonal", "--method", "share", "--format", "csv"])
out = subprocess.run([py, os.path.join(bench, "gap_pandas.py"), panel, targets, "--as-of", "2024Q2"], check=True, capture_output=True, text=True).stdout
t_gap_pandas = float(out.strip().split(" in ")[1].split()[0])
rows.append(("`pace gap --method share --time-basis seasonal`, 57,000 targets (end to end)", t_gap, "gap_pandas.py (its own timer: read + analysis)", t_gap_pandas, "≥ 10× faster than pandas"))

# automatic ETS on M3 yearly (all 645 series)
m3 = os.path.join(args.shared, "datasets", "m3", "m3_yearly.csv")
ets_dir = os.path.join(here, "ETSBenchmark")
if os.path.exists(m3) and os.path.isdir(ets_dir):
    subprocess.run(["swift", "build", "-c", "release"], cwd=ets_dir, check=True, stdout=subprocess.DEVNULL)
    exe = os.path.join(ets_dir, ".build", "release", "ets-benchmark")
    theirs = run_json_lines([py, os.path.join(bench, "ets_peers.py"), m3, "--season", "1"])[-1]
    rows.append(("auto ETS, M3 yearly 645 series, ordo-one median, 1 thread", bench_seconds("ETS: automatic selection, M3 yearly"),
                 "statsforecast AutoETS (steady state, 1 thread)", theirs["steady_sum_s"], "≥ 10× faster than statsforecast"))
    for threads in ("1", "2"):
        env = dict(os.environ, ETS_THREADS=threads)
        ours = json.loads(subprocess.run([exe, m3, "1"], check=True, capture_output=True, text=True, env=env).stdout.strip().splitlines()[-1])
        rows.append((f"auto ETS, M3 yearly 645 series, {threads} thread(s) (sMAPE {ours['mean_smape']:.2f} vs {theirs['mean_smape']:.2f}, MASE {ours['mean_mase']:.3f} vs {theirs['mean_mase']:.3f})",
                     ours["wall_s"], "statsforecast AutoETS (steady state, 1 thread)", theirs["steady_sum_s"], "≥ 10× faster than statsforecast"))
