/// All the series read from one observation file, in the order they first appear.
///
/// Series are keyed by (region, indicator, measure); a file without a `region` column has one
/// region, the empty string `""` (printed as an empty `region` cell, so converted output read
/// back gives the same keys).
public struct ObservationSet: Sendable {
    /// The file name used in messages (`-` / `<stdin>` for standard input).
    public var source: String
    public var series: [ObservationSeries]
    /// Names of the extra columns kept as attributes, in header order.
    public var attributeNames: [String]

    public init(source: String, series: [ObservationSeries], attributeNames: [String] = []) {
        self.source = source
        self.series = series
        self.attributeNames = attributeNames
    }

    /// The series for a key, if present.
    public func series(region: String = "", indicator: String, measure: Measure) -> ObservationSeries? {
        series.first { $0.region == region && $0.indicator == indicator && $0.measure == measure }
    }

    /// Indices into ``series`` grouped by (region, indicator), groups and members in order of
    /// first appearance: the unit conversions work on (one indicator of one region, all measures).
    public func groupedByIndicator() -> [[Int]] {
        struct Key: Hashable { var region: String; var indicator: String }
        var position: [Key: Int] = [:]
        var groups: [[Int]] = []
        for (i, s) in series.enumerated() {
            let key = Key(region: s.region, indicator: s.indicator)
            if let g = position[key] {
                groups[g].append(i)
            } else {
                position[key] = groups.count
                groups.append([i])
            }
        }
        return groups
    }

    /// Periods with no row between a series' first and last row (SPEC §2: allowed, reported).
    public func gaps() -> [Gap] {
        var result: [Gap] = []
        for (i, s) in series.enumerated() where !s.sourceLines.isEmpty {
            var k = 0
            while k < s.count {
                if s.sourceLines[k] == 0 {
                    let first = k
                    while k < s.count, s.sourceLines[k] == 0 { k += 1 }
                    result.append(Gap(seriesIndex: i, first: s.period(at: first), last: s.period(at: k - 1),
                                      lineAfter: Int(s.sourceLines[k])))
                } else {
                    k += 1
                }
            }
        }
        return result
    }

    /// Number of rows whose value is missing (empty or `NA`).
    public var missingValueCount: Int {
        series.reduce(0) { total, s in
            var n = 0
            for k in 0..<s.count where s.values[k].isNaN && s.hasRow(at: k) { n += 1 }
            return total + n
        }
    }

    /// Total number of rows read.
    public var rowCount: Int {
        series.reduce(0) { total, s in
            s.sourceLines.isEmpty ? total + s.count : total + s.sourceLines.lazy.filter { $0 != 0 }.count
        }
    }
}

/// A run of periods with no row inside a series.
public struct Gap: Sendable, Equatable {
    /// Index into ``ObservationSet/series``.
    public var seriesIndex: Int
    public var first: Period
    public var last: Period
    /// The line of the row that follows the gap in the series.
    public var lineAfter: Int
    /// Number of periods missing.
    public var length: Int { first.distance(to: last) + 1 }
}
