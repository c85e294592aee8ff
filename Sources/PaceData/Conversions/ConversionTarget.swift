/// What `pace convert --to` produces.
public enum ConversionTarget: String, Sendable, CaseIterable {
    case level, ytd, yoy
    case ytdYoy = "ytd_yoy"
    case qoq, saar
    case twoYear = "two_year"
    case index

    /// The measure written in the output rows (stocks keep `stock` for `level`).
    public var measure: Measure {
        switch self {
        case .level: .level
        case .ytd: .ytd
        case .yoy: .yoy
        case .ytdYoy: .ytdYoy
        case .qoq: .qoq
        case .saar: .saar
        case .twoYear: .twoYear
        case .index: .index
        }
    }
}

/// The outcome of converting a whole observation set.
public struct ConversionResult: Sendable {
    /// Converted series, one per (region, indicator) that could be converted, in input order.
    public var series: [ObservationSeries]
    /// (region, indicator) pairs that could not be converted, with the reason.
    public var skipped: [Skipped]
    /// Published against recomputed growth, for every series where both exist.
    public var comparisons: [GrowthComparison]

    public struct Skipped: Error, Sendable, Equatable {
        public var region: String
        public var indicator: String
        public var reason: String
        /// "region/indicator" (region left out when empty).
        public var label: String { (region.isEmpty ? "" : region + "/") + indicator }
    }
}
