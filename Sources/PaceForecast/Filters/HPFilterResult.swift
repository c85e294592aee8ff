#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of `HPFilter.filter`: trend τ, cycle y − τ, and the settings that produced them.
///
/// With `transform == .log`, `trend` and `cycle` are on the log scale (`trend + cycle == log y`);
/// ``trendLevels`` converts the trend back to the units of y.
public struct HPFilterResult: Sendable, Equatable {
    /// The trend τ (log scale when `transform == .log`).
    public let trend: [Double]
    /// The cycle, computed as (transformed) y − τ; `trend[i] + cycle[i]` reproduces the
    /// (transformed) input up to one rounding.
    public let cycle: [Double]
    /// The smoothing parameter λ.
    public let lambda: Double
    /// Two-sided smoother or one-sided real-time filter.
    public let side: HPFilter.Side
    /// The transform applied before filtering.
    public let transform: SeriesTransform

    public init(trend: [Double], cycle: [Double], lambda: Double, side: HPFilter.Side,
                transform: SeriesTransform) {
        self.trend = trend
        self.cycle = cycle
        self.lambda = lambda
        self.side = side
        self.transform = transform
    }

    /// The trend in the units of y: τ itself, or exp(τ) after a log transform (a geometric,
    /// median-type trend level).
    public var trendLevels: [Double] {
        transform == .log ? trend.map { exp($0) } : trend
    }
}
