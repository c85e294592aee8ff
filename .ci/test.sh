#!/usr/bin/env bash
# The whole test suite: installs missing system libraries, runs the notebook scripts, the
# fuzzers (bounded; only when FUZZ_SECONDS > 0, which CI sets), then `swift test`.
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
