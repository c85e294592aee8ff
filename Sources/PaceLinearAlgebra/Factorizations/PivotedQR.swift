import _PaceCLapack

/// Column-pivoted QR, A P = Q R (LAPACK `dgeqp3`), which reveals the numerical rank.
///
/// At step j the remaining column of largest norm is moved forward, so |R₁₁| ≥ |R₂₂| ≥ …
/// The numerical rank is the number of diagonal elements with |R_jj| > tol · |R₁₁|
/// (Businger & Golub 1965; Golub & Van Loan §5.4.2). The columns that were *not* chosen among the
/// first `rank` pivots are the dependent ones: each is (to within tol) a combination of the chosen.
/// Columns should be on comparable scales (e.g. unit norm) for the choice to be meaningful.
public struct PivotedQR: Sendable {
    /// Compact factors (as from `dgeqp3`).
    public let factors: Matrix
    /// Householder scalars.
    public let tau: [Double]
    /// `permutation[j]` is the 0-based original index of the column in position j.
    public let permutation: [Int]
    /// Numerical rank at the tolerance given to `init`.
    public let rank: Int
    /// The relative tolerance used.
    public let tolerance: Double

    /// Factorises `a` and determines its rank.
    /// - Parameter tolerance: relative threshold on |R_jj| / |R₁₁|; default max(m, n) · ε.
    public init(_ a: Matrix, tolerance: Double? = nil) throws(LinearAlgebraError) {
        guard a.columns > 0, a.rows > 0 else {
            throw .dimensionMismatch("pivoted QR of an empty \(a.rows) × \(a.columns) matrix")
        }
        var f = a
        let m = Int32(a.rows), n = Int32(a.columns)
        var jpvt = [Int32](repeating: 0, count: a.columns)
        var t = [Double](repeating: 0, count: min(a.rows, a.columns))
        let info = f.withUnsafeMutableBufferPointer { fp in
            jpvt.withUnsafeMutableBufferPointer { jp in
                t.withUnsafeMutableBufferPointer { tp in
                    LAPACKE_dgeqp3(LAPACK_COL_MAJOR, m, n, fp.baseAddress, m, jp.baseAddress, tp.baseAddress)
                }
            }
        }
        try LAPACKInfo.check(info, "dgeqp3", positive: .singular)
        factors = f
        tau = t
        permutation = jpvt.map { Int($0) - 1 }
        let tol = tolerance ?? Double(max(a.rows, a.columns)) * Double.ulpOfOne
        self.tolerance = tol
        let r11 = abs(f[0, 0])
        var rk = 0
        for j in 0..<min(a.rows, a.columns) where abs(f[j, j]) > tol * r11 { rk = j + 1 }
        rank = r11 == 0 ? 0 : rk
    }

    /// Original indices of the columns judged dependent on the others, ascending.
    public var dependentColumns: [Int] {
        permutation[rank...].sorted()
    }

    /// The basic least-squares solution of A x ≈ b: the `rank` pivot columns are fitted by
    /// R₁₁ z = (Qᵀb)₁..ᵣ and the dependent columns get coefficient 0 (Golub & Van Loan §5.5.5).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `b.count == rows`.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        let m = factors.rows, n = factors.columns
        guard b.count == m else { throw .dimensionMismatch("b has \(b.count) entries, A has \(m) rows") }
        var x = [Double](repeating: 0, count: n)
        guard rank > 0 else { return x }
        var rhs = b
        let kk = Int32(min(m, n))
        let info = factors.withUnsafeBufferPointer { fp in
            tau.withUnsafeBufferPointer { tp in
                rhs.withUnsafeMutableBufferPointer { bp in
                    LAPACKE_dormqr(LAPACK_COL_MAJOR, 76 /* L */, 84 /* T */, Int32(m), 1, kk,
                                   fp.baseAddress, Int32(m), tp.baseAddress, bp.baseAddress, Int32(m))
                }
            }
        }
        try LAPACKInfo.check(info, "dormqr", positive: .singular)
        var z = Array(rhs[0..<rank])
        for i in stride(from: rank - 1, through: 0, by: -1) {
            var s = z[i]
            for j in (i + 1)..<rank { s -= factors[i, j] * z[j] }
            z[i] = s / factors[i, i]
        }
        for i in 0..<rank { x[permutation[i]] = z[i] }
        return x
    }
}
