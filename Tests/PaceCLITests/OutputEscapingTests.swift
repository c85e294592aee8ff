import Foundation
import Testing

/// Names from the input (a quoted CSV field may hold an escape sequence, a tab, a carriage return, a line break, `|`
/// and `\`) in the outputs for people: tables and Markdown escape control characters (as messages do) and keep one
/// row per line; Markdown escapes `\` and `|` so a name stays in its cell. CSV and JSON keep the exact value.
@Suite("output escaping of names")
struct OutputEscapingTests {
    /// The region as read: A, ESC [31m, TAB, B|C, a backslash, CR LF, D.
    static let raw = "A\u{1B}[31m\tB|C\\\r\nD"
    /// As the plain table and stderr show it.
    static let plain = #"A\u{1b}[31m\tB|C\\r\nD"#
    /// As a Markdown cell shows it: the plain text with `\` and `|` backslash-escaped.
    static let markdown = #"A\\u{1b}[31m\\tB\|C\\\\r\\nD"#
    /// The CSV field of `raw` (quoted: it holds a line break).
    static let csvField = "\"" + raw + "\""

    static func observations(count: Int) -> String {
        var text = "region,indicator,period,value\n"
        for k in 0..<count {
            text += "\(csvField),g,\(2020 + k / 4)Q\(k % 4 + 1),\(10 + k + (k % 4 == 1 ? 3 : 0))\n"
        }
        return text
    }

