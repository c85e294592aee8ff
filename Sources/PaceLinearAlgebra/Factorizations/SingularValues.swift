import _PaceCLapack

extension Matrix {
    /// The singular values σ₁ ≥ σ₂ ≥ … ≥ 0: one-sided Jacobi (Hestenes 1958; Demmel & Veselić
    /// 1992 — high relative accuracy) for matrices up to 32 × 32, where a LAPACK call costs more
    /// than the arithmetic; LAPACK `dgesdd` (values only) above.
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        guard rows > 0, columns > 0 else { return [] }
        if rows <= 32 && columns <= 32 { return jacobiSingularValues() }
        return try lapackSingularValues()
    }

    /// One-sided Jacobi: orthogonalise the columns pairwise by plane rotations until every pair
    /// is orthogonal to working precision; the column norms are then the singular values.
    func jacobiSingularValues() -> [Double] {
        let m = max(rows, columns), n = min(rows, columns)
        var sv = [Double](repeating: 0, count: n)
        withJacobiColumns { a in
            sv.withUnsafeMutableBufferPointer { Self.columnNorms(a, m, n, into: $0.baseAddress!) }
        }
        return sv.sorted(by: >)
    }

    /// Copies this matrix (transposed when it is wide) into a temporary m × n buffer (m ≥ n),
    /// orthogonalises its columns by one-sided Jacobi and calls `body` with the result.
    func withJacobiColumns<R>(_ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        let m = max(rows, columns), n = min(rows, columns)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m * n + n) { buf in
            let a = buf.baseAddress!
            elements.withUnsafeBufferPointer { e in
                if rows > columns {
                    a.update(from: e.baseAddress!, count: m * n)
                } else {
                    for i in 0..<rows { for j in 0..<columns { a[j + i * m] = e[i + j * rows] } }
                }
            }
            Self.jacobiOrthogonalize(a, m, n, work: a + m * n)
            return body(a)
        }
    }

    /// One-sided Jacobi (Hestenes 1958) on the columns of the column-major m × n matrix at `a`:
    /// a pair (p, q) is rotated when |aₚᵀa_q| > √m·ε·‖aₚ‖‖a_q‖ (the threshold of LAPACK's
    /// `dgesvj`); the rotation angle is Rutishauser's, and the squared norms are updated by
    /// αₚ ← αₚ − tγ, α_q ← α_q + tγ within a sweep and recomputed at the start of each.
    /// `work` holds n values.
    static func jacobiOrthogonalize(_ a: UnsafeMutablePointer<Double>, _ m: Int, _ n: Int,
                                    work norms: UnsafeMutablePointer<Double>) {
        let tol2 = Double(m) * Double.ulpOfOne * Double.ulpOfOne  // (√m·ε)²
        var sweep = 0
        var rotated = true
        while rotated && sweep < 60 {
            rotated = false
            sweep += 1
            for j in 0..<n {
                let c = a + j * m
                var s = 0.0
                for i in 0..<m { s += c[i] * c[i] }
                norms[j] = s
            }
            for p in 0..<max(n - 1, 0) {
                let x = a + p * m
                for q in (p + 1)..<n {
                    let y = a + q * m
                    let alpha = norms[p], beta = norms[q]
                    var gamma = 0.0
                    for i in 0..<m { gamma += x[i] * y[i] }
                    if gamma * gamma <= tol2 * alpha * beta { continue }  // also skips γ = 0
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = c * t
                    for i in 0..<m {
                        let u = x[i], v = y[i]
                        x[i] = c * u - s * v
                        y[i] = s * u + c * v
                    }
                    norms[p] = alpha - t * gamma
                    norms[q] = beta + t * gamma
                }
            }
        }
    }

    /// Euclidean norms of the n columns at `a` (m rows each), guarded against overflow.
    static func columnNorms(_ a: UnsafeMutablePointer<Double>, _ m: Int, _ n: Int,
                            into sv: UnsafeMutablePointer<Double>) {
        for j in 0..<n {
            let c = a + j * m
            var big = 0.0
            for i in 0..<m { big = max(big, abs(c[i])) }
            if big == 0 { sv[j] = 0; continue }
            var s = 0.0
            for i in 0..<m { let v = c[i] / big; s += v * v }
            sv[j] = big * s.squareRoot()
        }
    }

    /// LAPACK `dgesdd` singular values (any size).
    func lapackSingularValues() throws(LinearAlgebraError) -> [Double] {
        var a = self
        var s = [Double](repeating: 0, count: min(rows, columns))
        var u = [Double](repeating: 0, count: 1)
        var vt = [Double](repeating: 0, count: 1)
        let info = a.withUnsafeMutableBufferPointer { ap in
            s.withUnsafeMutableBufferPointer { sp in
                u.withUnsafeMutableBufferPointer { up in
                    vt.withUnsafeMutableBufferPointer { vp in
                        LAPACKE_dgesdd(LAPACK_COL_MAJOR, 78 /* N */, Int32(rows), Int32(columns), ap.baseAddress,
                                       Int32(rows), sp.baseAddress, up.baseAddress, 1, vp.baseAddress, 1)
                    }
                }
            }
        }
        try LAPACKInfo.check(info, "dgesdd", positive: .noConvergence)
        return s
    }

    /// The 2-norm condition number σ_max / σ_min (+∞ when σ_min = 0).
    public func conditionNumber() throws(LinearAlgebraError) -> Double {
        guard rows > 0, columns > 0 else { return .nan }
        if rows <= 32 && columns <= 32 {
            if let fast = gramConditionNumber() { return fast }
            // High relative accuracy for ill-conditioned matrices: extremes of the Jacobi column
            // norms (no allocation).
            let m = max(rows, columns), n = min(rows, columns)
            return withJacobiColumns { a in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { sv in
                    Self.columnNorms(a, m, n, into: sv.baseAddress!)
                    var hi = 0.0, lo = Double.infinity
                    for v in sv { hi = max(hi, v); lo = min(lo, v) }
                    return lo == 0 ? .infinity : hi / lo
                }
            }
        }
        let s = try singularValues()
        guard let hi = s.first, let lo = s.last else { return .nan }
        return lo == 0 ? .infinity : hi / lo
    }

    /// √(λ_max/λ_min) of the Gram matrix BᵀB (B this matrix, or its transpose when wide) by
    /// tridiagonal QR — what statsmodels reports as `condition_number`, computed the same way
    /// (eigenvalues of XᵀX). λ_min then carries a relative error of about ε·κ², so the value is
    /// returned only when κ ≤ 10³ (error ≲ 10⁻¹⁰); otherwise `nil`, and the caller uses Jacobi.
    func gramConditionNumber() -> Double? {
        let n = min(rows, columns), m = max(rows, columns)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n * n + 2 * n) { buf in
            let g = buf.baseAddress!, d = g + n * n, e = d + n
            elements.withUnsafeBufferPointer { ep in
                let a = ep.baseAddress!
                let wide = rows < columns
                for j in 0..<n {
                    for i in 0...j {
                        var s = 0.0
                        if wide {
                            for l in 0..<m { s += a[i + l * rows] * a[j + l * rows] }
                        } else {
                            let ci = a + i * rows, cj = a + j * rows
                            for l in 0..<m { s += ci[l] * cj[l] }
                        }
                        g[i + j * n] = s
                        g[j + i * n] = s
                    }
                }
            }
            guard SymmetricTridiagonalEigenvalues.compute(g, n, eigenvalues: d, work: e) else { return nil }
            var hi = -Double.infinity, lo = Double.infinity
            for j in 0..<n { hi = max(hi, d[j]); lo = min(lo, d[j]) }
            guard lo > 0, hi.isFinite, hi <= 1e6 * lo else { return nil }
            return (hi / lo).squareRoot()
        }
    }

    /// Eigenvalues of this symmetric matrix in ascending order (LAPACK `dsyevd`, upper triangle).
    public func symmetricEigenvalues() throws(LinearAlgebraError) -> [Double] {
        guard isSquare else { throw .dimensionMismatch("eigenvalues of a \(rows)×\(columns) matrix") }
        guard rows > 0 else { return [] }
        var a = self
        var w = [Double](repeating: 0, count: rows)
        let info = a.withUnsafeMutableBufferPointer { ap in
            w.withUnsafeMutableBufferPointer { wp in
                LAPACKE_dsyevd(LAPACK_COL_MAJOR, 78 /* N */, 85 /* U */, Int32(rows), ap.baseAddress,
                               Int32(rows), wp.baseAddress)
            }
        }
        try LAPACKInfo.check(info, "dsyevd", positive: .noConvergence)
        return w
    }
}
