import Foundation
import Testing

/// SPEC §7's `--format … jsonl | md` on the commands that print series, fits and league tables: JSON Lines carries
/// exactly what the JSON document carries (record by record), Markdown exactly what the table carries, and every
/// report states its inputs' hashes.
@Suite("--format jsonl and md (forecast, filter hp, decompose, regress, race)")
struct OutputFormatTests {
    typealias S = SeriesCLI

    /// The records of JSON Lines output, each line parsed on its own.
    func records(_ run: PaceRun) throws -> [[String: Any]] {
        #expect(run.status == 0, "\(run.stderr)")
        return try run.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func same(_ a: Any?, _ b: Any?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b])
    }

    func removing(_ keys: [String], from object: [String: Any]) -> [String: Any] {
        object.filter { !keys.contains($0.key) }
    }

    /// The cells of every table row in plain-table or Markdown output (rule lines and text lines left out).
    func tableCells(_ text: String, markdown: Bool) -> [[String]] {
        text.split(separator: "\n").compactMap { line -> [String]? in
            if markdown {
                guard line.hasPrefix("| "), !line.contains("| --- ") && !line.contains("| ---: ") else { return nil }
                return line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            }
            guard !line.hasPrefix("---"), line.contains("  ") else { return nil }
            return line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
    }

    /// Two quarterly series, one of them with a trend.
    static let twoSeries: String = {
        var text = "series,period,value\n"
        for (name, slope) in [("flat", 0.0), ("rising", 3.0)] {
            for i in 0..<28 {
                let v = 100 + slope * Double(i) + [4, -2, 7, -9][i % 4] + Double((i * 37) % 11) / 3
                text += "\(name),\(2015 + i / 4)Q\(i % 4 + 1),\(v)\n"
            }
        }
        return text
    }()

    @Test("forecast: jsonl = JSON (provenance, then per series fit, rows, paths); md rows = table rows")
    func forecast() throws {
        let common = ["forecast", "-", "--horizon", "5", "--level", "50,90"]
        let json = try S.json(runPace(common + ["--format", "json", "--paths", "3"], stdin: Self.twoSeries))
        let lines = try records(runPace(common + ["--format", "jsonl", "--paths", "3"], stdin: Self.twoSeries))
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.count == 2)
        // provenance + (fit + 5 rows + paths) per series
        #expect(lines.count == 1 + 2 * 7)
        #expect(lines[0]["record"] as? String == "provenance" && lines[0]["schema"] as? String == "pace.forecast/1")
        #expect(same(lines[0]["provenance"], json["provenance"]))
        for (k, s) in series.enumerated() {
            let block = Array(lines[(1 + 7 * k)..<(8 + 7 * k)])
            #expect(block.map { $0["record"] as? String } == ["fit"] + Array(repeating: "row", count: 5) + ["paths"])
            #expect(same(removing(["record"], from: block[0]), removing(["forecast", "paths"], from: s)))
            let rows = try #require(s["forecast"] as? [[String: Any]])
            for h in 0..<5 {
                #expect(block[1 + h]["series"] as? String == s["series"] as? String)
                #expect(same(removing(["record", "region", "series", "measure"], from: block[1 + h]), rows[h]))
            }
            #expect(same(block[6]["paths"], s["paths"]))
        }
        // Markdown: the table's cells, a heading per series, the provenance with the input hash.
        let table = try runPace(common + ["--format", "table"], stdin: Self.twoSeries)
        let md = try runPace(common + ["--format", "md"], stdin: Self.twoSeries)
        #expect(md.status == 0 && table.status == 0)
        let mdCells = tableCells(md.stdout, markdown: true), plainCells = tableCells(table.stdout, markdown: false)
        #expect(mdCells.count == 2 * 6 && mdCells == plainCells)
        #expect(mdCells.first == ["period", "mean", "lo50", "hi50", "lo90", "hi90"])
        #expect(md.stdout.contains("### flat\n") && md.stdout.contains("### rising\n"))
        #expect(md.stdout.contains("_input: observations <stdin> fnv1a64w:"))
        // --paths goes to JSON and JSON Lines only; html is no format of forecast.
        let paths = try runPace(common + ["--format", "md", "--paths", "3"], stdin: Self.twoSeries)
        #expect(paths.status == 64 && paths.stderr.contains("json or jsonl"))
        let html = try runPace(common + ["--format", "html"], stdin: Self.twoSeries)
        #expect(html.status == 64 && html.stderr.contains("does not write 'html'"))
    }

    @Test("filter hp and decompose: jsonl = JSON rows; md rows = table rows")
    func components() throws {
        for command in [["filter", "hp", S.air], ["decompose", S.air, "--method", "classical"],
                        ["decompose", S.ukgas, "--method", "stl", "--robust"]] {
            let json = try S.json(runPace(command + ["--format", "json"]))
            let lines = try records(runPace(command + ["--format", "jsonl"]))
            let rows = try #require(json["rows"] as? [[String: Any]])
            #expect(lines.count == 1 + rows.count, "\(command)")
            #expect(lines[0]["record"] as? String == "provenance" && same(lines[0]["schema"], json["schema"]))
            #expect(same(removing(["record"], from: lines[0]), removing(["rows"], from: json)), "\(command)")
            for (line, row) in zip(lines.dropFirst(), rows) {
                #expect(same(removing(["record"], from: line), row))
            }
            let md = try runPace(command + ["--format", "md"]), table = try runPace(command + ["--format", "table"])
            let mdCells = tableCells(md.stdout, markdown: true)
            #expect(mdCells.count == rows.count + 1, "\(command)")
            // Blank cells (undefined ends of a moving average) collapse in the split plain table: compare the defined rows.
            let plain = tableCells(table.stdout, markdown: false)
            #expect(mdCells.filter { !$0.contains("") } == plain.filter { $0.count == mdCells[0].count }, "\(command)")
            #expect(md.stdout.contains("fnv1a64w:"))
        }
    }

    @Test("regress: provenance names the options and the input's hash; jsonl = JSON; md tables = the table's")
    func regress() throws {
        let data = "y,a,b\n1,1,0.5\n3,2,0.1\n2,3,0.9\n5,4,0.3\n4,5,0.8\n7,6,0.2\n6,7,0.7\n9,8,0.4\n"
        let arguments = ["regress", "-", "--y", "y", "--x", "a,b", "--cov", "hac", "--maxlags", "2"]
        let json = try S.json(runPace(arguments + ["--format", "json"], stdin: data))
        let provenance = try #require(json["provenance"] as? [String: Any])
        #expect(provenance["method"] as? String == "OLS")
        #expect(provenance["parameters"] as? [String: String]
                == ["y": "y", "x": "a,b", "intercept": "yes", "cov": "hac", "maxlags": "2", "small_sample": "no", "level": "95"])
        let inputs = try #require(provenance["inputs"] as? [[String: String]])
        #expect(inputs.count == 1 && inputs[0]["role"] == "data" && inputs[0]["source"] == "<stdin>")
        // The hash is of the bytes read: one changed digit changes it.
        let other = try S.json(runPace(arguments + ["--format", "json"], stdin: data.replacingOccurrences(of: "9,8", with: "9.5,8")))
        let otherHash = ((other["provenance"] as? [String: Any])?["inputs"] as? [[String: String]])?.first?["hash"]
        #expect(inputs[0]["hash"]?.hasPrefix("fnv1a64w:") == true && otherHash != nil && otherHash != inputs[0]["hash"])
        let lines = try records(runPace(arguments + ["--format", "jsonl"], stdin: data))
        let coefficients = try #require(json["coefficients"] as? [[String: Any]])
        #expect(lines.map { $0["record"] as? String } == ["provenance", "fit", "coefficient", "coefficient", "coefficient"])
        #expect(same(lines[0]["provenance"], json["provenance"]) && same(lines[0]["schema"], json["schema"]))
        #expect(same(removing(["record"], from: lines[1]), removing(["schema", "version", "provenance", "coefficients"], from: json)))
        for (line, c) in zip(lines.dropFirst(2), coefficients) { #expect(same(removing(["record"], from: line), c)) }
        let csv = try runPace(arguments + ["--format", "csv"], stdin: data)
        #expect(csv.stdout.contains("# input: data <stdin> fnv1a64w:"))
        let md = try runPace(arguments + ["--format", "md"], stdin: data), table = try runPace(arguments + ["--format", "table"], stdin: data)
        let mdCells = tableCells(md.stdout, markdown: true)
        #expect(mdCells.count == 4 + 15)
        #expect(mdCells.filter { $0.first != "" }.map { $0.joined(separator: " ") }
                == tableCells(table.stdout, markdown: false).filter { $0.first != "estimate" }.map { $0.joined(separator: " ") })
    }

    @Test("race: jsonl = JSON; the scheme's, the gap output's and the previous race's hashes are stated and follow the bytes")
    func race() throws {
        let dir = "Tests/Fixtures/race/"
        let arguments = ["race", dir + "small.gap.csv", "--scheme", dir + "small.scheme.csv", "--previous", dir + "small.previous.gap.csv"]
        let json = try S.json(runPace(arguments + ["--format", "json"]))
        let lines = try records(runPace(arguments + ["--format", "jsonl"]))
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(lines.count == 1 + rows.count)
        #expect(same(removing(["record"], from: lines[0]), removing(["rows"], from: json)))
        for (line, row) in zip(lines.dropFirst(), rows) { #expect(same(removing(["record"], from: line), row)) }
        let inputs = try #require(json["inputs"] as? [[String: String]])
        #expect(inputs.map { $0["role"] ?? "" } == ["scheme", "gap", "previous"])
        #expect(inputs.map { $0["source"] ?? "" } == [dir + "small.scheme.csv", dir + "small.gap.csv", dir + "small.previous.gap.csv"])
        // The same gap output through a pipe, and with one byte changed.
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(dir + "small.gap.csv"), encoding: .utf8)
        func gapHash(_ stdin: String) throws -> String? {
            let run = try runPace(["race", "--scheme", dir + "small.scheme.csv", "--format", "json"], stdin: stdin)
            return ((try S.json(run))["inputs"] as? [[String: String]])?.first { $0["role"] == "gap" }?["hash"]
        }
        #expect(try gapHash(text) == inputs[1]["hash"])
        #expect(try gapHash(text + "\n") != inputs[1]["hash"])
        let csv = try runPace(arguments + ["--format", "csv"])
        #expect(csv.stdout.contains("# input: \(dir)small.gap.csv \(inputs[1]["hash"]!)\n"))
    }

    @Test("gap JSON Lines (records marked \"record\", not the clashing \"type\") ranks as gap CSV does; so does the old form")
    func gapLinesIntoRace() throws {
        let gap = ["gap", "Tests/Fixtures/gap/panel_small.csv", "--targets", "Tests/Fixtures/gap/targets_small.csv",
                   "--as-of", "2024Q2", "--method", "share"]
        let lines = try runPace(gap + ["--format", "jsonl"]), csv = try runPace(gap + ["--format", "csv"])
        #expect(lines.status == 0 && csv.status == 0)
        let scheme = FileManager.default.temporaryDirectory.appendingPathComponent("pace-scheme-\(UUID().uuidString).csv")
        try "indicator,weight,metric,direction\nind00,60,growth_gap_pp,higher\nind01,40,progress_pp,higher\n"
            .write(to: scheme, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scheme) }
        let race = ["race", "--scheme", scheme.path, "--format", "csv"]
        func body(_ run: PaceRun) -> [Substring] { run.stdout.split(separator: "\n").filter { !$0.hasPrefix("# input:") } }
        let fromLines = try runPace(race, stdin: lines.stdout), fromCSV = try runPace(race, stdin: csv.stdout)
        #expect(fromLines.status == 0 && fromCSV.status == 0, "\(fromLines.stderr)")
        #expect(body(fromLines) == body(fromCSV))
        // The form of earlier versions ("type":"row" and "type":"growth" in one record) still reads the same.
        let old = lines.stdout.replacingOccurrences(of: "{\"record\":", with: "{\"type\":")
        #expect(old.contains("{\"type\":\"row\","))
        #expect(body(try runPace(race, stdin: old)) == body(fromCSV))
    }
}
