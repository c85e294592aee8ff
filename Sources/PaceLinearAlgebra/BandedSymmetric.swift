/// A symmetric positive-definite band matrix of order `n` with `kd` sub-diagonals, kept in
/// LAPACK's lower band storage (`uplo = 'L'`, `ldab = kd + 1`, column-major): element (i, j)
/// with j ≤ i ≤ min(n − 1, j + kd) lives at `storage[(i − j) + j·(kd + 1)]`. Entries of the
/// storage that fall outside the matrix (the bottom-right triangle) are ignored.
///
/// Factorisation and solve take O(n·kd²) time and O(n·kd) memory: linear in n for a fixed
/// bandwidth. Typical use is the Hodrick–Prescott filter, `(I + λ DᵀD) τ = y`, a pentadiagonal
/// (kd = 2) system.
///
/// ```swift
/// var a = BandedSymmetricMatrix(order: 5, subdiagonals: 1)
/// for i in 0..<5 { a[i, i] = 2; if i > 0 { a[i, i - 1] = -1 } }
/// let x = try a.solve([1, 0, 0, 0, 1])
/// ```
public struct BandedSymmetricMatrix: Sendable, Equatable {
    /// The order n of the matrix.
    public let order: Int
    /// The number kd of sub-diagonals (the half-bandwidth; 2 for a pentadiagonal matrix).
    public let subdiagonals: Int
    /// Lower band storage, `(kd + 1) · n` values, column-major with leading dimension kd + 1.
    public var storage: [Double]

    /// A zero matrix of the given order and half-bandwidth.
    public init(order: Int, subdiagonals: Int) {
        precondition(order >= 0 && subdiagonals >= 0, "order and subdiagonals must be non-negative")
        self.order = order
        self.subdiagonals = subdiagonals
        self.storage = [Double](repeating: 0, count: (subdiagonals + 1) * order)
    }

    /// A matrix from its diagonals: `diagonals[0]` is the main diagonal (n values),
    /// `diagonals[k]` the k-th sub-diagonal (n − k values), equal by symmetry to the k-th
    /// super-diagonal.
    public init(diagonals: [[Double]]) throws {
        guard let main = diagonals.first else {
            throw LinearAlgebraError.dimensionMismatch("a banded matrix needs at least its main diagonal")
        }
        let n = main.count
        let kd = diagonals.count - 1
        for (k, d) in diagonals.enumerated() where d.count != max(n - k, 0) {
            throw LinearAlgebraError.dimensionMismatch(
                "sub-diagonal \(k) has \(d.count) values, expected \(max(n - k, 0)) for order \(n)")
        }
        self.init(order: n, subdiagonals: kd)
        for (k, d) in diagonals.enumerated() {
            for j in 0..<d.count { storage[k + j * (kd + 1)] = d[j] }
        }
    }

    /// Element (row, column); zero outside the band. Setting an element outside the band is a
    /// programming error.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < order && column >= 0 && column < order, "index out of range")
            let (i, j) = row >= column ? (row, column) : (column, row)
            return i - j > subdiagonals ? 0 : storage[(i - j) + j * (subdiagonals + 1)]
        }
        set {
            precondition(row >= 0 && row < order && column >= 0 && column < order, "index out of range")
            let (i, j) = row >= column ? (row, column) : (column, row)
            precondition(i - j <= subdiagonals, "element (\(row), \(column)) is outside the band")
            storage[(i - j) + j * (subdiagonals + 1)] = newValue
        }
    }

    /// The product A·x (for residual checks).
    public func multiplied(by x: [Double]) throws -> [Double] {
        guard x.count == order else {
            throw LinearAlgebraError.dimensionMismatch("vector of length \(x.count) for a matrix of order \(order)")
        }
        let ld = subdiagonals + 1
        var y = [Double](repeating: 0, count: order)
        for j in 0..<order {
            y[j] += storage[j * ld] * x[j]
            for k in 1..<ld where j + k < order {
                let a = storage[k + j * ld]
                y[j + k] += a * x[j]
                y[j] += a * x[j + k]
            }
        }
        return y
    }

    /// Factorises the matrix; throws `LinearAlgebraError.notPositiveDefinite` when it is not
    /// positive definite.
    ///
    /// - Parameter method: `.ldlt` (the default, a hand-written kernel) or `.lapackCholesky`
    ///   (LAPACK `dpbtrf`). See ``Factorization/Method`` for the measured speeds.
    public func factorized(method: Factorization.Method = .ldlt) throws -> Factorization {
        try Factorization(self, method: method)
    }

    /// Solves A x = b (factorises, then solves).
    public func solve(_ b: [Double], method: Factorization.Method = .ldlt) throws -> [Double] {
        try factorized(method: method).solve(b)
    }
}

