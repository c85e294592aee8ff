#!/bin/sh
# Same-sitting comparison of Pace's automatic ETS with statsforecast's AutoETS, CPU time, runs interleaved.
# usage: scripts/compare.sh M3_FILE PERIOD [MAX_SERIES] [REPS]   (from Benchmarks/ETSBenchmark, after
# `swift build -c release`). Prints one JSON line per run: Pace (1 thread, then ETS_THREADS=2) and
# statsforecast (shared/bench/ets_peers.py with its clock switched to process CPU time, scripts/peers_cpu.py).
# Environment: BIN (default .build/release/ets-benchmark), PY (default /work/.venv-peers/bin/python), PEERS (default ../../../shared/bench/ets_peers.py).
file=$1; period=$2; max=${3:-100000}; reps=${4:-3}
PY=${PY:-/work/.venv-peers/bin/python}
BIN=${BIN:-.build/release/ets-benchmark}
PEERS=${PEERS:-$(dirname "$0")/../../../../shared/bench/ets_peers.py}
for r in $(seq "$reps"); do
  "$BIN" "$file" "$period" "$max"
  ETS_THREADS=2 "$BIN" "$file" "$period" "$max"
  "$PY" "$(dirname "$0")/peers_cpu.py" "$PEERS" "$file" --season "$period" --max "$max"
done
