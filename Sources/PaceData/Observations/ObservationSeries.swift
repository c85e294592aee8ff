/// One series: the values of one (region, indicator, measure) over consecutive periods of one
/// frequency, stored densely from ``start`` to ``end``.
///
/// Missing values — an empty or `NA` cell, a period with no row (a gap), or a value a
/// conversion could not compute — are `NaN` in ``values``. ``sourceLines`` tells the first two
/// apart: it holds, for a series read from a file, the file's line for each period, and 0
/// where the file has no row.
///
/// A value may cover more than one period: a monthly year-to-date series with no January
/// converts to a February level that covers January–February. ``coverage`` records such
/// values (index → number of periods, ending at that index) and ``notes`` says so in words.
public struct ObservationSeries: Sendable, Equatable {
    public var region: String
    public var indicator: String
    public var measure: Measure
    /// The unit column's value ("" when there is none).
    public var unit: String
    /// The period of `values[0]`; its frequency is the series' frequency.
    public var start: Period
    /// One value per period from ``start``; `NaN` = missing.
    public var values: [Double]
    /// Empty, or one 1-based line per value of the file it was read from, 0 = no row.
    public var sourceLines: [Int32]
    /// Sparse notes by index into ``values`` (e.g. "covers 2024-01 to 2024-02").
    public var notes: [Int: String]
    /// Sparse: index → number of periods (> 1) the value covers, ending at that period.
    public var coverage: [Int: Int]
    /// Decimal places of the figures, when known; `nil` means "infer from the values" (see
    /// ``effectiveDecimals``). Sums and differences of decimals with d places are exact decimals
    /// with d places, so additive conversions round their results to d and give
    /// `289.8 − 160.1` as `129.7`, not `129.70000000000002`.
    public var decimals: Int?
    /// Extra columns of the source file kept as attributes (e.g. `source`).
    public var attributes: [SeriesAttribute]

    public init(region: String = "", indicator: String, measure: Measure = .level, unit: String = "",
                start: Period, values: [Double], sourceLines: [Int32] = [], notes: [Int: String] = [:],
                coverage: [Int: Int] = [:], decimals: Int? = nil, attributes: [SeriesAttribute] = []) {
        self.region = region
        self.indicator = indicator
        self.measure = measure
        self.unit = unit
        self.start = start
        self.values = values
        self.sourceLines = sourceLines
        self.notes = notes
        self.coverage = coverage
        self.decimals = decimals
        self.attributes = attributes
    }

    /// NaN-aware equality (two missing values are equal), for tests and round trips.
    public static func == (a: ObservationSeries, b: ObservationSeries) -> Bool {
        a.region == b.region && a.indicator == b.indicator && a.measure == b.measure && a.unit == b.unit
            && a.start == b.start && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            && a.sourceLines == b.sourceLines && a.notes == b.notes && a.coverage == b.coverage
            && a.decimals == b.decimals && a.attributes == b.attributes
    }

    @inlinable public var frequency: Frequency { start.frequency }
    @inlinable public var count: Int { values.count }
    /// The last period (equal to ``start`` for an empty series).
    public var end: Period { start.advanced(by: max(values.count - 1, 0)) ?? start }
    /// The period of `values[index]`.
    public func period(at index: Int) -> Period { start.advanced(by: index)! }
    /// The index of `period` in ``values``, or nil when outside the series or of another frequency.
    public func index(of period: Period) -> Int? {
        guard period.frequency == start.frequency else { return nil }
        let i = period.ordinal - start.ordinal
        return i >= 0 && i < values.count ? i : nil
    }
    /// The value for `period`, or nil when missing or outside the series.
    public subscript(period: Period) -> Double? {
        guard let i = index(of: period), !values[i].isNaN else { return nil }
        return values[i]
    }
    /// Whether the file had a row for `values[index]` (always true for computed series).
    public func hasRow(at index: Int) -> Bool { sourceLines.isEmpty || sourceLines[index] != 0 }
    /// Number of periods `values[index]` covers (1 unless recorded in ``coverage``).
    public func periodsCovered(at index: Int) -> Int { coverage.isEmpty ? 1 : coverage[index] ?? 1 }
    /// ``decimals`` when set, otherwise the fewest decimal places d ≤ 10 with which every value
    /// is the double nearest to a decimal with d places (a value read from `160.10` has 1);
    /// `nil` when some value needs more (then results are not rounded).
    public var effectiveDecimals: Int? {
        if let decimals { return decimals }
        var d = 0
        for x in values where !x.isNaN {
            while roundToDecimals(x, d) != x {
                d += 1
                if d > 10 { return nil }
            }
        }
        return d
    }

    /// "region/indicator/measure" for messages (region left out when empty).
    public var label: String {
        (region.isEmpty ? "" : region + "/") + indicator + "/" + measure.rawValue
    }

    /// A series of the same identity (region, indicator, unit) with new values and measure; a value computed beyond
    /// the range of a double (±∞) is missing, with ``outOfRangeNote``.
    func derived(measure: Measure, values: [Double], notes: [Int: String] = [:],
                 coverage: [Int: Int] = [:], decimals: Int? = nil) -> ObservationSeries {
        var values = values, notes = notes, coverage = coverage
        ObservationSeries.markOutOfRange(&values, notes: &notes, coverage: &coverage)
        return ObservationSeries(region: region, indicator: indicator, measure: measure, unit: unit, start: start,
                                 values: values, notes: notes, coverage: coverage, decimals: decimals)
    }

    /// The note of a converted value that overflowed (a year-to-date sum, a difference, a chained index beyond
    /// ±1.8e308): the value is left missing.
    public static let outOfRangeNote = "beyond the range of a double (±1.8e308): left empty"

    /// Turns every ±∞ of computed `values` into a missing value with ``outOfRangeNote``.
    static func markOutOfRange(_ values: inout [Double], notes: inout [Int: String], coverage: inout [Int: Int]) {
        for i in values.indices where values[i].isInfinite {
            values[i] = .nan
            notes[i] = outOfRangeNote
            coverage[i] = nil
        }
    }
}

/// An extra column kept from the source file, per period of a series.
public struct SeriesAttribute: Sendable, Equatable {
    /// The column's name in the header.
    public var name: String
    /// Distinct values of the column (shared between series, copy-on-write).
    public var table: [String]
    /// One code per value of the series: an index into ``table``, or −1 where there is no row.
    public var codes: [Int32]

    public init(name: String, table: [String], codes: [Int32]) {
        self.name = name
        self.table = table
        self.codes = codes
    }

    /// The attribute's value at `index`, nil where the series has no row.
    public func value(at index: Int) -> String? {
        let code = codes[index]
        return code >= 0 ? table[Int(code)] : nil
    }
}
