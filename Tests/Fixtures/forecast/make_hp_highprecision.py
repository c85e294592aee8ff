"""Writes hp_highprecision.csv: the HP cycle y − τ of two series at λ from 1 to 1e300, from
(I + λDᵀD) τ = y solved directly (the textbook system, not Pace's cycle form) in mpmath with
enough digits that the result is exact to double precision (digits = 40 + log10 of the
condition number 1 + 16λ). Run with /work/.venv-peers/bin/python (mpmath 1.3)."""
import csv, math, os
import mpmath as mp

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.reader(open(os.path.join(here, "us_macro_quarterly.csv"))))
head = rows[0]
def series(name):
    return [float(r[2]) for r in rows[1:] if r[0] == name]

out = [("series", "lambda", "index", "y", "cycle")]
for name in ["realgdp", "unemp"]:
    y = series(name)
    n = len(y)
    for lam in ["1", "1600", "129600", "1e8", "1e12", "1e16", "1e300"]:
        mp.mp.dps = 40 + int(math.log10(1 + 16 * float(lam)))
        L = mp.mpf(lam)
        # A = I + λDᵀD, pentadiagonal; solved densely (banded storage would do, dense is simplest).
        A = mp.eye(n)
        for k in range(n - 2):
            d = {k: 1, k + 1: -2, k + 2: 1}
            for i, a in d.items():
                for j, b in d.items():
                    A[i, j] += L * a * b
        tau = mp.lu_solve(A, mp.matrix([mp.mpf(v) for v in y]))
        for i in range(n):
            out.append((name, lam, str(i), repr(y[i]), repr(float(mp.mpf(y[i]) - tau[i]))))
with open(os.path.join(here, "hp_highprecision.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(out)