extension BandedSymmetricMatrix {
    /// A factorised symmetric positive-definite band matrix, ready to solve A x = b for any
    /// number of right-hand sides.
    public struct Factorization: Sendable {
        /// How to factorise.
        ///
        /// Measured on this project's machines (2 shared cores, Swift 6.3 `-O -wmo`, OpenBLAS 0.3
        /// with reference LAPACKE), bandwidth 2 (the HP-filter matrix I + 1600·DᵀD), n = 10⁶,
        /// thread CPU time, best of 9: hand-written LDLᵀ 15 ms including building the band
        /// (factorise + solve alone ≈ 10 ms); LAPACK `dpbtrf` + `dpbtrs` 54 ms (the unblocked
        /// band Cholesky calls BLAS level-2 routines per column and takes n square roots). The
        /// hand-written kernel is therefore the default.
        public enum Method: String, Sendable, CaseIterable {
            /// A = L D Lᵀ with unit lower-triangular L (no square roots), hand-written kernel.
            case ldlt
            /// A = L Lᵀ by LAPACK `dpbtrf`, solved by `dpbtrs`.
            case lapackCholesky
        }

        /// The order n.
        public let order: Int
        /// The half-bandwidth kd.
        public let subdiagonals: Int
        /// The method used.
        public let method: Method
        /// The factor in lower band storage. For `.ldlt`, D on the diagonal and the strictly
        /// lower part of L below it; for `.lapackCholesky`, the Cholesky factor L.
        public let storage: [Double]

        init(_ a: BandedSymmetricMatrix, method: Method) throws {
            order = a.order
            subdiagonals = a.subdiagonals
            self.method = method
            var s = a.storage
            let (n, kd) = (a.order, a.subdiagonals)
            try s.withUnsafeMutableBufferPointer { band in
                switch method {
                case .ldlt: try BandedSymmetricMatrix.factorLDLT(band, order: n, subdiagonals: kd)
                case .lapackCholesky: try BandedSymmetricMatrix.factorCholeskyLAPACK(band, order: n, subdiagonals: kd)
                }
            }
            storage = s
        }

        /// Solves A x = b.
        public func solve(_ b: [Double]) throws -> [Double] {
            var x = b
            try solve(inPlace: &x)
            return x
        }

        /// Solves A x = b, overwriting `b` with x.
        public func solve(inPlace b: inout [Double]) throws {
            guard b.count == order else {
                throw LinearAlgebraError.dimensionMismatch(
                    "right-hand side of length \(b.count) for a matrix of order \(order)")
            }
            let (n, kd) = (order, subdiagonals)
            try storage.withUnsafeBufferPointer { band in
                try b.withUnsafeMutableBufferPointer { x in
                    switch method {
                    case .ldlt: BandedSymmetricMatrix.solveLDLT(band, order: n, subdiagonals: kd, x)
                    case .lapackCholesky:
                        try BandedSymmetricMatrix.solveCholeskyLAPACK(band, order: n, subdiagonals: kd, x)
                    }
                }
            }
        }
    }
}

// MARK: - Allocation-free kernels

