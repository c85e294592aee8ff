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

    @Test("only sample paths overflowing (log-linear trend, 1 residual degree of freedom: Cauchy tails) asks for fewer --paths")
    func overflowingPathsRefused() throws {
        // Three annual values, two coefficients: the t draws have one degree of freedom, and among 100,000 of
        // them some exceed what exp can hold, while the 80/95% bounds and the mean stay finite.
        let data = "series,period,value\nx,2001,100\nx,2002,130\nx,2003,150\n"
        let run = try runPace(["forecast", "-", "--model", "trend:loglinear", "--paths", "100000", "--horizon", "2",
                               "--format", "json"], stdin: data)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("at 2004 (step 1): a simulated sample path goes beyond the largest number a double holds"),
                "\(run.stderr)")
        #expect(run.stderr.contains("; use fewer --paths"), "\(run.stderr)")
        let intervals = try runPace(["forecast", "-", "--model", "trend:loglinear", "--horizon", "2", "--format", "csv"],
                                    stdin: data)
        #expect(intervals.status == 0, "\(intervals.stderr)")
        let few = try runPace(["forecast", "-", "--model", "trend:loglinear", "--paths", "20", "--horizon", "2",
                               "--format", "json"], stdin: data)
        #expect(few.status == 0, "\(few.stderr)")
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

@Suite("pace forecast: automatic ETS on too short a series")
struct ForecastAutomaticETSTooShortTests {
    /// `n` values of one series at period `m` (1, 4, 12) from 2000: constant 100, or 100 + 3t and a wiggle.
    func input(_ n: Int, period m: Int, constant: Bool) -> String {
        var text = "series,period,value\n"
        for t in 0..<n {
            let period = m == 1 ? "\(2000 + t)" : m == 4 ? "\(2000 + t / 4)Q\(t % 4 + 1)" : "\(2000 + t / 12)-" + (t % 12 < 9 ? "0" : "") + "\(t % 12 + 1)"
            let value = constant ? 100.0 : 100 + 3 * Double(t) + Double((t * 7) % 5)
            text += "x,\(period),\(value)\n"
        }
        return text
    }

    /// The number after `marker` in `text`.
    func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("the stated minimum is the boundary: one fewer fails with it, that many is fitted (period 1, 4, 12; constant or not; auto, ets, ets:ZZA); was 3 for one value, 7 for two varying ones, and each candidate's minimum")
    func statedMinimumIsTheBoundary() throws {
        for m in [1, 4, 12] {
            for model in ["auto", "ets"] + (m > 1 ? ["ets:ZZA"] : []) {
                var stated: [Bool: Int] = [:]
                for constant in [true, false] {
                    // One observation is always too few: the message states the minimum.
                    let one = try runPace(["forecast", "-", "--model", model, "--horizon", "2", "--format", "csv"],
                                          stdin: input(1, period: m, constant: constant))
                    #expect(one.status == 2)
                    #expect(one.stderr.hasPrefix("pace: <stdin>: x: automatic ETS selection "), "\(one.stderr)")
                    // A single value counts as constant; ask a varying series of two for the varying minimum.
                    let probe = constant ? one : try runPace(["forecast", "-", "--model", model, "--horizon", "2", "--format", "csv"],
                                                           stdin: input(2, period: m, constant: false))
                    let minimum = try #require(number(after: "needs at least ", in: probe.stderr), "\(probe.stderr)")
                    if constant {
                        #expect(probe.stderr.contains("needs at least \(minimum) observations of a constant series ("), "\(probe.stderr)")
                        stated[false] = number(after: "observations of a constant series (", in: probe.stderr)
                    } else {
                        #expect(probe.stderr.contains("; 3 if every value is the same), found 2: add data"), "\(probe.stderr)")
                        // The constant message's figure for a varying series is this one.
                        #expect(stated[false] == minimum, "\(model) m \(m): \(probe.stderr)")
                    }
                    stated[constant] = minimum
                    #expect(probe.stderr.contains("use a trend model (--model trend:linear, from \(m == 1 ? 3 : m + 2) observations"), "\(probe.stderr)")
                    let short = try runPace(["forecast", "-", "--model", model, "--horizon", "2", "--format", "csv"],
                                            stdin: input(minimum - 1, period: m, constant: constant))
                    #expect(short.status == 2, "\(model) m \(m) constant \(constant) n \(minimum - 1)")
                    #expect(short.stdout.isEmpty)
                    #expect(short.stderr.contains("needs at least \(minimum) observations") && short.stderr.contains(", found \(minimum - 1): add data"),
                            "\(short.stderr)")
                    let enough = try runPace(["forecast", "-", "--model", model, "--horizon", "2", "--format", "csv"],
                                             stdin: input(minimum, period: m, constant: constant))
                    #expect(enough.status == 0, "\(model) m \(m) constant \(constant) n \(minimum): \(enough.stderr)")
                    #expect(enough.stdout.contains("x: ETS("), "\(enough.stdout)")
                }
                #expect(stated[true] == 3, "\(model) m \(m)")
                #expect(stated[false] == (model == "ets:ZZA" ? m + 7 : 7), "\(model) m \(m)")
            }
        }
        // A pattern's minimum above ETS(A,N,N)'s names the smaller model when the series is long enough for it.
        let eight = try runPace(["forecast", "-", "--model", "ets:ZZA"], stdin: input(8, period: 4, constant: false))
        #expect(eight.stderr == "pace: <stdin>: x: automatic ETS selection with --model ets:ZZA needs at least 11 observations (the minimum "
                + "of its smallest model, ETS(A,N,A); 3 if every value is the same), found 8: add data, use a smaller model (--model auto or "
                + "ets:ANN, from 7 observations), or use a trend model (--model trend:linear, from 6 observations, or 3 with "
                + "--no-season-dummies)\n", "\(eight.stderr)")
        let smaller = try runPace(["forecast", "-", "--model", "ets:ANN", "--format", "csv"], stdin: input(8, period: 4, constant: false))
        #expect(smaller.status == 0, "\(smaller.stderr)")
    }
}
