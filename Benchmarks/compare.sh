#!/usr/bin/env bash
# Runs Pace's benchmarks and the peer tools on the same work in one sitting and prints the
# ratio table that goes into README.md. usage: bash Benchmarks/compare.sh [--quick]
# Needs ../shared/bench (peers) beside the repository; makes the peers' venv on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
shared=${PACE_SHARED:-../shared}
py=${PEERS_PY:-}
if [ -z "$py" ]; then
    if [ -x /work/.venv-peers/bin/python ]; then py=/work/.venv-peers/bin/python
    else
        [ -x .venv-peers/bin/python ] || bash "$shared/bench/setup.sh" "$PWD/.venv-peers"
        py=$PWD/.venv-peers/bin/python
    fi
fi
exec "$py" Benchmarks/compare.py --shared "$shared" "$@"
