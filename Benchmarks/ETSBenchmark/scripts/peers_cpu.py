#!/usr/bin/env python3
"""Runs shared/bench/ets_peers.py unchanged, but with its clock (time.perf_counter) replaced by the
process CPU clock (time.process_time), so that the statsforecast figures are CPU seconds, comparable
with ets-benchmark's `cpu_s` on a shared, loaded machine.
usage: peers_cpu.py PATH/TO/ets_peers.py M3_FILE.csv --season M [--max N]"""
import runpy, sys, time
time.perf_counter = time.process_time
script = sys.argv[1]
sys.argv = [script] + sys.argv[2:]
runpy.run_path(script, run_name="__main__")
