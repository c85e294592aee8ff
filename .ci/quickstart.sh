#!/usr/bin/env bash
# Quick start: install what is missing, build Pace in release mode, and run its main job — the
# quarterly target-gap analysis — on the bundled Chinese national data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
swift build -c release --product pace
pace="$(swift build -c release --show-bin-path)/pace"
echo
echo "== GDP as of 2022Q2 against the 5.5% target (growth data only: the growth gap sets the light)"
"$pace" gap datasets/cn_national_quarterly.csv --targets datasets/cn_national_targets.csv \
    --as-of 2022Q2 --format table
echo
echo "== Budget revenue as of June 2022 against the budgeted 3.8% (seasonal time account)"
"$pace" gap datasets/cn_national_monthly.csv --targets datasets/cn_national_targets.csv \
    --as-of 2022-06 --time-basis seasonal --format table
echo
echo "Pace is built at $pace — try '$pace --help'."
