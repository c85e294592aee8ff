import Foundation
import Testing

@Suite("pace report")
struct ReportCommandTests {
    static let fixtures = "Tests/Fixtures/report/"
    static let base = ["report", "--data", fixtures + "small_data.csv", "--targets", fixtures + "small_targets.csv",
                       "--as-of", "2024Q2", "--scheme", fixtures + "small_scheme.csv"]

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pace-report-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test("--output x.md writes the Markdown golden (version line aside)")
    func markdownFile() throws {
        let out = temporary("r.md")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPace(Self.base + ["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent(Self.fixtures + "small.report.md"),
                                encoding: .utf8)
        func dropVersion(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.hasPrefix("| version |") } }
        #expect(dropVersion(written) == dropVersion(golden))
    }

    @Test("values beyond 9e15 (a unit typed wrong, 1e19) are printed, not a crash, in Markdown and HTML")
    func hugeValues() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-report-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = "region,indicator,period,measure,value\n"
        for (k, v) in [10.0, 21, 33, 45, 11, 23].enumerated() { data += "A,gdp,\(2023 + k / 4)Q\(k % 4 + 1),ytd,\(v)e18\n" }
        try data.write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try "region,indicator,year,type,target\nA,gdp,2024,growth,5\n".write(to: dir.appendingPathComponent("t.csv"),
                                                                               atomically: true, encoding: .utf8)
        for format in ["md", "html"] {
            let run = try runPace(["report", "--data", dir.appendingPathComponent("d.csv").path, "--targets",
                                   dir.appendingPathComponent("t.csv").path, "--as-of", "2024Q2", "--method", "share",
                                   "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stdout.contains("e+19") || run.stdout.contains("e19"), "\(format)")
        }
    }

    @Test("--output x.html writes self-contained HTML; --format md overrides the extension")
    func htmlFile() throws {
        let out = temporary("r.html")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPace(Self.base + ["--output", out, "--title", "Q2 <review> & co"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Q2 &lt;review&gt; &amp; co</h1>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        let overridden = try runPace(Self.base + ["--output", out, "--format", "md"])
        #expect(overridden.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Target-gap report as of 2024Q2"))
    }

    @Test("unknown output extension: exit 64, message names the extension, no file")
    func unknownExtension() throws {
        let out = temporary("r.pdf")
        let run = try runPace(Self.base + ["--output", out])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("pace: ") && run.stderr.contains("\"pdf\""))
        #expect(!FileManager.default.fileExists(atPath: out))
        let none = try runPace(Self.base + ["--output", temporary("report")])
        #expect(none.status == 64)
    }

    @Test("missing data or targets file: exit 2 naming the file; bad --as-of: exit 64")
    func badInput() throws {
        var args = Self.base
        args[2] = "Tests/Fixtures/report/missing.csv"
        let run = try runPace(args)
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing.csv"))
        #expect(run.stdout.isEmpty)
        var targets = Self.base
        targets[4] = "Tests/Fixtures/report/no_targets.csv"
        let t = try runPace(targets)
        #expect(t.status == 2 && t.stderr.contains("no_targets.csv"))
        var asOf = Self.base
        asOf[6] = "2024Q5"
        #expect(try runPace(asOf).status == 64)
        #expect(try runPace(["report", "--targets", "x.csv", "--as-of", "2024Q2"]).status == 64)
    }

    @Test("the gap analysis options of pace gap: same lights and provenance as pace gap with them; bad values exit 64")
    func analysisOptions() throws {
        let options = ["--method", "share", "--yellow=-1", "--green", "2", "--exclude-years", "2020", "--seed", "7"]
        let run = try runPace(Self.base + options)
        #expect(run.status == 0, "\(run.stderr)")
        for row in ["| method | share |", "| yellow | -1 |", "| green | 2 |", "| exclude\\_years | 2020 |"] {
            #expect(run.stdout.contains(row), "\(row)")
        }
        // The light counts are pace gap's with the same options (West's −2.4 points: red with
        // --yellow=-1, yellow with the default −5).
        let gap = try runPace(["gap", Self.fixtures + "small_data.csv", "--targets", Self.fixtures + "small_targets.csv",
                               "--as-of", "2024Q2", "--format", "csv"] + options)
        #expect(gap.status == 0, "\(gap.stderr)")
        for light in ["red", "yellow", "green"] {
            let count = gap.stdout.split(separator: "\n").filter { $0.contains(",\(light),") }.count
            #expect(run.stdout.contains("| \(light) | \(count) |"), "\(light): \(count)")
        }
        #expect(run.stdout.contains("| red | 3 |"))
        let defaults = try runPace(Self.base + ["--method", "share"])
        #expect(defaults.stdout != run.stdout)
        for bad in [["--years", "0"], ["--exclude-years", "20x0"], ["--yellow", "3"], ["--ets-region", "wide"]] {
            #expect(try runPace(Self.base + bad).status == 64, "\(bad)")
        }
    }
}
