/// Householder QR least squares in double precision for small dense designs of full column rank,
/// packed into one allocation and driven through pointers — the kernel behind every small
/// regression fit (a quarterly trend + seasonal model is n ≈ 40, k ≈ 6, fitted thousands of times
/// in a loop over regions, where allocations and bounds checks cost more than the arithmetic).
///
/// **Method** (the same as ``HouseholderLeastSquares``, Golub & Van Loan, *Matrix Computations*,
/// 4th ed., Alg. 5.2.1): the columns of the n × k design A are scaled to unit norm (A = ÂD), then
/// Â = QR by Householder reflections. A column whose unit-norm version lies within `tolerance` of
/// the span of the earlier columns makes the initialiser return `nil`; callers then use
/// ``HouseholderLeastSquares`` to name every dependent column.
///
/// ``refinedSolve(response:solution:residual:)`` adds one step of mixed-precision iterative
/// refinement (residual b − Ax accumulated in extended precision; Higham, *Accuracy and Stability
/// of Numerical Algorithms*, 2nd ed., §12.1 and §20.5) and reports whether double precision was
/// enough: if the correction is not negligible — ‖Dδ‖∞ > 10⁻¹⁴‖Dx‖∞ — the problem is
/// ill-conditioned enough to lose digits and must be re-solved in extended precision.
///
/// Storage (one `[Double]`): the design as given (n·k), the reflectors with R above the diagonal
/// (n·k), the column norms (k), the reflector scalars β (k) and R's diagonal (k).
public struct PackedHouseholderQR: Sendable {
    /// Number of rows n.
    public let rows: Int
    /// Number of columns k.
    public let columns: Int
    @usableFromInline let storage: [Double]

    /// Factorises the design that `fill` writes (column-major, `rows * columns` values, into the
    /// pointer it receives).
    /// - Returns: `nil` when some column is numerically dependent on the earlier ones (relative
    ///   distance ≤ `tolerance`), when `rows < columns`, or when a column norm is not finite.
    public init?(rows n: Int, columns k: Int, tolerance: Double = 1e-11,
                 fill: (UnsafeMutablePointer<Double>) -> Void) {
        guard k > 0, n >= k else { return nil }
        let nk = n * k
        var failed = false
        let storage = [Double](unsafeUninitializedCapacity: 2 * nk + 3 * k) { buffer, count in
            let base = buffer.baseAddress!
            fill(base)
            let q = base + nk, norms = base + 2 * nk, betas = norms + k, alphas = betas + k
            q.update(from: base, count: nk)
            failed = !Self.factor(q, n, k, tolerance, norms, betas, alphas)
            count = 2 * nk + 3 * k
        }
        if failed { return nil }
        rows = n
        columns = k
        self.storage = storage
    }

    /// Scales, then reflects; false on a dependent or non-finite column.
    private static func factor(_ a: UnsafeMutablePointer<Double>, _ n: Int, _ k: Int, _ tolerance: Double,
                               _ norms: UnsafeMutablePointer<Double>, _ betas: UnsafeMutablePointer<Double>,
                               _ alphas: UnsafeMutablePointer<Double>) -> Bool {
        for j in 0..<k {
            let col = a + j * n
            let norm = ColumnScaling.normalize(col, n, sumOfSquares: dot(col, col, n))
            guard norm.isFinite, norm > 0 else { return false }
            norms[j] = norm
        }
        for j in 0..<k {
            let v = a + j * n + j
            let m = n - j
            let sigma = dot(v, v, m).squareRoot()
            guard sigma > tolerance else { return false }
            let x0 = v[0]
            let alpha = x0 >= 0 ? -sigma : sigma
            let beta = 1 / (sigma * (sigma + abs(x0)))
            v[0] = x0 - alpha
            betas[j] = beta
            alphas[j] = alpha
            for c in (j + 1)..<max(k, j + 1) {
                let w = a + c * n + j
                let f = beta * dot(v, w, m)
                if f != 0 { subtractMultiple(f, of: v, from: w, m) }
            }
        }
        return true
    }

