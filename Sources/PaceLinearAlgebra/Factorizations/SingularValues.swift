import _PaceCLapack

extension Matrix {
    /// The singular values σ₁ ≥ σ₂ ≥ … ≥ 0 (LAPACK `dgesdd`, values only).
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        guard rows > 0, columns > 0 else { return [] }
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
