/// STL: Seasonal-Trend decomposition by Loess (Cleveland, Cleveland, McRae & Terpenning 1990,
/// *J. Official Statistics* 6:3–73), with the optional robustness iterations.
///
/// y = T + S + R. The inner loop (run `innerIterations` times) detrends y, smooths each
/// cycle-subseries by loess (`seasonalWindow`, `seasonalDegree`), removes the low-frequency
/// part of that seasonal by a moving-average low-pass filter and loess (`lowPassWindow`,
/// `lowPassDegree`), then smooths the deseasonalised series by loess (`trendWindow`,
/// `trendDegree`). The outer loop (`outerIterations` times) recomputes robustness weights
/// ρ = B(|R| / (6·median|R|)), B the bisquare, and reruns the inner loop with them, so that
/// outliers end up in the remainder instead of bending trend and seasonal.
///
/// Defaults (`STL(period:)`) are statsmodels' (0.15): seasonal window 7, all degrees 1, all
/// jumps 1, trend window the smallest odd integer ≥ 1.5·period / (1 − 1.5/seasonalWindow),
/// low-pass window the smallest odd integer > period, and 2 inner + 15 outer iterations when
/// robust, 5 inner + 0 outer otherwise. R's `stl()` differs in its defaults — seasonal degree
/// 0, jumps ⌈window/10⌉, inner 1 (robust) or 2, and no default seasonal window — and in the
/// robustness weights for an even number of observations, where statsmodels (and Pace) use
/// the true median of |R|. R's `s.window = "periodic"` runs `seasonalWindow = 10·n + 1`,
/// `seasonalDegree = 0` and then replaces the seasonal by its mean at each cycle position;
/// Pace does not do that last step (pass those settings for a nearly periodic seasonal).
///
/// ```swift
/// let d = try STL(period: 12, robust: true).decompose(sales)
/// ```
public struct STL: Sendable, Hashable {
    /// The seasonal period (≥ 2): 4 for quarterly data, 12 for monthly.
    public var period: Int
    /// Loess window of the cycle-subseries smoothing, in periods (odd, ≥ 3).
    public var seasonalWindow: Int
    /// Degree of the seasonal loess (0 or 1).
    public var seasonalDegree: Int
    /// Loess window of the trend (odd, ≥ 3, > period); nil for the default.
    public var trendWindow: Int?
    /// Degree of the trend loess (0 or 1).
    public var trendDegree: Int
    /// Loess window of the low-pass filter (odd, ≥ 3, > period); nil for the default.
    public var lowPassWindow: Int?
    /// Degree of the low-pass loess (0 or 1).
    public var lowPassDegree: Int
    /// Evaluate the seasonal loess at every `seasonalJump`-th point and interpolate (≥ 1).
    public var seasonalJump: Int
    /// Evaluate the trend loess at every `trendJump`-th point and interpolate (≥ 1).
    public var trendJump: Int
    /// Evaluate the low-pass loess at every `lowPassJump`-th point and interpolate (≥ 1).
    public var lowPassJump: Int
    /// Compute robustness weights (outer iterations).
    public var robust: Bool
    /// Passes of the inner loop (≥ 1); nil: 2 if robust, else 5.
    public var innerIterations: Int?
    /// Robustness iterations (≥ 0) when `robust`; nil: 15. Ignored (0) when not robust.
    public var outerIterations: Int?
    /// Decompose y (`.none`) or log y (`.log`, every value must be positive).
    public var transform: SeriesTransform

    public init(period: Int, seasonalWindow: Int = 7, seasonalDegree: Int = 1, trendWindow: Int? = nil,
                trendDegree: Int = 1, lowPassWindow: Int? = nil, lowPassDegree: Int = 1,
                seasonalJump: Int = 1, trendJump: Int = 1, lowPassJump: Int = 1, robust: Bool = false,
                innerIterations: Int? = nil, outerIterations: Int? = nil, transform: SeriesTransform = .none) {
        self.period = period
        self.seasonalWindow = seasonalWindow
        self.seasonalDegree = seasonalDegree
        self.trendWindow = trendWindow
        self.trendDegree = trendDegree
        self.lowPassWindow = lowPassWindow
        self.lowPassDegree = lowPassDegree
        self.seasonalJump = seasonalJump
        self.trendJump = trendJump
        self.lowPassJump = lowPassJump
        self.robust = robust
        self.innerIterations = innerIterations
        self.outerIterations = outerIterations
        self.transform = transform
    }

