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
        var a = rows >= columns ? self : transposed
        let m = a.rows, n = a.columns
        var sweep = 0
        var rotated = true
        a.elements.withUnsafeMutableBufferPointer { ap in
            while rotated && sweep < 60 {
                rotated = false
                sweep += 1
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        var alpha = 0.0, beta = 0.0, gamma = 0.0
                        for i in 0..<m {
                            let x = ap[i + p * m], y = ap[i + q * m]
                            alpha += x * x
                            beta += y * y
                            gamma += x * y
                        }
                        if gamma == 0 || abs(gamma) <= Double.ulpOfOne * (alpha * beta).squareRoot() { continue }
                        rotated = true
                        let zeta = (beta - alpha) / (2 * gamma)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot()
                        let s = c * t
                        for i in 0..<m {
                            let x = ap[i + p * m], y = ap[i + q * m]
                            ap[i + p * m] = c * x - s * y
                            ap[i + q * m] = s * x + c * y
                        }
                    }
                }
            }
        }
        var sv = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var big = 0.0
            for i in 0..<m { big = max(big, abs(a[i, j])) }
            if big == 0 { continue }
            var s = 0.0
            for i in 0..<m { let v = a[i, j] / big; s += v * v }
            sv[j] = big * s.squareRoot()
        }
        return sv.sorted(by: >)
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
        let s = try singularValues()
        guard let hi = s.first, let lo = s.last else { return .nan }
        return lo == 0 ? .infinity : hi / lo
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
