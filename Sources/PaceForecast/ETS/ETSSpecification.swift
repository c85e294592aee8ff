/// One exponential-smoothing model of the ETS family of Hyndman, Koehler, Ord & Snyder (2008),
/// *Forecasting with Exponential Smoothing: The State Space Approach*, Springer, ch. 2:
/// error A/M × trend N/A/Ad (and M/Md) × season N/A/M, with seasonal period m.
///
/// Written as R's forecast package writes it: `"MAdM"` is ETS(M,Ad,M). Parse strings at the edge
/// with ``init(parsing:period:)``; the kernels see only ``Component`` values.
public struct ETSSpecification: Sendable, Hashable, CustomStringConvertible {
    /// Error term: `.additive` or `.multiplicative` (never `.none`).
    public let error: Component
    /// Trend: `.none`, `.additive` or `.multiplicative`.
    public let trend: Component
    /// Damped trend (φ estimated); only with a trend.
    public let damped: Bool
    /// Season: `.none`, `.additive` or `.multiplicative`.
    public let season: Component
    /// Seasonal period m (observations per cycle: 4 quarterly, 12 monthly). 1 when there is no season.
    public let period: Int

    /// Validates the combination: an error term is present, damping needs a trend, a season needs m ≥ 2.
    public init(error: Component, trend: Component = .none, damped: Bool = false,
                season: Component = .none, period: Int = 1) throws(ETSError) {
        guard error != .none else {
            throw .invalidSpecification("the error term must be additive (A) or multiplicative (M), not N")
        }
        guard !(damped && trend == .none) else {
            throw .invalidSpecification("a damped trend needs a trend (A or M), the trend is N")
        }
        guard period >= 1 else { throw .invalidSpecification("seasonal period must be ≥ 1, got \(period)") }
        if season != .none {
            guard period >= 2 else {
                throw .invalidSpecification("a seasonal component needs a seasonal period ≥ 2, got \(period)")
            }
        }
        self.error = error
        self.trend = trend
        self.damped = damped
        self.season = season
        self.period = season == .none ? 1 : period
    }

    /// Parses an R-style model string of three letters with an optional `d` after the trend:
    /// `"ANN"`, `"AAdN"`, `"MAM"`, `"MAdM"`. `Z` (automatic) is refused here: use ``ETSModelPattern``.
    public init(parsing string: String, period: Int = 1) throws(ETSError) {
        let pattern = try ETSModelPattern(parsing: string)
        guard let e = pattern.error, let t = pattern.trend, let s = pattern.season else {
            throw .invalidModelString(string, reason: "contains Z (automatic); use ETSModelPattern / ETS.select")
        }
        try self.init(error: e, trend: t, damped: pattern.damped ?? false, season: s, period: period)
    }

    /// R's compact code, e.g. `"MAdM"`.
    public var code: String {
        error.rawValue + trend.rawValue + (damped ? "d" : "") + season.rawValue
    }

    /// The name used in output, e.g. `"ETS(M,Ad,M)"`.
    public var description: String {
        "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
    }

    var hasTrend: Bool { trend != .none }
    var hasSeason: Bool { season != .none }
    /// True when any component is multiplicative (the data must then be positive).
    public var needsPositiveData: Bool {
        error == .multiplicative || trend == .multiplicative || season == .multiplicative
    }

    /// Number of free initial states: l₀, b₀ (trend), s₀…s₋ₘ₊₂ (m − 1 seasonal states; the last is
    /// implied by the normalisation).
    var initialStateCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? period - 1 : 0) }

    /// Length of the state vector x_t = (l, b, s₁…sₘ).
    var stateLength: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? period : 0) }

    /// R forecast's "npars" = 2 + 2·trend + m·season + damped; `ets()` needs n > npars + 4.
    var minimumObservations: Int {
        2 + (hasTrend ? 2 : 0) + (hasSeason ? period : 0) + (damped ? 1 : 0) + 5
    }
}