    /// Every control character but the line feed that ends a line.
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { $0 != 0x0A && ($0 < 0x20 || (0x7F...0x9F).contains($0)) }
    }

    /// The cells of a Markdown table row, split at unescaped `|` (a backslash escapes the next character).
    static func markdownCells(_ line: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for c in line {
            if escaped { cell.append(c); escaped = false; continue }
            if c == "\\" { cell.append(c); escaped = true; continue }
            if c == "|" { cells.append(cell); cell = ""; continue }
            cell.append(c)
        }
        cells.append(cell)
        // "| a | b |" splits into "", " a ", " b ", "".
        return cells.dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Checks a Markdown output: no control characters, every table row has as many cells as its header, and the
    /// name appears as a whole cell in `column`.
    static func checkMarkdown(_ text: String, column: Int, rows: Int, _ what: String) {
        #expect(controls(in: text).isEmpty, "\(what): \(controls(in: text))")
        let tableLines = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        let widths = Set(tableLines.map { markdownCells($0).count })
        #expect(widths.count == 1, "\(what): rows of \(widths.sorted()) cells")
        let named = tableLines.filter { line in
            let cells = markdownCells(line)
            return cells.count > column && cells[column] == markdown
        }
        #expect(named.count == rows, "\(what): \(named.count) rows name the region as \(markdown)\n\(text)")
    }

    @Test("pace convert: table and md escape; CSV and JSON keep the value")
    func convert() throws {
        let input = Self.observations(count: 2)
        let table = try runPace(["convert", "--to", "ytd", "--format", "table"], stdin: input)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.controls(in: table.stdout).isEmpty)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix(Self.plain + "  g ") }, "\(table.stdout)")

        let md = try runPace(["convert", "--to", "ytd", "--format", "md"], stdin: input)
        Self.checkMarkdown(md.stdout, column: 0, rows: 2, "convert md")

        let csv = try runPace(["convert", "--to", "ytd", "--format", "csv"], stdin: input)
        #expect(csv.stdout.contains("\n" + Self.csvField + ",g,2020Q1,ytd,10,\n"), "\(csv.stdout)")

        let json = try runPace(["convert", "--to", "ytd", "--format", "json"], stdin: input)
        #expect(!json.stdout.contains("\u{1B}") && !json.stdout.contains("\t") && !json.stdout.contains("\r"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["region"] as? String } == [Self.raw, Self.raw])
    }

    @Test("pace forecast: the table's series line, the md heading and the CSV comment lines are escaped")
    func forecast() throws {
        let input = Self.observations(count: 12)
        let arguments = ["forecast", "-", "--model", "trend:linear", "--horizon", "2"]
        let table = try runPace(arguments + ["--format", "table"], stdin: input)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.controls(in: table.stdout).isEmpty)
        #expect(table.stdout.hasPrefix(Self.plain + " / g: Trend("), "\(table.stdout)")

        let md = try runPace(arguments + ["--format", "md"], stdin: input)
        #expect(Self.controls(in: md.stdout).isEmpty)
        #expect(md.stdout.hasPrefix("### " + Self.markdown + " / g\n"), "\(md.stdout)")

        let csv = try runPace(arguments + ["--format", "csv"], stdin: input)
        // Every line is a comment, the header or a data row: the name's line break stays inside its quoted field.
        let comments = csv.stdout.split(separator: "\n").filter { $0.hasPrefix("# ") }
        #expect(comments.contains { $0.hasPrefix("# " + Self.plain + "/g: Trend(") }, "\(csv.stdout)")
        #expect(comments.allSatisfy { Self.controls(in: String($0)).isEmpty })
        #expect(csv.stdout.contains("\n" + Self.csvField + ",g,2023Q1,"), "\(csv.stdout)")
    }

    @Test("pace decompose: the series line of the table and md is escaped, the table has one line per period")
    func decompose() throws {
        let input = Self.observations(count: 12)
        let table = try runPace(["decompose", "-", "--format", "table"], stdin: input)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.controls(in: table.stdout).isEmpty)
        #expect(table.stdout.hasPrefix(Self.plain + "/g: "), "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").count == 1 + 2 + 12)
        let md = try runPace(["decompose", "-", "--format", "md"], stdin: input)
        #expect(Self.controls(in: md.stdout).isEmpty)
        #expect(md.stdout.hasPrefix(Self.plain + "/g: "), "\(md.stdout)")
    }

    @Test("pace gap, race and report: tables and Markdown escape the region")
    func gapRaceReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-escaping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("d.csv").path, targets = dir.appendingPathComponent("t.csv").path
        let scheme = dir.appendingPathComponent("s.csv").path, gapCSV = dir.appendingPathComponent("g.csv").path
        try Self.observations(count: 6).write(toFile: data, atomically: true, encoding: .utf8)
        try "region,indicator,year,type,target\n\(Self.csvField),g,2021,growth,5\n".write(toFile: targets, atomically: true, encoding: .utf8)
        try "indicator,weight,metric,direction\ng,1,progress_pp,higher\n".write(toFile: scheme, atomically: true, encoding: .utf8)
        let gap = ["gap", data, "--targets", targets, "--as-of", "2021Q2", "--method", "share"]

        let table = try runPace(gap + ["--format", "table"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.controls(in: table.stdout).isEmpty)
        #expect(table.stdout.split(separator: "\n")[2].hasPrefix(Self.plain + "  g "), "\(table.stdout)")
        Self.checkMarkdown(try runPace(gap + ["--format", "md"]).stdout, column: 0, rows: 1, "gap md")

        let csv = try runPace(gap + ["--format", "csv", "--output", gapCSV])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(try String(contentsOfFile: gapCSV, encoding: .utf8).contains("\n" + Self.csvField + ",g,2021,2021Q2,"))
        let race = try runPace(["race", gapCSV, "--scheme", scheme, "--format", "table"])
        #expect(race.status == 0, "\(race.stderr)")
        #expect(Self.controls(in: race.stdout).isEmpty)
        #expect(race.stdout.split(separator: "\n")[2].hasPrefix(Self.plain + "  "), "\(race.stdout)")
        Self.checkMarkdown(try runPace(["race", gapCSV, "--scheme", scheme, "--format", "md"]).stdout,
                           column: 0, rows: 1, "race md")

        let report = try runPace(["report", "--data", data, "--targets", targets, "--as-of", "2021Q2", "--method", "share",
                                  "--format", "md"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Self.controls(in: report.stdout).isEmpty, "\(Self.controls(in: report.stdout))")
        // The report's own Markdown escaping (CommonMark's, `[` escaped too): the escape sequence, the tab and the
        // line break show as text, as in the command Markdown above.
        #expect(report.stdout.contains(#"A\\u{1b}\[31m\\tB\|C\\\\r\\nD"#), "\(report.stdout)")
    }
}

/// Control characters that reach a terminal when an output is shown with `cat`: ESC, BEL, DEL and a C1 control
/// (U+0085 NEL; U+009B would be a CSI). The HTML report shows them visibly as messages and tables do; JSON and JSON
/// Lines escape them (`\u001b`, `\u0007`, `\u007f`, `\u0085`) and still read back to the exact name.
@Suite("output escaping: HTML report and JSON")
struct ControlCharacterOutputTests {
    /// The region as read: R, ESC [1m, BEL, x, DEL, y, NEL, z (an unquoted CSV field: no comma, quote or line break).
    static let raw = "R\u{1B}[1m\u{07}x\u{7F}y\u{85}z"
    /// As messages and tables show it: backslash, u, the code point in lowercase hex in braces.
    static let visible = #"R\u{1b}[1m\u{7}x\u{7f}y\u{85}z"#
    /// As a JSON string literal (RFC 8259: \u and four hex digits; lowercase as the writer writes hex).
    static let jsonLiteral = #""R\u001b[1m\u0007x\u007fy\u0085z""#