    /// Σ x[i]·y[i] with four partial sums (element i goes to sum i mod 4, which breaks the
    /// addition latency chain; the four sums are one SIMD register pair).
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ count: Int) -> Double {
        var s = SIMD4<Double>()
        var i = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        while i + 4 <= count {
            s += rx.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
                * ry.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            i &+= 4
        }
        while i < count { s[0] += x[i] * y[i]; i &+= 1 }
        return (s[0] + s[1]) + (s[2] + s[3])
    }

    /// w[i] −= f·v[i] for i < count, four at a time (same rounding as the scalar loop).
    @inline(__always)
    static func subtractMultiple(_ f: Double, of v: UnsafePointer<Double>, from w: UnsafeMutablePointer<Double>,
                                 _ count: Int) {
        var i = 0
        let rv = UnsafeRawPointer(v), rw = UnsafeMutableRawPointer(w)
        let f4 = SIMD4<Double>(repeating: f)
        while i + 4 <= count {
            let a = rw.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            let b = rv.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            rw.storeBytes(of: a - f4 * b, toByteOffset: i &* 8, as: SIMD4<Double>.self)
            i &+= 4
        }
        while i < count { w[i] -= f * v[i]; i &+= 1 }
    }

    @inline(__always)
    static func dot(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
        dot(UnsafePointer(x), UnsafePointer(y), count)
    }

    /// Calls `body` with pointers to the design, the reflectors, the norms, β and R's diagonal.
    @inline(__always)
    func withParts<R>(_ body: (_ design: UnsafePointer<Double>, _ q: UnsafePointer<Double>,
                               _ norms: UnsafePointer<Double>, _ betas: UnsafePointer<Double>,
                               _ alphas: UnsafePointer<Double>) -> R) -> R {
        let nk = rows * columns, k = columns
        return storage.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress!
            return body(base, base + nk, base + 2 * nk, base + 2 * nk + k, base + 2 * nk + 2 * k)
        }
    }

    /// ‖a_j‖, the norm of design column j.
    public func columnNorm(_ j: Int) -> Double { storage[2 * rows * columns + j] }

    /// Calls `body` with the design exactly as filled in (column-major n × k).
    public func withDesign<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<(rows * columns)])) }
    }

    /// The design as a ``Matrix`` (a copy).
    public var design: Matrix {
        var m = Matrix(rows: rows, columns: columns)
        withDesign { d in m.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: d.baseAddress!, count: d.count) } }
        return m
    }

    /// Overwrites `b` (n values) with Qᵀb.
    public func applyQTranspose(_ b: UnsafeMutablePointer<Double>) {
        let n = rows, k = columns
        withParts { _, q, _, betas, _ in
            for m in 0..<k {
                let v = q + m * n + m
                let w = b + m
                let f = betas[m] * Self.dot(v, UnsafePointer(w), n - m)
                if f != 0 { Self.subtractMultiple(f, of: v, from: w, n - m) }
            }
        }
    }

    /// x = A⁺b in the original units; `work` holds n values and is overwritten.
    public func solve(_ b: UnsafePointer<Double>, into x: UnsafeMutablePointer<Double>,
                      work: UnsafeMutablePointer<Double>) {
        let n = rows, k = columns
        work.update(from: b, count: n)
        applyQTranspose(work)
        withParts { _, q, norms, _, alphas in
            // Back substitution R z = (Qᵀb)₁..ₖ with R's strict upper triangle in the reflector
            // storage and its diagonal in `alphas`.
            for i in stride(from: k - 1, through: 0, by: -1) {
                var s = work[i]
                for j in (i + 1)..<max(k, i + 1) { s -= q[i + j * n] * work[j] }
                work[i] = s / alphas[i]
            }
            for j in 0..<k { x[j] = work[j] / norms[j] }
        }
    }

    /// The least-squares solution with one step of mixed-precision refinement.
    ///
    /// On return `solution` holds x (k values) and `residual` holds b − Ax (n values); an exact
    /// fit gives exactly zero residuals.
    /// - Returns: `false` when the refinement correction is not negligible (‖Dδ‖∞ > 10⁻¹⁴‖Dx‖∞):
    ///   double precision loses digits on this problem; re-solve in extended precision.
    public func refinedSolve(response b: UnsafePointer<Double>, solution x: UnsafeMutablePointer<Double>,
                             residual r: UnsafeMutablePointer<Double>) -> Bool {
        let n = rows, k = columns
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n + k) { tmp in
            let work = tmp.baseAddress!, delta = work + n
            solve(b, into: x, work: work)
            withDesign { a in Self.extendedResidual(a.baseAddress!, b, x, n, k, into: r) }
            solve(UnsafePointer(r), into: delta, work: work)
            // The residual of x + δ is r − Aδ; as ‖Aδ‖ ≪ ‖r‖ double precision suffices for it.
            var big = 0.0, change = 0.0
            withParts { a, _, norms, _, _ in
                for j in 0..<k {
                    let d = delta[j]
                    if d != 0 {
                        Self.subtractMultiple(d, of: a + j * n, from: r, n)
                    }
                    x[j] += d
                    big = max(big, abs(x[j]) * norms[j])
                    change = max(change, abs(d) * norms[j])
                }
            }
            guard change <= 1e-14 * big else { return false }
            // A (near-)exact fit: the updated residual is all rounding; recompute it in extended
            // precision so that an exact fit gives exactly zero residuals.
            var rr = 0.0, bb = 0.0
            for i in 0..<n { rr += r[i] * r[i]; bb += b[i] * b[i] }
            if rr <= 1e-24 * bb { withDesign { a in Self.extendedResidual(a.baseAddress!, b, x, n, k, into: r) } }
            return true
        }
    }

    /// r = b − A x with products and sums in extended precision, rounded to double. Rows are
    /// taken four at a time so that four independent accumulations overlap (each row's sum is
    /// formed in the same order as one at a time).
    static func extendedResidual(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                 _ x: UnsafeMutablePointer<Double>, _ n: Int, _ k: Int,
                                 into r: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: ExtendedDouble.self, capacity: k) { xe in
            for j in 0..<k { xe[j] = ExtendedDouble(x[j]) }
            var i = 0
            while i &+ 4 <= n {
                var s0 = ExtendedDouble(b[i]), s1 = ExtendedDouble(b[i + 1])
                var s2 = ExtendedDouble(b[i + 2]), s3 = ExtendedDouble(b[i + 3])
                var p = a + i
                for j in 0..<k {
                    let xj = xe[j]
                    s0 -= ExtendedDouble(p[0]) * xj
                    s1 -= ExtendedDouble(p[1]) * xj
                    s2 -= ExtendedDouble(p[2]) * xj
                    s3 -= ExtendedDouble(p[3]) * xj
                    p += n
                }
                r[i] = Double(s0); r[i + 1] = Double(s1); r[i + 2] = Double(s2); r[i + 3] = Double(s3)
                i &+= 4
            }
            while i < n {
                var s = ExtendedDouble(b[i])
                var p = a + i
                for j in 0..<k {
                    s -= ExtendedDouble(p.pointee) * xe[j]
                    p += n
                }
                r[i] = Double(s)
                i &+= 1
            }
        }
    }

    /// S = D⁻¹R⁻¹ (k × k upper triangular, column-major into `s`), so that (AᵀA)⁻¹ = SSᵀ and the
    /// rows of A·S are the rows of the thin Q (their squared norms are the leverages).
    public func scaledInverseR(into s: UnsafeMutablePointer<Double>) {
        let n = rows, k = columns
        withParts { _, q, norms, _, alphas in
            s.initialize(repeating: 0, count: k * k)
            for c in 0..<k {
                s[c + c * k] = 1 / alphas[c]
                if c == 0 { continue }
                for i in stride(from: c - 1, through: 0, by: -1) {
                    var acc = 0.0
                    for j in (i + 1)...c { acc += q[i + j * n] * s[j + c * k] }
                    s[i + c * k] = -acc / alphas[i]
                }
            }
            for c in 0..<k { for i in 0...c { s[i + c * k] /= norms[i] } }
        }
    }

    /// (AᵀA)⁻¹ = SSᵀ from ``scaledInverseR(into:)``, and S itself when `inverseR` is true.
    public func inverseGram(inverseR: Bool) -> (gramInverse: Matrix, inverseR: Matrix?) {
        let k = columns
        var xtx = Matrix.empty
        var invR: Matrix? = nil
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k * k) { buf in
            let s = buf.baseAddress!
            scaledInverseR(into: s)
            xtx = Matrix.upperTriangularOuterProduct(UnsafeBufferPointer(buf), order: k)
            if inverseR {
                var m = Matrix(rows: k, columns: k)
                m.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: s, count: k * k) }
                invR = m
            }
        }
        return (xtx, invR)
    }

    /// R·D (R of the scaled columns times the column norms), so that AᵀA = (RD)ᵀ(RD); its
    /// singular values are those of A.
    public func unscaledR() -> Matrix {
        let n = rows, k = columns
        var m = Matrix(rows: k, columns: k)
        withParts { _, q, norms, _, alphas in
            m.withUnsafeMutableBufferPointer { mp in
                for c in 0..<k {
                    let d = norms[c]
                    for i in 0..<c { mp[i + c * k] = q[i + c * n] * d }
                    mp[c + c * k] = alphas[c] * d
                }
            }
        }
        return m
    }
}
