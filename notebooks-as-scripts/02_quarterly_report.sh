#!/usr/bin/env bash
# A quarterly report from the bundled Chinese national data: one HTML file for the meeting
# and its Markdown twin for the minutes, both from one run of the gap analysis.
# Run: bash notebooks-as-scripts/02_quarterly_report.sh   (PACE=path/to/pace to pick a build)
# Each step prints one sentence saying what it does and why, then the command's output.
set -euo pipefail
cd "$(dirname "$0")/.."
pace=${PACE:-pace}
if ! command -v "$pace" >/dev/null 2>&1; then
    swift build -c release --product pace >/dev/null
    pace="$(swift build -c release --show-bin-path)/pace"
fi
work=$(mktemp -d)
step() { printf '\n== %s\n' "$*"; }

targets=datasets/cn_national_targets.csv
[ -f "$targets" ] || targets=Tests/Fixtures/report/cn_national_targets_2022.csv

step "1. Put the monthly and quarterly national files into one observation file (same columns), since a report reads one."
{ cat datasets/cn_national_monthly.csv; tail -n +2 datasets/cn_national_quarterly.csv; } > "$work/national.csv"
wc -l < "$work/national.csv"

step "2. The targets the report measures against ($targets)."
cat "$targets"

step "3. Write the HTML report as of June 2022 (quarterly GDP is read at 2022Q2), with the seasonal time account."
"$pace" report --data "$work/national.csv" --targets "$targets" --as-of 2022-06 \
    --time-basis seasonal --method share --title "China: targets as of June 2022" \
    --output "$work/report.html"
ls -l "$work/report.html" | awk '{print $5 " bytes"}'

step "4. The same report as Markdown, for pasting into the minutes: the lights table first."
"$pace" report --data "$work/national.csv" --targets "$targets" --as-of 2022-06 \
    --time-basis seasonal --method share --title "China: targets as of June 2022" \
    --output "$work/report.md"
sed -n '/^## Lights/,/^## Time/p' "$work/report.md" | head -n -1

step "5. The HTML is self-contained: no script, no network reference (each count should be 0)."
printf 'script tags: %s, http references: %s, inline SVG charts: %s\n' \
    "$(grep -c '<script' "$work/report.html" || true)" "$(grep -c 'http' "$work/report.html" || true)" \
    "$(grep -o '<svg' "$work/report.html" | wc -l)"

step "6. Where a number came from: the provenance block (version, method, parameters, input hashes)."
sed -n '/^## Provenance/,$p' "$work/report.md"

if command -v chromium >/dev/null 2>&1; then
    step "7. Render the HTML in headless Chromium at A4 proportions, as a reader would see it."
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --screenshot="$work/report.png" --window-size=1240,1754 "file://$work/report.html" 2>/dev/null \
        && ls -l "$work/report.png" | awk '{print $5 " bytes of PNG"}'
fi

printf '\nOutputs are in %s (report.html, report.md).\n' "$work"
