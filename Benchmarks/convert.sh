#!/usr/bin/env bash
# `pace convert PANEL --to level` against the same work in pandas (Benchmarks/peers/convert_pandas.py),
# on the national-scale panel of /work/shared/bench/gen_panel.py (2,850 regions x 20 indicators,
# quarterly ytd 2015Q1-2024Q2, 2.17 M rows). Best of 3 wall times each, output to /dev/null.
#
# usage: Benchmarks/convert.sh [PANEL_DIR=/tmp/panel] [PYTHON=/work/.venv-peers/bin/python]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-/tmp/panel}"
python="${2:-/work/.venv-peers/bin/python}"
[ -f "$dir/panel.csv" ] || python3 /work/shared/bench/gen_panel.py "$dir"
(cd "$root" && swift build -c release --product pace >/dev/null)
pace="$root/.build/release/pace"
best() {
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N)
    local t; t=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
p=$(best "$pace" convert "$dir/panel.csv" --to level)
q=$(best "$python" "$root/Benchmarks/peers/convert_pandas.py" "$dir/panel.csv")
echo "pace convert --to level: ${p} s; pandas: ${q} s; ratio $(echo "scale=1; $q / $p" | bc)x"
