import Foundation
import Testing

/// The bad-observation corpus: every file is wrong in one way; `pace convert` must exit 2,
/// print exactly `pace: ` + the golden message on stderr and nothing on stdout.
@Suite("pace convert / check: bad input, conversions, exit codes")
struct ConvertCheckTests {
    static let folder = "Tests/Fixtures/bad-input/observations"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }()

    @Test("the corpus is there")
    func corpus() {
        #expect(Self.cases.count >= 20)
    }

    @Test("bad observation file: exit 2, the golden message, nothing on stdout", arguments: cases)
    func badInput(name: String) throws {
        let path = Self.folder + "/" + name
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent(
            Self.folder + "/" + name.dropLast(4) + ".expected"), encoding: .utf8)
        let run = try runPace(["convert", path, "--to", "level"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "pace: " + golden)
    }

    @Test("pace check on a bad file lists every problem with file:line and exits 1")
    func checkBad() throws {
        let input = "indicator,period,value\nx,2024Q1,1\nx,2024Q9,2\nx,2024Q1,3\nx,2025Q1,4\n"
        let run = try runPace(["check"], stdin: input)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"<stdin>:3:2: problem: bad period (found "2024Q9", expected a quarter 1–4, as in 2024Q1)"#))
        #expect(lines.contains(#"<stdin>:4:2: problem: duplicate observation of x/level for 2024Q1, first on line 2 (found "2024Q1", expected one row per region, indicator, period and measure)"#))
        #expect(lines.contains("<stdin>:5: note: gap in x/level: no row for 2024Q2 to 2024Q4 (3 periods)"))
        #expect(lines.last == "<stdin>: 4 rows, 1 series, 2 problems, 1 note")
    }

    @Test("pace check: clean file exits 0 (notes allowed); unreadable file exits 2; tolerance flags growth")
    func checkExitCodes() throws {
        let clean = try runPace(["check", "datasets/cn_national_monthly.csv", "--quiet"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "datasets/cn_national_monthly.csv: 2343 rows, 7 series, 0 problems, 25 notes\n")
        let missing = try runPace(["check", "no/such/file.csv"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("pace: no/such/file.csv: cannot open the file"))
        let noColumns = try runPace(["check"], stdin: "a,b\n1,2\n")
        #expect(noColumns.status == 2)
        // Published 5 vs recomputed 100·(105/100 − 1) = 5.0 (within tolerance), 9 vs 10 (1 point off).
        let growth = "indicator,period,measure,value\nx,2020,level,100\nx,2021,level,105\nx,2022,level,115.5\nx,2021,yoy,5\nx,2022,yoy,9\n"
        let flagged = try runPace(["check", "--tolerance", "0.5"], stdin: growth)
        #expect(flagged.status == 1)
        #expect(flagged.stdout.contains("<stdin>:6: problem: x/yoy 2022: published 9 differs from recomputed 10 by -1 points (tolerance 0.5)"))
        let lenient = try runPace(["check", "--tolerance", "1.5"], stdin: growth)
        #expect(lenient.status == 0)
        let usage = try runPace(["check", "--tolerance", "-1"], stdin: growth)
        #expect(usage.status == 64)
    }

    @Test("convert ytd → level with January missing: the note says what the February level covers")
    func convertNote() throws {
        let input = "region,indicator,period,measure,value\nCN,rev,2019-02,ytd,39104\nCN,rev,2019-03,ytd,53656\n"
        let run = try runPace(["convert", "--to", "level"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == """
            region,indicator,period,measure,value,note
            CN,rev,2019-02,level,39104,covers 2019-01 to 2019-02
            CN,rev,2019-03,level,14552,

            """)
    }

    @Test("convert UK gas level → ytd → level through the CLI gives back the file's figures")
    func roundTripCLI() throws {
        let ytd = try runPace(["convert", "datasets/uk_gas_quarterly.csv", "--to", "ytd"])
        #expect(ytd.status == 0)
        let level = try runPace(["convert", "-", "--to", "level"], stdin: ytd.stdout)
        #expect(level.status == 0)
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/uk_gas_quarterly.csv"), encoding: .utf8)
        // Compare values: series,period,value vs region,indicator,period,measure,value,note.
        let want = original.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            let v = Double(f[2])!
            return "\(f[1]) \(v)"
        }
        let got = level.stdout.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(f[2]) \(Double(f[4])!)"
        }
        #expect(got == want)
    }

    @Test("convert formats: jsonl rows and a json document with a schema; growth-only series skipped with a note")
    func formats() throws {
        let input = "indicator,period,measure,value\nx,2020,level,100\nx,2021,level,125\ng,2021,yoy,5\n"
        let jsonl = try runPace(["convert", "--to", "yoy", "--format", "jsonl"], stdin: input)
        #expect(jsonl.stdout.contains(#"{"region":"","indicator":"x","period":"2021","measure":"yoy","value":25,"note":null}"#))
        #expect(jsonl.stdout.contains(#"{"region":"","indicator":"g","period":"2021","measure":"yoy","value":5,"note":null}"#))
        let json = try runPace(["convert", "--to", "level", "--format", "json"], stdin: input)
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix(#"{"schema":"pace.convert/1","version":"0.1.0""#))
        #expect(json.stderr == "pace: note: 1 series not converted to level (growth only (yoy): no level or ytd values; --to index gives the implied index): g\n")
        let index = try runPace(["convert", "--to", "index"], stdin: "indicator,period,measure,value\ng,2020,yoy,3\ng,2021,yoy,5\n")
        #expect(index.stdout == "region,indicator,period,measure,value,note\n,g,2020,index,100,base year 2020: each period = 100\n,g,2021,index,105,\n")
        let badTarget = try runPace(["convert", "--to", "levels"], stdin: input)
        #expect(badTarget.status == 64)
    }

    @Test("--from wide reads one column per period; --meta makes an indicator a stock")
    func wideAndMeta() throws {
        let wide = "region,indicator,measure,2020Q1,2020Q2,2021Q1,2021Q2\nA,gdp,ytd,10,30,12,33\nA,loans,level,100,110,120,121\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-meta-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let meta = dir.appendingPathComponent("meta.csv").path
        try "indicator,kind,unit,direction\nloans,stock,bn,higher\n".write(toFile: meta, atomically: true, encoding: .utf8)
        let run = try runPace(["convert", "--from", "wide", "--to", "ytd", "--meta", meta], stdin: wide)
        #expect(run.status == 0)
        #expect(run.stdout == "region,indicator,period,measure,value,note\nA,gdp,2020Q1,ytd,10,\nA,gdp,2020Q2,ytd,30,\nA,gdp,2021Q1,ytd,12,\nA,gdp,2021Q2,ytd,33,\n")
        #expect(run.stderr == "pace: note: 1 series not converted to ytd (a stock has no year-to-date values): A/loans\n")
        let level = try runPace(["convert", "--from", "wide", "--to", "level"], stdin: wide)
        #expect(level.stdout.contains("A,gdp,2021Q2,level,21,"))
    }

    @Test("a conversion that gives no value at all is exit 2 saying why, nothing on stdout (was exit 0 with a bare header)")
    func noValueAtAll() throws {
        let oneYear = "region,indicator,2024Q1,2024Q2,2024Q3\nA,gdp,10,20,30\nB,gdp,5,6,7\n"
        for (target, why) in [("yoy", "yoy needs the same period a year earlier; the data cover 2024 only"),
                              ("ytd_yoy", "ytd_yoy needs the same period a year earlier; the data cover 2024 only"),
                              ("two_year", "two_year needs year-on-year growth in the same period two years running; the data cover 2024 only")] {
            let run = try runPace(["convert", "--from", "wide", "--to", target], stdin: oneYear)
            #expect(run.status == 2, "\(target): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "pace: <stdin>: no \(target) value can be computed: \(why)\n")
        }
        // The same file converts to levels and quarter-on-quarter growth.
        let qoq = try runPace(["convert", "--from", "wide", "--to", "qoq"], stdin: oneYear)
        #expect(qoq.status == 0 && qoq.stdout.contains("A,gdp,2024Q2,qoq,100,"), "\(qoq.stderr)")
        let single = try runPace(["convert", "--to", "qoq"], stdin: "indicator,period,value\nx,2024Q1,10\ny,2023Q1,4\n")
        #expect(single.status == 2 && single.stdout.isEmpty)
        #expect(single.stderr == "pace: <stdin>: no qoq value can be computed: qoq needs the value of the period before; every series has a single value\n")
        // A zero base: the first row's note says why.
        let zero = try runPace(["convert", "--to", "yoy"], stdin: "indicator,period,value\nx,2023,0\nx,2024,5\n")
        #expect(zero.status == 2)
        #expect(zero.stderr == "pace: <stdin>: no yoy value can be computed: yoy needs the same period a year earlier; e.g. x/yoy 2024: no growth on a base of 0 in 2023\n")
        // Every series left out: their notes, then the error.
        let growthOnly = try runPace(["convert", "--to", "level"], stdin: "indicator,period,measure,value\ng,2021,yoy,5\n")
        #expect(growthOnly.status == 2 && growthOnly.stdout.isEmpty)
        #expect(growthOnly.stderr == "pace: note: 1 series not converted to level (growth only (yoy): no level or ytd values; --to index gives the implied index): g\n"
                + "pace: <stdin>: no level value can be computed: no series can give it (the notes above say why)\n")
        // pace check finds nothing wrong with the file itself: one year of data is valid data.
        let check = try runPace(["check", "--from", "wide"], stdin: oneYear)
        #expect(check.status == 0)
    }

    @Test("--to ytd (and level) beyond the range of a double: empty cell with a note in the row and on stderr naming series and period (was a silent empty cell)")
    func outOfRange() throws {
        let levels = "indicator,period,value\nx,2024Q1,1e308\nx,2024Q2,1e308\nx,2024Q3,1\nx,2025Q1,-1e308\nx,2025Q2,2\n"
        let note = "beyond the range of a double (±1.8e308): left empty"
        let ytd = try runPace(["convert", "--to", "ytd"], stdin: levels)
        #expect(ytd.status == 0)
        // 1e308 + 1e308 overflows; the next year starts again from its own first level.
        #expect(ytd.stdout == "region,indicator,period,measure,value,note\n,x,2024Q1,ytd,1e+308,\n,x,2024Q2,ytd,,\(note)\n"
                + ",x,2024Q3,ytd,,\(note)\n,x,2025Q1,ytd,-1e+308,\n,x,2025Q2,ytd,\(-1e308 + 2),\n")
        #expect(ytd.stderr == "pace: note: x/ytd 2024Q2 and 1 later period: \(note)\n")
        let json = try runPace(["convert", "--to", "ytd", "--format", "json"], stdin: levels)
        #expect(json.stdout.contains(#"{"region":"","indicator":"x","period":"2024Q2","measure":"ytd","value":null,"note":"\#(note)"}"#))
        let level = try runPace(["convert", "--to", "level"],
                                stdin: "indicator,period,measure,value\nx,2024Q1,ytd,1e308\nx,2024Q2,ytd,-1e308\n")
        #expect(level.status == 0)
        #expect(level.stderr == "pace: note: x/level 2024Q2: \(note)\n")
    }

    @Test("published growth where the recomputed one is undefined (base 0 or negative): convert notes it was kept unchecked and why, check notes it (was silent)")
    func uncheckedPublishedGrowth() throws {
        let input = "indicator,period,measure,value\nx,2023,level,0\nx,2024,level,5\nx,2024,yoy,7\n"
            + "y,2023,level,-2\ny,2024,level,5\ny,2024,index_prev_year_100,103\nw,2023,level,4\nw,2024,level,5\nw,2024,yoy,25\n"
        let convert = try runPace(["convert", "--to", "yoy"], stdin: input)
        #expect(convert.status == 0 && convert.stderr.isEmpty, "\(convert.stderr)")
        #expect(convert.stdout == """
            region,indicator,period,measure,value,note
            ,x,2024,yoy,7,"published, not checked: no growth on a base of 0 in 2023"
            ,y,2024,yoy,3,"published, not checked: no growth on a base of -2 in 2023"
            ,w,2024,yoy,25,

            """)
        let check = try runPace(["check"], stdin: input)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout == """
            <stdin>:4: note: x/yoy 2024: published 7 could not be checked: no growth on a base of 0 in 2023
            <stdin>:7: note: y/yoy 2024: published 3 could not be checked: no growth on a base of -2 in 2023
            <stdin>: 9 rows, 6 series, 0 problems, 2 notes

            """)
        // --quiet shows problems only.
        let quiet = try runPace(["check", "--quiet"], stdin: input)
        #expect(quiet.stdout == "<stdin>: 9 rows, 6 series, 0 problems, 2 notes\n")
    }

    @Test("--help is golden (Tests/Fixtures/cli/help-convert.txt, help-check.txt)", arguments: ["convert", "check"])
    func help(command: String) throws {
        let run = try runPace([command, "--help"])
        #expect(run.status == 0)
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/cli/help-\(command).txt"), encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test("--output writes atomically; a failed run leaves the previous file untouched")
    func atomicOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-convert-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.csv").path
        let ok = try runPace(["convert", "--to", "ytd", "--output", out], stdin: "indicator,period,value\nx,2020Q1,1\nx,2020Q2,2\n")
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first == "region,indicator,period,measure,value,note\n,x,2020Q1,ytd,1,\n,x,2020Q2,ytd,3,\n")
        let bad = try runPace(["convert", "--to", "ytd", "--output", out], stdin: "indicator,period,value\nx,2020Q9,1\n")
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    }
}
