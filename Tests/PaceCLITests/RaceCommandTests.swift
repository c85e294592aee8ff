import Foundation
import Testing

/// `pace race`: golden output, CSV and JSON gap input, pipes, bad input (exit 2, exact
/// messages), usage errors (exit 64), atomic --output. Fixtures: Tests/Fixtures/race (SOURCE.md
/// there gives the hand computation behind the golden files).
@Suite("pace race")
struct RaceCommandTests {
    static let dir = "Tests/Fixtures/race/"
    static let gap = dir + "small.gap.csv"
    static let gapJSON = dir + "small.gap.json"
    static let previous = dir + "small.previous.gap.csv"
    static let scheme = dir + "small.scheme.csv"

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(Self.dir + name), encoding: .utf8)
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-race-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("golden output in every format", arguments: [("csv", "small.race.csv"), ("table", "small.race.txt"),
                                                       ("md", "small.race.md"), ("json", "small.race.json")])
    func golden(format: String, file: String) throws {
        let run = try runPace(["race", Self.gap, "--scheme", Self.scheme, "--previous", Self.previous, "--format", format])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == (try fixture(file)))
    }

    @Test("JSON report parses and carries the schema and provenance")
    func json() throws {
        let run = try runPace(["race", Self.gap, "--scheme", Self.scheme, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pace.race/1")
        #expect(object["version"] as? String == "0.1.0")
        #expect(object["scheme"] as? String == Self.scheme)
        #expect(object["scoring"] as? String == "rank")
        #expect(object["floor"] as? Double == 0.6)
        #expect(object["as_of"] as? String == "2024Q2")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["region"] as? String } == ["B", "A", "C", "D", "E"])
        #expect(rows[4]["rank_cpi"] is NSNull && rows[4]["rank_change"] is NSNull)
    }

    @Test("gap JSON, JSON Lines and CSV give identical league tables, also through a pipe")
    func jsonAndCSVInput() throws {
        for scoring in ["rank", "minmax", "zscore"] {
            let csv = try runPace(["race", Self.gap, "--scheme", Self.scheme, "--scoring", scoring, "--format", "csv"])
            let json = try runPace(["race", Self.gapJSON, "--scheme", Self.scheme, "--scoring", scoring, "--format", "csv"])
            let piped = try runPace(["race", "--scheme", Self.scheme, "--scoring", scoring, "--format", "csv"],
                                    stdin: try fixture("small.gap.json"))
            let jsonl = try runPace(["race", Self.dir + "small.gap.jsonl", "--scheme", Self.scheme, "--scoring", scoring,
                                     "--format", "csv"])
            #expect(csv.status == 0 && json.status == 0 && piped.status == 0 && jsonl.status == 0)
            func body(_ text: String) -> String {
                text.split(separator: "\n").filter { !$0.hasPrefix("# input:") }.joined(separator: "\n")
            }
            #expect(body(csv.stdout) == body(json.stdout))
            #expect(body(csv.stdout) == body(piped.stdout))
            #expect(body(csv.stdout) == body(jsonl.stdout))
            #expect(piped.stdout.contains("# input: <stdin> fnv1a64w:"))
        }
    }

    @Test("the bundled provincial race runs and lists 31 provinces, Jiangsu first in 2024")
    func provinces() throws {
        let run = try runPace(["race", "datasets/provincial_gdp_race_2024.gap.csv",
                               "--scheme", "datasets/provincial_gdp_race.scheme.csv",
                               "--previous", "datasets/provincial_gdp_race_2023.gap.csv", "--format", "csv"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count == 32)
        #expect(rows[1].hasPrefix("Jiangsu,100,1,1,100,5,,"))
    }

    /// Each bad input: exit 2, exactly one `pace: ` line on stderr, nothing on stdout.
    func expectBadInput(_ arguments: [String], stdin: String? = nil, message: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try runPace(["race"] + arguments, stdin: stdin)
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr == "pace: " + message + "\n", sourceLocation: sourceLocation)
    }

    @Test("bad schemes and bad race input: exit 2 with exact located messages")
    func badInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func scheme(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let absent = try scheme("absent.csv", "indicator,weight,metric\ngdp,1,growth_gap_pp\nfai,1,p_meet\n")
        try expectBadInput([Self.gap, "--scheme", absent],
                           message: "\(absent):3:1: indicator is absent from \(Self.gap) (found \"fai\", expected one of cpi, gdp)")
        let light = try scheme("light.csv", "indicator,weight,metric\ngdp,1,light\n")
        try expectBadInput([Self.gap, "--scheme", light],
                           message: "\(light):2:3: metric is not a numeric pace gap column (found \"light\", expected one of target, stretch, ytd, time_share, task_share, progress_pp, ytd_growth, growth_gap_pp, required_growth, acceleration_pp, projected, projected_growth, lo80, hi80, lo95, hi95, p_meet, p_meet_stretch)")
        let negative = try scheme("negative.csv", "indicator,weight,metric\ngdp,2,growth_gap_pp\ncpi,-1,ytd_growth\n")
        try expectBadInput([Self.gap, "--scheme", negative],
                           message: "\(negative):3:2: weight must be a finite number ≥ 0 (found \"-1\", expected a number ≥ 0)")
        let zero = try scheme("zero.csv", "indicator,weight,metric\ngdp,0,growth_gap_pp\n")
        try expectBadInput([Self.gap, "--scheme", zero],
                           message: "\(zero): the weights sum to zero (found \"0\", expected at least one positive weight)")
        let duplicate = try scheme("duplicate.csv", "indicator,weight,metric\ngdp,1,growth_gap_pp\ngdp,1,p_meet\n")
        try expectBadInput([Self.gap, "--scheme", duplicate],
                           message: "\(duplicate):3:1: duplicate scheme row (found \"gdp\", expected each indicator once (also on line 2))")
        try expectBadInput([Self.gap, "--scheme", dir.appendingPathComponent("missing.csv").path],
                           message: "\(dir.appendingPathComponent("missing.csv").path): cannot open the file: No such file or directory")

        // Race input without a metric column, with a non-numeric metric cell, with a duplicate row.
        try expectBadInput(["-", "--scheme", Self.scheme], stdin: "# c\nregion,indicator,ytd_growth\nA,gdp,1\n",
                           message: "<stdin>:2: no column named \"growth_gap_pp\" (found \"region,indicator,ytd_growth\", expected a header with a \"growth_gap_pp\" column)")
        try expectBadInput(["--scheme", Self.scheme],
                           stdin: "# c\nregion,indicator,ytd_growth,growth_gap_pp\nA,gdp,1,0.5\nA,cpi,two,0\n",
                           message: "<stdin>:4:3: not a number (found \"two\", expected a decimal number)")
        try expectBadInput(["--scheme", Self.scheme],
                           stdin: "region,indicator,ytd_growth,growth_gap_pp\nA,gdp,1,0.5\nA,cpi,2,0\nA,gdp,1,0.7\n",
                           message: "<stdin>:4: duplicate row for region \"A\" and indicator \"gdp\" (expected one row per region and indicator (also on line 2))")
        try expectBadInput(["--scheme", Self.scheme],
                           stdin: "{\"schema\": \"pace.gap/1\", \"rows\": [\n {\"region\": \"A\", \"indicator\": \"cpi\",\n  \"ytd_growth\": \"n/a\", \"growth_gap_pp\": 1}]}\n",
                           message: "<stdin>:3: not a number in \"ytd_growth\" (found \"n/a\", expected a number or null)")
        // The previous file is checked the same way.
        try expectBadInput([Self.gap, "--scheme", Self.scheme, "--previous", "-"],
                           stdin: "region,indicator,ytd_growth\nA,gdp,1\n",
                           message: "<stdin>:1: no column named \"growth_gap_pp\" (found \"region,indicator,ytd_growth\", expected a header with a \"growth_gap_pp\" column)")
    }

    @Test("usage errors exit 64")
    func usage() throws {
        for arguments in [["race", Self.gap, "--scheme", Self.scheme, "--floor", "1.5"],
                          ["race", Self.gap, "--scheme", Self.scheme, "--scoring", "borda"],
                          ["race", Self.gap, "--scheme", Self.scheme, "--format", "html"],
                          ["race", Self.gap],
                          ["race", "--scheme", Self.scheme, "--previous", "-"]] {
            let run = try runPace(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("pace: "))
        }
        let floor = try runPace(["race", Self.gap, "--scheme", Self.scheme, "--floor=-0.5"])
        #expect(floor.status == 64 && floor.stderr.hasPrefix("pace: --floor must be between 0 and 1 (found -0.5)\n"))
    }

    @Test("--help is golden (Tests/Fixtures/cli/help-race.txt)")
    func help() throws {
        let run = try runPace(["race", "--help"])
        #expect(run.status == 0)
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/cli/help-race.txt"), encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test("--output writes atomically; a failed run leaves the previous file untouched")
    func atomicOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("league.csv").path
        let ok = try runPace(["race", Self.gap, "--scheme", Self.scheme, "--previous", Self.previous, "--output", out])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        // With --output and no --format the file is CSV.
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try fixture("small.race.csv")))
        let bad = try runPace(["race", "--scheme", Self.scheme, "--output", out], stdin: "region,indicator\nA,gdp\n")
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try fixture("small.race.csv")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["league.csv"])
    }
}
