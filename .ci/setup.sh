#!/usr/bin/env bash
# Installs what Pace needs on a fresh Debian machine with Swift already present:
# OpenBLAS (CBLAS) and LAPACKE from Debian. Safe to run again: installs only what is missing.
set -euo pipefail
need=()
for pkg in libopenblas-dev liblapacke-dev "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
