#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A series split into trend, seasonal and remainder components, by STL or by classical
/// decomposition.
///
/// - Additive (STL, classical additive): `trend + seasonal + remainder == y` up to rounding.
/// - Multiplicative (classical multiplicative): `trend · seasonal · remainder == y`, seasonal
///   factors have mean 1 over a period.
/// - STL with `transform == .log`: the components are those of log y (additive on the log
///   scale, multiplicative in levels: exp(seasonal) is a seasonal factor).
///
/// Where a component is undefined (the ends of a classical centred moving average) it is NaN;
/// ``definedRange`` gives the indices where every component is defined.
public struct SeasonalDecomposition: Sendable, Equatable {
    /// How the decomposition was computed.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case stl
        case classical
    }

    /// How the components combine.
    public enum Model: String, Sendable, Hashable, CaseIterable {
        case additive
        case multiplicative
    }

    public let method: Method
    public let model: Model
    /// The transform applied to y before decomposing (`.log` only for STL).
    public let transform: SeriesTransform
    /// The seasonal period (4 quarterly, 12 monthly, …).
    public let period: Int
    public let trend: [Double]
    public let seasonal: [Double]
    public let remainder: [Double]
    /// STL robustness weights in [0, 1] (all 1 for non-robust STL); nil for classical.
    public let weights: [Double]?
    /// Indices where trend, seasonal and remainder are all defined (not NaN).
    public let definedRange: Range<Int>

    public init(method: Method, model: Model, transform: SeriesTransform, period: Int, trend: [Double],
                seasonal: [Double], remainder: [Double], weights: [Double]?, definedRange: Range<Int>) {
        self.method = method
        self.model = model
        self.transform = transform
        self.period = period
        self.trend = trend
        self.seasonal = seasonal
        self.remainder = remainder
        self.weights = weights
        self.definedRange = definedRange
    }

    /// The seasonally adjusted series: y − seasonal (additive), y / seasonal (multiplicative);
    /// for STL on logs, exp(log y − seasonal), in the units of y.
    public func seasonallyAdjusted(_ y: [Double]) -> [Double] {
        precondition(y.count == seasonal.count, "y must be the decomposed series")
        switch (model, transform) {
        case (.multiplicative, _):
            return zip(y, seasonal).map { $0 / $1 }
        case (.additive, .log):
            return zip(y, seasonal).map { $0 * exp(-$1) }
        case (.additive, .none):
            return zip(y, seasonal).map { $0 - $1 }
        }
    }
}
