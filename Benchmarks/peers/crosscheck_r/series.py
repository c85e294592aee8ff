#!/usr/bin/env python3
"""Real series for the R cross-check, taken from the shared datasets (…/shared/datasets).

Every series of the single-series CSVs (series,period,value) and of the panels (region,indicator,
period,value) listed below is written to OUT/series/<id>.csv, keeping its longest run of consecutive
periods without gaps or blanks; series shorter than 12 are dropped. OUT/manifest_real.json lists
id, period m (1, 4, 12), n, first period and minimum (the checks skip multiplicative and log models
when the minimum is not positive).

usage: series.py DATASETS_DIR OUT_DIR          (standard library only)
"""
import csv, json, re, sys
from pathlib import Path

SINGLE = {  # file -> series to keep (None: all)
    'air_passengers_monthly': None, 'jj_earnings_quarterly': None, 'swiss_gdp_quarterly': None,
    'swisspharma_annual': None, 'swisspharma_quarterly': None, 'swisspharma_monthly': None,
    'uk_gas_quarterly': None, 'uk_nondurables_quarterly': None, 'us_electricity_monthly': None,
    'us_prodindex_quarterly': None, 'us_economics_monthly': {'pce', 'pop', 'unemploy'},
    'us_macro_quarterly': {'realgdp', 'realcons', 'realinv', 'realgovt', 'realdpi', 'cpi', 'm1', 'pop'}}
PANEL = {   # file -> indicators to keep (None: all); one series per region and indicator
    'aus_accommodation_quarterly': {'Takings', 'CPI'}, 'aus_visnights_quarterly': None,
    'us_states_produc_annual': {'gsp', 'pcap', 'hwy', 'water', 'util', 'pc', 'emp'}}


def period_index(p):
    """(m, consecutive integer index) of a period label 1990, 1990Q3 or 1990-07."""
    if re.fullmatch(r'\d{4}', p): return 1, int(p)
    if re.fullmatch(r'\d{4}Q[1-4]', p): return 4, int(p[:4]) * 4 + int(p[5]) - 1
    if re.fullmatch(r'\d{4}-\d{2}', p): return 12, int(p[:4]) * 12 + int(p[5:7]) - 1
    raise ValueError(f'unknown period {p!r}')


def longest_run(rows):
    """The longest stretch of rows whose periods follow each other without a gap."""
    rows = sorted(rows, key=lambda r: period_index(r[0])[1])
    best, start = (0, 0), 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or period_index(rows[i][0])[1] != period_index(rows[i - 1][0])[1] + 1:
            if i - start > best[1] - best[0]: best = (start, i)
            start = i
    return rows[best[0]:best[1]]


def main(datasets, out):
    series = {}
    for stem, keep in SINGLE.items():
        for r in csv.DictReader(open(datasets / f'{stem}.csv')):
            if keep is None or r['series'] in keep:
                series.setdefault(f"{stem}__{r['series']}", []).append((r['period'], r['value']))
    for stem, keep in PANEL.items():
        for r in csv.DictReader(open(datasets / f'{stem}.csv')):
            if keep is None or r['indicator'] in keep:
                name = f"{stem}__{r['region'].replace(' ', '')}.{r['indicator']}"
                series.setdefault(name, []).append((r['period'], r['value']))
    (out / 'series').mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, rows in series.items():
        rows = longest_run([(p, v) for p, v in rows if v not in ('', 'NA')])
        if len(rows) < 12: continue
        sid = re.sub(r'[^A-Za-z0-9_.-]', '_', name)
        with open(out / 'series' / f'{sid}.csv', 'w') as fh:
            fh.write('series,period,value\n')
            fh.writelines(f'{sid},{p},{v}\n' for p, v in rows)
        manifest.append(dict(id=sid, m=period_index(rows[0][0])[0], n=len(rows), start=rows[0][0],
                             min=min(float(v) for _, v in rows)))
    json.dump(manifest, open(out / 'manifest_real.json', 'w'), indent=0)
    print(f'series.py: {len(manifest)} real series')


if __name__ == '__main__':
    main(Path(sys.argv[1]), Path(sys.argv[2]))
