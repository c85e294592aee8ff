import Foundation
import Testing

/// `pace gap` end to end on Tests/Fixtures/gap (gen_panel.py output, see SOURCE.md).
@Suite("pace gap")
struct GapCommandTests {
    let data = "Tests/Fixtures/gap/panel_small.csv"
    let targets = "Tests/Fixtures/gap/targets_small.csv"

    func csvLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("# ") }
    }

    @Test("CSV: provenance comment block, SPEC's columns exactly, one row per target of the as-of year")
    func csv() throws {
        let run = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--time-basis", "seasonal",
                               "--method", "share", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let all = run.stdout.split(separator: "\n").map(String.init)
        #expect(all.first == "# pace gap 0.1.0")
        #expect(all.contains("# method: share") && all.contains("# as_of: 2024Q2"))
        #expect(all.contains { $0.hasPrefix("# parameters: time_basis=seasonal years=3") })
        #expect(all.contains { $0.hasPrefix("# input: data Tests/Fixtures/gap/panel_small.csv fnv1a64w:") })
        let lines = csvLines(run.stdout)
        #expect(lines[0] == "region,indicator,year,as_of,type,target,stretch,ytd,time_share,task_share,progress_pp,light,ytd_growth,growth_gap_pp,required_growth,acceleration_pp,projected,projected_growth,lo80,hi80,lo95,hi95,p_meet,p_meet_stretch,method,notes")
        #expect(lines.count == 16)
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first.count == 26)
        #expect(first[0] == "R0000" && first[3] == "2024Q2" && first[4] == "growth" && first[24] == "share")
        // time_share is a fraction (the seasonal share), p_meet_stretch empty without a stretch.
        let tau = try #require(Double(first[8]))
        #expect(tau > 0 && tau < 1)
        #expect(first[23].isEmpty)
    }

    @Test("the input hash changes with the input and stays with it")
    func hash() throws {
        func hashLine(_ args: [String], stdin: String? = nil) throws -> String? {
            try runPace(args, stdin: stdin).stdout.split(separator: "\n").first { $0.hasPrefix("# input: data") }.map(String.init)
        }
        let base = ["gap", "--targets", targets, "--as-of", "2024Q2", "--format", "csv"]
        let a = try hashLine(base + [data]), b = try hashLine(base + [data])
        let c = try hashLine(base + ["-"], stdin: "region,indicator,period,measure,value\nR0000,ind00,2024Q1,ytd,1\n")
        #expect(a == b && a != nil)
        #expect(c?.hasPrefix("# input: data <stdin> fnv1a64w:") == true)
    }

    @Test("JSON carries the schema, provenance and rows with SPEC names; notes are an array")
    func json() throws {
        let run = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share",
                               "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pace.gap/1")
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["version"] as? String == "0.1.0" && provenance["as_of"] as? String == "2024Q2")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 15)
        #expect(Set(rows[0].keys) == Set(["region", "indicator", "year", "as_of", "type", "target", "stretch", "ytd",
            "time_share", "task_share", "progress_pp", "light", "ytd_growth", "growth_gap_pp", "required_growth",
            "acceleration_pp", "projected", "projected_growth", "lo80", "hi80", "lo95", "hi95", "p_meet",
            "p_meet_stretch", "method", "notes"]))
        #expect(rows[0]["time_share"] as? Double == 0.5)
        #expect(rows[0]["stretch"] is NSNull && rows[0]["notes"] as? [String] == [])
        let lines = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "jsonl"]).stdout
            .split(separator: "\n")
        #expect(lines.count == 16 && lines[0].contains("\"record\":\"provenance\""))
        // Each row record has one "type" member — the target type — and its record kind under "record".
        for line in lines.dropFirst() {
            #expect(line.components(separatedBy: "\"type\":").count == 2 && line.hasPrefix("{\"record\":\"row\","), "\(line)")
        }
    }

    @Test("table for people: percentages and lights, provenance footer")
    func table() throws {
        let run = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "table"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("time %") && run.stdout.contains("50.0"))
        #expect(run.stdout.contains("pace gap 0.1.0"))
        let md = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "md"])
        #expect(md.stdout.hasPrefix("| region"))
    }

    @Test("--fail-on red exits 1 after writing the output when a row is red; 0 when none is")
    func failOn() throws {
        let all = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "csv"])
        let hasRed = csvLines(all.stdout).dropFirst().contains { $0.split(separator: ",", omittingEmptySubsequences: false)[11] == "red" }
        #expect(hasRed)  // the fixture has red rows at the calendar basis
        let run = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "csv", "--fail-on", "red"])
        #expect(run.status == 1)
        #expect(run.stdout == all.stdout)
        // A threshold no row is below: exit 0.
        let lenient = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--format", "csv",
                                   "--fail-on", "red", "--yellow=-1000"])
        #expect(lenient.status == 0)
    }

    @Test("usage errors exit 64: unknown method, bad as-of, conflicting thresholds, too few paths")
    func usage() throws {
        let method = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "arima"])
        #expect(method.status == 64 && method.stderr.contains("--method"))
        let paths = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--paths", "1"])
        #expect(paths.status == 64 && paths.stderr.contains("--paths: found 1, expected at least 2"))
        // As forecast's: an upper limit (2^31 paths asked 34 GB and trapped; Int.max overflowed).
        for many in ["100001", "2147483648", "9223372036854775807"] {
            let huge = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "trend", "--paths", many])
            #expect(huge.status == 64 && huge.stderr.contains("--paths: found \(many), expected at most 100000"), "\(huge.stderr)")
        }
        let asOf = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q7"])
        #expect(asOf.status == 64 && asOf.stderr.contains("--as-of"))
        let both = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--yellow=-5", "--red=-3"])
        #expect(both.status == 64 && both.stderr.contains("same boundary"))
    }

    @Test("negative thresholds read as values after a space: --yellow -3 is --yellow=-3 (was 'Missing value')")
    func negativeThresholds() throws {
        for (spaced, joined) in [(["--yellow", "-3"], ["--yellow=-3"]), (["--red", "-2.5"], ["--red=-2.5"]),
                                 (["--green", "-1", "--yellow", "-4"], ["--green=-1", "--yellow=-4"]),
                                 (["--growth-yellow", "-0.5"], ["--growth-yellow=-0.5"])] {
            let base = ["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share", "--format", "csv"]
            let a = try runPace(base + spaced)
            let b = try runPace(base + joined)
            #expect(a.status == 0 && a.stderr.isEmpty, "\(spaced): \(a.stderr)")
            #expect(a.stdout == b.stdout, "\(spaced)")
        }
        // The thresholds change the lights: a yellow bound of −1000 leaves no red row.
        let base = ["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share", "--format", "csv"]
        let strict = try runPace(base)
        let lenient = try runPace(base + ["--yellow", "-1000"])
        #expect(strict.stdout.contains(",red,") && !lenient.stdout.contains(",red,"))
        // An option name after the option is not taken silently as its value.
        let missing = try runPace(base + ["--yellow", "--seed", "3"])
        #expect(missing.status == 64 && missing.stderr.contains("--yellow"))
    }

    @Test("bad input exits 2 with a located message and leaves no partial output file")
    func badInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-gap-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let badTargets = dir.appendingPathComponent("targets.csv")
        try "region,indicator,year,type,target\nR0000,ind00,2024,grow,6\n".write(to: badTargets, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.csv")
        try "previous".write(to: out, atomically: true, encoding: .utf8)
        let run = try runPace(["gap", data, "--targets", badTargets.path, "--as-of", "2024Q2", "--output", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("pace: ") && run.stderr.contains(":2:4: unknown target type"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
        let good = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--output", out.path])
        #expect(good.status == 0 && good.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("# pace gap"))
    }

    @Test("--kinds makes a stock; a planned decline leaves task_share empty with the reason in notes; data from stdin")
    func kindsAndStdin() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-gap-kinds-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let kinds = dir.appendingPathComponent("kinds.csv"), targetsFile = dir.appendingPathComponent("targets.csv")
        try "indicator,kind\nloans,stock\n".write(to: kinds, atomically: true, encoding: .utf8)
        try "indicator,year,type,target\nloans,2024,growth,-2\n".write(to: targetsFile, atomically: true, encoding: .utf8)
        let data = "indicator,period,measure,value\nloans,2023Q2,stock,103\nloans,2023Q4,stock,110\nloans,2024Q2,stock,111\n"
        let run = try runPace(["gap", "-", "--targets", targetsFile.path, "--as-of", "2024Q2", "--kinds", kinds.path,
                               "--format", "csv"], stdin: data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("# input: kinds "))
        let row = try #require(csvLines(run.stdout).dropFirst().first)
        #expect(row.hasPrefix(",loans,2024,2024Q2,growth,-2,,111,0.5,,"))
        #expect(row.contains("task share undefined: the planned change T − S_2023 is -2.2 ≤ 0; remaining to target -3.2"))
    }

    @Test("--method trend runs with a seed and is deterministic")
    func trend() throws {
        let args = ["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "trend", "--years", "5",
                    "--seed", "42", "--paths", "500", "--format", "csv"]
        let a = try runPace(args), b = try runPace(args)
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.contains("seed=42 paths=500"))
        let first = try #require(csvLines(a.stdout).dropFirst().first).split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[24] == "trend" && Double(first[16]) != nil && Double(first[22]) != nil)
    }
}
