/// Householder QR least squares in extended precision, for small and medium problems.
///
/// **Method.** The columns of the n × k design A are scaled to unit Euclidean norm
/// (A = Â D, D = diag‖a_j‖), then Â = QR by Householder reflections (Golub & Van Loan,
/// *Matrix Computations*, 4th ed., Alg. 5.2.1) in ``ExtendedDouble`` arithmetic. The
/// solution of min‖Ax − b‖ is x = D⁻¹R⁻¹(Qᵀb)₁..ₖ. Carrying 64 significand bits, the forward error
/// of the solution is about 2¹¹ times smaller than a double-precision QR of the same data, which is
/// what lifts the NIST StRD Filip problem (κ(Â) ≈ 5 × 10⁹) from ~7 to ≥ 10 correct digits.
///
/// **Dependent columns.** Columns are processed left to right. Before column j becomes a pivot,
/// the norm of its part orthogonal to the columns already accepted is measured (it equals
/// |R_jj| for unit-norm columns: the distance of â_j to the span of the accepted columns). If that
/// distance is ≤ `tolerance`, column j is declared a linear combination of the *earlier accepted*
/// columns and skipped (no reflector). So with columns (const, x, 2x) the third one is named, and a
/// constant column after an intercept is named, not the intercept.
///
/// Cost: 2nk² − 2k³/3 extended-precision flops; no LAPACK call overhead (good for k ≲ 30).
public typealias ExtendedLeastSquares = HouseholderLeastSquares<ExtendedDouble>

/// The same algorithm in double precision: fast (vectorisable, no call overhead) for small k;
/// used first, with a mixed-precision refinement step deciding whether the extended-precision
/// version is needed.
public typealias DoubleLeastSquares = HouseholderLeastSquares<Double>

/// Householder least squares with unit-norm column scaling and left-to-right dependent-column
/// detection, generic over the working precision (see ``ExtendedLeastSquares``).
@frozen
public struct HouseholderLeastSquares<Scalar: BinaryFloatingPoint & Sendable>: Sendable {

    /// Number of rows n.
    public let rows: Int
    /// Number of columns k.
    public let columns: Int
    /// Numerical rank: the number of accepted columns.
    public let rank: Int
    /// 0-based indices of the columns found to depend on earlier columns, ascending.
    public let dependentColumns: [Int]
    /// 0-based indices of the accepted columns, ascending (`rank` of them).
    public let independentColumns: [Int]
    /// The tolerance on the relative orthogonal distance used to judge dependence.
    public let tolerance: Double
    /// Column norms ‖a_j‖ (1 for an all-zero column).
    public let columnNorms: [Scalar]

    /// Householder vectors: column `independentColumns[m]` holds v in rows m..<n.
    @usableFromInline let reflectors: [Scalar]
    /// Householder scalars β (H = I − β v vᵀ) per accepted column position m (first `rank`
    /// entries; the second half holds R's diagonal).
    @usableFromInline let betas: [Scalar]
    /// R of the scaled accepted columns, rank × rank column-major upper triangle.
    @usableFromInline let r: [Scalar]

    /// Factorises the column-major n × k `design`.
    /// - Parameters:
    ///   - design: column-major values, `rows * columns` of them (not checked for finiteness).
    ///   - tolerance: a column whose unit-norm version lies within this distance of the span of
    ///     the earlier accepted columns is dependent. Default 1e-11 (data in double precision are
    ///     uncertain at ~1e-16 per element; the hardest NIST problem, Filip, has a smallest
    ///     distance of 5e-8).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` on a bad shape.
    @inlinable
    public init(design: [Scalar], rows n: Int, columns k: Int, tolerance: Double = 1e-11)
        throws(LinearAlgebraError)
    {
        guard n >= 0, k >= 0, design.count == n * k else {
            throw .dimensionMismatch("\(design.count) design values for \(n) × \(k)")
        }
        rows = n
        columns = k
        self.tolerance = tolerance
        var a = design
        var norms = [Scalar](repeating: 1, count: k)
        // betas[m] = β of reflector m; betas[k + m] = α (the diagonal of R) — one allocation.
        var betas = [Scalar](repeating: 0, count: 2 * k)
        var accepted: [Int] = []
        accepted.reserveCapacity(k)
        var dependent: [Int] = []
        let tol = Scalar(tolerance)
        a.withUnsafeMutableBufferPointer { abuf in
            let ap = abuf.baseAddress!
            // Scale columns to unit norm (a guarded pass avoids overflow for huge values).
            for j in 0..<k {
                let col = ap + j * n
                let norm = ColumnScaling.normalize(col, n, sumOfSquares: Self.dot(UnsafePointer(col), UnsafePointer(col), n))
                norms[j] = norm == 0 ? 1 : norm
            }
            var p = 0
            for j in 0..<k {
                let cj = ap + j * n
                let sigma = p < n ? Self.dot(UnsafePointer(cj + p), UnsafePointer(cj + p), n - p).squareRoot() : 0
                if !(sigma > tol) || p >= n {
                    dependent.append(j)
                    continue
                }
                let x0 = cj[p]
                let alpha: Scalar = x0 >= 0 ? -sigma : sigma
                let beta = 1 / (sigma * (sigma + abs(x0)))
                cj[p] = x0 - alpha
                betas[accepted.count] = beta
                betas[k + accepted.count] = alpha
                let m = n - p
                let v = cj + p
                for c in (j + 1)..<max(k, j + 1) {
                    let w = ap + c * n + p
                    let f = beta * Self.dot(UnsafePointer(v), UnsafePointer(w), m)
                    if f != 0 { for i in 0..<m { w[i] -= f * v[i] } }
                }
                accepted.append(j)
                p += 1
            }
        }
        let rk = accepted.count
        var rr = [Scalar](repeating: 0, count: rk * rk)
        for m in 0..<rk {
            let col = accepted[m]
            for i in 0..<m { rr[i + m * rk] = a[i + col * n] }
            rr[m + m * rk] = betas[k + m]
        }
        rank = rk
        dependentColumns = dependent
        independentColumns = accepted
        columnNorms = norms
        reflectors = a
        self.betas = betas
        r = rr
    }

