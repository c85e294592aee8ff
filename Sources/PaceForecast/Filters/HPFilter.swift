import PaceLinearAlgebra

/// The Hodrick–Prescott filter: a smooth trend τ and a cycle y − τ.
///
/// The two-sided trend minimises Σ (y_t − τ_t)² + λ Σ (Δ²τ_t)², that is, solves
/// (I + λ DᵀD) τ = y with D the (n − 2) × n second-difference matrix (Hodrick & Prescott 1997,
/// "Postwar U.S. business cycles", *J. Money, Credit and Banking* 29:1–16). Pace solves the
/// equivalent, better-conditioned cycle form (``CycleSystem``): S u = D y with S Toeplitz,
/// symmetric positive definite and pentadiagonal, then τ = y − s·Dᵀu. The banded LDLᵀ
/// factorisation takes O(n) time — the arithmetic of `BandedSymmetricMatrix.factorLDLT`/`solveLDLT`,
/// bit for bit, but without recomputing the rows of the factor once they repeat (see
/// `HPFilter+StationaryKernel.swift`), so that a long series costs one check and two
/// substitution passes (statsmodels' `hpfilter` solves I + λDᵀD with a general sparse
/// solver). Series must have at least 3 finite values; λ must be positive and finite; any
/// such λ works (λ → ∞ gives the least-squares line, λ → 0 the series itself).
///
/// λ by frequency (``Frequency``): 1600 quarterly (Hodrick–Prescott), 129 600 monthly
/// (1600·3⁴, Ravn & Uhlig 2002, *Rev. Econ. Stat.* 84:371–376), 100 annual (the common
/// Backus–Kehoe value; Ravn–Uhlig's rescaling would give 6.25 — pass it explicitly if wanted).
///
/// The one-sided filter (``oneSidedTrend(_:lambda:)``) gives at each t the trend that the
/// two-sided filter puts at the *last* point when run on y₀…y_t only — what an analyst would
/// have estimated in real time, without revisions (Stock & Watson 1999, "Forecasting
/// inflation", *J. Monetary Econ.* 44:293–335). It equals the Kalman-filter estimate τ_{t|t}
/// of the state-space form of the HP filter with a diffuse prior; Pace computes it by an
/// incremental LDLᵀ factorisation in O(n) time and O(1) memory, bit-identical to the last
/// point of the two-sided kernel on each prefix (see the function).
///
/// `transform: .log` filters log y and reports trend and cycle **on the log scale**: the cycle
/// is then the (approximate) relative deviation from trend, the usual "output gap";
/// ``HPFilterResult/trendLevels`` gives exp(τ) in the units of y.
public enum HPFilter {
    /// Observation frequency, for the conventional smoothing parameter.
    public enum Frequency: String, Sendable, Hashable, CaseIterable {
        case annual, quarterly, monthly

        /// λ: 100 annual, 1600 quarterly, 129 600 monthly.
        public var lambda: Double {
            switch self {
            case .annual: return 100
            case .quarterly: return 1600
            case .monthly: return 129_600
            }
        }
    }

