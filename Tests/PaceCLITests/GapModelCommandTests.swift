import Foundation
import Testing

/// `pace gap --method model` (the default) on the bundled national data (datasets/, see
/// datasets/SOURCES.md), and `pace race --data` against `pace gap | pace race`.
@Suite("pace gap --method model")
struct GapModelCommandTests {
    let quarterly = "datasets/cn_national_quarterly.csv"
    let monthly = "datasets/cn_national_monthly.csv"
    let targets = "datasets/cn_national_targets.csv"

    /// Data rows of CSV output as header-keyed dictionaries (notes may hold commas: quoted).
    func rows(_ text: String) throws -> [[String: String]] {
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("# ") }
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            var cells: [String] = [], cell = "", quoted = false
            for c in line {
                if c == "\"" { quoted.toggle() } else if c == "," && !quoted { cells.append(cell); cell = "" } else { cell.append(c) }
            }
            cells.append(cell)
            var row: [String: String] = [:]
            for (i, h) in header.enumerated() where i < cells.count { row[h] = cells[i] }
            return row
        }
    }

    /// Bounds nest around the point and probabilities are in [0, 1].
    func checkProjection(_ row: [String: String]) throws {
        let lo95 = try #require(Double(row["lo95"] ?? "")), lo80 = try #require(Double(row["lo80"] ?? ""))
        let hi80 = try #require(Double(row["hi80"] ?? "")), hi95 = try #require(Double(row["hi95"] ?? ""))
        #expect(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95)
        if let g = Double(row["projected_growth"] ?? "") { #expect(g.isFinite) }
        if let p = Double(row["p_meet"] ?? "") { #expect(p >= 0 && p <= 1) }
    }

    @Test("quarterly, as of 2022Q2: model is the default; growth-only GDP projected on its implied index")
    func quarterlyModel() throws {
        let base = ["gap", quarterly, "--targets", targets, "--as-of", "2022Q2", "--format", "csv"]
        let run = try runPace(base)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("# method: model") && run.stdout.contains("seed=1 paths=2000"))
        let explicit = try runPace(base + ["--method", "model"])
        #expect(explicit.stdout == run.stdout)  // same seed, same output
        let table = try rows(run.stdout)
        let gdp = try #require(table.first { $0["indicator"] == "gdp" && $0["type"] == "growth" })
        #expect(gdp["method"] == "model" && gdp["as_of"] == "2022Q2")
        // Growth data only: the projection is reported as growth in %, with bounds and P(meet).
        #expect(gdp["projected"] == "")
        let growth = try #require(Double(gdp["projected_growth"] ?? ""))
        #expect(growth > -20 && growth < 30)
        try checkProjection(gdp)
        #expect(gdp["notes"]?.contains("model: ETS(") == true)
        #expect(gdp["notes"]?.contains("on 42 periods from 2012Q1") == true)  // 10 years + Q1–Q2
        for row in table where row["notes"]?.contains("model: ETS(") == true { try checkProjection(row) }
        // A target without data keeps its row.
        #expect(table.contains { $0["indicator"] == "general_public_budget_revenue" && $0["notes"]?.contains("no data") == true })
        // Another seed moves the simulation.
        let other = try runPace(base + ["--seed", "2"])
        #expect(other.status == 0 && other.stdout != run.stdout)
        // The ETS region: capped by default and named in the provenance; R's region on request.
        #expect(run.stdout.contains(" ets_region=capped\n"))
        #expect(try runPace(base + ["--ets-region", "capped"]).stdout == run.stdout)
        let usual = try runPace(base + ["--ets-region", "usual"])
        #expect(usual.status == 0 && usual.stdout.contains(" ets_region=usual\n"))
        let usualGDP = try #require(try rows(usual.stdout).first { $0["indicator"] == "gdp" && $0["type"] == "growth" })
        try checkProjection(usualGDP)
        let bad = try runPace(base + ["--ets-region", "wide"])
        #expect(bad.status == 64 && bad.stderr.contains("The value 'wide' is invalid for '--ets-region <capped|usual>'"), "\(bad.stderr)")
        // Other methods have no ETS: no region in their provenance.
        #expect(try !runPace(base + ["--method", "share"]).stdout.contains("ets_region"))
    }

    @Test("monthly, as of 2022-06: ytd flows with January–February combined")
    func monthlyModel() throws {
        let run = try runPace(["gap", monthly, "--targets", targets, "--as-of", "2022-06", "--method", "model",
                               "--paths", "500", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try rows(run.stdout)
        let revenue = try #require(table.first { $0["indicator"] == "general_public_budget_revenue" })
        #expect(revenue["as_of"] == "2022-06" && revenue["method"] == "model")
        let ytd = try #require(Double(revenue["ytd"] ?? "")), projected = try #require(Double(revenue["projected"] ?? ""))
        #expect(projected > ytd)  // six positive months remain
        try checkProjection(revenue)
        #expect(revenue["notes"]?.contains("(January–February split evenly)") == true)
        #expect(revenue["notes"]?.contains("on 126 periods from 2012-01") == true)
    }

    @Test("the last period of the year: projection = outcome, P(meet) 0 or 1")
    func yearEnd() throws {
        let run = try runPace(["gap", monthly, "--targets", targets, "--as-of", "2021-12", "--format", "csv"])
        #expect(run.status == 0)
        let revenue = try #require(try rows(run.stdout).first { $0["indicator"] == "general_public_budget_revenue" })
        #expect(revenue["projected"] == revenue["ytd"] && revenue["lo95"] == revenue["ytd"])
        #expect(revenue["p_meet"] == "0" || revenue["p_meet"] == "1")
    }
}

@Suite("pace gap --method model: a value ETS cannot fit")
struct GapModelValueNoteTests {
    @Test("a period value beyond ETS's magnitudes is named by its period in the note (was 'series value at index 6')")
    func outOfRangeValueNamesPeriod() throws {
        var data = "region,indicator,period,measure,value\n"
        for year in 2021...2024 {
            for q in 1...4 where year < 2024 || q <= 2 {
                let level = year == 2023 && q == 3 ? 1e300 : 100 + Double(q)
                data += "R,x,\(year)Q\(q),level,\(level)\n"
            }
        }
        let targets = "region,indicator,year,type,target\nR,x,2024,growth,5\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-gap-note-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = dir.appendingPathComponent("targets.csv")
        try targets.write(to: t, atomically: true, encoding: .utf8)
        let run = try runPace(["gap", "-", "--targets", t.path, "--as-of", "2024Q2", "--format", "csv"], stdin: data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no model projection: the period value of 2023Q3 is 1e+300, beyond the magnitudes ETS can fit"), "\(run.stdout)")
        #expect(!run.stdout.contains("index"), "\(run.stdout)")
    }
}

@Suite("pace gap --method model: too short a history")
struct GapModelShortHistoryTests {
    @Test("a history too short for automatic ETS names its span and the minimum (was 'no ETS model could be fitted: ETS(A,N,N) needs at least 7 …' for every candidate)")
    func shortHistoryNamesSpanAndMinimum() throws {
        let data = "region,indicator,period,measure,value\nR,x,2023Q4,level,100\nR,x,2024Q1,level,101\nR,x,2024Q2,level,103\n"
        let targets = "region,indicator,year,type,target\nR,x,2024,growth,5\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-gap-short-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = dir.appendingPathComponent("targets.csv")
        try targets.write(to: t, atomically: true, encoding: .utf8)
        let run = try runPace(["gap", "-", "--targets", t.path, "--as-of", "2024Q2", "--method", "model", "--format", "csv"], stdin: data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no model projection: 3 consecutive period values up to the as-of period (2023Q4 to 2024Q2) are too few "
                                    + "for automatic ETS selection, which needs at least 7 (the minimum of its smallest model, ETS(A,N,N); "
                                    + "3 when all are equal)"), "\(run.stdout)")
    }
}

@Suite("pace race --data")
struct RaceDataCommandTests {
    let data = "Tests/Fixtures/gap/panel_small.csv"
    let targets = "Tests/Fixtures/gap/targets_small.csv"
    let scheme = "Tests/Fixtures/race/model.scheme.csv"

    /// The output without its `# input:` line (which names the file read).
    func body(_ text: String) -> String {
        // Where the rows came from differs (a gap file or the analysis run in-process); the rows must not.
        text.split(separator: "\n").filter {
            !$0.hasPrefix("# input:") && !$0.hasPrefix("# data:") && !$0.hasPrefix("# targets:")
        }.joined(separator: "\n")
    }

    @Test("equals pace gap … --format csv | pace race --scheme S, for every scoring and gap method",
          arguments: [("rank", "model"), ("minmax", "model"), ("zscore", "model"), ("zscore", "share")])
    func sameAsPipe(scoring: String, method: String) throws {
        let gap = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", method,
                               "--paths", "400", "--format", "csv"])
        #expect(gap.status == 0)
        let piped = try runPace(["race", "--scheme", scheme, "--scoring", scoring, "--format", "csv"], stdin: gap.stdout)
        let direct = try runPace(["race", "--data", data, "--targets", targets, "--as-of", "2024Q2", "--method", method,
                                  "--paths", "400", "--scheme", scheme, "--scoring", scoring, "--format", "csv"])
        #expect(piped.status == 0 && direct.status == 0, "\(direct.stderr)")
        #expect(body(direct.stdout) == body(piped.stdout))
        #expect(direct.stdout.contains("# input: \(data)"))
        // Three regions ranked on three indicators.
        #expect(body(direct.stdout).split(separator: "\n").filter { $0.hasPrefix("R000") }.count == 3)
    }

    @Test("--previous PERIOD with --data re-runs the analysis as of that period: same rank changes as two gap files")
    func previousPeriod() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-race-prev-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let earlier = dir.appendingPathComponent("q1.csv").path
        let q1 = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q1", "--method", "share",
                              "--format", "csv", "--output", earlier])
        #expect(q1.status == 0, "\(q1.stderr)")
        let q2 = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share", "--format", "csv"])
        let viaFiles = try runPace(["race", "--scheme", scheme, "--previous", earlier, "--format", "csv"], stdin: q2.stdout)
        let direct = try runPace(["race", "--data", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share",
                                  "--previous", "2024Q1", "--scheme", scheme, "--format", "csv"])
        #expect(viaFiles.status == 0 && direct.status == 0, "\(direct.stderr)")
        func rows(_ text: String) -> String { body(text).split(separator: "\n").filter { !$0.hasPrefix("# previous:") }.joined(separator: "\n") }
        #expect(rows(direct.stdout) == rows(viaFiles.stdout))
        #expect(direct.stdout.contains("# previous: \(data) as of 2024Q1"))
        #expect(rows(direct.stdout).contains("rank_change"))
        let fromStdin = try runPace(["race", "--data", "-", "--targets", targets, "--as-of", "2024Q2",
                                     "--previous", "2024Q1", "--scheme", scheme], stdin: "")
        #expect(fromStdin.status == 64 && fromStdin.stderr.contains("must be a file"))
    }

    @Test("--previous shaped like a period but not one (2024Q5, 2024-13) is a usage error saying so (was 'cannot open the file')")
    func previousNotAPeriod() throws {
        let base = ["race", "--data", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share", "--scheme", scheme]
        for (text, expected) in [("2024Q5", "a quarter 1–4, as in 2024Q1"), ("2024-13", "a two-digit month 01–12, as in 2024-03"),
                                 ("2024M0", "a month 1–12, as in 2024M3 or 2024M03")] {
            let run = try runPace(base + ["--previous", text])
            #expect(run.status == 64, "\(text): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("pace: --previous \(text): not a period (expected \(expected)), and no file of that name\n"),
                    "\(run.stderr)")
        }
        // A name that does not look like a period is a file: a missing one is bad input naming the path.
        let missing = try runPace(base + ["--previous", "no-such-gap.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "pace: no-such-gap.csv: cannot open the file: No such file or directory\n")
        // Without --data --previous takes a file only: a period there gets a usage error saying so.
        let q2 = try runPace(["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share", "--format", "csv"])
        let noData = try runPace(["race", "--scheme", scheme, "--previous", "2024Q1"], stdin: q2.stdout)
        #expect(noData.status == 64)
        #expect(noData.stderr.hasPrefix("pace: --previous 2024Q1: a period works with --data only"), "\(noData.stderr)")
    }

    @Test("usage errors exit 64: --data with a gap file, --data without --targets or --as-of, --targets alone")
    func usage() throws {
        let both = try runPace(["race", "Tests/Fixtures/race/small.gap.csv", "--data", data, "--targets", targets,
                                "--as-of", "2024Q2", "--scheme", scheme])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        let noTargets = try runPace(["race", "--data", data, "--as-of", "2024Q2", "--scheme", scheme])
        #expect(noTargets.status == 64 && noTargets.stderr.contains("--data needs --targets and --as-of"))
        let alone = try runPace(["race", "Tests/Fixtures/race/small.gap.csv", "--targets", targets,
                                 "--scheme", "Tests/Fixtures/race/small.scheme.csv"])
        #expect(alone.status == 64 && alone.stderr.contains("go with --data"))
        let badAsOf = try runPace(["race", "--data", data, "--targets", targets, "--as-of", "2024Q9", "--scheme", scheme])
        #expect(badAsOf.status == 64 && badAsOf.stderr.contains("--as-of"))
    }
}
