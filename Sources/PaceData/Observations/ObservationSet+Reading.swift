#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The two shapes of observation file `pace convert --from` accepts.
public enum ObservationLayout: String, Sendable, CaseIterable {
    /// One observation per row: `region,indicator,period,measure,value[,unit]`, or
    /// `series,period,value` (`series` is the indicator).
    case long
    /// One column per period (`region,indicator,measure,2023Q1,2023Q2,…`) or one column per
    /// indicator (`region,period,measure,gdp,retail_sales,…`).
    case wide
}

extension ObservationSet {
    /// Header names of the long layout, matched ignoring case and surrounding spaces.
    static let knownColumns: Set<String> = ["region", "indicator", "series", "period", "measure", "value", "unit"]

    /// Reads an observation file (`nil` or `-` = standard input) and stops at the first problem.
    ///
    /// - Throws: ``InputError`` naming file, line, column, the value found and what was expected.
    public static func read(path: String?, layout: ObservationLayout = .long) throws -> ObservationSet {
        try ObservationSet(document: CSVDocument.read(path: path), layout: layout)
    }

    /// Reads observations from a parsed CSV document, stopping at the first problem.
    ///
    /// Long layout: columns `indicator` (or `series`), `period` and `value` are required;
    /// `region` (default: the one region `""`), `measure` (default `level`; an empty cell is
    /// `level` too) and `unit` are optional; any other column is kept as an attribute. Missing
    /// values are empty cells or `NA`. Problems: a bad period, an unknown measure, a value
    /// that is not a finite number, a period of another frequency than the rest of its series,
    /// a unit that changes within a series, the same (region, indicator, period, measure)
    /// twice (naming both lines), a missing required column, or no data rows.
    public init(document: CSVDocument, layout: ObservationLayout = .long) throws {
        var builder = ObservationBuilder(source: document.source, collecting: false,
                                         expectedRows: document.rowCount * (layout == .long ? 1 : 4))
        try ObservationSet.load(document, layout: layout, into: &builder)
        self = builder.build()
    }

    /// Reads observations keeping going after problems (for `pace check`): rows with a problem
    /// are left out and up to `limit` problems are returned in file order with the total count.
    /// Throws only when the file cannot be read as observations at all (missing columns).
    public static func readCollectingProblems(document: CSVDocument, layout: ObservationLayout = .long,
                                              limit: Int = 1000) throws
        -> (observations: ObservationSet, problems: [InputError], problemCount: Int)
    {
        var builder = ObservationBuilder(source: document.source, collecting: true, problemLimit: limit,
                                         expectedRows: document.rowCount)
        try ObservationSet.load(document, layout: layout, into: &builder)
        let set = builder.build()
        return (set, builder.problems, builder.problemCount)
    }

    static func load(_ document: CSVDocument, layout: ObservationLayout, into builder: inout ObservationBuilder) throws {
        switch layout {
        case .long: try loadLong(document, into: &builder)
        case .wide: try loadWide(document, into: &builder)
        }
        if builder.rowsKept == 0 && builder.problemCount == 0 {
            throw InputError(file: document.source, problem: "no observations after the header",
                             expected: "at least one data row")
        }
    }

