#!/usr/bin/env python3
"""Summary of the R cross-check: one line per check with the number of cases, how many exceed the
limit, the worst value and where it occurred; writes OUT/summary.txt and OUT/summary.json (which also
lists up to 100 cases over each limit) and exits 1 if a DEFECT criterion fails:
 (a) an explicit ETS fit whose log-likelihood is below R ets()'s by more than 1e-6 relative;
 (b) `--model auto --ets-region usual --ets-search full` choosing an AICc above R ets()'s by more
     than 1e-6 relative;
 (c) R's recursion (pegelsresid.C) at Pace's estimates disagreeing with Pace's log-likelihood by
     more than 1e-9 relative;
 (d) trend models vs lm() and classical decomposition vs decompose() above 1e-8 relative, HP filter
     above 1e-9 of max|y| (or an unexpected lambda).
Status "note" marks a row above its limit that does not fail the run (among them the default,
screened automatic search, whose AICc may exceed R's by design); "-" rows are counts or the size of
the documented departures from forecast 8.20.
Inputs: OUT/r_ets/*.json and OUT/pace/ets/*.json (optimum and automatic choice), OUT/ets_at_pace.json,
OUT/trend_cmp.json, OUT/hp_dec_cmp.json.
usage: summary.py OUT_DIR        (standard library only)
"""
import json, sys
from pathlib import Path

out = Path(sys.argv[1])
INF = float('inf')
rows, defects = [], []


def num(v):  # R writes Inf/NaN as null: count them as infinitely wrong
    return INF if v is None else float(v)


def check(name, recs, key, limit, gate='note'):
    """A row over records: cases, how many exceed limit, the worst value and its case."""
    vals = [(num(r[key]), r['case']) for r in recs if key in r]
    worst, where = max(vals) if vals else (None, '')
    over = sum(v > limit for v, _ in vals)
    bad = over > 0 or (not vals and gate == 'DEFECT')   # nothing compared fails a gate too
    status = ('DEFECT' if gate == 'DEFECT' else 'note') if bad else 'ok'
    if status == 'DEFECT': defects.append(name)
    rows.append(dict(check=name, cases=len(vals), over=over, worst=worst, limit=limit, status=status, where=where,
                     over_cases=sorted((c for v, c in vals if v > limit), key=str)[:100]))


def count(name, cases, note=False):
    """A row counting cases; note=True: any case is worth a look (status note)."""
    cases = list(cases)
    rows.append(dict(check=name, cases=len(cases), status='note' if note and cases else ('ok' if note else '-'),
                     where=', '.join(cases[:2]), **({'all_cases': cases[:100]} if note else {})))


def info(name, recs, key):
    vals = [(num(r[key]), r['case']) for r in recs if key in r]
    worst, where = max(vals) if vals else (None, '')
    rows.append(dict(check=name, cases=len(vals), worst=worst, status='-', where=where))


def section(title):
    rows.append(dict(section=title))


def pace_series(kind, name):
    p = json.load(open(out / 'pace' / kind / f'{name}.json'))
    return json.loads(p['stdout'])['series'][0] if p['rc'] == 0 else None


# ---- ETS: Pace's optimum and automatic choice vs R's -------------------------------------------
fits, r_fallback, r_error, refused_r_ok, auto = [], [], [], [], {'screened': [], 'full': []}
auto_failed, auto_r_none = {'screened': [], 'full': []}, []
for f in sorted((out / 'r_ets').glob('*.json')):
    r = json.load(open(f))
    for mod, rf in r['fits'].items():
        ps, case = pace_series('ets', f"{r['id']}__{mod}"), f"{r['id']} {mod}"
        if 'error' in rf: r_error.append((case, ps is None)); continue
        if rf['short'] or rf['fallback']: r_fallback.append((case, ps is None)); continue
        if ps is None: refused_r_ok.append(case); continue
        fits.append(dict(case=case, shortfall=(rf['loglik'] - ps['log_likelihood']) / abs(rf['loglik'])))
    ra = r['auto']
    if 'error' in ra or ra['fallback']: auto_r_none.append(r['id']); continue
    for search in auto:
        ps = pace_series('ets', f"{r['id']}__auto_{search}")
        if ps is None: auto_failed[search].append(r['id']); continue
        auto[search].append(dict(case=f"{r['id']}: {ps['model']} vs R {ra['method']}", same=ps['model'] == ra['method'],
                                 excess=(ps['aicc'] - ra['aicc']) / abs(ra['aicc'])))

section('ETS explicit fits: Pace log-likelihood vs R ets() optimum, (R - Pace)/|R|')
check('(a) Pace below R', fits, 'shortfall', 1e-6, 'DEFECT')
count('  Pace above R by more than 1e-6', (x['case'] for x in fits if x['shortfall'] < -1e-6))
count('  not compared: R fallback, n <= npars + 4', (c for c, _ in r_fallback))
count('    of which Pace refused too', (c for c, refused in r_fallback if refused))
count('  not compared: R error', (c for c, _ in r_error))
count('  Pace refused where R optimised', refused_r_ok, note=True)

