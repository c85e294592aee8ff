#!/usr/bin/env bash
# pace gap against its pandas peer (../shared/bench/gap_pandas.py) on the national panel:
# 2,850 regions × 20 indicators, quarterly ytd 2015Q1–2024Q2, 57,000 growth targets.
# Prints both wall times, the ratio, and the largest relative difference of the numbers.
#
# usage: Benchmarks/gap/run.sh [SHARED_DIR (default ../shared)] [PYTHON (default /work/.venv-peers/bin/python)]
# RUNS=N (default 1) repeats the pair N times, interleaved, and prints every ratio and their median.
# Run it alone: other processes on the machine distort both timings (see ../shared/bench/README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${1:-$root/../shared}
python=${2:-/work/.venv-peers/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/bench/gen_panel.py" "$work" >/dev/null
(cd "$root" && swift build -c release --product pace >/dev/null)
pace=$root/.build/release/pace
runs=${RUNS:-1}
ratios=()
for run in $(seq "$runs"); do
    peer=$("$python" "$shared/bench/gap_pandas.py" "$work/panel.csv" "$work/targets.csv" --as-of 2024Q2 --out "$work/pandas.csv")
    peer_s=$(echo "$peer" | sed -E 's/.* in ([0-9.]+) s/\1/')
    start=$(date +%s.%N)
    "$pace" gap "$work/panel.csv" --targets "$work/targets.csv" --as-of 2024Q2 --time-basis seasonal --method share \
        --output "$work/pace.csv"
    end=$(date +%s.%N)
    pace_s=$(echo "$end - $start" | bc -l)
    ratio=$(echo "$peer_s / $pace_s" | bc -l)
    ratios+=("$ratio")
    printf 'pandas %.3f s, pace %.3f s, ratio %.1f×\n' "$peer_s" "$pace_s" "$ratio"
done
if [ "$runs" -gt 1 ]; then
    printf '%s\n' "${ratios[@]}" | sort -g | awk '{r[NR] = $1} END {
        m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "ratios over %d runs: min %.1f×, median %.1f×, max %.1f×\n", NR, r[1], m, r[NR] }'
fi
"$python" - "$work/pace.csv" "$work/pandas.csv" <<'PY'
import sys, numpy as np, pandas as pd
pace, ref = pd.read_csv(sys.argv[1], comment="#"), pd.read_csv(sys.argv[2])
pairs = {"time_share": "time_share_seasonal", "task_share": "task_share", "progress_pp": "progress_seasonal_pp",
         "ytd_growth": "ytd_growth", "growth_gap_pp": "growth_gap_pp", "required_growth": "required_growth",
         "acceleration_pp": "acceleration_pp", "projected": "projected", "projected_growth": "projected_growth",
         "lo80": "lo80", "hi80": "hi80", "lo95": "lo95", "hi95": "hi95", "p_meet": "p_meet"}
worst = max(np.nanmax(np.abs(pace[a] - ref[b]) / np.abs(ref[b])) for a, b in pairs.items())
print(f"largest relative difference from pandas: {worst:.2e} over {len(pace)} rows")
PY