extension BandedSymmetricMatrix {
    /// Factorises A = L D Lᵀ in place in lower band storage (`band` holds `(kd + 1)·n` values):
    /// on return the diagonal holds D and the sub-diagonals the strictly lower part of the
    /// unit lower-triangular L.
    ///
    /// Row by row (Golub & Van Loan, *Matrix Computations*, 4th ed., Alg. 4.1.2 restricted to
    /// the band): for i < j, L_ji = (a_ji − Σ_{k<i} L_jk d_k L_ik) / d_i, and
    /// d_j = a_jj − Σ_{k<j} L_jk² d_k, the sums running over the band only. O(n·kd²) operations;
    /// kd = 1 and kd = 2 have unrolled loops. Allocates nothing for kd ≤ 2 (one scratch buffer
    /// of kd values otherwise).
    ///
    /// - Throws: `LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: j + 1)` when
    ///   pivot d_j is not positive (or not finite): the leading minor of order j + 1 is not
    ///   positive definite. The band is then partly overwritten.
    public static func factorLDLT(_ band: UnsafeMutableBufferPointer<Double>, order n: Int,
                                  subdiagonals kd: Int) throws {
        precondition(band.count >= (kd + 1) * n, "band storage too small")
        guard n > 0 else { return }
        let a = band.baseAddress!
        @inline(__always) func check(_ d: Double, _ j: Int) throws {
            // `!(d > 0)` also catches NaN; an infinite pivot is no factorisation either.
            if !(d > 0) || d == .infinity {
                throw LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: j + 1)
            }
        }
        switch kd {
        case 0:
            for j in 0..<n { try check(a[j], j) }
        case 1:
            var dPrev = a[0]
            try check(dPrev, 0)
            for j in 1..<n {
                let l = a[1 + (j - 1) * 2] / dPrev
                a[1 + (j - 1) * 2] = l
                let d = a[j * 2] - l * l * dPrev
                try check(d, j)
                a[j * 2] = d
                dPrev = d
            }
        case 2:
            // Column j holds (d_j, L_{j+1,j}, L_{j+2,j}) at a[3j], a[3j+1], a[3j+2].
            var d2 = 0.0, d1 = a[0]        // d_{j-2}, d_{j-1}
            var lPrev = 0.0                // L_{j-1,j-2}
            try check(d1, 0)
            if n == 1 { return }
            // Row 1.
            do {
                let l = a[1] / d1
                a[1] = l
                let d = a[3] - l * l * d1
                try check(d, 1)
                a[3] = d
                d2 = d1; d1 = d; lPrev = l
            }
            var j = 2
            while j < n {
                let c2 = (j - 2) * 3, c1 = (j - 1) * 3
                let l2 = a[c2 + 2] / d2                       // L_{j,j-2}
                let l1 = (a[c1 + 1] - l2 * d2 * lPrev) / d1   // L_{j,j-1}
                let d = a[j * 3] - l2 * l2 * d2 - l1 * l1 * d1
                try check(d, j)
                a[c2 + 2] = l2
                a[c1 + 1] = l1
                a[j * 3] = d
                d2 = d1; d1 = d; lPrev = l1
                j += 1
            }
        default:
            let ld = kd + 1
            // t[k] = L_jk d_k for the band of row j; one scratch buffer for the whole call.
            let t = UnsafeMutablePointer<Double>.allocate(capacity: kd)
            defer { t.deallocate() }
            for j in 0..<n {
                let lo = max(0, j - kd)
                for i in lo..<j {
                    var v = a[(j - i) + i * ld]
                    for k in lo..<i { v -= t[k - lo] * a[(i - k) + k * ld] }
                    t[i - lo] = v                         // L_ji d_i
                    a[(j - i) + i * ld] = v / a[i * ld]   // L_ji
                }
                var d = a[j * ld]
                for k in lo..<j { d -= t[k - lo] * a[(j - k) + k * ld] }
                try check(d, j)
                a[j * ld] = d
            }
        }
    }

    /// Solves L D Lᵀ x = b in place (`x` holds b on entry) with a factor from
    /// ``factorLDLT(_:order:subdiagonals:)``: forward substitution, diagonal scaling, back
    /// substitution. O(n·kd); allocates nothing.
    public static func solveLDLT(_ band: UnsafeBufferPointer<Double>, order n: Int,
                                 subdiagonals kd: Int, _ x: UnsafeMutableBufferPointer<Double>) {
        precondition(band.count >= (kd + 1) * n && x.count >= n, "buffer too small")
        guard n > 0 else { return }
        let a = band.baseAddress!, z = x.baseAddress!
        let ld = kd + 1
        switch kd {
        case 0:
            for j in 0..<n { z[j] /= a[j] }
        case 2:
            // Forward: z_j = b_j − L_{j,j−1} z_{j−1} − L_{j,j−2} z_{j−2}. Previous values are
            // carried in registers (reloading them through memory puts a store-to-load round
            // trip on the dependency chain: ~5× slower), and grouped so that the chain through
            // z_{j−1} is one multiply-subtract.
            if n > 1 { z[1] -= a[1] * z[0] }
            if n > 2 {
                var zm2 = z[0], zm1 = z[1]
                for j in 2..<n {
                    let v = (z[j] - a[(j - 2) * 3 + 2] * zm2) - a[(j - 1) * 3 + 1] * zm1
                    z[j] = v; zm2 = zm1; zm1 = v
                }
            }
            // Scale and back: x_j = z_j / d_j − L_{j+2,j} x_{j+2} − L_{j+1,j} x_{j+1}.
            z[n - 1] /= a[(n - 1) * 3]
            if n > 1 { z[n - 2] = z[n - 2] / a[(n - 2) * 3] - a[(n - 2) * 3 + 1] * z[n - 1] }
            if n > 2 {
                var xp1 = z[n - 2], xp2 = z[n - 1]
                var j = n - 3
                while j >= 0 {
                    let c = j * 3
                    let v = (z[j] / a[c] - a[c + 2] * xp2) - a[c + 1] * xp1
                    z[j] = v; xp2 = xp1; xp1 = v
                    j -= 1
                }
            }
        default:
            for j in 0..<n {
                var v = z[j]
                for k in max(0, j - kd)..<j { v -= a[(j - k) + k * ld] * z[k] }
                z[j] = v
            }
            var j = n - 1
            while j >= 0 {
                var v = z[j] / a[j * ld]
                for i in (j + 1)..<min(n, j + ld) { v -= a[(i - j) + j * ld] * z[i] }
                z[j] = v
                j -= 1
            }
        }
    }
}