    /// The trend window used: `trendWindow`, or the smallest odd integer
    /// ≥ 1.5·period / (1 − 1.5/seasonalWindow).
    public var resolvedTrendWindow: Int {
        if let trendWindow { return trendWindow }
        let raw = Int((1.5 * Double(period) / (1 - 1.5 / Double(seasonalWindow))).rounded(.up))
        return raw % 2 == 0 ? raw + 1 : raw
    }

    /// The low-pass window used: `lowPassWindow`, or the smallest odd integer > period.
    public var resolvedLowPassWindow: Int {
        lowPassWindow ?? (period % 2 == 0 ? period + 1 : period + 2)
    }

    /// The inner iterations used.
    public var resolvedInnerIterations: Int { innerIterations ?? (robust ? 2 : 5) }

    /// The outer (robustness) iterations used; 0 when not robust.
    public var resolvedOuterIterations: Int { robust ? (outerIterations ?? 15) : 0 }

    /// Checks the settings and the length of a series; throws `FilterError.invalidParameter`
    /// or `.tooShort`.
    public func validate(count n: Int) throws {
        func bad(_ name: String, _ value: Int, _ constraint: String) -> FilterError {
            .invalidParameter(name: name, value: "\(value)", constraint: constraint)
        }
        guard period >= 2 else { throw bad("period", period, "at least 2") }
        // Two full periods are needed; checked first so that no window arithmetic below can overflow.
        guard period <= n / 2 else {
            throw FilterError.tooShort(method: "STL", count: n, minimum: period > Int.max / 2 ? Int.max : 2 * period,
                                       reason: "two full seasons of period \(period)")
        }
        guard seasonalWindow <= Int.max / 4, trendWindow ?? 0 <= Int.max / 4, lowPassWindow ?? 0 <= Int.max / 4 else {
            throw bad("window", max(seasonalWindow, trendWindow ?? 0, lowPassWindow ?? 0), "a window of at most \(Int.max / 4)")
        }
        guard seasonalWindow >= 3 && seasonalWindow % 2 == 1 else {
            throw bad("seasonalWindow", seasonalWindow, "an odd integer ≥ 3")
        }
        let trend = resolvedTrendWindow, low = resolvedLowPassWindow
        guard trend >= 3 && trend % 2 == 1 && trend > period else {
            throw bad("trendWindow", trend, "an odd integer ≥ 3 and greater than the period \(period)")
        }
        guard low >= 3 && low % 2 == 1 && low > period else {
            throw bad("lowPassWindow", low, "an odd integer ≥ 3 and greater than the period \(period)")
        }
        for (name, degree) in [("seasonalDegree", seasonalDegree), ("trendDegree", trendDegree),
                               ("lowPassDegree", lowPassDegree)] where degree != 0 && degree != 1 {
            throw bad(name, degree, "0 or 1")
        }
        for (name, jump) in [("seasonalJump", seasonalJump), ("trendJump", trendJump),
                             ("lowPassJump", lowPassJump)] where jump < 1 {
            throw bad(name, jump, "at least 1")
        }
        guard resolvedInnerIterations >= 1 else { throw bad("innerIterations", resolvedInnerIterations, "at least 1") }
        guard resolvedOuterIterations >= 0 else { throw bad("outerIterations", resolvedOuterIterations, "at least 0") }
    }

