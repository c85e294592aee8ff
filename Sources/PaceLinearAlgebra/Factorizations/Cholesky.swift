#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import _PaceCLapack

/// Cholesky factorisation A = Uᵀ U of a symmetric positive-definite matrix (LAPACK `dpotrf`,
/// upper triangle of A is read).
public struct Cholesky: Sendable {
    /// The factor U in the upper triangle (the strict lower triangle is zero).
    public let upper: Matrix

    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(routine:order:)`` when A is not.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("Cholesky of a \(a.rows)×\(a.columns) matrix") }
        var u = a
        let n = Int32(a.rows)
        if n > 0 {
            let info = u.withUnsafeMutableBufferPointer { up in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, 85, n, up.baseAddress, n)
            }
            try LAPACKInfo.check(info, "dpotrf", positive: .notPositiveDefinite)
        }
        for j in 0..<a.columns { for i in (j + 1)..<max(a.rows, j + 1) { u[i, j] = 0 } }
        upper = u
    }

    /// Solves A x = b (LAPACK `dpotrs`).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == upper.rows else {
            throw .dimensionMismatch("A is \(upper.rows)×\(upper.rows), b has \(b.count) entries")
        }
        var x = b
        let n = Int32(b.count)
        if n == 0 { return x }
        let info = upper.withUnsafeBufferPointer { up in
            x.withUnsafeMutableBufferPointer { xp in
                LAPACKE_dpotrs(LAPACK_COL_MAJOR, 85, n, 1, up.baseAddress, n, xp.baseAddress, n)
            }
        }
        try LAPACKInfo.check(info, "dpotrs", positive: .singular)
        return x
    }

    /// A⁻¹ (LAPACK `dpotri`), symmetric, both triangles filled.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        var a = upper
        let n = Int32(upper.rows)
        if n == 0 { return a }
        let info = a.withUnsafeMutableBufferPointer { ap in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, 85, n, ap.baseAddress, n)
        }
        try LAPACKInfo.check(info, "dpotri", positive: .singular)
        for j in 0..<upper.columns { for i in 0..<j { a[j, i] = a[i, j] } }
        return a
    }

    /// log det A = 2 Σ log U_ii.
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<upper.rows { s += log(upper[i, i]) }
        return 2 * s
    }
}
