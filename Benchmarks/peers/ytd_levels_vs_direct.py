# Year-end accuracy of pace forecast on ytd series: --ytd levels (the default) against --ytd direct.
# Usage: python3 Benchmarks/peers/ytd_levels_vs_direct.py  (needs a release build: swift build -c release)
# Origins: each month 2..11 of 2015-2022 with ten complete years before; prints mean absolute % error of the
# December ytd forecast per indicator and per origin month.
import csv, subprocess, io, math, sys, statistics
import os
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..')
PACE=os.path.join(ROOT,'.build/release/pace')
# Both fits are given plain series,period,value input, so pace fits what it is given: the ytd values (direct)
# or the period levels computed here (cumulated below), each with automatic ETS.
rows=[r for r in csv.DictReader(open(os.path.join(ROOT,'datasets/cn_national_monthly.csv'))) if r['measure']=='ytd']
series={}
for r in rows: series.setdefault(r['indicator'],{})[r['period']]=float(r['value'])
def months(y): return [f"{y}-{m:02d}" for m in range(1,13)]
def ytd_full(s, y):
    # split combined Jan-Feb evenly
    out=[]
    for p in months(y):
        if p in s: out.append(s[p])
        elif p.endswith('-01') and f"{y}-02" in s: out.append(s[f"{y}-02"]/2)
        else: return None
    return out
def fc(vals, periods, h):
    buf=io.StringIO(); buf.write('series,period,value\n')
    for p,v in zip(periods,vals): buf.write(f"x,{p},{v}\n")
    r=subprocess.run([PACE,'forecast','-','--horizon',str(h),'--format','csv','--level','80'],input=buf.getvalue(),capture_output=True,text=True)
    if r.returncode!=0: return None
    out=[l.split(',') for l in r.stdout.splitlines() if not l.startswith('#') and not l.startswith('region')]
    return [(float(o[3]),float(o[4]),float(o[5])) for o in out]
res=[]
for name,s in series.items():
    years=sorted({int(p[:4]) for p in s})
    full={y:ytd_full(s,y) for y in years}
    good=[y for y in years if full[y]]
    # consecutive run of full years
    for Y in range(2015,2023):
        hist_years=[y for y in range(Y-10,Y) if full.get(y)]
        if len(hist_years)<10 or not full.get(Y): continue
        for k in range(2,12):
            ytdp=[];levp=[];per=[]
            for y in hist_years+[Y]:
                v=full[y]; mm=12 if y<Y else k
                for m in range(mm):
                    per.append(f"{y}-{m+1:02d}"); ytdp.append(v[m]); levp.append(v[m]-(v[m-1] if m>0 else 0))
            h=12-k; actual=full[Y][11]
            a=fc(ytdp,per,h); b=fc(levp,per,h)
            if a is None or b is None: continue
            da=a[-1][0]; db=full[Y][k-1]+sum(x[0] for x in b)
            wa=(a[-1][2]-a[-1][1])/actual
            res.append((name,Y,k,abs(da/actual-1)*100,abs(db/actual-1)*100,wa*100))
print(len(res))
import collections
by=collections.defaultdict(list)
for r in res: by[r[0]].append(r)
for n,l in by.items(): print(n, len(l), 'direct %.3f'%statistics.mean(x[3] for x in l), 'levels %.3f'%statistics.mean(x[4] for x in l), 'direct80width %.2f'%statistics.mean(x[5] for x in l))
print('all direct %.3f levels %.3f'%(statistics.mean(x[3] for x in res),statistics.mean(x[4] for x in res)))
bk=collections.defaultdict(list)
for r in res: bk[r[2]].append(r)
for k in sorted(bk): print(k, 'direct %.3f levels %.3f'%(statistics.mean(x[3] for x in bk[k]),statistics.mean(x[4] for x in bk[k])))
