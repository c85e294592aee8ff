/// Collects observations row by row into flat arrays, then builds dense series: the shared
/// back end of the long and wide readers. Problems either stop the read (the first one is
/// thrown) or are collected (for `pace check`), with the offending row left out.
struct ObservationBuilder {
    struct SeriesKey: Hashable {
        var region: Int32
        var indicator: Int32
        var measure: UInt8
    }

    struct SeriesInfo {
        var key: SeriesKey
        var frequency: Frequency
        var firstLine: Int
        var unit: Int32 = -1
        var unitLine: Int = 0
        var decimals: Int = 0
        var minOrdinal: Int
        var maxOrdinal: Int
    }

    let source: String
    let collecting: Bool
    let problemLimit: Int
    private(set) var problems: [InputError] = []
    private(set) var problemCount = 0

    var regions = FieldInterner()
    var indicators = FieldInterner()
    var units = FieldInterner()
    var attributeNames: [String] = []
    var attributeInterners: [FieldInterner] = []

    private var seriesIndex: [SeriesKey: Int32] = [:]
    private var lastKey = SeriesKey(region: -1, indicator: -1, measure: 0)
    private var lastSeries: Int32 = -1
    private(set) var series: [SeriesInfo] = []

    private var rowSeries: [Int32] = []
    private var rowOrdinal: [Int32] = []
    private var rowValue: [Double] = []
    private var rowLine: [Int32] = []
    private var rowColumn: [Int32] = []  // the period's column, for duplicate messages
    private var rowAttributes: [[Int32]] = []

    init(source: String, collecting: Bool, problemLimit: Int = 1000, expectedRows: Int) {
        self.source = source
        self.collecting = collecting
        self.problemLimit = problemLimit
        rowSeries.reserveCapacity(expectedRows)
        rowOrdinal.reserveCapacity(expectedRows)
        rowValue.reserveCapacity(expectedRows)
        rowLine.reserveCapacity(expectedRows)
        rowColumn.reserveCapacity(expectedRows)
    }

    mutating func setAttributes(_ names: [String]) {
        attributeNames = names
        attributeInterners = names.map { _ in FieldInterner() }
        rowAttributes = names.map { _ in [] }
    }

    /// Records a problem: thrown when stopping at the first, kept otherwise.
    mutating func fail(_ error: InputError) throws {
        if !collecting { throw error }
        problemCount += 1
        if problems.count < problemLimit { problems.append(error) }
    }

    /// The series for a key, created on first sight.
    @inline(__always)
    mutating func seriesID(region: Int32, indicator: Int32, measure: Measure, frequency: Frequency,
                           line: Int, ordinal: Int) -> Int32 {
        let key = SeriesKey(region: region, indicator: indicator, measure: measure.code)
        if key == lastKey { return lastSeries }
        let id: Int32
        if let known = seriesIndex[key] {
            id = known
        } else {
            id = Int32(series.count)
            series.append(SeriesInfo(key: key, frequency: frequency, firstLine: line, minOrdinal: ordinal,
                                     maxOrdinal: ordinal))
            seriesIndex[key] = id
        }
        lastKey = key
        lastSeries = id
        return id
    }

    /// Adds one observation. `attributes` are interned codes, one per attribute column.
    @inline(__always)
    mutating func append(series id: Int32, period: Period, value: Double, decimals: Int, unit: Int32,
                         line: Int, periodColumn: Int, unitColumn: Int, attributes: [Int32]) throws {
        let s = Int(id)
        if series[s].frequency != period.frequency {
            let info = series[s]
            try fail(InputError(
                file: source, line: line, column: periodColumn + 1,
                problem: "\(period.frequency) period in a \(info.frequency) series \(label(info.key)) (first row on line \(info.firstLine))",
                found: period.description, expected: "one frequency per series"))
            return
        }
        if unit >= 0 && units.table[Int(unit)].isEmpty == false {
            if series[s].unit < 0 {
                series[s].unit = unit
                series[s].unitLine = line
            } else if series[s].unit != unit {
                let info = series[s]
                try fail(InputError(
                    file: source, line: line, column: unitColumn + 1,
                    problem: "unit changes within series \(label(info.key))", found: units.table[Int(unit)],
                    expected: "\"\(units.table[Int(info.unit)])\" as on line \(info.unitLine)"))
                return
            }
        }
        let ordinal = period.ordinal
        if ordinal < series[s].minOrdinal { series[s].minOrdinal = ordinal }
        if ordinal > series[s].maxOrdinal { series[s].maxOrdinal = ordinal }
        if decimals > series[s].decimals { series[s].decimals = decimals }
        rowSeries.append(id)
        rowOrdinal.append(Int32(truncatingIfNeeded: ordinal))
        rowValue.append(value)
        rowLine.append(Int32(truncatingIfNeeded: line))
        rowColumn.append(Int32(truncatingIfNeeded: periodColumn))
        for (k, code) in attributes.enumerated() { rowAttributes[k].append(code) }
    }

