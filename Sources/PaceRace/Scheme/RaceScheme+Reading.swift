import PaceData

extension RaceScheme {
    /// The scheme columns: `indicator`, `weight`, `metric`, and the optional `direction`.
    public static let columnNames = ["indicator", "weight", "metric", "direction"]

    /// Reads a scheme CSV file (see the type's documentation).
    /// - Throws: `InputError` for a file that cannot be read, a missing column, an empty
    ///   indicator or metric, a weight that is not a number, a direction other than
    ///   `higher`/`lower`, and every violation of the scheme's contract.
    public static func read(path: String) throws -> RaceScheme {
        try RaceScheme(document: CSVDocument.read(path: path))
    }

    /// A scheme from an already parsed CSV document.
    public init(document: CSVDocument) throws {
        let source = document.source
        let indicator = try document.requireColumn("indicator")
        let weight = try document.requireColumn("weight")
        let metric = try document.requireColumn("metric")
        let direction = document.columnIndex(named: "direction")
        var entries: [Entry] = []
        for row in 0..<document.rowCount {
            let line = document.lineNumber(row: row)
            let name = document.string(row: row, column: indicator).trimmingSpaces()
            guard !name.isEmpty else {
                throw InputError(file: source, line: line, column: indicator + 1, problem: "empty indicator",
                                 expected: "an indicator name")
            }
            guard let w = try document.double(row: row, column: weight) else {
                throw InputError(file: source, line: line, column: weight + 1, problem: "missing weight",
                                 found: document.string(row: row, column: weight), expected: "a number ≥ 0")
            }
            let m = document.string(row: row, column: metric).trimmingSpaces()
            var d = MetricDirection.higher
            if let direction {
                let text = document.string(row: row, column: direction).trimmingSpaces()
                if !text.isEmpty {
                    guard let parsed = MetricDirection(rawValue: text.lowercased()) else {
                        throw InputError(file: source, line: line, column: direction + 1,
                                         problem: "unknown direction", found: text, expected: "higher or lower")
                    }
                    d = parsed
                }
            }
            entries.append(Entry(indicator: name, weight: w, metric: m, direction: d, line: line))
        }
        try self.init(source: source, entries: entries)
    }
}
