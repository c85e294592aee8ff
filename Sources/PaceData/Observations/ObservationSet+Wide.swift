extension ObservationSet {
    /// Wide files, two shapes told apart by the header:
    /// - a `period` column: every column other than `region`, `measure` and `unit` is an
    ///   indicator (`region,period,gdp,retail_sales`);
    /// - otherwise the columns whose names are periods hold the values
    ///   (`region,indicator,measure,2023Q1,2023Q2`); `indicator` (or `series`) is required and
    ///   other non-period columns are attributes.
    /// Every cell becomes one observation, with the same rules as the long layout.
    static func loadWide(_ document: CSVDocument, into builder: inout ObservationBuilder) throws {
        let columns = headerIndex(document)
        let regionColumn = columns["region"], measureColumn = columns["measure"], unitColumn = columns["unit"]
        let periodHeaders: [(column: Int, period: Period)] = document.header.enumerated().compactMap { i, name in
            Period(name.trimmingASCIISpaces()).map { (i, $0) }
        }
        var cells: [(column: Int, period: Period?, indicator: Int32?)] = []
        var indicatorColumn: Int? = nil
        var periodColumn: Int? = nil
        var attributeColumns: [Int] = []
        if let p = columns["period"] {
            periodColumn = p
            let fixed: Set<Int> = Set([regionColumn, measureColumn, unitColumn, p].compactMap { $0 })
            for i in 0..<document.columnCount where !fixed.contains(i) {
                let name = document.header[i].trimmingASCIISpaces()
                guard !name.isEmpty else {
                    throw InputError(file: document.source, line: 1, column: i + 1, problem: "empty column name",
                                     found: "", expected: "an indicator name")
                }
                cells.append((i, nil, builder.indicators.intern(name)))
            }
        } else {
            guard !periodHeaders.isEmpty else {
                throw InputError(file: document.source, line: 1, problem: "a wide file needs period columns or a period column",
                                 found: document.header.joined(separator: ","),
                                 expected: "a header like indicator,2023Q1,2023Q2 or period,gdp,retail_sales")
            }
            guard let ic = columns["indicator"] ?? columns["series"] else {
                throw missingColumn(document, "indicator", expected: "a header like region,indicator,2023Q1,2023Q2")
            }
            indicatorColumn = ic
            let periodSet = Set(periodHeaders.map(\.column))
            let fixed: Set<Int> = Set([regionColumn, measureColumn, unitColumn, ic].compactMap { $0 })
            attributeColumns = (0..<document.columnCount).filter { !fixed.contains($0) && !periodSet.contains($0) }
            cells = periodHeaders.map { ($0.column, $0.period, nil) }
        }
        guard !cells.isEmpty else {
            throw InputError(file: document.source, line: 1, problem: "no value columns",
                             found: document.header.joined(separator: ","), expected: "indicator or period columns")
        }
        builder.setAttributes(attributeColumns.map { document.header[$0].trimmingASCIISpaces() })
        var attributes = [Int32](repeating: -1, count: attributeColumns.count)
        let blank = builder.regions.intern("")

        rows: for row in 0..<document.rowCount {
            let line = document.lineNumber(row: row)
            let region = regionColumn.map { c in document.withFieldBytes(row: row, column: c) { builder.regions.intern($0) } } ?? blank
            var measure = Measure.level
            if let c = measureColumn {
                let text = document.string(row: row, column: c)
                if !text.trimmingASCIISpaces().isEmpty {
                    guard let m = text.utf8.withContiguousStorageIfAvailable({ Measure.parse(bytes: $0) }) ?? Measure(rawValue: text) else {
                        try builder.fail(InputError(file: document.source, line: line, column: c + 1,
                                                    problem: "unknown measure", found: text,
                                                    expected: Measure.inputSpellings))
                        continue rows
                    }
                    measure = m
                }
            }
            var rowPeriod: Period? = nil
            if let p = periodColumn {
                guard let parsed = document.withFieldBytes(row: row, column: p, { Period.parse(bytes: $0) }) else {
                    try builder.fail(badPeriod(document, row: row, column: p))
                    continue rows
                }
                rowPeriod = parsed
            }
            var rowIndicator: Int32? = nil
            if let ic = indicatorColumn {
                let id = document.withFieldBytes(row: row, column: ic) { builder.indicators.intern($0) }
                if builder.indicators.table[Int(id)].isEmpty {
                    try builder.fail(InputError(file: document.source, line: line, column: ic + 1,
                                                problem: "missing indicator name", found: "", expected: "a name"))
                    continue rows
                }
                rowIndicator = id
            }
            let unit = unitColumn.map { c in document.withFieldBytes(row: row, column: c) { builder.units.intern($0) } } ?? -1
            for (k, c) in attributeColumns.enumerated() {
                attributes[k] = document.withFieldBytes(row: row, column: c) { builder.attributeInterners[k].intern($0) }
            }
            for cell in cells {
                guard let period = cell.period ?? rowPeriod, let indicator = cell.indicator ?? rowIndicator else { continue }
                let value: Double
                do {
                    value = try document.double(row: row, column: cell.column) ?? .nan
                } catch let error as InputError {
                    try builder.fail(error)
                    continue
                }
                if !value.isFinite && !(value.isNaN && document.isMissing(row: row, column: cell.column)) {
                    try builder.fail(InputError(file: document.source, line: line, column: cell.column + 1,
                                                problem: "value is not a finite number",
                                                found: document.string(row: row, column: cell.column),
                                                expected: "a decimal number, or empty or NA when missing"))
                    continue
                }
                let id = builder.seriesID(region: region, indicator: indicator, measure: measure,
                                          frequency: period.frequency, line: line)
                try builder.append(series: id, period: period, value: value, unit: unit,
                                   line: line, periodColumn: cell.column, unitColumn: unitColumn ?? 0,
                                   attributes: attributes)
            }
        }
    }
}
