import PaceLinearAlgebra

/// The Hodrick–Prescott filter: a smooth trend τ and a cycle y − τ.
///
/// The two-sided trend minimises Σ (y_t − τ_t)² + λ Σ (Δ²τ_t)², that is, solves
/// (I + λ DᵀD) τ = y with D the (n − 2) × n second-difference matrix (Hodrick & Prescott 1997,
/// "Postwar U.S. business cycles", *J. Money, Credit and Banking* 29:1–16). I + λ DᵀD is
/// symmetric positive definite and pentadiagonal, so Pace solves it by a banded LDLᵀ
/// factorisation in O(n) time — the arithmetic of `BandedSymmetricMatrix.factorLDLT`/`solveLDLT`,
/// bit for bit, but without recomputing the interior rows of the factor once they repeat (see
/// `HPFilter+StationaryKernel.swift`), so that a long series costs one check and two
/// substitution passes (statsmodels' `hpfilter` uses a general sparse solver for the same
/// system). Series must have at least 3 finite values; λ must be positive and finite.
///
/// λ by frequency (``Frequency``): 1600 quarterly (Hodrick–Prescott), 129 600 monthly
/// (1600·3⁴, Ravn & Uhlig 2002, *Rev. Econ. Stat.* 84:371–376), 100 annual (the common
/// Backus–Kehoe value; Ravn–Uhlig's rescaling would give 6.25 — pass it explicitly if wanted).
///
/// The one-sided filter (``oneSidedTrend(_:lambda:)``) gives at each t the trend that the
/// two-sided filter puts at the *last* point when run on y₀…y_t only — what an analyst would
/// have estimated in real time, without revisions (Stock & Watson 1999, "Forecasting
/// inflation", *J. Monetary Econ.* 44:293–335). It equals the Kalman-filter estimate τ_{t|t}
/// of the state-space form of the HP filter with a diffuse prior; Pace computes it exactly by
/// an incremental LDLᵀ factorisation in O(n) time and O(1) memory (see the function).
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
    /// The banded LDLᵀ solve of I + λDᵀD, with the Toeplitz interior of the factor detected
    /// and not recomputed (see `stationaryTrend`); the result is bit-identical to factorising
    /// the full band with `BandedSymmetricMatrix.factorLDLT` and solving with `solveLDLT`.
    /// Passes over the data: one to check y, one forward and one backward substitution.
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
        try FilterError.checkFinite(y)
        if n < stationaryKernelMinimumCount {
            try bandedTrend(y, lambda: lambda, into: trend, workspace: workspace)
        } else {
            try stationaryTrend(y, lambda: lambda, into: trend, workspace: workspace)
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

    /// The band of I + λDᵀD in lower band storage (kd = 2): column j holds
    /// (a_jj, a_{j+1,j}, a_{j+2,j}). Interior rows are (1 + 6λ, −4λ, λ); the first and last
    /// two rows have fewer second differences through them.
    static func fillBand(_ band: UnsafeMutableBufferPointer<Double>, count n: Int, lambda: Double) {
        let d = 1 + 6 * lambda, o1 = -4 * lambda
        for j in 0..<n {
            band[3 * j] = d
            band[3 * j + 1] = o1
            band[3 * j + 2] = lambda
        }
        for j in Array(0..<min(2, n)) + Array(max(2, n - 2)..<n) {
            let e = entries(row: j, count: n, lambda: lambda)
            band[3 * j] = e.diagonal
            if j >= 1 { band[3 * (j - 1) + 1] = e.first }
            if j >= 2 { band[3 * (j - 2) + 2] = e.second }
        }
        // Entries below the matrix are never read by the kernel; keep them zero.
        band[3 * (n - 1) + 1] = 0; band[3 * (n - 1) + 2] = 0
        if n >= 2 { band[3 * (n - 2) + 2] = 0 }
    }

    /// Row `r` of I + λDᵀD of order `m` (m ≥ 3): (a_rr, a_{r,r−1}, a_{r,r−2}), from the rows
    /// k = 0…m−3 of D, each (1, −2, 1) at columns k, k+1, k+2.
    @inline(__always)
    static func entries(row r: Int, count m: Int, lambda: Double) -> (diagonal: Double, first: Double, second: Double) {
        let c = (1.0, -2.0, 1.0)
        func coef(_ i: Int) -> Double { i == 0 ? c.0 : (i == 1 ? c.1 : c.2) }
        var diag = 0.0, first = 0.0, second = 0.0
        let lo = max(0, r - 2), hi = min(r, m - 3)
        if lo <= hi {
            for k in lo...hi {
                let ck = coef(r - k)
                diag += ck * ck
                if r - 1 - k >= 0 { first += ck * coef(r - 1 - k) }
                if r - 2 - k >= 0 { second += ck * coef(r - 2 - k) }
            }
        }
        return (1 + lambda * diag, lambda * first, lambda * second)
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
    /// Method. Let A_m = I + λDᵀD of order m. A_{m+1} equals diag(A_m, 1) plus λ·ddᵀ with
    /// d = (1, −2, 1) on the last three indices, so rows 0…m−3 of A_m are final: they are the
    /// same in every larger A. With A_m = L D Lᵀ (unit lower L) and L z = y, the last solution
    /// element is τ_{m−1} = z_{m−1} / d_{m−1} (the last row of Lᵀ is e_{m−1}ᵀ). Rows of L, D
    /// and z depend only on earlier rows, so the algorithm keeps the factor of the final rows
    /// (only the last two are needed for a bandwidth of 2) and, at each t, factorises the two
    /// provisional last rows of A_{t+1}: three O(1) row updates per t, no storage beyond
    /// a few scalars.
    public static func oneSidedTrend(_ y: UnsafeBufferPointer<Double>, lambda: Double,
                                     into trend: UnsafeMutableBufferPointer<Double>) throws {
        let n = y.count
        precondition(trend.count >= n, "HPFilter: buffer too small")
        try validate(count: n, lambda: lambda)
        try FilterError.checkFinite(y)

        /// One LDLᵀ row given the two previous rows: returns (d_r, 1/d_r, L_{r,r−1}, z_r).
        @inline(__always)
        func row(_ a: (diagonal: Double, first: Double, second: Double), _ y: Double,
                 d2: Double, inv2: Double, d1: Double, inv1: Double, lPrev: Double,
                 z2: Double, z1: Double) -> (d: Double, inv: Double, l1: Double, z: Double) {
            let l2 = a.second * inv2
            let l1 = (a.first - l2 * d2 * lPrev) * inv1
            let d = a.diagonal - l2 * l2 * d2 - l1 * l1 * d1
            let z = (y - l2 * z2) - l1 * z1
            return (d, 1 / d, l1, z)
        }

        // Final rows 0 and 1 (in every A_m with m ≥ 3, row 0 and row 1 are as below).
        let a0 = entries(row: 0, count: Int.max, lambda: lambda)
        let a1 = entries(row: 1, count: Int.max, lambda: lambda)
        let d0 = a0.diagonal, z0 = y[0]
        let l10 = a1.first / d0
        let d1 = a1.diagonal - l10 * l10 * d0
        let z1 = y[1] - l10 * z0
        let y1 = y[1]
        trend[0] = z0
        trend[1] = y1
        // State: committed rows r−2 (A) and r−1 (B).
        var dA = d0, invA = 1 / d0, zA = z0
        var dB = d1, invB = 1 / d1, zB = z1, lB = l10     // lB = L_{B,A}
        // Entries that are the same for every t ≥ 3: a final interior row, and the provisional
        // rows m−2 and m−1 of A_m for m ≥ 4.
        let interiorFinal = entries(row: 2, count: Int.max, lambda: lambda)
        let provisionalPrev = entries(row: 2, count: 4, lambda: lambda)
        let provisionalLast = entries(row: 3, count: 4, lambda: lambda)
        var yPrev = y1       // y_{t−1}, kept so that `trend` may alias `y`
        for t in 2..<n {
            // Provisional rows t−1 and t of A_{t+1}. Committed rows are 0…t−2; B is row t−2.
            let yt = y[t]
            if t == 2 {
                // Rows 1 and 2 of A_3: row 1 is provisional too, so recompute from row 0.
                let p1 = entries(row: 1, count: 3, lambda: lambda)
                let p2 = entries(row: 2, count: 3, lambda: lambda)
                let l = p1.first / d0
                let dp1 = p1.diagonal - l * l * d0
                let zp1 = y1 - l * z0
                let r = row(p2, yt, d2: d0, inv2: 1 / d0, d1: dp1, inv1: 1 / dp1, lPrev: l, z2: z0, z1: zp1)
                trend[t] = r.z / r.d
                yPrev = yt
                continue   // rows 0 and 1 already committed
            }
            // Here t ≥ 3: committed rows 0…t−2 with A = row t−3 and B = row t−2.
            let q = row(provisionalPrev, yPrev, d2: dA, inv2: invA, d1: dB, inv1: invB, lPrev: lB, z2: zA, z1: zB)
            let r = row(provisionalLast, yt, d2: dB, inv2: invB, d1: q.d, inv1: q.inv, lPrev: q.l1, z2: zB, z1: q.z)
            trend[t] = r.z / r.d
            // Commit row t−1 with its final entries.
            let c = row(interiorFinal, yPrev, d2: dA, inv2: invA, d1: dB, inv1: invB, lPrev: lB, z2: zA, z1: zB)
            dA = dB; invA = invB; zA = zB
            dB = c.d; invB = c.inv; zB = c.z; lB = c.l1
            yPrev = yt
        }
    }
}
