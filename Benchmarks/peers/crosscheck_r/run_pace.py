#!/usr/bin/env python3
"""Runs the pace binary on every case of the R cross-check and stores each run's command, exit code,
stdout (JSON) and stderr as OUT/pace/<kind>/<case>.json. Cases:

- ets:   every explicit model R fitted (keys of OUT/r_ets/<id>.json), `--model ets:XYZ`, same horizon;
         and `--model auto --ets-region usual` with the default (screened) and `--ets-search full`;
- trend: trend:linear, trend:quadratic, trend:loglinear (positive series) with default season
         dummies, with --no-season-dummies (m > 1), and with --break at the middle period;
- hp:    `filter hp`, default λ and λ = 1600, 129600, 100, two- and one-sided, levels and --log
         (positive series); the 336 annual us_states series are subsampled 1 in 4 (crc32 of the id);
- dec:   `decompose --method classical`, additive and (positive series) multiplicative, m > 1.

usage: run_pace.py PACE_BIN OUT_DIR JOBS        (standard library only)
"""
import json, subprocess, sys, zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

pace, out, jobs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
series = lambda sid: str(out / 'series' / f'{sid}.csv')
manifest = json.load(open(out / 'manifest_real.json')) + json.load(open(out / 'manifest_syn.json'))
cases = []  # (kind, name, argv, extra fields stored with the result)
for x in manifest:
    sid, m, positive = x['id'], x['m'], x['min'] > 0
    h = 6 if m == 1 else 2 * m
    fc = [pace, 'forecast', series(sid), '--format', 'json', '--horizon', str(h)]
    for mod in json.load(open(out / 'r_ets' / f'{sid}.json'))['fits']:
        cases.append(('ets', f'{sid}__{mod}', fc + ['--model', f'ets:{mod}'], {}))
    cases.append(('ets', f'{sid}__auto_screened', fc + ['--model', 'auto', '--ets-region', 'usual'], {}))
    cases.append(('ets', f'{sid}__auto_full', fc + ['--model', 'auto', '--ets-region', 'usual', '--ets-search', 'full'], {}))
    periods = [l.split(',')[1] for l in open(series(sid)).read().split()[1:]]
    brk = periods[len(periods) // 2]
    for shape in ('linear', 'quadratic') + (('loglinear',) if positive else ()):
        cfgs = [('def', [])] + ([('nodum', ['--no-season-dummies'])] if m > 1 else []) + [('brk', ['--break', brk])]
        for cfg, extra in cfgs:
            cases.append(('trend', f'{sid}__{shape}__{cfg}', fc + ['--model', f'trend:{shape}'] + extra,
                          dict(id=sid, shape=shape, cfg=cfg, brk=brk, h=h)))
    if not sid.startswith('us_states') or zlib.crc32(sid.encode()) % 4 == 0:
        for lam in ('default', '1600', '129600', '100'):
            for side in ('two', 'one'):
                for log in (False, True) if positive else (False,):
                    argv = [pace, 'filter', 'hp', series(sid), '--format', 'json'] + \
                           ([] if lam == 'default' else ['--lambda', lam]) + \
                           (['--one-sided'] if side == 'one' else []) + (['--log'] if log else [])
                    cases.append(('hp', f'{sid}__{lam}__{side}__{int(log)}', argv,
                                  dict(id=sid, lam=lam, side=side, log=log)))
    if m > 1:
        for typ in ('additive', 'multiplicative') if positive else ('additive',):
            cases.append(('dec', f'{sid}__{typ}', [pace, 'decompose', series(sid), '--format', 'json',
                          '--method', 'classical', '--model', typ], dict(id=sid, type=typ)))


def run(case):
    kind, name, argv, extra = case
    p = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    rec = dict(cmd=argv, rc=p.returncode, stdout=p.stdout, stderr=p.stderr, **extra)
    json.dump(rec, open(out / 'pace' / kind / f'{name}.json', 'w'))


for kind in ('ets', 'trend', 'hp', 'dec'):
    (out / 'pace' / kind).mkdir(parents=True, exist_ok=True)
with ThreadPoolExecutor(jobs) as ex:
    list(ex.map(run, cases))
print(f'run_pace.py: {len(cases)} pace runs')