    /// Header column positions by lower-cased, trimmed name.
    static func headerIndex(_ document: CSVDocument) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in document.header.enumerated() {
            let key = name.trimmingASCIISpaces().lowercased()
            if index[key] == nil { index[key] = i }
        }
        return index
    }

    static func missingColumn(_ document: CSVDocument, _ name: String, expected: String) -> InputError {
        InputError(file: document.source, line: 1, problem: "missing required column \"\(name)\"",
                   found: document.header.joined(separator: ","), expected: expected)
    }

    /// Where the long layout's columns are.
    struct LongColumns: Sendable {
        var indicator: Int
        var period: Int
        var value: Int
        var region: Int?
        var measure: Int?
        var unit: Int?
        var attributes: [Int]
    }

    static func longColumns(_ document: CSVDocument) throws -> LongColumns {
        let columns = headerIndex(document)
        let expectedHeader = "a header with region,indicator,period,measure,value (region and measure optional) or series,period,value"
        guard let indicatorColumn = columns["indicator"] ?? columns["series"] else {
            throw missingColumn(document, "indicator", expected: expectedHeader)
        }
        guard let periodColumn = columns["period"] else { throw missingColumn(document, "period", expected: expectedHeader) }
        guard let valueColumn = columns["value"] else { throw missingColumn(document, "value", expected: expectedHeader) }
        let regionColumn = columns["region"], measureColumn = columns["measure"], unitColumn = columns["unit"]
        let used: Set<Int> = Set([indicatorColumn, periodColumn, valueColumn, regionColumn, measureColumn, unitColumn]
            .compactMap { $0 })
        return LongColumns(indicator: indicatorColumn, period: periodColumn, value: valueColumn, region: regionColumn,
                           measure: measureColumn, unit: unitColumn,
                           attributes: (0..<document.columnCount).filter { !used.contains($0) })
    }

    private static func loadLong(_ document: CSVDocument, into builder: inout ObservationBuilder) throws {
        let columns = try longColumns(document)
        // The whole value column at once (fast path, two threads on large files); when some
        // cell is not a number, cells are parsed one by one so problems come in row order.
        let parsedValues = try? document.doubleColumn(columns.value)
        let rows = document.rowCount
        if !builder.collecting, columns.attributes.isEmpty, rows >= 200_000 {
            // Two halves on two threads, then merged in file order.
            let split = SplitLoad(document: document, columns: columns, values: parsedValues, builder: builder)
            DispatchQueue.concurrentPerform(iterations: 2) { half in split.run(half) }
            builder = try split.merged()
            return
        }
        try loadLongRows(document, columns: columns, rows: 0..<rows, values: parsedValues, into: &builder)
    }

    static func loadLongRows(_ document: CSVDocument, columns: LongColumns, rows: Range<Int>, values parsedValues: [Double]?,
                             into builder: inout ObservationBuilder) throws {
        let indicatorColumn = columns.indicator, periodColumn = columns.period, valueColumn = columns.value
        let regionColumn = columns.region, measureColumn = columns.measure, unitColumn = columns.unit
        let attributeColumns = columns.attributes
        builder.setAttributes(attributeColumns.map { document.header[$0].trimmingASCIISpaces() })
        var attributes = [Int32](repeating: -1, count: attributeColumns.count)
        let blank = builder.regions.intern("")
        var lastMeasureBytes: [UInt8] = []
        var lastMeasure = Measure.level
        var haveMeasure = false

        for row in rows {
            // Region and indicator: interned from bytes.
            let region = regionColumn.map { c in document.withFieldBytes(row: row, column: c) { builder.regions.intern($0) } } ?? blank
            let indicator = document.withFieldBytes(row: row, column: indicatorColumn) { builder.indicators.intern($0) }
            if builder.indicators.table[Int(indicator)].isEmpty {
                try builder.fail(InputError(file: document.source, line: document.lineNumber(row: row),
                                            column: indicatorColumn + 1, problem: "missing indicator name",
                                            found: "", expected: "a name"))
                continue
            }
            // Measure: cached by bytes.
            var measure = Measure.level
            if let c = measureColumn {
                let parsed: Measure? = document.withFieldBytes(row: row, column: c) { raw in
                    let bytes = raw.trimmingASCIISpaces()
                    if bytes.isEmpty { return .level }
                    if haveMeasure, bytes.count == lastMeasureBytes.count,
                       lastMeasureBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                        return lastMeasure
                    }
                    guard let m = Measure.parse(bytes: bytes) else { return nil }
                    lastMeasureBytes = Array(bytes)
                    lastMeasure = m
                    haveMeasure = true
                    return m
                }
                guard let parsed else {
                    try builder.fail(InputError(file: document.source, line: document.lineNumber(row: row),
                                                column: c + 1, problem: "unknown measure",
                                                found: document.string(row: row, column: c),
                                                expected: Measure.inputSpellings))
                    continue
                }
                measure = parsed
            }
            guard let period = document.withFieldBytes(row: row, column: periodColumn, { Period.parse(bytes: $0) }) else {
                try builder.fail(badPeriod(document, row: row, column: periodColumn))
                continue
            }
            var value = parsedValues?[row] ?? .nan
            if value.isNaN {
                do {
                    value = try document.double(row: row, column: valueColumn) ?? .nan
                } catch let error as InputError {
                    try builder.fail(error)
                    continue
                }
            }
            if !value.isFinite && !(value.isNaN && document.isMissing(row: row, column: valueColumn)) {
                try builder.fail(InputError(file: document.source, line: document.lineNumber(row: row),
                                            column: valueColumn + 1, problem: "value is not a finite number",
                                            found: document.string(row: row, column: valueColumn),
                                            expected: "a decimal number, or empty or NA when missing"))
                continue
            }
            let unit = unitColumn.map { c in document.withFieldBytes(row: row, column: c) { builder.units.intern($0) } } ?? -1
            for (k, c) in attributeColumns.enumerated() {
                attributes[k] = document.withFieldBytes(row: row, column: c) { builder.attributeInterners[k].intern($0) }
            }
            let line = document.lineNumber(row: row)
            let id = builder.seriesID(region: region, indicator: indicator, measure: measure,
                                      frequency: period.frequency, line: line)
            try builder.append(series: id, period: period, value: value, unit: unit, line: line,
                               periodColumn: periodColumn, unitColumn: unitColumn ?? 0, attributes: attributes)
        }
    }

    static func badPeriod(_ document: CSVDocument, row: Int, column: Int) -> InputError {
        let text = document.string(row: row, column: column)
        let diagnosis = Period.diagnose(text)
        return InputError(file: document.source, line: document.lineNumber(row: row), column: column + 1,
                          problem: text.trimmingASCIISpaces().isEmpty ? "missing period" : "bad period",
                          found: text, expected: diagnosis.expected)
    }
}

