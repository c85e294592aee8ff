import Foundation
import Testing

/// Option values and selection messages of `pace forecast`, `filter hp` and `decompose` found by an adversarial
/// sweep: a usage error names what was given, each series once.
@Suite("pace forecast/filter/decompose: option values and series lists")
struct SeriesOptionMessageTests {
    typealias S = SeriesCLI

    @Test("--level: a repeated level is a usage error (was duplicate lo80/hi80 columns and JSON members); a negative one reaches the check")
    func levelOption() throws {
        let input = S.csv("x", quarterlyFrom: 2000, (0..<16).map { 100 + Double($0) + Double($0 % 4) })
        let twice = try runPace(["forecast", "-", "--level", "80,95,80.0"], stdin: input)
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("pace: --level 80 is given twice"), "\(twice.stderr)")
        let negative = try runPace(["forecast", "-", "--level", "-5"], stdin: input)
        #expect(negative.status == 64)
        #expect(negative.stderr.hasPrefix("pace: --level: each level must be a number strictly between 0 and 100 (found -5)"), "\(negative.stderr)")
    }

    @Test("--lambda inf or nan names what was found (was '(found )')")
    func lambdaNonFinite() throws {
        let input = S.csv("x", quarterlyFrom: 2000, (0..<8).map { Double($0) })
        let inf = try runPace(["filter", "hp", "-", "--lambda", "1e309"], stdin: input)
        #expect(inf.status == 64)
        #expect(inf.stderr.hasPrefix("pace: --lambda must be a positive number (found a value beyond the largest double, 1.8e308)"), "\(inf.stderr)")
        let nan = try runPace(["filter", "hp", "-", "--lambda", "nan"], stdin: input)
        #expect(nan.status == 64)
        #expect(nan.stderr.hasPrefix("pace: --lambda must be a positive number (found NaN, not a number)"), "\(nan.stderr)")
    }

    @Test("several matching series: each named once with its measure (was 'r1/inv (ytd)/ytd')")
    func severalSeriesListed() throws {
        var input = "region,indicator,period,measure,value\n"
        for q in 1...4 { input += "r1,inv,2024Q\(q),ytd,\(q * 10)\nr1,gdp,2024Q\(q),level,\(q)\n" }
        for command in [["filter", "hp"], ["decompose"]] {
            let run = try runPace(command + ["-"], stdin: input)
            #expect(run.status == 64)
            #expect(run.stderr.contains("has 2 that match: r1/inv (ytd), r1/gdp (pick one"), "\(run.stderr)")
        }
    }
}

@Suite("pace decompose: pass limits")
struct DecomposePassLimitTests {
    @Test("--inner and --outer stop at 100 (1000 × 1000 robust passes ran for minutes on 50 years of monthly data)")
    func passLimits() throws {
        var input = "series,period,value\n"
        for i in 0..<48 { input += "x,\(2000 + i / 12)-\(String(format: "%02d", i % 12 + 1)),\(100 + Double(i) + Double(i % 12))\n" }
        for extra in [["--inner", "101"], ["--robust", "--outer", "101"], ["--robust", "--inner", "1000", "--outer", "1000"]] {
            let run = try runPace(["decompose", "-"] + extra, stdin: input)
            #expect(run.status == 64, "\(extra)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("pace: --\(extra.contains("--inner") ? "inner" : "outer") must be at most 100 (found "), "\(run.stderr)")
        }
        let most = try runPace(["decompose", "-", "--robust", "--inner", "100", "--outer", "100", "--format", "csv"], stdin: input)
        #expect(most.status == 0, "\(most.stderr)")
    }
}

@Suite("pace forecast: sample path volume")
struct ForecastPathVolumeTests {
    @Test("--paths × --horizon above 10⁷ values per series is a usage error (100000 × 10000 aborted allocating 8 GB)")
    func pathVolume() throws {
        let input = SeriesCLI.csv("x", quarterlyFrom: 2000, (0..<16).map { 100 + Double($0) + Double($0 % 4) })
        let run = try runPace(["forecast", "-", "--paths", "100000", "--horizon", "10000", "--format", "json"], stdin: input)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: --paths 100000 with --horizon 10000 asks for 1000000000 simulated values per series; "
                                      + "at most 10000000 (e.g. --paths 1000 with this horizon)"), "\(run.stderr)")
        let fine = try runPace(["forecast", "-", "--paths", "1000", "--horizon", "40", "--format", "json"], stdin: input)
        #expect(fine.status == 0, "\(fine.stderr)")
    }
}
