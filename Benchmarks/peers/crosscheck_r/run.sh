#!/usr/bin/env bash
# Cross-check of `pace` against R (forecast 8.20, stats, Matrix) on the shared datasets and 100
# seeded synthetic ETS series: explicit ETS fits, R's recursion, information criteria and forecasts
# at Pace's estimates, automatic ETS with --ets-region usual, trend models, HP filter and classical
# decomposition. Prints a summary table and exits 1 if a DEFECT criterion fails (see README.md).
#
# usage: Benchmarks/peers/crosscheck_r/run.sh [OUT_DIR]      (default /tmp/crosscheck_r, replaced)
# environment: PACE_SHARED  shared directory with datasets/ (default <repo>/../shared)
#              PYTHON       interpreter (default /work/.venv-peers/bin/python, else python3;
#                           the scripts use only the standard library)
#              PACE_BIN     use this binary instead of `swift build -c release --product pace`
#              JOBS         parallel pace runs and R workers (default: nproc)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$(dirname "$0")/../../.." && pwd)"
SHARED="${PACE_SHARED:-$REPO/../shared}"
if [ -z "${PYTHON:-}" ]; then
  PYTHON=/work/.venv-peers/bin/python; [ -x "$PYTHON" ] || PYTHON=python3
fi
JOBS="${JOBS:-$(nproc)}"
OUT="${1:-/tmp/crosscheck_r}"

[ -d "$SHARED/datasets" ] || { echo "run.sh: no datasets in $SHARED (set PACE_SHARED)" >&2; exit 2; }
Rscript -e 'stopifnot(packageVersion("forecast") >= "8.20"); for (p in c("jsonlite", "Matrix")) library(p, character.only = TRUE)' \
  >/dev/null 2>&1 || { echo "run.sh: needs R with forecast (>= 8.20), jsonlite and Matrix" >&2; exit 2; }
if [ -z "${PACE_BIN:-}" ]; then
  (cd "$REPO" && swift build -c release --product pace >/dev/null) || { echo "run.sh: build failed" >&2; exit 2; }
  PACE_BIN="$REPO/.build/release/pace"
fi

rm -rf "$OUT"; mkdir -p "$OUT"
step() { local t0=$SECONDS; "$@"; echo "  ($((SECONDS - t0)) s)"; }
rev="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
git -C "$REPO" diff --quiet HEAD 2>/dev/null || rev="$rev, uncommitted changes"
echo "pace: $PACE_BIN ($rev); output: $OUT; $JOBS jobs"
step "$PYTHON" "$HERE/series.py" "$SHARED/datasets" "$OUT"
step Rscript "$HERE/gen_syn.R" "$OUT"
step Rscript "$HERE/r_ets.R" "$OUT" "$JOBS"
step "$PYTHON" "$HERE/run_pace.py" "$PACE_BIN" "$OUT" "$JOBS"
step Rscript "$HERE/r_ets_at_pace.R" "$OUT" "$JOBS"
step Rscript "$HERE/r_trend.R" "$OUT"
step Rscript "$HERE/r_hp_decompose.R" "$OUT" "$JOBS"
echo "total $SECONDS s"
echo
"$PYTHON" "$HERE/summary.py" "$OUT"
