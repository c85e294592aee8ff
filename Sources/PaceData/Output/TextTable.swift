/// Renders a small table for people: a plain aligned text table (`--format table`) or a
/// GitHub Markdown table (`--format md`).
///
/// Collects all rows (tables are for terminals and reports, not for millions of rows), then
/// writes them with each column as wide as its widest cell. A column whose non-empty cells
/// all read as numbers is right-aligned; others are left-aligned. Width counts characters
/// (grapheme clusters), so East Asian wide characters may misalign slightly.
///
/// Cells and headers come from input files (region, series and column names), so both renderings escape control
/// characters as messages do (``escapingControlCharacters(_:)``: `\n`, `\r`, `\t`, `\u{1b}`): an escape sequence in
/// a name cannot reach the terminal, and a line break in a name cannot start a row.
public struct TextTable: Sendable {
    public var header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    /// Adds a row; missing trailing cells are empty, extra cells are dropped.
    public mutating func addRow(_ cells: [String]) {
        var row = Array(cells.prefix(header.count))
        while row.count < header.count { row.append("") }
        rows.append(row)
    }

    /// Whether each column is numeric (right-aligned).
    var numericColumns: [Bool] {
        (0..<header.count).map { c in
            var any = false
            for row in rows where !row[c].isEmpty {
                if DecimalParser.parse(row[c]) == nil { return false }
                any = true
            }
            return any
        }
    }

    /// The plain text table: header, a dashed rule, rows; columns separated by two spaces.
    public func plainText() -> String {
        let cells = ([header] + rows).map { $0.map(TextTable.plainCell) }
        let widths = (0..<header.count).map { c in cells.map { $0[c].count }.max() ?? 0 }
        let numeric = numericColumns
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for c in 0..<row.count {
                if c > 0 { line += "  " }
                line += TextTable.pad(row[c], to: widths[c], right: numeric[c])
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
            if r == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    /// The Markdown table; control characters escaped, then `\` and `|` in cells backslash-escaped
    /// (``markdownCell(_:)``).
    public func markdown() -> String {
        let numeric = numericColumns
        func line(_ cells: [String]) -> String {
            "| " + cells.map(TextTable.markdownCell).joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += line(row) }
        return out
    }

    /// Provenance lines under a Markdown table: a blank line, then each line in italics, joined by Markdown line
    /// breaks (two spaces before the newline). Control characters in a line (a file name) are escaped.
    public static func markdownFooter(_ lines: [String]) -> String {
        "\n" + lines.map { "_\(escapingControlCharacters($0))_" }.joined(separator: "  \n") + "\n"
    }

    /// A cell (or any text from the input) for the plain table: control characters escaped, so it is one line
    /// and cannot send the terminal an escape sequence.
    public static func plainCell(_ s: String) -> String { escapingControlCharacters(s) }

    /// A Markdown table cell or heading text: control characters escaped as in ``plainCell(_:)``, then `\` and `|`
    /// backslash-escaped, so a name cannot end its cell (GitHub splits cells at an unescaped `|`, and reads `\\|`
    /// as an escaped backslash before a cell boundary) nor start a row.
    public static func markdownCell(_ s: String) -> String {
        let text = escapingControlCharacters(s)
        guard text.contains(where: { $0 == "|" || $0 == "\\" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        for scalar in text.unicodeScalars {
            if scalar == "|" || scalar == "\\" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Writes the plain text table to `sink`.
    public func writePlainText(to sink: OutputSink) { sink.write(plainText()) }

    /// Writes the Markdown table to `sink`.
    public func writeMarkdown(to sink: OutputSink) { sink.write(markdown()) }

    public static func oneLine(_ s: String) -> String {
        guard s.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return s }
        return String(s.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }

    static func pad(_ s: String, to width: Int, right: Bool) -> String {
        let gap = String(repeating: " ", count: max(0, width - s.count))
        return right ? gap + s : s + gap
    }
}