    func label(_ key: SeriesKey) -> String {
        let region = regions.table[Int(key.region)]
        return (region.isEmpty ? "" : region + "/") + indicators.table[Int(key.indicator)] + "/"
            + Measure.fromCode(key.measure).rawValue
    }

    /// Builds the dense series; a key seen twice for one period is a problem naming both lines.
    mutating func build() throws -> ObservationSet {
        let seriesCount = series.count
        var offsets = [Int](repeating: 0, count: seriesCount + 1)
        for s in 0..<seriesCount {
            let span = series[s].maxOrdinal - series[s].minOrdinal + 1
            offsets[s + 1] = offsets[s] + span
        }
        let totalSlots = offsets[seriesCount]
        if totalSlots > max(64 * rowSeries.count, 1 << 22) {
            throw InputError(file: source, problem: "series span far more periods than the file has rows",
                             found: "\(totalSlots) periods for \(rowSeries.count) rows",
                             expected: "periods that belong together (check the years)")
        }
        var values = [Double](repeating: .nan, count: totalSlots)
        var lines = [Int32](repeating: 0, count: totalSlots)
        var attributeCodes = attributeNames.map { _ in [Int32](repeating: -1, count: totalSlots) }
        var duplicates: [InputError] = []
        values.withUnsafeMutableBufferPointer { values in
            lines.withUnsafeMutableBufferPointer { lines in
                for r in 0..<rowSeries.count {
                    let s = Int(rowSeries[r])
                    let slot = offsets[s] + Int(rowOrdinal[r]) - series[s].minOrdinal
                    if lines[slot] != 0 {
                        let period = Period(ordinal: Int(rowOrdinal[r]), frequency: series[s].frequency)!
                        duplicates.append(InputError(
                            file: source, line: Int(rowLine[r]), column: Int(rowColumn[r]) + 1,
                            problem: "duplicate observation of \(label(series[s].key)) for \(period), first on line \(lines[slot])",
                            found: period.description, expected: "one row per region, indicator, period and measure"))
                        continue
                    }
                    values[slot] = rowValue[r]
                    lines[slot] = rowLine[r]
                }
            }
        }
        if !attributeNames.isEmpty {
            for r in 0..<rowSeries.count {
                let s = Int(rowSeries[r])
                let slot = offsets[s] + Int(rowOrdinal[r]) - series[s].minOrdinal
                if lines[slot] == rowLine[r] {
                    for k in 0..<attributeNames.count { attributeCodes[k][slot] = rowAttributes[k][r] }
                }
            }
        }
        duplicates.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        for d in duplicates { try fail(d) }

        var result: [ObservationSeries] = []
        result.reserveCapacity(seriesCount)
        for s in 0..<seriesCount {
            let info = series[s]
            let range = offsets[s]..<offsets[s + 1]
            let attributes = attributeNames.indices.map { k in
                SeriesAttribute(name: attributeNames[k], table: attributeInterners[k].table,
                                codes: Array(attributeCodes[k][range]))
            }
            result.append(ObservationSeries(
                region: regions.table[Int(info.key.region)], indicator: indicators.table[Int(info.key.indicator)],
                measure: Measure.fromCode(info.key.measure), unit: info.unit >= 0 ? units.table[Int(info.unit)] : "",
                start: Period(ordinal: info.minOrdinal, frequency: info.frequency)!,
                values: Array(values[range]), sourceLines: Array(lines[range]),
                decimals: info.decimals, attributes: attributes))
        }
        return ObservationSet(source: source, series: result, attributeNames: attributeNames)
    }

    var rowsKept: Int { rowSeries.count }
}

extension Measure {
    /// A one-byte code for compact keys.
    var code: UInt8 {
        switch self {
        case .level: 0
        case .ytd: 1
        case .stock: 2
        case .yoy: 3
        case .ytdYoy: 4
        case .qoq: 5
        case .saar: 6
        case .twoYear: 7
        case .index: 8
        case .previousYearIndex: 9
        }
    }
    static func fromCode(_ code: UInt8) -> Measure { all[Int(code)] }
}