    /// Which filter: the usual two-sided smoother, or the real-time one-sided filter.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case twoSided = "two-sided"
        case oneSided = "one-sided"
    }

    /// Filters `y` with smoothing parameter `lambda` (> 0).
    ///
    /// - Throws: `FilterError` for fewer than 3 values, NaN or ±∞ (naming the index),
    ///   λ ≤ 0 or not finite, and for `.log` a value ≤ 0 (naming the index).
    public static func filter(_ y: [Double], lambda: Double, side: Side = .twoSided,
                              transform: SeriesTransform = .none) throws -> HPFilterResult {
        let x = try transform.apply(y)
        let trend = side == .twoSided ? try self.trend(x, lambda: lambda)
                                      : try oneSidedTrend(x, lambda: lambda)
        var cycle = x
        for i in cycle.indices { cycle[i] -= trend[i] }
        return HPFilterResult(trend: trend, cycle: cycle, lambda: lambda, side: side, transform: transform)
    }

    /// Filters `y` with the conventional λ of its frequency.
    public static func filter(_ y: [Double], frequency: Frequency, side: Side = .twoSided,
                              transform: SeriesTransform = .none) throws -> HPFilterResult {
        try filter(y, lambda: frequency.lambda, side: side, transform: transform)
    }

    // MARK: - Two-sided kernel

    /// Workspace the in-place two-sided kernel needs: 3n doubles.
    public static func workspaceCount(forCount n: Int) -> Int { 3 * n }

    /// The two-sided HP trend of `y`.
    public static func trend(_ y: [Double], lambda: Double) throws -> [Double] {
        var out: [Double] = []
        var work: [Double] = []
        try trend(y, lambda: lambda, into: &out, workspace: &work)
        return out
    }

    /// The two-sided HP trend of `y` written into `trend` (resized to `y.count` if needed),
    /// using `workspace` (grown to 3n if needed). Reusing both buffers across calls makes
    /// repeated filtering allocation-free.
    public static func trend(_ y: [Double], lambda: Double, into trend: inout [Double],
                             workspace: inout [Double]) throws {
        let n = y.count
        if trend.count != n {
            // Uninitialised: the kernel writes every element (any bit pattern is a valid Double).
            trend = [Double](unsafeUninitializedCapacity: n) { _, count in count = n }
        }
        let need = workspaceCount(forCount: y.count)
        if workspace.count < need {
            // Uninitialised: the kernel writes before it reads, and usually touches few pages.
            workspace = [Double](unsafeUninitializedCapacity: need) { _, count in count = need }
        }
        try y.withUnsafeBufferPointer { yb in
            try trend.withUnsafeMutableBufferPointer { tb in
                try workspace.withUnsafeMutableBufferPointer { wb in
                    try self.trend(yb, lambda: lambda, into: tb, workspace: wb)
                }
            }
        }
    }

    /// The allocation-free two-sided kernel: τ in `trend` (≥ n values; may not alias `y`),
    /// `workspace` ≥ 3n values of which usually only the first few hundred are touched.
    ///
    /// The banded LDLᵀ solve of the cycle form's S, with the repeating rows of the factor
    /// detected and not recomputed (see `stationaryTrend`); the result is bit-identical to
    /// factorising the full band with `BandedSymmetricMatrix.factorLDLT`, solving with
    /// `solveLDLT` and forming τ = y − s·Dᵀu. Passes over the data: one to check y, one forward
    /// and one backward substitution (which also forms τ).
    ///
    /// Measured (n = 10⁶, λ = 1600, `swiftc -O -wmo`, 2 shared cores, best of 9): this kernel
    /// 5 ms (7 ms with the allocating `trend(_:lambda:)`); building the full band and solving
    /// it with the general LDLᵀ kernel 15 ms; LAPACK `dpbtrf`/`dpbtrs` 54 ms; statsmodels'
    /// sparse solve ~1.5 s (../shared/bench/hp_peers.py). The one-sided filter takes 16 ms.
    public static func trend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                             into trend: UnsafeMutableBufferPointer<Double>,
                             workspace: UnsafeMutableBufferPointer<Double>) throws {
        let n = y.count
        precondition(trend.count >= n && workspace.count >= 3 * n, "HPFilter: buffers too small")
        try validate(count: n, lambda: lambda)
        try scaledForSolve(y, output: trend) { y in
            if n < stationaryKernelMinimumCount {
                try bandedTrend(y, lambda: lambda, into: trend, workspace: workspace)
            } else {
                try stationaryTrend(y, lambda: lambda, into: trend, workspace: workspace)
            }
        }
    }

    static func validate(count n: Int, lambda: Double) throws {
        guard lambda > 0, lambda.isFinite else {
            throw FilterError.invalidParameter(name: "lambda", value: "\(lambda)", constraint: "positive and finite")
        }
        guard n >= 3 else {
            throw FilterError.tooShort(method: "the HP filter", count: n, minimum: 3,
                                       reason: "a second difference needs three points")
        }
    }

    /// The system the filter solves, in the cycle form. With D the (n − 2) × n
    /// second-difference matrix, the cycle y − τ = (I + λDᵀD)⁻¹λDᵀD y equals λDᵀ(I + λDDᵀ)⁻¹D y
    /// (push-through identity). Pace solves S u = D y and sets c = s·Dᵀu, with
    /// S = I/λ + DDᵀ and s = 1 for λ ≥ 1, S = I + λDDᵀ and s = λ for λ < 1, so that the entries
    /// of S are of order 1 for every λ. DDᵀ is Toeplitz: every row of S is (a + 6b, −4b, b).
    ///
    /// Why not I + λDᵀD, as statsmodels does: its condition number grows like 16λ, and the
    /// trend's rounding error with it — relative to the *level* of y. At λ = 10¹⁰ the cycle is
    /// wrong in the fourth digit, and from about 10¹⁴ it is noise (the sum of the cycle, zero in
    /// exact arithmetic, came out at 117 on a 200-point monthly series; statsmodels: 70). S's
    /// condition number is at most about 16(n/π)⁴ whatever λ, the error scales with the cycle,
    /// not the level, and c is orthogonal to constants and straight lines by construction, so
    /// λ → ∞ gives the least-squares line. At λ = 1600 the error is about a tenth of the
    /// direct form's (measured against a 60-digit solve).
    struct CycleSystem {
        /// Diagonal, first and second off-diagonal of every row of S.
        let diagonal: Double, first: Double, second: Double
        /// s in c = s·Dᵀu.
        let scale: Double

        init(lambda: Double) {
            if lambda >= 1 {
                diagonal = 6 + 1 / lambda; first = -4; second = 1; scale = 1
            } else {
                diagonal = 1 + 6 * lambda; first = -4 * lambda; second = lambda; scale = lambda
            }
        }
    }

    /// g_j = (D y)_j = (y_j − 2y_{j+1}) + y_{j+2}, in this order everywhere.
    @inline(__always)
    static func rightHandSide(_ y: UnsafeBufferPointer<Double>, _ j: Int) -> Double {
        (y[j] - 2 * y[j + 1]) + y[j + 2]
    }

    /// (Dᵀu)_j = (u_j − 2u_{j−1}) + u_{j−2}, in this order everywhere.
    @inline(__always)
    static func cycleValue(_ u0: Double, _ u1: Double, _ u2: Double) -> Double {
        (u0 - 2 * u1) + u2
    }

    /// The band of S of order m in lower band storage (kd = 2): column j holds
    /// (s_jj, s_{j+1,j}, s_{j+2,j}); entries below the matrix are zero.
    static func fillBand(_ band: UnsafeMutableBufferPointer<Double>, order m: Int, system sys: CycleSystem) {
        for j in 0..<m {
            band[3 * j] = sys.diagonal
            band[3 * j + 1] = j + 1 < m ? sys.first : 0
            band[3 * j + 2] = j + 2 < m ? sys.second : 0
        }
    }

    /// Values beyond this magnitude are filtered as y·2⁻ᵏ and scaled back (exactly: powers of
    /// two), so that D y and the solve's intermediate values (up to ~16(n/π)⁴ times D y) stay finite.
    static let largestUnscaledMagnitude = 0x1p900

    /// Runs `body` on y, or on y·2⁻ᵏ when |y| reaches ``largestUnscaledMagnitude``, and scales
    /// the output (n values) back. The filter is linear in y, so the result is the same up to
    /// rounding. Also checks that y is finite.
    static func scaledForSolve(_ y: UnsafeBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>,
                               _ body: (UnsafeBufferPointer<Double>) throws -> Void) throws {
        // Four independent maxima (one chain would cost a max's latency per value); NaN and ±∞
        // fail `isFinite` on the way.
        var m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0
        let n = y.count
        var i = 0
        while i + 4 <= n {
            let a = abs(y[i]), b = abs(y[i + 1]), c = abs(y[i + 2]), d = abs(y[i + 3])
            guard (a + b + c + d).isFinite else { break }
            m0 = max(m0, a); m1 = max(m1, b); m2 = max(m2, c); m3 = max(m3, d)
            i += 4
        }
        while i < n {
            let v = y[i]
            if !v.isFinite { throw FilterError.nonFinite(index: i, value: v) }
            m0 = max(m0, abs(v))
            i += 1
        }
        let largest = max(max(m0, m1), max(m2, m3))
        guard largest >= largestUnscaledMagnitude else { return try body(y) }
        // y·2⁻ᵉ lies in (−2, 2); 2ᵉ ≤ 2¹⁰²³ scales back without overflow where the result fits.
        let factor = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
        let scaled = y.map { $0 * factor }
        try scaled.withUnsafeBufferPointer { try body($0) }
        let back = 1 / factor
        for i in 0..<y.count { output[i] *= back }
    }

    // MARK: - One-sided kernel

    /// The one-sided (real-time) HP trend: element t is the last point of the two-sided trend
    /// of y₀…y_t. For t < 2 there is no second difference to penalise, and the trend is y_t.
    public static func oneSidedTrend(_ y: [Double], lambda: Double) throws -> [Double] {
        var out = [Double](repeating: 0, count: y.count)
        try y.withUnsafeBufferPointer { yb in
            try out.withUnsafeMutableBufferPointer { ob in try oneSidedTrend(yb, lambda: lambda, into: ob) }
        }
        return out
    }

    /// The allocation-free one-sided kernel (`trend` ≥ n values; may alias `y`).
    ///
    /// Method. In the cycle form (``CycleSystem``) the filter on y₀…y_t solves S_t u = D y₀…y_t
    /// with S_t the leading (t − 1) × (t − 1) block of one infinite Toeplitz matrix, and the
    /// last point of the cycle is s·u_{t−2}. A leading block's LDLᵀ rows are the first rows of
    /// the infinite matrix's, and so are the forward-substitution values z; the last element of
    /// the solution is z_{t−2}/d_{t−2} (the last row of Lᵀ is e_{t−2}ᵀ). So each t adds one
    /// factor row and one z, and τ_t = y_t − s·z_{t−2}/d_{t−2}: O(1) work and memory per
    /// point, no revision of earlier rows.
    public static func oneSidedTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                                     into trend: UnsafeMutableBufferPointer<Double>) throws {
        let n = y.count
        precondition(trend.count >= n, "HPFilter: buffer too small")
        try validate(count: n, lambda: lambda)
        try scaledForSolve(y, output: trend) { y in
            let sys = CycleSystem(lambda: lambda)
            // Rows r−2 (A) and r−1 (B) of the factor and of z; the y two and one back kept in
            // registers so that `trend` may alias `y`.
            var dA = 0.0, zA = 0.0
            var dB = 0.0, zB = 0.0, lB = 0.0     // lB = L_{B,A}
            var y2 = y[0], y1 = y[1]
            trend[0] = y2
            trend[1] = y1
            for t in 2..<n {
                let yt = y[t]
                let g = (y2 - 2 * y1) + yt
                let r = t - 2
                let d: Double, l1: Double, z: Double
                if r == 0 {
                    d = sys.diagonal; l1 = 0; z = g
                } else if r == 1 {
                    l1 = sys.first / dB
                    d = sys.diagonal - l1 * l1 * dB
                    z = g - l1 * zB
                } else {
                    let l2 = sys.second / dA
                    l1 = (sys.first - l2 * dA * lB) / dB
                    d = sys.diagonal - l2 * l2 * dA - l1 * l1 * dB
                    z = (g - l2 * zA) - l1 * zB
                }
                trend[t] = yt - sys.scale * (z / d)
                dA = dB; zA = zB
                dB = d; zB = z; lB = l1
                y2 = y1; y1 = yt
            }
        }
    }
}
