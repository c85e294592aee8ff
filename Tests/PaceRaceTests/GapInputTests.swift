import PaceData
import Testing
@testable import PaceRace

/// Reading `pace gap` output back: CSV (with its `# ` provenance block) and JSON
/// (`pace.gap/1`), detected by content, with located errors.
@Suite("RaceInput: pace gap output as CSV or JSON")
struct GapInputTests {
    static let scheme = try! RaceScheme(source: "s.csv", entries: [
        .init(indicator: "gdp", weight: 60, metric: "growth_gap_pp", line: 2),
        .init(indicator: "fai", weight: 40, metric: "p_meet", line: 3),
    ])

    static let csv = """
        # pace gap 0.1.0
        # as_of: 2024Q2
        region,indicator,year,as_of,type,target,growth_gap_pp,p_meet,light,notes
        North,gdp,2024,2024Q2,growth,5,0.4,0.7,green,
        North,fai,2024,2024Q2,growth,6,-1.5,0.25,red,"slow; late"
        South,gdp,2024,2024Q2,growth,5.5,-0.2,NA,yellow,
        South,fai,2024,2024Q2,growth,6,0.3,,green,

        """

    static let json = """
        {
          "schema": "pace.gap/1",
          "provenance": {"version": "0.1.0", "method": "share", "as_of": "2024Q2", "parameters": {}, "inputs": []},
          "rows": [
            {"region": "North", "indicator": "gdp", "year": 2024, "as_of": "2024Q2", "type": "growth", "target": 5,
             "growth_gap_pp": 0.4, "p_meet": 0.7, "light": "green", "notes": []},
            {"region": "North", "indicator": "fai", "year": 2024, "as_of": "2024Q2", "type": "growth", "target": 6,
             "growth_gap_pp": -1.5, "p_meet": 0.25, "light": "red", "notes": ["slow", "late"]},
            {"region": "South", "indicator": "gdp", "year": 2024, "as_of": "2024Q2", "type": "growth", "target": 5.5,
             "growth_gap_pp": -0.2, "p_meet": null, "light": "yellow", "notes": []},
            {"region": "South", "indicator": "fai", "year": 2024, "as_of": "2024Q2", "type": "growth", "target": 6,
             "growth_gap_pp": 0.3, "p_meet": null, "light": "green", "notes": []}
          ]
        }

        """

    func read(_ text: String, source: String = "g", scheme: RaceScheme? = GapInputTests.scheme) throws -> RaceInput {
        try RaceInput(gapOutput: Array(text.utf8), source: source, scheme: scheme)
    }

    func message(_ text: String, scheme: RaceScheme? = GapInputTests.scheme) -> String? {
        do { _ = try read(text, scheme: scheme); return nil } catch { return "\(error)" }
    }

    @Test("edge cases: empty input, only comments, header alone")
    func edges() throws {
        #expect(message("") == "g: the file is empty (expected a header row)")
        #expect(message("# pace gap\n# nothing\n") == "g: the file is empty (expected a header row)")
        let headerOnly = try read("# c\nregion,indicator,growth_gap_pp,p_meet\n")
        #expect(headerOnly.rows.isEmpty && headerOnly.columns == ["growth_gap_pp", "p_meet"])
    }

