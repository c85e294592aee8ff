import PaceLinearAlgebra

extension HPFilter {
    /// Below this length the two-sided filter uses the general banded kernel directly.
    static let stationaryKernelMinimumCount = 16

    /// Longest cycle of the interior factor rows that is looked for.
    static let longestFactorCycle = 256

    /// The two-sided HP solve in the cycle form (see ``CycleSystem``): the banded LDLᵀ
    /// factorisation of the Toeplitz system S, solved for u with g = Dy on the right, and
    /// τ = y − s·Dᵀu, all in one forward and one backward pass.
    ///
    /// Every row of S is the same (a + 6b, −4b, b), so LDLᵀ row j ≥ 2 is a fixed function F of
    /// the state (d_{j−2}, d_{j−1}, L_{j−1,j−2}). In exact arithmetic the recursion converges to
    /// a fixed point; in floating point it ends, after tens to a few thousand rows, in an exact
    /// cycle of states. Once a state repeats, every later row is a repetition of the stored
    /// cycle, bit for bit, so the kernel stops factorising and the substitutions read the
    /// cycle. The operations and their order are exactly those of
    /// `BandedSymmetricMatrix.factorLDLT` and `solveLDLT` for kd = 2 followed by
    /// ``cycleToTrend(_:system:into:)`` (``bandedTrend(_:lambda:into:workspace:)``): the trend is
    /// bit-identical to that path. When no cycle of period ≤ `longestFactorCycle` appears,
    /// every row is stored (the full 3(n − 2) workspace).
    ///
    /// Writes the head rows of `workspace` (row j: d_j, L_{j,j−1}, L_{j,j−2} at 3j…3j+2).
    /// `y` must be finite and scaled (``scaledForSolve``), n ≥ `stationaryKernelMinimumCount`
    /// (checked by the caller). Returns the first row of the cycle (n − 2 when there is none),
    /// for tests.
    @discardableResult
    static func stationaryTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                                into x: UnsafeMutableBufferPointer<Double>,
                                workspace ws: UnsafeMutableBufferPointer<Double>) throws -> Int {
        let n = y.count, m = n - 2
        let w = ws.baseAddress!
        let sys = CycleSystem(lambda: lambda)
        let diag = sys.diagonal, e1 = sys.first, e2 = sys.second, s = sys.scale
        func fail(_ j: Int) -> FilterError {
            // S is positive definite with entries of order 1 for every finite λ > 0; a pivot
            // that is not positive and finite means the arithmetic broke down.
            .invalidParameter(name: "lambda", value: "\(lambda)",
                              constraint: "a value for which the filter's equations can be solved (row \(j + 1) failed)")
        }
        @inline(__always) func ok(_ d: Double) -> Bool { d > 0 && d < .infinity }

        // Factorise the head until the state of the recursion repeats.
        let d0 = diag
        guard ok(d0) else { throw fail(0) }
        w[0] = d0; w[1] = 0; w[2] = 0
        let l10 = e1 / d0
        let d1 = diag - l10 * l10 * d0
        guard ok(d1) else { throw fail(1) }
        w[3] = d1; w[4] = l10; w[5] = 0
        var dA = d0, dB = d1, lB = l10          // rows j−2 and j−1
        var start = m, p = 1                    // cycle: rows start…start+p−1; start = m: none
        var j = 2
        search: while j < m {
            let l2 = e2 / dA
            let l1 = (e1 - l2 * dA * lB) / dB
            let d = diag - l2 * l2 * dA - l1 * l1 * dB
            guard ok(d) else { throw fail(j) }
            w[3 * j] = d; w[3 * j + 1] = l1; w[3 * j + 2] = l2
            // Look for an earlier row j − q with the same state (d_{j−1}, d_j, L_{j,j−1}); only
            // near convergence, where successive pivots agree to a few hundred ulps.
            if abs(d - dB) <= 256 * d.ulp {
                var q = 1
                while q <= longestFactorCycle && j - q >= 2 {
                    let r = 3 * (j - q)
                    if w[r] == d && w[r + 1] == l1 && w[r - 3] == dB {
                        start = j - q + 1; p = q
                        break search
                    }
                    q += 1
                }
            }
            dA = dB; dB = d; lB = l1
            j += 1
        }
        let cycling = start < m
        if cycling {
            // Rows start + p and start + p + 1 repeat rows start and start + 1: stored so that
            // the back substitution reads rows j + 1 and j + 2 of the cycle without wrapping.
            for k in 0..<2 where start + p + k <= m - 1 {
                for c in 0..<3 { w[3 * (start + p + k) + c] = w[3 * (start + k % p) + c] }
            }
        }

        // Forward substitution L z = g with g_j = (y_j − 2y_{j+1}) + y_{j+2} (z in x). The two
        // previous values ride in registers: reloading them from `x` would put a store-to-load
        // round trip on the dependency chain (measured 5× slower).
        x[0] = rightHandSide(y, 0)
        x[1] = rightHandSide(y, 1) - l10 * x[0]
        var zm2 = x[0], zm1 = x[1]
        j = 2
        while j < min(start, m) {
            let v = (rightHandSide(y, j) - w[3 * j + 2] * zm2) - w[3 * j + 1] * zm1
            x[j] = v; zm2 = zm1; zm1 = v
            j += 1
        }
        var c = 0                                // row j is row start + c of the cycle
        while j < m {
            let r = 3 * (start + c)
            let v = (rightHandSide(y, j) - w[r + 2] * zm2) - w[r + 1] * zm1
            x[j] = v; zm2 = zm1; zm1 = v
            c += 1
            if c == p { c = 0 }
            j += 1
        }

        // Scaling and back substitution D Lᵀ u = z, again with u_{j+1}, u_{j+2} in registers;
        // as soon as u_j is known, τ_{j+2} = y_{j+2} − s·((u_{j+2} − 2u_{j+1}) + u_j) is written
        // over u_{j+2} (u beyond m − 1 is 0).
        @inline(__always) func row(_ k: Int) -> (d: Double, l1: Double, l2: Double) {
            let r = 3 * (k < start ? k : start + (k - start) % p)
            return (w[r], w[r + 1], w[r + 2])
        }
        let last = row(m - 1), beforeLast = row(m - 2)
        let uL = x[m - 1] / last.d
        let uP = x[m - 2] / beforeLast.d - last.l1 * uL
        x[n - 1] = y[n - 1] - s * cycleValue(0, 0, uL)
        x[n - 2] = y[n - 2] - s * cycleValue(0, uL, uP)
        var xp1 = uP, xp2 = uL                   // u_{j+1}, u_{j+2}
        j = m - 3
        if cycling && j >= start {
            c = (j - start) % p
            while j >= start {
                let r = 3 * (start + c)
                let v = (x[j] / w[r] - w[r + 8] * xp2) - w[r + 4] * xp1
                x[j + 2] = y[j + 2] - s * cycleValue(xp2, xp1, v)
                x[j] = v; xp2 = xp1; xp1 = v
                c = c == 0 ? p - 1 : c - 1
                j -= 1
            }
        }
        while j >= 0 {
            let next = row(j + 1), next2 = row(j + 2)
            let v = (x[j] / w[3 * j] - next2.l2 * xp2) - next.l1 * xp1
            x[j + 2] = y[j + 2] - s * cycleValue(xp2, xp1, v)
            x[j] = v; xp2 = xp1; xp1 = v
            j -= 1
        }
        // Here xp1 = u_0, xp2 = u_1.
        x[1] = y[1] - s * cycleValue(xp2, xp1, 0)
        x[0] = y[0] - s * cycleValue(xp1, 0, 0)
        return start
    }

    /// The two-sided trend by the general path: the band of S factorised by
    /// `BandedSymmetricMatrix.factorLDLT` and solved by `solveLDLT` for g = Dy, then
    /// τ = y − s·Dᵀu (3(n − 2) workspace, all written).
    static func bandedTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                            into trend: UnsafeMutableBufferPointer<Double>,
                            workspace: UnsafeMutableBufferPointer<Double>) throws {
        let n = y.count, m = n - 2
        let sys = CycleSystem(lambda: lambda)
        for j in 0..<m { trend[j] = rightHandSide(y, j) }
        fillBand(workspace, order: m, system: sys)
        do {
            try BandedSymmetricMatrix.factorLDLT(workspace, order: m, subdiagonals: 2)
        } catch {
            throw FilterError.invalidParameter(
                name: "lambda", value: "\(lambda)", constraint: "a value for which the filter's equations can be solved")
        }
        BandedSymmetricMatrix.solveLDLT(UnsafeBufferPointer(workspace), order: m, subdiagonals: 2, trend)
        cycleToTrend(y, system: sys, into: trend)
    }

    /// Replaces u (in `x[0..<n−2]`) by τ = y − s·Dᵀu, from the last element down so that each
    /// u is read before it is overwritten; the arithmetic of the stationary kernel's back pass.
    static func cycleToTrend(_ y: UnsafeBufferPointer<Double>, system sys: CycleSystem,
                             into x: UnsafeMutableBufferPointer<Double>) {
        let n = y.count, m = n - 2
        @inline(__always) func u(_ k: Int) -> Double { k >= 0 && k < m ? x[k] : 0 }
        var j = n - 1
        while j >= 0 {
            x[j] = y[j] - sys.scale * cycleValue(u(j), u(j - 1), u(j - 2))
            j -= 1
        }
    }
}
