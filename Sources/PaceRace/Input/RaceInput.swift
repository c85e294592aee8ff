import PaceData

/// What a horse race ranks: rows of (region, indicator, metric values) at one as-of period,
/// from any source — `pace gap` output read back (`readGapOutput`), or rows built in memory
/// by a caller that ran the gap analysis itself.
///
/// A metric absent from `metrics` (or `nil` there) is undefined for that row: the region gets
/// no rank and 0 points for that indicator, with a note. Which metric columns the source has
/// at all is `columns`, so a scheme naming a column the source lacks is refused.
public struct RaceInput: Sendable {
    /// One region × indicator row.
    public struct Row: Sendable, Equatable {
        public var region: String
        public var indicator: String
        /// The as-of period of the row (`as_of` of `pace gap`), if known.
        public var asOf: String?
        /// Metric values by gap column name; a missing key is an undefined value.
        public var metrics: [String: Double]
        /// 1-based line in the source, for messages.
        public var line: Int?

        public init(region: String, indicator: String, asOf: String? = nil,
                    metrics: [String: Double], line: Int? = nil) {
            self.region = region
            self.indicator = indicator
            self.asOf = asOf
            self.metrics = metrics
            self.line = line
        }
    }

    /// The file the rows came from, or a name for them.
    public var source: String
    /// The metric columns the source provides (whether or not every row has a value).
    public var columns: Set<String>
    public var rows: [Row]

    public init(source: String, columns: Set<String>, rows: [Row]) {
        self.source = source
        self.columns = columns
        self.rows = rows
    }

    /// The distinct as-of periods of the rows, in time order (``RaceInput/chronological(_:_:)``).
    public var asOfPeriods: [String] {
        Array(Set(rows.compactMap(\.asOf))).sorted(by: Self.chronological)
    }

    /// Orders as-of labels in time: labels that read as periods (2024, 2024Q2, 2024-06, in any
    /// spelling `Period` accepts) by their end month (ties in `Period`'s order: a month first);
    /// anything else after them, as text.
    public static func chronological(_ a: String, _ b: String) -> Bool {
        switch (Period(a), Period(b)) {
        case let (pa?, pb?): return pa == pb ? a < b : pa < pb
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}