    @Test("CSV: comments skipped, scheme metrics read on their indicator's rows, NA/empty undefined")
    func csvRows() throws {
        let input = try read(Self.csv)
        #expect(input.rows.count == 4)
        #expect(input.rows.map(\.line) == [4, 5, 6, 7])
        #expect(input.rows[0] == RaceInput.Row(region: "North", indicator: "gdp", asOf: "2024Q2",
                                               metrics: ["growth_gap_pp": 0.4], line: 4))
        #expect(input.rows[1].metrics == ["p_meet": 0.25])
        #expect(input.rows[3].metrics.isEmpty)
        #expect(input.asOfPeriods == ["2024Q2"])
        // Without a scheme every numeric gap column present is read on every row.
        let all = try read(Self.csv, scheme: nil)
        #expect(all.rows[2].metrics == ["target": 5.5, "growth_gap_pp": -0.2])
    }

    @Test("JSON and CSV give identical rows (line numbers aside) and identical races")
    func jsonEqualsCSV() throws {
        let fromCSV = try read(Self.csv)
        let fromJSON = try read(Self.json)
        #expect(fromJSON.rows.map(\.line) == [5, 7, 9, 11])
        func strip(_ rows: [RaceInput.Row]) -> [RaceInput.Row] { rows.map { var r = $0; r.line = nil; return r } }
        #expect(strip(fromCSV.rows) == strip(fromJSON.rows))
        #expect(fromCSV.columns == fromJSON.columns)
        let race = try HorseRace(scheme: Self.scheme)
        #expect(try race.run(fromCSV).standings == race.run(fromJSON).standings)
    }

    @Test("JSON Lines: provenance record skipped, row records read with their lines")
    func jsonLines() throws {
        let text = """
            {"schema": "pace.gap/1", "type": "provenance", "provenance": {}}
            {"type": "row", "region": "North", "indicator": "gdp", "growth_gap_pp": 0.4, "p_meet": 0.7}
            {"type": "row", "region": "North", "indicator": "fai", "growth_gap_pp": -1.5, "p_meet": 0.25}

            {"type": "row", "region": "South", "indicator": "gdp", "growth_gap_pp": -0.2, "p_meet": null}
            """
        let input = try read(text)
        #expect(input.rows.map(\.line) == [2, 3, 5])
        #expect(input.rows.map(\.region) == ["North", "North", "South"])
        #expect(input.rows[1].metrics == ["p_meet": 0.25])
        #expect(input.rows[2].metrics == ["growth_gap_pp": -0.2])
        #expect(message("{\"type\": \"provenance\"}\n{\"type\": \"row\", \"region\": \"A\", \"indicator\": \"gdp\", \"p_meet\": 1}\n")
                == "g:2: no member named \"growth_gap_pp\" in the rows (expected rows with a \"growth_gap_pp\" member)")
    }

    @Test("CSV bad input: exact messages with lines counted through the comment block")
    func csvErrors() {
        #expect(message("# c\nregion,indicator,growth_gap_pp\nNorth,gdp,0.4\n")
                == "g:2: no column named \"p_meet\" (found \"region,indicator,growth_gap_pp\", expected a header with a \"p_meet\" column)")
        #expect(message("# c\n# d\nregion,indicator,growth_gap_pp,p_meet\nNorth,gdp,0.4,1\nSouth,gdp,high,1\n")
                == "g:5:3: not a number (found \"high\", expected a decimal number)")
        // A non-number in a column the scheme does not use on that row is not read.
        #expect(message("region,indicator,growth_gap_pp,p_meet\nNorth,gdp,0.4,x\nNorth,fai,y,1\n") == nil)
        #expect(message("region,indicator,growth_gap_pp,p_meet\n,gdp,0.4,1\n")
                == "g:2:1: empty region (expected a region name)")
        #expect(message("region,indicator,growth_gap_pp,p_meet\nA,,0.4,1\n")
                == "g:2:2: empty indicator (expected an indicator name)")
        #expect(message("# c\nregion,indicator,growth_gap_pp,p_meet\nA,gdp,0.4\n")?.hasPrefix("g:3:") == true)
        #expect(message("indicator,growth_gap_pp,p_meet\ngdp,0.4,1\n")?.hasPrefix("g:1: no column named \"region\"") == true)
    }

    @Test("JSON bad input: exact messages with lines")
    func jsonErrors() {
        #expect(message("{\"schema\": \"pace.race/1\", \"rows\": []}")
                == "g:1: not pace gap output (found \"pace.race/1\", expected \"schema\": \"pace.gap/1\")")
        #expect(message("{\"schema\": \"pace.gap/1\"}")
                == "g:1: no \"rows\" array (expected a pace gap JSON report {\"schema\":\"pace.gap/1\",\"rows\":[…]})")
        #expect(message("{\"rows\": [\n{\"region\": \"A\", \"indicator\": \"gdp\", \"growth_gap_pp\": 1}]}")
                == "g:1: no member named \"p_meet\" in the rows (expected rows with a \"p_meet\" member)")
        let bad = "{\"rows\": [\n{\"region\": \"A\", \"indicator\": \"gdp\", \"p_meet\": 1,\n \"growth_gap_pp\": \"high\"}]}"
        #expect(message(bad) == "g:3: not a number in \"growth_gap_pp\" (found \"high\", expected a number or null)")
        #expect(message("{\"rows\": [\n{\"indicator\": \"gdp\", \"p_meet\": 1, \"growth_gap_pp\": 2}]}")
                == "g:2: row has no \"region\" member (expected a \"region\" member)")
        #expect(message("{\"rows\": [3]}", scheme: nil) == "g:1: a row is not an object (found \"3\", expected an object with region, indicator, …)")
        #expect(message("{\"rows\": [\n{\"region\": 7, \"indicator\": \"gdp\"}]}", scheme: nil)
                == "g:2: \"region\" is not a string (found \"7\", expected a string)")
    }

    @Test("JSON syntax errors are located; escapes and nesting are read")
    func jsonSyntax() throws {
        #expect(message("{\"rows\": [\n{\"region\": \"A\",,}]}", scheme: nil)
                == "g:2: invalid JSON: expected a member name (found \",}]}\", expected a quoted name)")
        #expect(message("{\"rows\": [\n", scheme: nil) == "g:2: invalid JSON: unexpected end (found \"end of file\", expected a JSON value)")
        #expect(message("{\"rows\": []} x", scheme: nil)
                == "g:1: invalid JSON: unexpected character (found \"x\", expected a JSON value)")
        #expect(message("{\"rows\": [{\"region\": \"A\", \"indicator\": \"g\", \"p_meet\": 1e999}]}", scheme: nil)
                == "g:1: invalid JSON: bad number (found \"1e999}]}\", expected a finite JSON number)")
        #expect(message("{\"rows\": " + String(repeating: "[", count: 300), scheme: nil)?.contains("nested too deeply") == true)
        let escaped = try read(#"{"rows": [{"region": "A\u00e9\"\\\/\n\ud83d\ude00", "indicator": "gdp", "p_meet": -0.5e1, "extra": {"a": [true, false, null]}}]}"#, scheme: nil)
        #expect(escaped.rows[0].region == "Aé\"\\/\n😀")
        #expect(escaped.rows[0].metrics == ["p_meet": -5])
    }
}
