import Foundation
import Testing

/// Edge cases of `pace forecast`, `filter hp` and `decompose` found by an adversarial sweep (short series, exact
/// fits, overflowing forecasts, option values): each is a clear message or a number, never an empty cell that
/// nothing explains.
@Suite("pace forecast/filter/decompose: edge cases from the sweep")
struct ForecastEdgeCaseTests {
    typealias S = SeriesCLI

    func annual(_ values: [Double]) -> String {
        "series,period,value\n" + values.enumerated().map { "x,\(2000 + $0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
    }

    @Test("trend:auto on fewer than 5 observations says AICc needs 5 (was the quadratic's minimum, or 'shapes must be a non-empty list')")
    func trendAutoTooShort() throws {
        for n in [3, 4] {
            let run = try runPace(["forecast", "-", "--model", "trend:auto"], stdin: annual((0..<n).map { 100 + Double($0 * $0) }))
            #expect(run.status == 2)
            #expect(run.stderr == "pace: <stdin>: x: trend:auto ranks the trend models by AICc, which needs at least 5 observations "
                    + "(the linear trend's 2 coefficients and σ, plus 2), found \(n); fit one shape instead, e.g. --model trend:linear\n",
                    "\(run.stderr)")
        }
        let five = try runPace(["forecast", "-", "--model", "trend:auto", "--format", "csv"], stdin: annual([100, 101, 103, 106, 110]))
        #expect(five.status == 0, "\(five.stderr)")
    }

    @Test("a trend fit with too few observations for AICc says so (was 'AICc ,' in CSV and 'AICc inf' in tables), with a note in JSON")
    func aiccUndefinedWithFewObservations() throws {
        let input = annual([100, 104, 103])
        let csv = try runPace(["forecast", "-", "--model", "trend:linear", "--format", "csv"], stdin: input)
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("AICc undefined (too few observations: AICc needs more than parameters + 1), intervals"), "\(csv.stdout)")
        let table = try runPace(["forecast", "-", "--model", "trend:linear", "--format", "table"], stdin: input)
        #expect(!table.stdout.contains("inf"), "\(table.stdout)")
        let json = try runPace(["forecast", "-", "--model", "trend:linear", "--format", "json"], stdin: input)
        let s = try #require((try S.json(json)["series"] as? [[String: Any]])?.first)
        #expect(s["aicc"] is NSNull)
        #expect((s["notes"] as? [String] ?? []).contains { $0.contains("AICc is not defined for 3 observations and 3 parameters") })
    }

    @Test("a forecast that overflows a double is refused naming the period and a horizon that works (was empty cells, exit 0)")
    func overflowingForecastRefused() throws {
        // Doubling every quarter: ETS(M,N,N)'s analytical variance (1 + σ²)^h overflows long before the year 9999.
        var values: [Double] = []
        for i in 0..<13 {
            let growth: Double = Foundation.pow(2.0, Double(i))
            values.append(100 * growth * (1 + 0.01 * Double(i % 3)))
        }
        let doubling = S.csv("x", quarterlyFrom: 2000, values)
        let run = try runPace(["forecast", "-", "--model", "ets:MNN", "--horizon", "10000", "--format", "csv"], stdin: doubling)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: <stdin>: x: the forecast of ETS(M,N,N) overflows at "), "\(run.stderr)")
        #expect(run.stderr.contains("beyond the largest number a double holds (1.8e308); use --horizon "), "\(run.stderr)")
        // The horizon it suggests works.
        let words = run.stderr.split(separator: " ").map(String.init)
        let at = try #require(words.firstIndex(of: "--horizon"))
        let suggested = try #require(words.dropFirst(at + 1).first)
        let ok = try runPace(["forecast", "-", "--model", "ets:MNN", "--horizon", suggested, "--format", "csv"], stdin: doubling)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(!ok.stdout.contains(",,"), "an empty cell")
        // A log-linear trend through 1e300: the first upper bound is already beyond the range.
        let huge = try runPace(["forecast", "-", "--model", "trend:loglinear", "--horizon", "2"], stdin: annual([101, 1e300, 102]))
        #expect(huge.status == 2)
        #expect(huge.stderr.hasPrefix("pace: <stdin>: x: the forecast of Trend(log-linear) overflows at 2003 (step 1): the 80% interval goes beyond"), "\(huge.stderr)")
        #expect(huge.stderr.hasSuffix("; rescale the series or choose another model\n"), "\(huge.stderr)")
    }
}

@Suite("pace forecast --keep-going: nothing left")
struct ForecastKeepGoingNothingLeftTests {
    @Test("--keep-going with every series skipped exits 2 with a summary line (was exit 0 and a header without rows)")
    func everySeriesSkipped() throws {
        let input = "series,period,value\na,2020,1\nb,2020,2\nb,2021,3\n"
        for format in ["csv", "json"] {
            let run = try runPace(["forecast", "-", "--keep-going", "--format", format], stdin: input)
            #expect(run.status == 2, "\(format): \(run.stdout)")
            #expect(run.stdout.isEmpty)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 3, "\(run.stderr)")
            #expect(lines.last == "pace: <stdin>: no series could be forecast: all 2 were skipped (reasons above)", "\(run.stderr)")
        }
        // One series left is a result.
        let some = try runPace(["forecast", "-", "--keep-going", "--model", "trend:linear", "--format", "csv"],
                               stdin: input + "c,2020,1\nc,2021,2\nc,2022,4\nc,2023,5\n")
        #expect(some.status == 0, "\(some.stderr)")
    }
}

@Suite("pace forecast: seasonal ETS patterns on annual data")
struct ForecastSeasonalPatternAnnualTests {
    @Test("ets:ZZA/ZZM on an annual series says there is no seasonal period (was 'no ETS model could be fitted: ETS specification: … got 1' six times)")
    func seasonalPatternOnAnnualSeries() throws {
        var input = "series,period,value\n"
        for i in 0..<20 { input += "x,\(2000 + i),\(100 + i * 3 + (i % 3))\n" }
        for code in ["ZZA", "ZZM", "AZA"] {
            let run = try runPace(["forecast", "-", "--model", "ets:" + code], stdin: input)
            #expect(run.status == 2)
            #expect(run.stderr == "pace: <stdin>: x: ets:\(code) asks for a seasonal component, but the series is annual (no seasonal period); "
                    + "use N or Z for the season, e.g. ets:ZZN\n", "\(run.stderr)")
        }
        let plain = try runPace(["forecast", "-", "--model", "ets:ZZZ", "--format", "csv"], stdin: input)
        #expect(plain.status == 0, "\(plain.stderr)")
    }
}
