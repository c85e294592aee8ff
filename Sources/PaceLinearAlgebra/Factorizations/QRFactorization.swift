import _PaceCLapack

/// Householder QR factorisation A = QR of an m × n matrix with m ≥ n (LAPACK `dgeqrf`, blocked).
///
/// Q is kept implicitly as Householder reflectors (LAPACK's compact form), R is the upper
/// triangle. Least squares `min ‖Ax − b‖₂` is solved as `R x = (Qᵀb)[0..<n]` (Golub 1965;
/// Golub & Van Loan, *Matrix Computations*, 4th ed., §5.3). The factorisation does not pivot,
/// so it does not reveal rank: see ``PivotedQR`` for that.
public struct QRFactorization: Sendable {
    /// Compact factors as returned by `dgeqrf` (R on and above the diagonal, reflectors below).
    public let factors: Matrix
    /// Householder scalars τ.
    public let tau: [Double]

    /// Factorises `a`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if `a.rows < a.columns`, or the
    ///   LAPACK error.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows >= a.columns, a.columns > 0 else {
            throw .dimensionMismatch("QR needs rows ≥ columns > 0, got \(a.rows) × \(a.columns)")
        }
        var f = a
        var t = [Double](repeating: 0, count: a.columns)
        let m = Int32(a.rows), n = Int32(a.columns)
        let info = f.withUnsafeMutableBufferPointer { fp in
            t.withUnsafeMutableBufferPointer { tp in
                LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m, n, fp.baseAddress, m, tp.baseAddress)
            }
        }
        try LAPACKInfo.check(info, "dgeqrf", positive: .singular)
        factors = f
        tau = t
    }

    /// The n × n upper-triangular factor R.
    public var r: Matrix {
        let n = factors.columns
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0...j { r[i, j] = factors[i, j] } }
        return r
    }

    /// Overwrites `b` (m × p) with Qᵀb (LAPACK `dormqr`).
    public func applyQTranspose(to b: inout Matrix) throws(LinearAlgebraError) {
        try applyQ(to: &b, transpose: true)
    }

    /// Overwrites `b` (m × p) with Qb (LAPACK `dormqr`).
    public func applyQ(to b: inout Matrix) throws(LinearAlgebraError) {
        try applyQ(to: &b, transpose: false)
    }

    private func applyQ(to b: inout Matrix, transpose: Bool) throws(LinearAlgebraError) {
        guard b.rows == factors.rows else {
            throw .dimensionMismatch("Q is \(factors.rows)×\(factors.rows), right-hand side has \(b.rows) rows")
        }
        let m = Int32(b.rows), p = Int32(b.columns), k = Int32(factors.columns)
        let trans: CChar = transpose ? 84 /* T */ : 78 /* N */
        let info = factors.withUnsafeBufferPointer { fp in
            tau.withUnsafeBufferPointer { tp in
                b.withUnsafeMutableBufferPointer { bp in
                    LAPACKE_dormqr(LAPACK_COL_MAJOR, 76 /* L */, trans, m, p, k,
                                   fp.baseAddress, Int32(factors.rows), tp.baseAddress, bp.baseAddress, m)
                }
            }
        }
        try LAPACKInfo.check(info, "dormqr", positive: .singular)
    }

    /// The thin m × n factor Q (LAPACK `dorgqr`); its rows' squared norms are the leverages.
    public func thinQ() throws(LinearAlgebraError) -> Matrix {
        var q = factors
        var t = tau
        let m = Int32(factors.rows), n = Int32(factors.columns)
        let info = q.withUnsafeMutableBufferPointer { qp in
            t.withUnsafeMutableBufferPointer { tp in
                LAPACKE_dorgqr(LAPACK_COL_MAJOR, m, n, n, qp.baseAddress, m, tp.baseAddress)
            }
        }
        try LAPACKInfo.check(info, "dorgqr", positive: .singular)
        return q
    }

    /// The least-squares solution of `A x ≈ b`.
    /// - Throws: ``LinearAlgebraError/singular(routine:index:)`` if R has an exactly zero
    ///   diagonal element (A has dependent columns), or a dimension mismatch.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        var rhs = try Matrix(rows: b.count, columns: 1, columnMajor: b)
        try applyQTranspose(to: &rhs)
        let n = factors.columns
        var x = Array(rhs.elements[0..<n])
        try Triangular.solveUpper(factors, &x)
        return x
    }
}

/// Triangular solves on the leading n × n upper triangle of a column-major matrix.
enum Triangular {
    /// Solves `U x = b` in place (LAPACK `dtrtrs`).
    static func solveUpper(_ u: Matrix, _ b: inout [Double]) throws(LinearAlgebraError) {
        let n = Int32(b.count)
        let info = u.withUnsafeBufferPointer { up in
            b.withUnsafeMutableBufferPointer { bp in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, 85 /* U */, 78 /* N */, 78 /* N */, n, 1,
                               up.baseAddress, Int32(u.rows), bp.baseAddress, n)
            }
        }
        try LAPACKInfo.check(info, "dtrtrs", positive: .singular)
    }

    /// The inverse of the leading n × n upper triangle (LAPACK `dtrtri`).
    static func invertUpper(_ u: Matrix, order n: Int) throws(LinearAlgebraError) -> Matrix {
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0...j { r[i, j] = u[i, j] } }
        let info = r.withUnsafeMutableBufferPointer { rp in
            LAPACKE_dtrtri(LAPACK_COL_MAJOR, 85, 78, Int32(n), rp.baseAddress, Int32(n))
        }
        try LAPACKInfo.check(info, "dtrtri", positive: .singular)
        return r
    }
}

extension Matrix {
    /// The least-squares solution of `self · x ≈ b` by Householder QR.
    public func leastSquares(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try QRFactorization(self).solve(b)
    }

    /// The inverse of the upper triangle of this square matrix (entries below the diagonal
    /// are ignored) — LAPACK `dtrtri`.
    public func upperTriangularInverse() throws(LinearAlgebraError) -> Matrix {
        guard isSquare else { throw .dimensionMismatch("triangular inverse of a \(rows)×\(columns) matrix") }
        return try Triangular.invertUpper(self, order: rows)
    }
}
