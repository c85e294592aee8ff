#!/usr/bin/env bash
# Builds every libFuzzer target in Tests/Fuzz/Targets (each compiled into one module with the
# PaceData sources, plus the files listed in Targets/<target>.sources if present, with
# -sanitize=fuzzer,address) and runs each for a bounded time.
#
# usage: Tests/Fuzz/run.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Seeds come from Tests/Fuzz/corpus/<target>/ (copied to a scratch corpus, so the repository is not
# modified); crashes are written to fuzz-artifacts/<target>/ at the repository top and make
# the script exit non-zero. The search runs without leak detection (LeakSanitizer slows it
# about 20×); afterwards the whole grown corpus is rerun once with leak detection on.
# Add a target: drop Tests/Fuzz/Targets/<name>.swift with an @_cdecl("LLVMFuzzerTestOneInput")
# function and a seed folder Tests/Fuzz/corpus/<name>/; a target that needs sources of another
# module lists them (globs relative to the repository top, one a line, # comments) in
# Tests/Fuzz/Targets/<name>.sources.
set -uo pipefail
seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/.build/fuzz"
mkdir -p "$build"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/Tests/Fuzz/Targets/*.swift; do targets+=("$(basename "$f" .swift)"); done
fi
export SWIFT_BACKTRACE=enable=no
status=0
for t in "${targets[@]}"; do
  echo "== building $t"
  extra=()
  if [ -f "$root/Tests/Fuzz/Targets/$t.sources" ]; then
    while read -r pattern; do
      case "$pattern" in ''|'#'*) continue ;; esac
      for f in "$root"/$pattern; do extra+=("$f"); done
    done < "$root/Tests/Fuzz/Targets/$t.sources"
  fi
  if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name PaceData \
      "$root"/Sources/PaceData/*.swift "$root"/Sources/PaceData/*/*.swift "${extra[@]}" \
      "$root/Tests/Fuzz/Targets/$t.swift" -o "$build/$t" 2> "$build/$t.build.log"; then
    grep -v "Cannot export local symbol" "$build/$t.build.log" >&2
    echo "== $t: build failed" >&2
    status=1
    continue
  fi
  work="$build/corpus-$t"
  artifacts="$root/fuzz-artifacts/$t"
  mkdir -p "$work" "$artifacts"
  if [ -d "$root/Tests/Fuzz/corpus/$t" ]; then cp -n "$root/Tests/Fuzz/corpus/$t"/* "$work"/ 2>/dev/null || true; fi
  dict=()
  if [ -f "$root/Tests/Fuzz/$t.dict" ]; then dict=("-dict=$root/Tests/Fuzz/$t.dict"); fi
  echo "== running $t for ${seconds}s"
  if "$build/$t" "$work" "${dict[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 \
      -max_len=8192 -artifact_prefix="$artifacts/" -print_final_stats=1 > "$build/$t.log" 2>&1; then
    grep -E "^Done|stat::number_of_executed_units" "$build/$t.log" | head -2
    echo "== $t: no crash"
    # Leak pass: the search itself runs without LeakSanitizer (it makes every input ~20× slower);
    # afterwards every input of the grown corpus is run once with leak detection on.
    if "$build/$t" "$work" -runs=0 -detect_leaks=1 -timeout=20 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$artifacts/" > "$build/$t.leaks.log" 2>&1; then
      echo "== $t: no leak ($(ls "$work" | wc -l) corpus inputs rerun with LeakSanitizer)"
    else
      tail -40 "$build/$t.leaks.log" >&2
      echo "== $t: LEAK (input saved in $artifacts)" >&2
      status=1
    fi
  else
    tail -40 "$build/$t.log" >&2
    echo "== $t: CRASH (input saved in $artifacts)" >&2
    status=1
  fi
done
exit $status
