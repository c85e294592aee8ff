import PaceLinearAlgebra

extension HPFilter {
    /// Below this length the two-sided filter uses the general banded kernel directly.
    static let stationaryKernelMinimumCount = 16

    /// Longest cycle of the interior factor rows that is looked for.
    static let longestFactorCycle = 256

    /// The two-sided HP solve with the banded LDLᵀ factorisation of I + λDᵀD, exploiting its
    /// Toeplitz interior.
    ///
    /// Rows 2…n−3 of I + λDᵀD are all (λ, −4λ, 1 + 6λ), so LDLᵀ row j is a fixed function F of
    /// the state (d_{j−2}, d_{j−1}, L_{j−1,j−2}). In exact arithmetic the recursion converges
    /// to a fixed point; in floating point it ends, after tens to a few thousand rows, in an
    /// exact cycle of states (measured: period 1 for λ = 1, 100, 10⁶, 10⁸; 14 for λ = 1600;
    /// 78 for λ = 14 400; 8 for λ = 129 600). Once a state repeats, every later interior row
    /// is a repetition of the stored cycle, bit for bit, so the kernel stops factorising and
    /// the substitutions read the cycle. The operations and their order are exactly those of
    /// `BandedSymmetricMatrix.factorLDLT` and `solveLDLT` for kd = 2: the trend is
    /// bit-identical to the full banded solve. When no cycle of period ≤ `longestFactorCycle`
    /// appears, every row is stored (the full 3n workspace).
    ///
    /// Writes the head rows of `workspace` (row j: d_j, L_{j,j−1}, L_{j,j−2} at 3j…3j+2).
    /// `y` must be finite and n ≥ `stationaryKernelMinimumCount` (checked by the caller).
    /// Returns the first row of the cycle (n − 2 when there is none), for tests.
    @discardableResult
    static func stationaryTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                                into x: UnsafeMutableBufferPointer<Double>,
                                workspace ws: UnsafeMutableBufferPointer<Double>) throws -> Int {
        let n = y.count
        let w = ws.baseAddress!
        let e0 = entries(row: 0, count: n, lambda: lambda)
        let e1 = entries(row: 1, count: n, lambda: lambda)
        let eI = entries(row: 2, count: n, lambda: lambda)
        let eP = entries(row: n - 2, count: n, lambda: lambda)
        let eL = entries(row: n - 1, count: n, lambda: lambda)
        func fail(_ j: Int) -> FilterError {
            // Positive definite for every finite λ > 0; only overflow can get here.
            .invalidParameter(name: "lambda", value: "\(lambda)",
                              constraint: "small enough for I + λDᵀD to be factorised (pivot \(j + 1))")
        }
        @inline(__always) func ok(_ d: Double) -> Bool { d > 0 && d < .infinity }

        // Factorise the head until the state of the interior recursion repeats.
        let d0 = e0.diagonal
        guard ok(d0) else { throw fail(0) }
        w[0] = d0; w[1] = 0; w[2] = 0
        let l10 = e1.first / d0
        let d1 = e1.diagonal - l10 * l10 * d0
        guard ok(d1) else { throw fail(1) }
        w[3] = d1; w[4] = l10; w[5] = 0
        var dA = d0, dB = d1, lB = l10          // rows j−2 and j−1
        var s = n - 2, p = 1                    // cycle: rows s…s+p−1; s = n − 2: none
        var j = 2
        search: while j <= n - 3 {
            let l2 = eI.second / dA
            let l1 = (eI.first - l2 * dA * lB) / dB
            let d = eI.diagonal - l2 * l2 * dA - l1 * l1 * dB
            guard ok(d) else { throw fail(j) }
            w[3 * j] = d; w[3 * j + 1] = l1; w[3 * j + 2] = l2
            // Look for an earlier row j − q with the same state (d_{j−1}, d_j, L_{j,j−1}); only
            // near convergence, where successive pivots agree to a few hundred ulps.
            if abs(d - dB) <= 256 * d.ulp {
                var q = 1
                while q <= longestFactorCycle && j - q >= 2 {
                    let r = 3 * (j - q)
                    if w[r] == d && w[r + 1] == l1 && w[r - 3] == dB {
                        s = j - q + 1; p = q
                        break search
                    }
                    q += 1
                }
            }
            dA = dB; dB = d; lB = l1
            j += 1
        }
        let cycling = s < n - 2
        if cycling {
            // Rows s + p and s + p + 1 repeat rows s and s + 1: stored so that the back
            // substitution reads rows j + 1 and j + 2 of the cycle without wrapping.
            for k in 0..<2 where s + p + k <= n - 1 {
                for c in 0..<3 { w[3 * (s + p + k) + c] = w[3 * (s + k % p) + c] }
            }
        }
        @inline(__always) func row(_ k: Int) -> (d: Double, l1: Double, l2: Double) {
            let r = 3 * (k < s ? k : s + (k - s) % p)
            return (w[r], w[r + 1], w[r + 2])
        }
        // The last two rows, from rows n−4 and n−3.
        let rA = row(n - 4), rB = row(n - 3)
        let l2P = eP.second / rA.d
        let l1P = (eP.first - l2P * rA.d * rB.l1) / rB.d
        let dP = eP.diagonal - l2P * l2P * rA.d - l1P * l1P * rB.d
        guard ok(dP) else { throw fail(n - 2) }
        let l2L = eL.second / rB.d
        let l1L = (eL.first - l2L * rB.d * l1P) / dP
        let dL = eL.diagonal - l2L * l2L * rB.d - l1L * l1L * dP
        guard ok(dL) else { throw fail(n - 1) }

        // Forward substitution L z = y (z in x). The two previous values ride in registers:
        // reloading them from `x` would put a store-to-load round trip on the dependency chain
        // (measured 5× slower).
        x[0] = y[0]
        x[1] = y[1] - l10 * x[0]
        var zm2 = x[0], zm1 = x[1]
        j = 2
        while j < s {
            let v = (y[j] - w[3 * j + 2] * zm2) - w[3 * j + 1] * zm1
            x[j] = v; zm2 = zm1; zm1 = v
            j += 1
        }
        var c = 0                                // row j is row s + c of the cycle
        while j < n - 2 {
            let r = 3 * (s + c)
            let v = (y[j] - w[r + 2] * zm2) - w[r + 1] * zm1
            x[j] = v; zm2 = zm1; zm1 = v
            c += 1
            if c == p { c = 0 }
            j += 1
        }
        x[n - 2] = (y[n - 2] - l2P * x[n - 4]) - l1P * x[n - 3]
        x[n - 1] = (y[n - 1] - l2L * x[n - 3]) - l1L * x[n - 2]

        // Scaling and back substitution D Lᵀ τ = z, again with x_{j+1}, x_{j+2} in registers.
        x[n - 1] /= dL
        x[n - 2] = x[n - 2] / dP - l1L * x[n - 1]
        x[n - 3] = (x[n - 3] / rB.d - l2L * x[n - 1]) - l1P * x[n - 2]
        x[n - 4] = (x[n - 4] / rA.d - l2P * x[n - 2]) - rB.l1 * x[n - 3]
        var xp1 = x[n - 4], xp2 = x[n - 3]
        j = n - 5
        if cycling && j >= s {
            c = (j - s) % p
            while j >= s {
                let r = 3 * (s + c)
                let v = (x[j] / w[r] - w[r + 8] * xp2) - w[r + 4] * xp1
                x[j] = v; xp2 = xp1; xp1 = v
                c = c == 0 ? p - 1 : c - 1
                j -= 1
            }
        }
        while j >= 0 {
            let next = row(j + 1), next2 = row(j + 2)
            let v = (x[j] / w[3 * j] - next2.l2 * xp2) - next.l1 * xp1
            x[j] = v; xp2 = xp1; xp1 = v
            j -= 1
        }
        return s
    }

    /// The two-sided trend by the general path: the full band of I + λDᵀD factorised by
    /// `BandedSymmetricMatrix.factorLDLT` and solved by `solveLDLT` (3n workspace, all written).
    static func bandedTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                            into trend: UnsafeMutableBufferPointer<Double>,
                            workspace: UnsafeMutableBufferPointer<Double>) throws {
        let n = y.count
        for i in 0..<n { trend[i] = y[i] }
        fillBand(workspace, count: n, lambda: lambda)
        do {
            try BandedSymmetricMatrix.factorLDLT(workspace, order: n, subdiagonals: 2)
        } catch {
            throw FilterError.invalidParameter(
                name: "lambda", value: "\(lambda)", constraint: "small enough for I + λDᵀD to be factorised")
        }
        BandedSymmetricMatrix.solveLDLT(UnsafeBufferPointer(workspace), order: n, subdiagonals: 2, trend)
    }
}