    /// Σ x[i]·y[i] with four partial sums (breaks the addition latency chain).
    @inlinable @inline(__always)
    static func dot(_ x: UnsafePointer<Scalar>, _ y: UnsafePointer<Scalar>, _ count: Int) -> Scalar {
        var s0: Scalar = 0, s1: Scalar = 0, s2: Scalar = 0, s3: Scalar = 0
        var i = 0
        while i + 4 <= count {
            s0 += x[i] * y[i]
            s1 += x[i + 1] * y[i + 1]
            s2 += x[i + 2] * y[i + 2]
            s3 += x[i + 3] * y[i + 3]
            i += 4
        }
        while i < count { s0 += x[i] * y[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// Overwrites `b` (n values) with Qᵀb.
    @inlinable
    public func applyQTranspose(_ b: inout [Scalar]) {
        let n = rows
        reflectors.withUnsafeBufferPointer { vbuf in
            b.withUnsafeMutableBufferPointer { bbuf in
                let vp = vbuf.baseAddress!, bp = bbuf.baseAddress!
                for m in 0..<rank {
                    let v = vp + independentColumns[m] * n + m
                    let w = bp + m
                    let f = betas[m] * Self.dot(v, UnsafePointer(w), n - m)
                    for i in 0..<(n - m) { w[i] -= f * v[i] }
                }
            }
        }
    }

    /// The least-squares solution of A x ≈ b in the original (unscaled) units; coefficients of
    /// dependent columns are 0 (a basic solution).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `b.count == rows`.
    @inlinable
    public func solve(_ b: [Scalar]) throws(LinearAlgebraError) -> [Scalar] {
        guard b.count == rows else { throw .dimensionMismatch("b has \(b.count) entries, A has \(rows) rows") }
        var x = b
        applyQTranspose(&x)
        solveR(&x)  // uses and overwrites the first `rank` entries only
        // Scatter z[m] to position independentColumns[m] ≥ m, descending so nothing unread is
        // overwritten; dependent positions get 0.
        let ic = independentColumns
        var next = columns - 1
        for m in stride(from: rank - 1, through: 0, by: -1) {
            let target = ic[m]
            while next > target { x[next] = 0; next -= 1 }
            x[target] = x[m] / columnNorms[target]
            next = target - 1
        }
        while next >= 0 { x[next] = 0; next -= 1 }
        x.removeLast(rows - columns)
        return x
    }

    /// Solves R z = c in place (R of the scaled accepted columns).
    @inlinable
    func solveR(_ z: inout [Scalar]) {
        let rk = rank
        for i in stride(from: rk - 1, through: 0, by: -1) {
            var s = z[i]
            for j in (i + 1)..<max(rk, i + 1) { s -= r[i + j * rk] * z[j] }
            z[i] = s / r[i + i * rk]
        }
    }

    /// S = D⁻¹R⁻¹ restricted to the accepted columns (rank × rank, upper triangular,
    /// column-major), so that (AᵀA)⁻¹ = S Sᵀ on those columns and the rows of A S are the rows
    /// of the thin Q (their squared norms are the leverages).
    @inlinable
    public func scaledInverseR() -> [Scalar] {
        let rk = rank
        var inv = [Scalar](repeating: 0, count: rk * rk)
        // Column by column: solve R w = e_c.
        for c in 0..<rk {
            inv[c + c * rk] = 1 / r[c + c * rk]
            if c == 0 { continue }
            for i in stride(from: c - 1, through: 0, by: -1) {
                var s: Scalar = 0
                for j in (i + 1)...c { s += r[i + j * rk] * inv[j + c * rk] }
                inv[i + c * rk] = -s / r[i + i * rk]
            }
        }
        for c in 0..<rk {
            for i in 0...c { inv[i + c * rk] /= columnNorms[independentColumns[i]] }
        }
        return inv
    }

    /// R of the scaled accepted columns times D (so that AᵀA = (RD)ᵀ(RD) on those columns),
    /// rounded to double; its singular values are those of A.
    @inlinable
    public func unscaledR() -> Matrix {
        let rk = rank
        var m = Matrix(rows: rk, columns: rk)
        for c in 0..<rk {
            let d = columnNorms[independentColumns[c]]
            for i in 0...c { m[i, c] = Double(r[i + c * rk] * d) }
        }
        return m
    }

    /// The diagonal |R_jj| of the scaled problem (distances of each accepted unit-norm column to
    /// the span of the earlier ones).
    @inlinable
    public var scaledDiagonal: [Double] { (0..<rank).map { Double(abs(r[$0 + $0 * rank])) } }
}
