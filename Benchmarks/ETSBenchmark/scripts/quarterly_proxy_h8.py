#!/usr/bin/env python3
"""A second quarterly stand-in for M3 quarterly (no M3 quarterly file is at hand), with M3 quarterly's
horizon of 8: each M3 monthly series with its last 6 training months moved to the test part (6 + 18 = 24
months), summed by 3 into quarters aligned on the train/test boundary (leading months that do not fill a
quarter are dropped). Training lengths 14-40 quarters, test 8. Output in the M3 file format
(series_id,t,value,split), for ets-benchmark FILE 4, scripts/peers_dump.py FILE --season 4 and
scripts/ets_r_aggregate.R FILE 4.
usage: quarterly_proxy_h8.py M3_MONTHLY.csv OUT.csv"""
import csv, sys
series = {}
for r in csv.DictReader(open(sys.argv[1])):
    series.setdefault(r["series_id"], {"train": [], "test": []})[r["split"]].append(float(r["value"]))
with open(sys.argv[2], "w") as out:
    out.write("series_id,t,value,split\n")
    for sid, s in series.items():
        train, test = s["train"][:-6], s["train"][-6:] + s["test"]
        assert len(test) == 24, sid
        train = train[len(train) % 3:]
        quarters = [sum(train[i:i + 3]) for i in range(0, len(train), 3)]
        ahead = [sum(test[i:i + 3]) for i in range(0, 24, 3)]
        for t, v in enumerate(quarters + ahead, start=1):
            out.write(f"{sid},{t},{v:.10g},{'train' if t <= len(quarters) else 'test'}\n")
