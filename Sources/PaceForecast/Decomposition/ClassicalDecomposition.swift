/// Classical seasonal decomposition by moving averages (as R's `decompose` and statsmodels'
/// `seasonal_decompose`; Kendall & Stuart, *The Advanced Theory of Statistics* vol. 3, §46).
///
/// 1. Trend: the centred moving average over one period — weights (½, 1, …, 1, ½)/m over
///    m + 1 points for an even period m, 1/m over m points for an odd one. The first and last
///    ⌊m/2⌋ values are undefined (NaN).
/// 2. Detrend: y − T (additive) or y / T (multiplicative), where T is defined.
/// 3. Seasonal indices: the mean of the detrended values at each position i mod m, normalised
///    to sum 0 (additive) or to mean 1 (multiplicative); the seasonal component repeats them.
/// 4. Remainder: y − T − S or y / (T·S) (NaN where T is).
///
/// Position 0 of the period is the first observation: pass a series that starts at the
/// beginning of a season to read the indices as "season 1, 2, …"; the components themselves
/// do not depend on where the series starts.
public struct ClassicalDecomposition: Sendable, Hashable {
    /// The seasonal period (≥ 2).
    public var period: Int
    /// Additive (y = T + S + R) or multiplicative (y = T·S·R, positive data only).
    public var model: SeasonalDecomposition.Model

    public init(period: Int, model: SeasonalDecomposition.Model = .additive) {
        self.period = period
        self.model = model
    }

    /// Decomposes y. Throws `FilterError` for a period < 2, fewer than two full periods, NaN or
    /// ±∞ (naming the index) and, for the multiplicative model, a value ≤ 0 (naming the index).
    public func decompose(_ y: [Double]) throws -> SeasonalDecomposition {
        let m = period
        guard m >= 2 else {
            throw FilterError.invalidParameter(name: "period", value: "\(m)", constraint: "at least 2")
        }
        let n = y.count
        guard m <= n / 2 else {   // n ≥ 2m, without computing 2m (m may be huge)
            throw FilterError.tooShort(method: "classical decomposition", count: n, minimum: m > Int.max / 2 ? Int.max : 2 * m,
                                       reason: "two full seasons of period \(m)")
        }
        if model == .multiplicative {
            try FilterError.checkPositive(y, method: "multiplicative decomposition")
        } else {
            try FilterError.checkFinite(y)
        }
        let half = m / 2
        let defined = half..<(n - half)
        var trend = [Double](repeating: .nan, count: n)
        let fm = Double(m)
        for t in defined {
            var s = 0.0
            if m % 2 == 0 {
                s = 0.5 * y[t - half] + 0.5 * y[t + half]
                for k in (t - half + 1)..<(t + half) { s += y[k] }
            } else {
                for k in (t - half)...(t + half) { s += y[k] }
            }
            trend[t] = s / fm
        }
        var sums = [Double](repeating: 0, count: m), counts = [Int](repeating: 0, count: m)
        for t in defined {
            let d = model == .additive ? y[t] - trend[t] : y[t] / trend[t]
            sums[t % m] += d
            counts[t % m] += 1
        }
        var indices = (0..<m).map { sums[$0] / Double(counts[$0]) }
        let mean = indices.reduce(0, +) / fm
        for k in 0..<m { indices[k] = model == .additive ? indices[k] - mean : indices[k] / mean }
        let seasonal = (0..<n).map { indices[$0 % m] }
        var remainder = [Double](repeating: .nan, count: n)
        for t in defined {
            remainder[t] = model == .additive ? y[t] - trend[t] - seasonal[t] : y[t] / (trend[t] * seasonal[t])
        }
        return SeasonalDecomposition(method: .classical, model: model, transform: .none, period: m,
                                     trend: trend, seasonal: seasonal, remainder: remainder,
                                     weights: nil, definedRange: defined)
    }
}