    /// Decomposes y. Throws `FilterError` for invalid settings, a series shorter than two
    /// periods, NaN or ±∞ (naming the index), and for `.log` a value ≤ 0 (naming the index).
    public func decompose(_ y: [Double]) throws -> SeasonalDecomposition {
        try validate(count: y.count)
        let x = try transform.apply(y)
        let n = x.count, np = period
        var trend = [Double](repeating: 0, count: n)
        var seasonal = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 1, count: n)
        x.withUnsafeBufferPointer { xb in
            trend.withUnsafeMutableBufferPointer { tb in
                seasonal.withUnsafeMutableBufferPointer { sb in
                    weights.withUnsafeMutableBufferPointer { wb in
                        run(xb.baseAddress!, count: n, period: np, trend: tb.baseAddress!,
                            seasonal: sb.baseAddress!, weights: wb)
                    }
                }
            }
        }
        var remainder = x
        for i in 0..<n { remainder[i] = x[i] - trend[i] - seasonal[i] }
        return SeasonalDecomposition(method: .stl, model: .additive, transform: transform, period: np,
                                     trend: trend, seasonal: seasonal, remainder: remainder,
                                     weights: weights, definedRange: 0..<n)
    }

    /// The outer loop: inner passes, with robustness weights recomputed between them.
    private func run(_ y: UnsafePointer<Double>, count n: Int, period np: Int,
                     trend: UnsafeMutablePointer<Double>, seasonal: UnsafeMutablePointer<Double>,
                     weights rw: UnsafeMutableBufferPointer<Double>) {
        let extended = n + 2 * np
        // One block for every work buffer.
        let sizes = [n, extended, extended, extended, n, extended, n, n, n, n]
        let block = UnsafeMutablePointer<Double>.allocate(capacity: sizes.reduce(0, +))
        defer { block.deallocate() }
        block.initialize(repeating: 0, count: sizes.reduce(0, +))
        var offset = 0
        func carve(_ k: Int) -> UnsafeMutablePointer<Double> {
            defer { offset += sizes[k] }
            return block + offset
        }
        let work = carve(0), cycle = carve(1), tmp1 = carve(2), tmp2 = carve(3), lowPass = carve(4)
        let scratch = carve(5), sub = carve(6), subWeights = carve(7), smoothed = carve(8), fit = carve(9)
        // `smoothed` needs k + 2 ≤ n/np + 3 values and `sub` k ≤ n: both fit in n since n ≥ 2np.

        let inner = resolvedInnerIterations, outer = resolvedOuterIterations
        let ns = seasonalWindow, nt = resolvedTrendWindow, nl = resolvedLowPassWindow
        let w = UnsafePointer(rw.baseAddress!)
        var useWeights = false
        for i in 0..<n { trend[i] = 0 }
        var pass = 0
        while true {
            for _ in 0..<inner {
                // Step 1: detrend.
                for i in 0..<n { work[i] = y[i] - trend[i] }
                // Step 2: cycle-subseries smoothing, n + 2·np values.
                STLKernels.cycleSubseries(work, count: n, period: np, window: ns, degree: seasonalDegree,
                                          jump: seasonalJump, useWeights: useWeights, weights: w,
                                          into: cycle, sub: sub, subWeights: subWeights,
                                          smoothed: smoothed, scratch: scratch)
                // Step 3: low-pass filter of the cycle-subseries, then loess.
                STLKernels.lowPassFilter(cycle, count: extended, period: np, into: work, tmp1: tmp1, tmp2: tmp2)
                STLKernels.smooth(work, count: n, window: nl, degree: lowPassDegree, jump: lowPassJump,
                                  useWeights: false, weights: w, into: lowPass, scratch: scratch)
                // Step 4: detrend the smoothed cycle-subseries.
                for i in 0..<n { seasonal[i] = cycle[np + i] - lowPass[i] }
                // Steps 5–6: deseasonalise and smooth the trend.
                for i in 0..<n { work[i] = y[i] - seasonal[i] }
                STLKernels.smooth(work, count: n, window: nt, degree: trendDegree, jump: trendJump,
                                  useWeights: useWeights, weights: w, into: trend, scratch: scratch)
            }
            pass += 1
            if pass > outer { break }
            for i in 0..<n { fit[i] = trend[i] + seasonal[i] }
            STLKernels.robustnessWeights(y, fit: fit, count: n, into: rw.baseAddress!,
                                         sorted: UnsafeMutableBufferPointer(start: tmp1, count: n))
            useWeights = true
        }
        if outer <= 0 { for i in 0..<n { rw[i] = 1 } }
    }
}
