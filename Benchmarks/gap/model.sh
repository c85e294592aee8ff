#!/usr/bin/env bash
# `pace gap --method model` (the default) against statsforecast's AutoETS doing its ETS work
# (model_statsforecast.py: automatic ETS, season length 4, on each series' period values, and the
# forecast of the remaining quarters with intervals — no sample paths, no gap accounts), on a
# generated quarterly panel (../shared/bench/gen_panel.py, REGIONS regions × 20 indicators).
# Interleaved RUNS times; CPU seconds per series for both, and the ratio. Pace also reads the CSV,
# simulates 2,000 paths per series and computes every account, so the ratio flatters the peer.
#
# usage: Benchmarks/gap/model.sh [REGIONS (default 100)] [SHARED_DIR (default ../shared)] [PYTHON]
# environment: RUNS (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
regions="${1:-100}"
shared="${2:-../shared}"
python="${3:-/work/.venv-peers/bin/python}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" "$shared/bench/gen_panel.py" "$work" --regions "$regions" > /dev/null
swift build -c release --product pace > /dev/null
pace="$(swift build -c release --show-bin-path)/pace"
for run in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o "$work/time" "$pace" gap "$work/panel.csv" --targets "$work/targets.csv" \
        --as-of 2024Q2 --method model --format csv > "$work/pace.csv"
    series=$(($(grep -vc '^#' "$work/pace.csv") - 1))
    pace_cpu=$(awk '{print $1 + $2}' "$work/time")
    peer=$("$python" Benchmarks/gap/model_statsforecast.py "$work/panel.csv" --as-of 2024Q2)
    peer_cpu=$(echo "$peer" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["cpu_s"])')
    "$python" - "$series" "$pace_cpu" "$peer_cpu" <<'EOF'
import sys
n, pace, peer = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"series {n}: pace gap --method model {1000 * pace / n:.2f} ms CPU/series, "
      f"statsforecast AutoETS {1000 * peer / n:.2f} ms CPU/series, ratio {pace / peer:.3f} ({peer / pace:.1f}x)")
EOF
done
