#!/usr/bin/env bash
# The whole test suite: installs missing system libraries, runs the notebook scripts, the
# fuzzers (bounded; only when FUZZ_SECONDS > 0, which CI sets), `swift test`, then the M3 accuracy check
# (automatic ETS against statsforecast's and R's recorded forecasts; release build, see Benchmarks/ETSBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
swift build
for nb in notebooks-as-scripts/*.sh; do
    [ -e "$nb" ] || continue
    echo "== notebook: $nb"
    PACE="$(swift build --show-bin-path)/pace" bash "$nb" >/dev/null
done
if [ "${FUZZ_SECONDS:-0}" -gt 0 ] && [ -x Tests/Fuzz/run.sh ]; then
    Tests/Fuzz/run.sh "$FUZZ_SECONDS"
fi
swift test
(cd Benchmarks/ETSBenchmark && swift build -c release --product ets-m3-check && .build/release/ets-m3-check ../../datasets/m3 peers)
