import PaceData

extension RaceInput {
    /// Reads `pace gap` output from a file, or standard input for `nil` or `-`.
    ///
    /// The format is detected by content: text starting with `{` is the JSON report
    /// (`{"schema":"pace.gap/1", …, "rows":[{…}, …]}`) or JSON Lines (a provenance record,
    /// then one `"record":"row"` record per row; earlier versions wrote `"type":"row"`), anything else is CSV, whose leading
    /// lines starting with `#` (the provenance block) are skipped before the header.
    /// Empty cells, `NA` and JSON `null` are undefined values.
    ///
    /// - Parameter scheme: when given, only the metric each scheme entry names is read, and
    ///   only on that indicator's rows; a missing metric column is an error. Without it every
    ///   numeric gap column present is read on every row.
    /// - Throws: `InputError` with file, line and column for unreadable or malformed input,
    ///   a missing `region`/`indicator`/metric column, an empty region or indicator, or a
    ///   metric cell that is not a number.
    public static func readGapOutput(path: String?, scheme: RaceScheme? = nil) throws -> RaceInput {
        let (bytes, source) = try InputFile.readBytes(path: path)
        return try RaceInput(gapOutput: bytes, source: source, scheme: scheme)
    }

    /// Parses `pace gap` output held in memory (see `readGapOutput`).
    public init(gapOutput bytes: [UInt8], source: String, scheme: RaceScheme? = nil) throws {
        var k = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { k = 3 }
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D {
            k += 1
        }
        if k < bytes.count && bytes[k] == UInt8(ascii: "{") {
            self = try RaceInput.parseGapJSON(bytes, source: source, scheme: scheme)
        } else {
            self = try RaceInput.parseGapCSV(bytes, source: source, scheme: scheme)
        }
    }

    /// The metric columns to read on a row of `indicator`.
    static func wanted(_ scheme: RaceScheme?, _ indicator: String, present: [String]) -> [String] {
        guard let scheme else { return present }
        return scheme.entries.filter { $0.indicator == indicator }.map(\.metric)
    }

    // MARK: - CSV

    static func parseGapCSV(_ bytes: [UInt8], source: String, scheme: RaceScheme?) throws -> RaceInput {
        // Skip the `# ` provenance lines; their count is added back to every line number.
        var start = 0
        var skipped = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        while start < bytes.count && bytes[start] == UInt8(ascii: "#") {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            start = min(end + 1, bytes.count)
            skipped += 1
        }
        func shifted(_ e: InputError) -> InputError {
            var e = e
            if let line = e.line { e.line = line + skipped }
            return e
        }
        let document: CSVDocument
        do {
            document = try CSVDocument(bytes: Array(bytes[start...]), source: source)
        } catch let e as InputError {
            throw shifted(e)
        }
        do {
            return try readGapCSV(document, scheme: scheme, lineOffset: skipped)
        } catch let e as InputError {
            throw shifted(e)
        }
    }