/// The long reader on two halves of the rows at once; each half has its own builder, and the
/// second is merged into the first. The problem reported is the first in file order.
final class SplitLoad: @unchecked Sendable {
    /// One half's state, touched only by the thread running that half.
    final class Half {
        var builder: ObservationBuilder
        var error: Error?
        init(_ builder: ObservationBuilder) { self.builder = builder }
    }

    let document: CSVDocument
    let columns: ObservationSet.LongColumns
    let values: [Double]?
    let middle: Int
    let halves: [Half]

    init(document: CSVDocument, columns: ObservationSet.LongColumns, values: [Double]?, builder: ObservationBuilder) {
        self.document = document
        self.columns = columns
        self.values = values
        middle = document.rowCount / 2
        halves = [Half(builder), Half(builder)]
    }

    func run(_ index: Int) {
        let half = halves[index]
        let rows = index == 0 ? 0..<middle : middle..<document.rowCount
        do {
            try ObservationSet.loadLongRows(document, columns: columns, rows: rows, values: values, into: &half.builder)
        } catch {
            half.error = error
        }
    }

    func merged() throws -> ObservationBuilder {
        if let first = halves[0].error { throw first }
        var builder = halves[0].builder
        do {
            try builder.absorb(halves[1].builder, periodColumn: columns.period, unitColumn: columns.unit ?? 0)
        } catch let mergeError as InputError {
            // A problem inside the second half may come before the merge's in the file.
            if let second = halves[1].error as? InputError, (second.line ?? 0) < (mergeError.line ?? 0) { throw second }
            throw mergeError
        }
        if let second = halves[1].error { throw second }
        return builder
    }
}