    /// Control characters other than the line feed.
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { $0 != 0x0A && ($0 < 0x20 || (0x7F...0x9F).contains($0)) }
    }

    static func observations(count: Int) -> String {
        var text = "region,indicator,period,value\n"
        for k in 0..<count { text += "\(raw),g,\(2020 + k / 4)Q\(k % 4 + 1),\(10 + k + (k % 4 == 1 ? 3 : 0))\n" }
        return text
    }

    /// A folder with the data (2020Q1…2021Q2), the targets, a race scheme and the gap output as CSV.
    static func files() throws -> (dir: URL, data: String, targets: String, scheme: String, gap: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-controls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = dir.appendingPathComponent("d.csv").path, targets = dir.appendingPathComponent("t.csv").path
        let scheme = dir.appendingPathComponent("s.csv").path, gap = dir.appendingPathComponent("g.csv").path
        try observations(count: 6).write(toFile: data, atomically: true, encoding: .utf8)
        try "region,indicator,year,type,target\n\(raw),g,2021,growth,5\n".write(toFile: targets, atomically: true, encoding: .utf8)
        try "indicator,weight,metric,direction\ng,1,progress_pp,higher\n".write(toFile: scheme, atomically: true, encoding: .utf8)
        let run = try runPace(["gap", data, "--targets", targets, "--as-of", "2021Q2", "--method", "share", "--format", "csv",
                               "--output", gap])
        #expect(run.status == 0, "\(run.stderr)")
        return (dir, data, targets, scheme, gap)
    }

    @Test("pace report --format html: no raw control character; the region shown visibly in headings, tables and charts")
    func html() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        for method in ["share", "model"] {
            let run = try runPace(["report", "--data", f.data, "--targets", f.targets, "--as-of", "2021Q2", "--method", method,
                                   "--scheme", f.scheme, "--format", "html"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.controls(in: run.stdout).isEmpty, "\(method): \(Self.controls(in: run.stdout))")
            // No numeric reference but the apostrophe's (&#x1b; would be a parse error, &#x85; read as Windows-1252 "…").
            #expect(!run.stdout.replacingOccurrences(of: "&#39;", with: "").contains("&#"),
                    "numeric references to controls are parse errors or Windows-1252 in HTML")
            // The chart heading, a table cell, the bar label of the time-and-task chart (SVG text).
            #expect(run.stdout.contains("<h3>" + Self.visible + " — g"), "\(method)")
            #expect(run.stdout.contains("<td>" + Self.visible + "</td>"), "\(method)")
            #expect(run.stdout.contains("text-anchor=\"end\">" + Self.visible + "</text>"), "\(method)")
        }
    }

    @Test("JSON and JSON Lines of every command escape DEL and C1 controls and read back to the exact name")
    func json() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let series = Self.observations(count: 12)
        let runs: [([String], String?)] = [
            (["convert", "--to", "ytd"], series), (["forecast", "-", "--model", "trend:linear", "--horizon", "2"], series),
            (["filter", "hp", "-"], series), (["decompose", "-"], series),
            (["gap", f.data, "--targets", f.targets, "--as-of", "2021Q2", "--method", "share"], nil),
            (["race", f.gap, "--scheme", f.scheme], nil),
        ]
        for (arguments, stdin) in runs {
            for format in ["json", "jsonl"] {
                let run = try runPace(arguments + ["--format", format], stdin: stdin)
                #expect(run.status == 0, "\(arguments) \(format): \(run.stderr)")
                #expect(Self.controls(in: run.stdout).isEmpty, "\(arguments) \(format): \(Self.controls(in: run.stdout))")
                #expect(run.stdout.contains(Self.jsonLiteral), "\(arguments) \(format)")
                let documents = format == "json" ? [Substring(run.stdout)] : run.stdout.split(separator: "\n")
                var names = 0
                for d in documents {
                    let object = try JSONSerialization.jsonObject(with: Data(d.utf8))
                    names += Self.strings(in: object).filter { $0 == Self.raw }.count
                }
                #expect(names >= 1, "\(arguments) \(format): the name does not read back")
            }
        }
    }

    /// Every string value in a JSON object, recursively.
    static func strings(in value: Any) -> [String] {
        if let s = value as? String { return [s] }
        if let a = value as? [Any] { return a.flatMap { strings(in: $0) } }
        if let o = value as? [String: Any] { return o.values.flatMap { strings(in: $0) } }
        return []
    }
}