    /// Rows of a parsed gap CSV; line numbers are those of `document` (the caller shifts them).
    static func readGapCSV(_ document: CSVDocument, scheme: RaceScheme?, lineOffset: Int) throws -> RaceInput {
        let source = document.source
        let regionColumn = try document.requireColumn("region")
        let indicatorColumn = try document.requireColumn("indicator")
        let asOfColumn = document.columnIndex(named: "as_of")
        let present = GapColumns.numeric.filter { document.columnIndex(named: $0) != nil }
        if let scheme {
            for metric in scheme.metrics { _ = try document.requireColumn(metric) }
        }
        // Metric columns to read, per indicator (computed once per indicator, not per row).
        var plan: [String: [(name: String, column: Int)]] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(document.rowCount)
        for r in 0..<document.rowCount {
            let line = document.lineNumber(row: r)
            let region = document.string(row: r, column: regionColumn).trimmingSpaces()
            guard !region.isEmpty else {
                throw InputError(file: source, line: line, column: regionColumn + 1, problem: "empty region",
                                 expected: "a region name")
            }
            let indicator = document.string(row: r, column: indicatorColumn).trimmingSpaces()
            guard !indicator.isEmpty else {
                throw InputError(file: source, line: line, column: indicatorColumn + 1, problem: "empty indicator",
                                 expected: "an indicator name")
            }
            let columns: [(name: String, column: Int)]
            if let known = plan[indicator] {
                columns = known
            } else {
                columns = wanted(scheme, indicator, present: present).map { ($0, document.columnIndex(named: $0)!) }
                plan[indicator] = columns
            }
            var metrics: [String: Double] = [:]
            for (name, column) in columns {
                guard let value = try document.double(row: r, column: column) else { continue }
                metrics[name] = value
            }
            let asOf = asOfColumn.map { document.string(row: r, column: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            rows.append(Row(region: region, indicator: indicator, asOf: asOf, metrics: metrics,
                            line: line + lineOffset))
        }
        return RaceInput(source: source, columns: Set(present), rows: rows)
    }

    // MARK: - JSON

    static func parseGapJSON(_ bytes: [UInt8], source: String, scheme: RaceScheme?) throws -> RaceInput {
        let values = try JSONValue.parseSequence(bytes, source: source)
        let root = values[0]
        if let schema = root["schema"] {
            guard case .string(let name) = schema.node, name.hasPrefix("pace.gap/") else {
                throw InputError(file: source, line: schema.line, problem: "not pace gap output",
                                 found: schema.summary, expected: "\"schema\": \"pace.gap/1\"")
            }
        }
        let items: [JSONValue]
        let rowsLine: Int
        if values.count > 1 || root["record"] != nil || root["type"] != nil {
            // JSON Lines (`pace gap --format jsonl`): a provenance record, then one record per
            // row. Row records are those with a "region" member (files of earlier versions mark
            // records with "type", which is also the gap column `type`).
            items = values.filter { $0["region"] != nil }
            rowsLine = values.count > 1 ? values[1].line : root.line
        } else {
            guard let rowsValue = root["rows"], case .array(let array) = rowsValue.node else {
                throw InputError(file: source, line: root.line, problem: "no \"rows\" array",
                                 expected: "a pace gap JSON report {\"schema\":\"pace.gap/1\",\"rows\":[…]}")
            }
            items = array
            rowsLine = rowsValue.line
        }
        // A column is present when any row has the member.
        var present: [String] = []
        for name in GapColumns.numeric where items.contains(where: { $0[name] != nil }) { present.append(name) }
        if let scheme {
            for metric in scheme.metrics where !present.contains(metric) {
                throw InputError(file: source, line: rowsLine, problem: "no member named \"\(metric)\" in the rows",
                                 expected: "rows with a \"\(metric)\" member")
            }
        }
        func text(_ item: JSONValue, _ name: String, required: Bool) throws -> String? {
            guard let value = item[name] else {
                if !required { return nil }
                throw InputError(file: source, line: item.line, problem: "row has no \"\(name)\" member",
                                 expected: "a \"\(name)\" member")
            }
            switch value.node {
            case .string(let s):
                let t = s.trimmingSpaces()
                if t.isEmpty && required {
                    throw InputError(file: source, line: value.line, problem: "empty \(name)",
                                     expected: "a non-empty \(name)")
                }
                return t.isEmpty ? nil : t
            case .null where !required: return nil
            default:
                throw InputError(file: source, line: value.line, problem: "\"\(name)\" is not a string",
                                 found: value.summary, expected: "a string")
            }
        }
        var rows: [Row] = []
        rows.reserveCapacity(items.count)
        for item in items {
            guard case .object = item.node else {
                throw InputError(file: source, line: item.line, problem: "a row is not an object",
                                 found: item.summary, expected: "an object with region, indicator, …")
            }
            let region = try text(item, "region", required: true)!
            let indicator = try text(item, "indicator", required: true)!
            let asOf = try text(item, "as_of", required: false)
            var metrics: [String: Double] = [:]
            for name in wanted(scheme, indicator, present: present) {
                guard let value = item[name] else { continue }
                switch value.node {
                case .number(let x): metrics[name] = x
                case .null: continue
                default:
                    throw InputError(file: source, line: value.line, problem: "not a number in \"\(name)\"",
                                     found: value.summary, expected: "a number or null")
                }
            }
            rows.append(Row(region: region, indicator: indicator, asOf: asOf, metrics: metrics, line: item.line))
        }
        return RaceInput(source: source, columns: Set(present), rows: rows)
    }
}
