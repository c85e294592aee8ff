#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SeasonalDecomposition {
    /// Default `factor` of ``cancellingIndices(of:factor:)``: components a million times the data's scale
    /// keep at most some 10 of a double's 16 significant digits for the value itself.
    public static let cancellationFactor: Double = 1e6

    /// The indices where the additive components are so much larger than the data that they nearly cancel:
    /// max(|trend|, |seasonal|, |remainder|) > `factor` · scale, scale = max(|yₜ|, median |y|) (the decomposed y:
    /// log y for STL on logs; max |y| when both are 0). The sum still equals yₜ, but up to rounding of the
    /// components' size, so small values cannot be read back from them — what one huge outlier does to STL
    /// (robust or not, as in statsmodels) and to classical additive decomposition: the loess or moving-average
    /// fits spread it over the neighbouring periods, each component on the outlier's scale.
    ///
    /// Empty for the multiplicative model (a product loses no digits this way); a component that is undefined
    /// (NaN, the ends of a classical decomposition) or infinite is left out of the maximum. `y` is the series as decomposed (before the transform), `y.count == trend.count`.
    public func cancellingIndices(of y: [Double], factor: Double = cancellationFactor) -> [Int] {
        precondition(y.count == trend.count, "y must be the decomposed series")
        guard model == .additive else { return [] }
        let x = transform == .log ? y.map { log($0) } : y
        let magnitudes = x.map { abs($0) }.filter(\.isFinite).sorted()
        guard !magnitudes.isEmpty else { return [] }
        let mid = magnitudes.count / 2
        let median = magnitudes.count % 2 == 1 ? magnitudes[mid] : (magnitudes[mid - 1] + magnitudes[mid]) / 2
        let largest = magnitudes[magnitudes.count - 1]
        var indices: [Int] = []
        for t in x.indices {
            var scale = Swift.max(abs(x[t]), median)
            if scale == 0 { scale = largest }
            guard scale > 0 else { continue }
            // The defined components (a classical decomposition's ends have the seasonal only).
            var size = 0.0
            for c in [trend[t], seasonal[t], remainder[t]] where c.isFinite { size = Swift.max(size, abs(c)) }
            if size > factor * scale { indices.append(t) }
        }
        return indices
    }
}