at = json.load(open(out / 'ets_at_pace.json'))
for r in at: r['case'] = f"{r['id']} {r['model']}"
fc = [r for r in at if not r.get('fc_error')]
section("R at Pace's ETS estimates: recursion, criteria (k = #par + 1), forecast.ets (relative)")
check('(c) pegelsresid.C log-likelihood', at, 'lik', 1e-9, 'DEFECT')
for key, name in (('aic', 'AIC'), ('aicc', 'AICc'), ('bic', 'BIC'), ('sigma2', 'sigma2 = SSE/(n - #par)')):
    check(name, at, key, 1e-9)
count('forecast.ets failed at Pace estimates', (r['case'] for r in at if r.get('fc_error')), note=True)
check('mean vs R, 8.20 quirks corrected', fc, 'mean_textbook', 1e-9)
check('80/95% intervals vs R, quirks corrected', fc, 'pi_textbook', 1e-9)
check('mean vs R 8.20 (except MAdM)', fc, 'mean_r820', 1e-9)
check('intervals vs R 8.20 (except departures)', fc, 'pi_r820', 1e-9)
info('documented departure: ANA/MNA h >= 3', [r for r in fc if r['model'] in ('ANA', 'MNA')], 'departure')
info('documented departure: MAdM', [r for r in fc if r['model'] == 'MAdM'], 'departure')

section('Automatic ETS, --ets-region usual: chosen AICc vs R ets(), (Pace - R)/|R|')
check('(b) --ets-search full: AICc above R', auto['full'], 'excess', 1e-6, 'DEFECT')
check('default screened search: AICc above R', auto['screened'], 'excess', 1e-6)
for search in auto:
    count(f'  {search}: model differs from R', (x['case'] for x in auto[search] if not x['same']))
    count(f'  {search}: Pace failed where R chose', auto_failed[search], note=True)
count('  not compared: R fallback or error', auto_r_none)

# ---- trend, HP, classical decomposition ---------------------------------------------------------
tr = json.load(open(out / 'trend_cmp.json'))
ok = [r for r in tr if not r['refused'] and not r['r_rank_deficient']]
section('Trend models vs lm()/predict() (relative)')
for key, name in (('mean', 'point forecast'), ('pi', '80/95% prediction intervals'), ('loglik', 'log-likelihood'),
                  ('aic', 'AIC'), ('aicc', 'AICc'), ('bic', 'BIC'), ('sigma2', 'sigma2')):
    check(f'(d) {name}', ok, key, 1e-8, 'DEFECT')
count('  coefficient count differs from lm', (r['case'] for r in ok if r['ncoef_differs']), note=True)
count('  Pace refused, lm rank deficient (or n < #coef)', (r['case'] for r in tr if r['refused'] and r['r_rank_deficient']))
count('  Pace refused, lm full rank', (r['case'] for r in tr if r['refused'] and not r['r_rank_deficient']), note=True)
count('  Pace fitted, lm rank deficient', (r['case'] for r in tr if not r['refused'] and r['r_rank_deficient']), note=True)

hd = json.load(open(out / 'hp_dec_cmp.json'))
hp = [r for r in hd if r['kind'] == 'hp' and not r['refused']]
for r in hp: r['lambda_wrong'] = 0 if r['lambda_ok'] else 1
section("HP filter vs sparse solve of (I + lambda D'D) x = y (relative to max|y|)")
for side in ('two', 'one'):
    for key in ('trend', 'cycle'):
        check(f'(d) {side}-sided {key}', [r for r in hp if r['side'] == side], key, 1e-9, 'DEFECT')
check('(d) lambda differs from expected', hp, 'lambda_wrong', 0, 'DEFECT')
count('  Pace refused', (r['case'] for r in hd if r['kind'] == 'hp' and r['refused']), note=True)
dec = [r for r in hd if r['kind'] == 'dec' and not r['refused']]
section('Classical decomposition vs decompose() (relative to max |R component|)')
for typ in ('additive', 'multiplicative'):
    for key in ('trend', 'seasonal', 'remainder'):
        check(f'(d) {typ} {key}', [r for r in dec if r['type'] == typ], key, 1e-8, 'DEFECT')
count('  Pace refused, decompose() errors too', (r['case'] for r in hd if r['kind'] == 'dec' and r['refused'] and r['r_error']))
count('  Pace refused, decompose() works', (r['case'] for r in hd if r['kind'] == 'dec' and r['refused'] and not r['r_error']), note=True)

# ---- print --------------------------------------------------------------------------------------
fmt = lambda x: '' if x is None else f'{x:.1e}' if isinstance(x, float) else str(x)
lines = [f"{'check':48s} {'cases':>6s} {'over':>5s} {'worst':>9s} {'limit':>7s}  {'status':6s}  worst case / examples"]
for r in rows:
    if 'section' in r: lines.append(f"\n{r['section']}"); continue
    lines.append(f"{r['check']:48s} {r['cases']:>6} {fmt(r.get('over')):>5s} {fmt(r.get('worst')):>9s} "
                 f"{fmt(r.get('limit')):>7s}  {r['status']:6s}  {r['where'][:70]}")
lines.append('\n' + (f"DEFECT: {'; '.join(defects)}" if defects else 'No DEFECT criterion failed.'))
text = '\n'.join(lines)
print(text)
(out / 'summary.txt').write_text(text + '\n')
json.dump(dict(rows=rows, defects=defects), open(out / 'summary.json', 'w'), indent=1)
sys.exit(1 if defects else 0)
