#!/bin/sh
# Local timing check for the regression kernels (release build). Not run in CI or tests.
set -e
cd "$(dirname "$0")/../.."
swift build -c release >/dev/null
B=.build/release
swiftc -O -I $B/Modules -I Sources/_PaceCLapack -L $B -o /tmp/pace-timing Benchmarks/timing/main.swift \
  $B/PaceRegression.build/*.o $B/PaceLinearAlgebra.build/*.o $B/PaceStatistics.build/*.o -llapacke -lopenblas
/tmp/pace-timing
