/// What each indicator is (SPEC §2, optional file `indicator,kind,unit,direction`):
/// a flow, a stock or a rate; its unit; and whether higher values are better.
/// Indicators not listed are flows where higher is better.
public struct IndicatorMetadata: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Summed over time: a period's value is a level, year-to-date values are running sums.
        case flow
        /// A balance at the end of each period: no year-to-date sum.
        case stock
        /// A rate or ratio (unemployment %, CPI): neither summed nor cumulated.
        case rate
    }

    public enum Direction: String, Sendable, CaseIterable {
        case higher
        case lower
    }

    public struct Entry: Sendable, Equatable {
        public var indicator: String
        public var kind: Kind
        public var unit: String
        public var direction: Direction

        public init(indicator: String, kind: Kind = .flow, unit: String = "", direction: Direction = .higher) {
            self.indicator = indicator
            self.kind = kind
            self.unit = unit
            self.direction = direction
        }
    }

    public var entries: [String: Entry]

    public init(entries: [Entry] = []) {
        var map: [String: Entry] = [:]
        for e in entries { map[e.indicator] = e }
        self.entries = map
    }

    /// The indicator's kind (flow when not listed).
    public func kind(of indicator: String) -> Kind { entries[indicator]?.kind ?? .flow }
    /// The indicator's direction (higher when not listed).
    public func direction(of indicator: String) -> Direction { entries[indicator]?.direction ?? .higher }

    /// Reads the metadata CSV: column `indicator` required; `kind`, `unit`, `direction` optional
    /// (empty cells take the defaults). An indicator listed twice is an error naming both lines.
    public init(document: CSVDocument) throws {
        func column(_ name: String) -> Int? {
            document.header.firstIndex { $0.trimmingASCIISpaces().lowercased() == name }
        }
        guard let indicatorColumn = column("indicator") else {
            throw InputError(file: document.source, line: 1, problem: "missing required column \"indicator\"",
                             found: document.header.joined(separator: ","),
                             expected: "a header indicator,kind,unit,direction")
        }
        let kindColumn = column("kind"), unitColumn = column("unit"), directionColumn = column("direction")
        var map: [String: Entry] = [:]
        var lines: [String: Int] = [:]
        for row in 0..<document.rowCount {
            let line = document.lineNumber(row: row)
            let indicator = document.string(row: row, column: indicatorColumn).trimmingASCIISpaces()
            guard !indicator.isEmpty else {
                throw InputError(file: document.source, line: line, column: indicatorColumn + 1,
                                 problem: "missing indicator name", found: "", expected: "a name")
            }
            var entry = Entry(indicator: indicator)
            if let c = kindColumn {
                let text = document.string(row: row, column: c).trimmingASCIISpaces().lowercased()
                if !text.isEmpty {
                    guard let kind = Kind(rawValue: text) else {
                        throw InputError(file: document.source, line: line, column: c + 1, problem: "unknown kind",
                                         found: document.string(row: row, column: c), expected: "flow, stock or rate")
                    }
                    entry.kind = kind
                }
            }
            if let c = unitColumn { entry.unit = document.string(row: row, column: c).trimmingASCIISpaces() }
            if let c = directionColumn {
                let text = document.string(row: row, column: c).trimmingASCIISpaces().lowercased()
                if !text.isEmpty {
                    guard let direction = Direction(rawValue: text) else {
                        throw InputError(file: document.source, line: line, column: c + 1,
                                         problem: "unknown direction",
                                         found: document.string(row: row, column: c), expected: "higher or lower")
                    }
                    entry.direction = direction
                }
            }
            if let first = lines[indicator] {
                throw InputError(file: document.source, line: line, column: indicatorColumn + 1,
                                 problem: "indicator listed twice, first on line \(first)", found: indicator,
                                 expected: "one row per indicator")
            }
            lines[indicator] = line
            map[indicator] = entry
        }
        entries = map
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs (scalars, not characters: a space
    /// before a combining mark goes too) — how every reader trims names and header cells.
    public func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars
        if let f = scalars.first, let l = scalars.last, f != " " && f != "\t" && l != " " && l != "\t" { return self }
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
