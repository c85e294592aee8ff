#!/usr/bin/env bash
# A quarterly review, step by step, with the pace CLI on the bundled Chinese national data.
# Run: bash notebooks-as-scripts/01_quarterly_review.sh   (PACE=path/to/pace to pick a build)
# Each step prints one sentence saying what it does and why, then the command's output.
set -euo pipefail
cd "$(dirname "$0")/.."
pace=${PACE:-pace}
if ! command -v "$pace" >/dev/null 2>&1; then
    swift build -c release --product pace >/dev/null
    pace="$(swift build -c release --show-bin-path)/pace"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }

step "1. Validate the monthly file: periods, duplicates, gaps, and January–February combined releases."
"$pace" check datasets/cn_national_monthly.csv | tail -4

step "2. Turn year-to-date budget revenue into monthly levels; the February row says it covers January too."
"$pace" convert datasets/cn_national_monthly.csv --to level --format csv \
    | grep -E '^region|general_public_budget_revenue,2022-0[1-6]'

step "3. Year-to-date growth recomputed from levels, to compare with what was published."
"$pace" convert datasets/cn_national_monthly.csv --to ytd_yoy --format csv \
    | grep -E 'general_public_budget_revenue,2022-06'

step "4. GDP as of 2022Q2 against the 5.5% target: growth data only, so the growth gap sets the light."
"$pace" gap datasets/cn_national_quarterly.csv --targets datasets/cn_national_targets.csv \
    --as-of 2022Q2 --method share --format csv > "$work/gdp.csv"
grep -E '^region|^China,gdp,' "$work/gdp.csv" | cut -d, -f1-16

step "5. Budget revenue as of June 2022 against the budgeted 3.8%, with the seasonal time account."
"$pace" gap datasets/cn_national_monthly.csv --targets datasets/cn_national_targets.csv \
    --as-of 2022-06 --time-basis seasonal --method share --format csv > "$work/revenue.csv"
grep -E '^region|general_public_budget_revenue' "$work/revenue.csv" | cut -d, -f1-18

step "6. The same analysis as JSON for other tools: provenance travels with the numbers."
"$pace" gap datasets/cn_national_monthly.csv --targets datasets/cn_national_targets.csv \
    --as-of 2022-06 --time-basis seasonal --method share --format json | head -c 400; echo

step "7. A red light can stop a pipeline: --fail-on red exits 1 when any row is red."
if "$pace" gap datasets/cn_national_quarterly.csv --targets datasets/cn_national_targets.csv \
        --as-of 2022Q2 --method share --fail-on red --format csv > /dev/null; then
    echo "no red rows"
else
    echo "exit status $? — at least one indicator is red"
fi

step "8. Forecast a seasonal series two years ahead with automatic ETS (UK gas, bundled): 80/95% intervals."
"$pace" forecast datasets/uk_gas_quarterly.csv --horizon 8 --format csv | grep -v '^#' | head -5

step "9. The provinces' 2024 horse race on GDP growth against their own targets, with rank changes since 2023."
"$pace" race datasets/provincial_gdp_race_2024.gap.csv --scheme datasets/provincial_gdp_race.scheme.csv \
    --previous datasets/provincial_gdp_race_2023.gap.csv --format csv | grep -v "^#" | head -6
