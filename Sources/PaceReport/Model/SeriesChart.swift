import PaceGap

/// One region × indicator's chart: annual history, its trend, the forecast fan for the as-of
/// year, the target line and the year-to-date value so far, all in `scale` units.
public struct SeriesChart: Sendable, Equatable {
    /// What the y axis measures.
    public enum Scale: String, Sendable, Equatable {
        /// Annual totals of a flow (year-end year-to-date value) or year-end balances of a stock.
        case annualValue = "annual value"
        /// Annual growth in % (series with growth data only).
        case growth = "annual growth, %"
        /// The year-end value of a rate (targets `max`/`min`).
        case value = "year-end value"
    }

    /// The forecast fan for the as-of year, drawn from the last history point.
    public struct Fan: Sendable, Equatable {
        public var year: Int
        public var center: Double
        public var lo80: Double
        public var hi80: Double
        public var lo95: Double
        public var hi95: Double
        /// Where the intervals come from, e.g. "share projection" or "ETS(A,A,N) on annual values".
        public var source: String
    }

    public var region: String
    public var indicator: String
    public var scale: Scale
    /// (year, value) of the complete years shown, oldest first.
    public var history: [Point]
    /// Hodrick–Prescott trend (λ = 100, annual) of `history`, same years; empty when too short.
    public var trend: [Point]
    public var fan: Fan?
    /// The target in `scale` units (a growth target becomes a level for `annualValue`).
    public var target: Double?
    /// The year-to-date value (or growth) at the as-of period, plotted at the as-of year.
    public var yearToDate: Point?
    public var light: Light?
    /// Sentences on what could not be drawn and why.
    public var notes: [String]

    public struct Point: Sendable, Equatable {
        public var year: Int
        public var value: Double
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// `id` attribute: a stable, HTML-safe identifier.
    public var anchor: String { "chart-" + ReportText.slug(region + "-" + indicator) }
}
