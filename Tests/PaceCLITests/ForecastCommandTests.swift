import Foundation
import PaceForecast
import Testing

/// Shared helpers of the time-series command tests.
enum SeriesCLI {
    static let ukgas = "Tests/Fixtures/forecast/uk_gas_quarterly.csv"
    static let macro = "Tests/Fixtures/forecast/us_macro_quarterly.csv"
    static let air = "Tests/Fixtures/forecast/air_passengers_monthly.csv"

    static func json(_ run: PaceRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/forecast/" + name)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    /// Values of one series of a `series,period,value` fixture, in file order.
    static func values(_ file: String, series: String) throws -> [Double] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line -> Double? in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return f.count == 3 && f[0] == series ? Double(f[2]) : nil
        }
    }

    /// Each series' `paths` of a `pace forecast --format json` run, read with `JSONDecoder`, which reads the printed
    /// shortest-form doubles exactly (Foundation's `JSONSerialization` on Linux reads about 30% of them one ulp off),
    /// so paths can be compared with the library's draws bit for bit.
    static func exactPaths(_ run: PaceRun) throws -> [[[Double]]] {
        struct Document: Decodable { struct Series: Decodable { var paths: [[Double]]? }; var series: [Series] }
        return try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8)).series.map { $0.paths ?? [] }
    }

    static func doubles(_ any: Any?) -> [Double] {
        ((any as? [Any]) ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    /// |a − b| ≤ rel·max(|b|, floor) for every element (NaN/null compares equal only to NaN).
    static func close(_ a: [Double], _ b: [Double], rel: Double, floor: Double = 1) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            if x.isNaN || y.isNaN { if !(x.isNaN && y.isNaN) { return false } else { continue } }
            if abs(x - y) > rel * max(abs(y), floor) { return false }
        }
        return true
    }

    /// Standard input text of a `series,period,value` file.
    static func csv(_ name: String, quarterlyFrom year: Int, _ values: [Double]) -> String {
        var text = "series,period,value\n"
        for (i, v) in values.enumerated() { text += "\(name),\(year + i / 4)Q\(i % 4 + 1),\(v)\n" }
        return text
    }

    /// The environment without COLUMNS (help text wraps at 80 columns, as in the goldens).
    static var plainEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "COLUMNS" }
    }

    static func environment(threads: Int) -> [String: String] {
        var env = plainEnvironment
        env["PACE_THREADS"] = String(threads)
        return env
    }
}

@Suite("pace forecast")
struct ForecastCommandTests {
    typealias S = SeriesCLI

    func forecastRows(_ series: [String: Any]) -> [[String: Any]] {
        (series["forecast"] as? [[String: Any]]) ?? []
    }

    @Test("--ets-region usual selects in R's region (ETS.select with bounds .standard), capped is the default; a bad value is a usage error")
    func etsRegion() throws {
        let y = try S.values(S.ukgas, series: "UKgas")
        for (flag, bounds) in [("usual", ETSBounds.standard), ("capped", ETSBounds.capped)] {
            let run = try runPace(["forecast", S.ukgas, "--format", "json", "--ets-region", flag])
            #expect(run.status == 0, "\(run.stderr)")
            let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
            let fit = try ETS.select(y, period: 4, bounds: bounds).best
            #expect(s["model"] as? String == fit.specification.description)
            #expect(S.close([s["log_likelihood"] as? Double ?? .nan, s["aicc"] as? Double ?? .nan],
                            [fit.logLikelihood, fit.aicc], rel: 1e-15))
        }
        let bad = try runPace(["forecast", S.ukgas, "--ets-region", "loose"])
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("The value 'loose' is invalid for '--ets-region <capped|usual>'"), "\(bad.stderr)")
    }

    @Test("--ets-search full selects with ETS.select(search: .full) in either region and says so in the provenance; screened is the default")
    func etsSearch() throws {
        let y = try S.values(S.ukgas, series: "UKgas")
        for (region, bounds) in [("usual", ETSBounds.standard), ("capped", ETSBounds.capped)] {
            let run = try runPace(["forecast", S.ukgas, "--format", "json", "--ets-region", region, "--ets-search", "full"])
            #expect(run.status == 0, "\(run.stderr)")
            let json = try S.json(run)
            let s = try #require((json["series"] as? [[String: Any]])?.first)
            let fit = try ETS.select(y, period: 4, bounds: bounds, search: .full).best
            #expect(s["model"] as? String == fit.specification.description)
            #expect(S.close([s["log_likelihood"] as? Double ?? .nan, s["aicc"] as? Double ?? .nan],
                            [fit.logLikelihood, fit.aicc], rel: 1e-15))
            let parameters = (json["provenance"] as? [String: Any])?["parameters"] as? [String: Any]
            #expect(parameters?["ets_search"] as? String == "full")
            #expect((parameters?["ets_region"] as? String) == (region == "usual" ? "usual" : nil))
        }
        let plain = try runPace(["forecast", S.ukgas, "--format", "json"])
        let explicit = try runPace(["forecast", S.ukgas, "--format", "json", "--ets-search", "screened"])
        #expect(plain.stdout == explicit.stdout)
        let bad = try runPace(["forecast", S.ukgas, "--ets-search", "deep"])
        #expect(bad.status == 64 && bad.stdout.isEmpty)
    }

    @Test("UKgas auto: model, likelihood, criteria and forecasts equal the library's ETS.select (exact: same code, shortest round-trip numbers)")
    func ukgasAutoEqualsLibrary() throws {
        let run = try runPace(["forecast", S.ukgas, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let j = try S.json(run)
        #expect(j["schema"] as? String == "pace.forecast/1")
        let list = try #require(j["series"] as? [[String: Any]])
        #expect(list.count == 1)
        let s = list[0]
        let y = try S.values(S.ukgas, series: "UKgas")
        let fit = try ETS.select(y, period: 4).best
        let forecast = try fit.forecast(horizon: 8, levels: [80, 95])
        #expect(s["model"] as? String == fit.specification.description)
        // Tolerance 1e-15 relative: JSON numbers are written in shortest round-trip form, so equal.
        let rel = 1e-15
        #expect(S.close([s["log_likelihood"] as? Double ?? .nan], [fit.logLikelihood], rel: rel))
        #expect(S.close([s["aic"] as? Double ?? .nan, s["aicc"] as? Double ?? .nan, s["bic"] as? Double ?? .nan,
                         s["sigma2"] as? Double ?? .nan], [fit.aic, fit.aicc, fit.bic, fit.sigma2], rel: rel))
        let parameters = try #require(s["parameters"] as? [String: Any])
        #expect(S.close([parameters["alpha"] as? Double ?? .nan, parameters["beta"] as? Double ?? .nan,
                         parameters["gamma"] as? Double ?? .nan], [fit.parameters.alpha, fit.parameters.beta!, fit.parameters.gamma!], rel: rel))
        #expect(parameters["phi"] is NSNull)
        let states = try #require(s["initial_states"] as? [String: Any])
        #expect(S.close(["l", "b", "s1", "s2", "s3", "s4"].map { states[$0] as? Double ?? .nan },
                        fit.parameters.initialState, rel: rel))
        let rows = forecastRows(s)
        #expect(rows.map { $0["period"] as? String } == ["1987Q1", "1987Q2", "1987Q3", "1987Q4", "1988Q1", "1988Q2", "1988Q3", "1988Q4"])
        #expect(S.close(rows.map { $0["mean"] as? Double ?? .nan }, forecast.mean, rel: rel))
        #expect(S.close(rows.map { $0["lo80"] as? Double ?? .nan }, forecast.lower[0], rel: rel))
        #expect(S.close(rows.map { $0["hi95"] as? Double ?? .nan }, forecast.upper[1], rel: rel))
        let provenance = try #require(j["provenance"] as? [String: Any])
        #expect((provenance["inputs"] as? [[String: Any]])?.first?["hash"] as? String != nil)
    }

    @Test("UKgas auto agrees with R forecast 8.20 (Tests/Fixtures/forecast/ets_r_forecast.json): same model, log-likelihood at least R's")
    func ukgasAutoAgainstR() throws {
        let r = try #require((try S.fixture("ets_r_forecast.json")["series"] as? [String: Any])?["UKgas"] as? [String: Any])
        let auto = try #require(r["auto"] as? [String: Any])
        let rForecast = try #require(auto["forecast"] as? [String: Any])
        let s = try #require((try S.json(runPace(["forecast", S.ukgas, "--format", "json"]))["series"] as? [[String: Any]])?.first)
        #expect(s["model"] as? String == auto["method"] as? String)  // ETS(M,A,M)
        let rLogLik = try #require(auto["loglik"] as? Double)
        let logLik = try #require(s["log_likelihood"] as? Double)
        // Pace's optimiser restarts Nelder–Mead, so it reaches R's optimum or a better one: ℓ ≥ ℓ_R − 1e-9|ℓ_R|,
        // and not far from it (the two optima differ by < 0.1%).
        #expect(logLik >= rLogLik - 1e-9 * abs(rLogLik))
        #expect(abs(logLik - rLogLik) <= 1e-3 * abs(rLogLik))
        // Forecast means from slightly different parameters: within 1% of R's.
        #expect(S.close(forecastRows(s).map { $0["mean"] as? Double ?? .nan }, S.doubles(rForecast["mean"]), rel: 0.01))
    }

    @Test("ets:MAM on UKgas: log-likelihood at least R's fixed-spec fit (ets_r_forecast.json fixed_specs.MAM)")
    func fixedSpecAgainstR() throws {
        let r = try #require((try S.fixture("ets_r_forecast.json")["series"] as? [String: Any])?["UKgas"] as? [String: Any])
        let mam = try #require((r["fixed_specs"] as? [String: Any])?["MAM"] as? [String: Any])
        let s = try #require((try S.json(runPace(["forecast", S.ukgas, "--model", "ets:MAM", "--format", "json"]))["series"] as? [[String: Any]])?.first)
        #expect(s["model"] as? String == "ETS(M,A,M)")
        let rLogLik = try #require(mam["loglik"] as? Double)
        let logLik = try #require(s["log_likelihood"] as? Double)
        #expect(logLik >= rLogLik - 1e-9 * abs(rLogLik))
        let y = try S.values(S.ukgas, series: "UKgas")
        let fit = try ETS.fit(y, specification: ETSSpecification(parsing: "MAM", period: 4))
        #expect(S.close([logLik], [fit.logLikelihood], rel: 1e-15))
    }

    @Test("trend:loglinear on UKgas equals statsmodels 0.15 OLS predictions (trend_statsmodels.json), exp of the log scale, to 1e-9")
    func logLinearTrend() throws {
        let cases = try #require(try S.fixture("trend_statsmodels.json")["cases"] as? [[String: Any]])
        let ref = try #require(cases.first { $0["name"] as? String == "ukgas_loglinear_seasonal" })
        let run = try runPace(["forecast", S.ukgas, "--model", "trend:loglinear", "--level", "95", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
        #expect(s["model"] as? String == "Trend(log-linear, seasonal m=4)")
        let rows = forecastRows(s)
        #expect(S.close(rows.map { $0["mean"] as? Double ?? .nan }, S.doubles(ref["pred_mean"]).map { exp($0) }, rel: 1e-9))
        #expect(S.close(rows.map { $0["lo95"] as? Double ?? .nan }, S.doubles(ref["obs_lower"]).map { exp($0) }, rel: 1e-9))
        #expect(S.close(rows.map { $0["hi95"] as? Double ?? .nan }, S.doubles(ref["obs_upper"]).map { exp($0) }, rel: 1e-9))
        #expect(rows.first?["lo80"] == nil)
        let parameters = try #require(s["parameters"] as? [String: Any])
        #expect(S.close([parameters["const"] as? Double ?? .nan, parameters["trend"] as? Double ?? .nan],
                        Array(S.doubles(ref["params"]).prefix(2)), rel: 1e-9))
    }

    @Test("--break and --no-season-dummies: trend fits equal statsmodels 0.15 OLS with level-shift dummies (trend_statsmodels.json) to 1e-9",
          arguments: [
              ("air_quadratic_seasonal_break", [SeriesCLI.air, "--model", "trend:quadratic", "--break", "1954-01", "--level", "80"],
               "Trend(quadratic, seasonal m=12, break 1954-01)", "break@1954-01", "lo80", "hi80"),
              ("realgdp_linear_break", [SeriesCLI.macro, "--series", "realgdp", "--model", "trend:linear", "--break", "1984Q1",
                                        "--no-season-dummies", "--level", "95"],
               "Trend(linear, break 1984Q1)", "break@1984Q1", "lo95", "hi95"),
          ])
    func breaks(_ name: String, _ arguments: [String], _ model: String, _ breakName: String, _ lo: String, _ hi: String) throws {
        let cases = try #require(try S.fixture("trend_statsmodels.json")["cases"] as? [[String: Any]])
        let ref = try #require(cases.first { $0["name"] as? String == name })
        let horizon = try #require(ref["horizon"] as? Int)
        let run = try runPace(["forecast"] + arguments + ["--horizon", String(horizon), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let j = try S.json(run)
        let s = try #require((j["series"] as? [[String: Any]])?.first)
        #expect(s["model"] as? String == model)
        let rows = forecastRows(s)
        #expect(S.close(rows.map { $0["mean"] as? Double ?? .nan }, S.doubles(ref["pred_mean"]), rel: 1e-9))
        #expect(S.close(rows.map { $0[lo] as? Double ?? .nan }, S.doubles(ref["obs_lower"]), rel: 1e-9))
        #expect(S.close(rows.map { $0[hi] as? Double ?? .nan }, S.doubles(ref["obs_upper"]), rel: 1e-9))
        // The coefficients in the reference's design order: const, trend(, trend², seasons), the break last.
        let parameters = try #require(s["parameters"] as? [String: Any])
        let reference = S.doubles(ref["params"])
        #expect(S.close([parameters["const"] as? Double ?? .nan, parameters["trend"] as? Double ?? .nan], Array(reference.prefix(2)), rel: 1e-9))
        #expect(S.close([parameters[breakName] as? Double ?? .nan], [reference.last ?? .nan], rel: 1e-9))
        #expect(S.close([s["log_likelihood"] as? Double ?? .nan], [ref["llf"] as? Double ?? .nan], rel: 1e-9))
        let provenance = try #require((j["provenance"] as? [String: Any])?["parameters"] as? [String: Any])
        let period: String = String(breakName.dropFirst(6))
        #expect(provenance["breaks"] as? [String] == [period])
    }

    @Test("trend:auto with --break compares the fits with and without it: a real shift is kept, none is invented")
    func autoBreak() throws {
        // 2019Q1…2024Q4, slope 2 a quarter, a shift of +15 from 2022Q1, seasonal pattern, a small deterministic wiggle.
        let season: [Double] = [0, 3, -2, 1]
        var shifted: [Double] = [], plain: [Double] = []
        for i in 0..<24 {
            let base: Double = 100 + 2 * Double(i) + season[i % 4] + 0.5 * sin(Double(i) * 1.7)
            plain.append(base)
            shifted.append(i >= 12 ? base + 15 : base)
        }
        let run = try runPace(["forecast", "-", "--model", "trend:auto", "--break", "2022Q1", "--format", "json"],
                              stdin: S.csv("x", quarterlyFrom: 2019, shifted))
        #expect(run.status == 0, "\(run.stderr)")
        let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
        #expect(s["model"] as? String == "Trend(linear, seasonal m=4, break 2022Q1)")
        let shift = try #require((s["parameters"] as? [String: Any])?["break@2022Q1"] as? Double)
        #expect(abs(shift - 15) < 0.5)
        let none = try runPace(["forecast", "-", "--model", "trend:auto", "--break", "2022Q1", "--format", "json"],
                               stdin: S.csv("x", quarterlyFrom: 2019, plain))
        let t = try #require((try S.json(none)["series"] as? [[String: Any]])?.first)
        #expect(t["model"] as? String == "Trend(linear, seasonal m=4)")
    }

    @Test("--break outside the series or inside one of its periods: exit 2 naming the series; on an ETS model or not a period: usage (64)")
    func badBreaks() throws {
        let input = S.csv("x", quarterlyFrom: 2019, (0..<12).map { 10 + Double($0) })
        for (argument, message) in [("2019Q1", "--break 2019Q1 must lie after 2019Q1 and no later than 2021Q4"),
                                    ("2022Q1", "--break 2022Q1 must lie after 2019Q1 and no later than 2021Q4"),
                                    ("2020-03", "--break 2020-03 starts inside 2020Q1 of this quarterly series: a break must start a quarter (e.g. 2020Q1 or 2020Q2)")] {
            let run = try runPace(["forecast", "-", "--model", "trend:linear", "--break", argument], stdin: input)
            #expect(run.status == 2, "\(argument)")
            #expect(run.stderr.hasPrefix("pace: <stdin>: x: " + message), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        // A break that makes the design rank deficient is named by its period, as fitted breaks are (not by its row).
        var monthly = "series,period,value\n"
        for i in 0..<22 { monthly += "m,\(1990 + i / 12)-\(i % 12 < 9 ? "0" : "")\(i % 12 + 1),\(Double(i % 5) - 1.5)\n" }
        let collinear = try runPace(["forecast", "-", "--model", "trend:linear", "--break", "1990-12"], stdin: monthly)
        #expect(collinear.status == 2 && collinear.stderr.contains("'break@1990-12'") && !collinear.stderr.contains("break@11"),
                "\(collinear.stderr)")
        for extra in [["--break", "2020Q1"], ["--no-season-dummies"], ["--model", "trend:linear", "--break", "2020Q9"],
                      ["--model", "trend:linear", "--break", "2020Q2,2020Q2"]] {
            let run = try runPace(["forecast", "-"] + extra, stdin: input)
            #expect(run.status == 64, "\(extra)")
            #expect(run.stderr.hasPrefix("pace: "))
        }
    }

    @Test("periods continue the calendar (2024Q4 → 2025Q1…), default horizon two years, levels set the columns")
    func calendarAndColumns() throws {
        let values = (0..<24).map { 100 + Double($0) + [5.0, -3, -6, 4][$0 % 4] }   // 2019Q1…2024Q4
        let input = S.csv("gdp", quarterlyFrom: 2019, values)
        let run = try runPace(["forecast", "-", "--model", "ets:AAA", "--level", "90", "--format", "csv"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "region,series,period,mean,lo90,hi90")
        #expect(lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[2]) }
                == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"])
        // Monthly: 24 months by default, starting after 1960-12.
        let air = try runPace(["forecast", S.air, "--model", "trend:linear", "--level", "95,80", "--format", "csv"])
        #expect(air.status == 0, "\(air.stderr)")
        let airLines = air.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(airLines.first == "region,series,period,mean,lo95,hi95,lo80,hi80")
        #expect(airLines.count == 25)
        #expect(airLines[1].hasPrefix(",AirPassengers,1961-01,"))
        #expect(airLines[24].hasPrefix(",AirPassengers,1962-12,"))
    }

    @Test("batch: every series of us_macro, output identical with 1 and 2 threads, and equal to one-series runs")
    func batchThreads() throws {
        let one = try runPace(["forecast", S.macro, "--format", "json"], environment: S.environment(threads: 1))
        let two = try runPace(["forecast", S.macro, "--format", "json"], environment: S.environment(threads: 2))
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stderr.isEmpty && two.stderr.isEmpty)   // no progress bar when stderr is a pipe
        let list = try #require(try S.json(two)["series"] as? [[String: Any]])
        #expect(list.map { $0["series"] as? String } == ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi",
                                                          "m1", "tbilrate", "unemp", "pop", "infl", "realint"])
        let single = try #require(try S.json(runPace(["forecast", S.macro, "--series", "unemp", "--format", "json"]))["series"] as? [[String: Any]])
        #expect(NSDictionary(dictionary: single[0]).isEqual(to: list[8]))
        let csvOne = try runPace(["forecast", S.macro, "--format", "csv", "--model", "trend:auto"], environment: S.environment(threads: 1))
        let csvTwo = try runPace(["forecast", S.macro, "--format", "csv", "--model", "trend:auto"], environment: S.environment(threads: 2))
        #expect(csvOne.status == 0 && csvOne.stdout == csvTwo.stdout)
    }

    @Test("--paths N adds N seeded sample paths per series to JSON, equal to the library's samplePaths")
    func samplePaths() throws {
        let run = try runPace(["forecast", S.ukgas, "--format", "json", "--paths", "3", "--seed", "7", "--horizon", "4"])
        #expect(run.status == 0, "\(run.stderr)")
        let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
        let paths = ((s["paths"] as? [Any]) ?? []).map { S.doubles($0) }
        #expect(paths.count == 3 && paths.allSatisfy { $0.count == 4 })
        let fit = try ETS.select(try S.values(S.ukgas, series: "UKgas"), period: 4).best
        let expected = fit.samplePaths(horizon: 4, count: 3, seed: 7)
        #expect(try S.exactPaths(run).first?.flatMap { $0 } == expected.values, "bit for bit")
        let again = try #require((try S.json(runPace(["forecast", S.ukgas, "--format", "json", "--paths", "3", "--seed", "8", "--horizon", "4"]))["series"] as? [[String: Any]])?.first)
        #expect(((again["paths"] as? [Any]) ?? []).map { S.doubles($0) } != paths)
    }

    // MARK: - Bad input (exit 2) and usage errors (exit 64)

    func lines(of file: String) throws -> [String] {
        try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test("a missing value inside a series is refused with its line and period")
    func missingInside() throws {
        var rows = try lines(of: S.ukgas)
        rows[5] = "UKgas,1961Q1,"          // line 6
        let run = try runPace(["forecast", "-"], stdin: rows.joined(separator: "\n") + "\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: <stdin>:6: missing value for UKgas at 1961Q1"))
        // A period with no row: the message names the period and points at the next row.
        rows.remove(at: 5)
        let gap = try runPace(["forecast", "-"], stdin: rows.joined(separator: "\n") + "\n")
        #expect(gap.status == 2)
        #expect(gap.stderr.hasPrefix("pace: <stdin>:6: no row for UKgas at 1961Q1"))
    }

    /// Five years of a monthly ytd series (year-to-date sums of a seasonal flow), January left out in the years
    /// listed (the combined January–February release), with `NA` instead of a row when `cell`.
    static func monthlyYTD(withoutJanuary years: Set<Int>, cell: Bool = false, measure: String = "ytd") -> String {
        var text = "indicator,period,measure,value\n"
        for year in 2019...2023 {
            var ytd = 0.0
            for month in 1...12 {
                ytd += 100 + Double(year - 2019) * 5 + [0, 3, 8, 6, 9, 12, 10, 8, 11, 9, 7, 20][month - 1]
                let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                if month == 1 && years.contains(year) {
                    if cell { text += "retail,\(period),\(measure),NA\n" }
                    continue
                }
                text += "retail,\(period),\(measure),\(ytd)\n"
            }
        }
        return text
    }

    @Test("a monthly ytd series without January (combined January–February release) is forecast: January = half of February, with a note")
    func combinedJanuaryFebruary() throws {
        for cell in [false, true] {
            let input = Self.monthlyYTD(withoutJanuary: [2020, 2021, 2022, 2023], cell: cell)
            let run = try runPace(["forecast", "-", "--format", "json", "--horizon", "3"], stdin: input)
            #expect(run.status == 0, "\(run.stderr)")
            let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
            #expect(s["n"] as? Int == 60)
            #expect((s["notes"] as? [String])?.first?.contains("January–February combined in 2020–2023 (4 years)") == true,
                    "\(s["notes"] ?? "none")")
            // The values used: decompose prints them; each filled January is half of its February.
            let d = try runPace(["decompose", "-", "--format", "csv"], stdin: input)
            #expect(d.status == 0, "\(d.stderr)")
            let rows = d.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: ",") }
            let value = Dictionary(uniqueKeysWithValues: rows.map { (String($0[0]), Double($0[1])!) })
            for year in 2020...2023 { #expect(value["\(year)-01"] == value["\(year)-02"]! / 2, "\(year)") }
            #expect(value["2019-01"] == 100)
            #expect(d.stdout.contains("# retail (ytd): January–February combined in 2020–2023"))
        }
        // The same data as levels, or a missing month other than January, is still a gap.
        let level = try runPace(["forecast", "-"], stdin: Self.monthlyYTD(withoutJanuary: [2021], measure: "level"))
        #expect(level.status == 2 && level.stderr.contains("no row for retail at 2021-01"), "\(level.stderr)")
        let march = Self.monthlyYTD(withoutJanuary: []).replacingOccurrences(of: "retail,2021-03", with: "retail,2021-03x")
        let gap = try runPace(["forecast", "-"], stdin: march.split(separator: "\n").filter { !$0.contains("2021-03x") }.joined(separator: "\n") + "\n")
        #expect(gap.status == 2 && gap.stderr.contains("no row for retail (ytd) at 2021-03"), "\(gap.stderr)")
    }

    @Test("--from leaves out the periods before it (any frequency): same fit as on the file cut there; the gap message suggests it")
    func fromPeriod() throws {
        var rows = try lines(of: S.ukgas)
        rows.remove(at: 5)                 // no row for 1961Q1: a gap
        let gapped = rows.joined(separator: "\n") + "\n"
        let refused = try runPace(["forecast", "-"], stdin: gapped)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("use the last 103 consecutive periods with --from 1961Q2"), "\(refused.stderr)")
        // The file cut at 1961Q2 by hand, and --from on the whole file: the same series, fit and forecasts.
        let cut = ([rows[0]] + rows.dropFirst(5)).joined(separator: "\n") + "\n"
        let reference = try S.json(try runPace(["forecast", "-", "--format", "json"], stdin: cut))
        for from in ["1961Q2", "1961-04"] {   // April starts the second quarter
            let run = try runPace(["forecast", "-", "--format", "json", "--from", from], stdin: gapped)
            #expect(run.status == 0, "\(from): \(run.stderr)")
            let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
            #expect(s["start"] as? String == "1961Q2", "\(from)")
            let r = try #require((reference["series"] as? [[String: Any]])?.first)
            #expect(s["model"] as? String == r["model"] as? String)
            #expect(s["aicc"] as? Double == r["aicc"] as? Double)
            #expect((s["forecast"] as? [[String: Any]])?.map { $0["mean"] as? Double } == (r["forecast"] as? [[String: Any]])?.map { $0["mean"] as? Double })
            let parameters = (try S.json(run)["provenance"] as? [String: Any])?["parameters"] as? [String: Any]
            #expect(parameters?["from"] as? String == from)
        }
        // A month inside a quarter (June, in April–June) names no quarter to start from: refused, not rounded to 1961Q3
        // (FromFrequencyTests has the other commands and frequencies).
        let inside = try runPace(["forecast", "-", "--format", "json", "--from", "1961-06"], stdin: gapped)
        #expect(inside.status == 2 && inside.stdout.isEmpty)
        #expect(inside.stderr == "pace: <stdin>: series UKgas: --from 1961-06 starts inside 1961Q2 of this quarterly series "
                + "(expected a --from that starts a quarter: 1961Q2 to keep that quarter, or 1961Q3 to leave it out)\n", "\(inside.stderr)")
        // An annual period counts from its first quarter; nothing left, or not a period: refused.
        let annual = try runPace(["forecast", "-", "--format", "json", "--from", "1962"], stdin: gapped)
        #expect((try S.json(annual)["series"] as? [[String: Any]])?.first?["start"] as? String == "1962Q1")
        let late = try runPace(["forecast", "-", "--from", "2030Q1"], stdin: gapped)
        #expect(late.status == 2 && late.stderr.contains("has no values from 2030Q1 on"), "\(late.stderr)")
        let bad = try runPace(["forecast", "-", "--from", "1961Q5"], stdin: gapped)
        #expect(bad.status == 64 && bad.stderr.contains("--from 1961Q5"), "\(bad.stderr)")
    }

    @Test("leading and trailing missing values are dropped, not refused")
    func missingAtEnds() throws {
        var rows = try lines(of: S.ukgas)
        rows[1] = "UKgas,1960Q1,NA"
        rows[rows.count - 1] = "UKgas,1986Q4,"
        let run = try runPace(["forecast", "-", "--format", "json", "--horizon", "1"], stdin: rows.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
        #expect(s["n"] as? Int == 106)
        #expect(s["start"] as? String == "1960Q2")
        #expect(forecastRows(s).first?["period"] as? String == "1986Q4")
    }

    @Test("a multiplicative model on non-positive data names the line, period and value")
    func nonPositive() throws {
        var rows = try lines(of: S.ukgas)
        rows[9] = "UKgas,1962Q1,-3"        // line 10
        let input = rows.joined(separator: "\n") + "\n"
        let run = try runPace(["forecast", "-", "--model", "ets:MAM"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stderr == "pace: <stdin>:10: UKgas 1962Q1: ETS(M,A,M) (multiplicative component) needs values > 0 (found \"-3\", expected a positive value)\n")
        let trend = try runPace(["forecast", "-", "--model", "trend:loglinear"], stdin: input)
        #expect(trend.status == 2)
        #expect(trend.stderr.hasPrefix("pace: <stdin>:10: UKgas 1962Q1: the log-linear trend needs values > 0"))
        // Automatic selection just leaves the multiplicative models out.
        let auto = try runPace(["forecast", "-", "--format", "json"], stdin: input)
        #expect(auto.status == 0)
        let model = try #require((try S.json(auto)["series"] as? [[String: Any]])?.first?["model"] as? String)
        #expect(model.hasPrefix("ETS(A,"))
    }

    @Test("a value whose square the likelihood cannot hold (|y| > 1e150 or nonzero below 1e-150) names its line, as for the linear trends; the log-linear trend fits it")
    func magnitudeOutOfRange() throws {
        var rows = try lines(of: S.ukgas)
        rows[9] = "UKgas,1962Q1,1e-200"    // line 10
        let input = rows.joined(separator: "\n") + "\n"
        for model in ["auto", "ets:ANN"] {
            let run = try runPace(["forecast", "-", "--model", model], stdin: input)
            #expect(run.status == 2 && run.stdout.isEmpty, "\(model)")
            #expect(run.stderr.hasPrefix("pace: <stdin>:10: UKgas 1962Q1: beyond the magnitudes ETS can fit"), "\(model): \(run.stderr)")
        }
        // So are the least-squares trends on the original scale; the log-linear one fits the value.
        let linear = try runPace(["forecast", "-", "--model", "trend:linear"], stdin: input)
        #expect(linear.status == 2 && linear.stderr.hasPrefix("pace: <stdin>:10: UKgas 1962Q1: beyond the magnitudes least squares can fit"),
                "\(linear.stderr)")
        let log = try runPace(["forecast", "-", "--model", "trend:loglinear"], stdin: input)
        #expect(log.status == 0)
    }

    @Test("a series too short for the model, an unknown series name, mixed frequencies: exit 2 with one clear line")
    func otherBadInput() throws {
        let short = S.csv("gdp", quarterlyFrom: 2022, [5, 6, 7, 8, 5, 6, 7, 9])
        let run = try runPace(["forecast", "-", "--model", "ets:MAM"], stdin: short)
        #expect(run.status == 2)
        #expect(run.stderr == "pace: <stdin>: gdp: ETS(M,A,M) with period 4 needs at least 13 observations, the series has 8\n")
        let unknown = try runPace(["forecast", S.macro, "--series", "gdp"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("pace: \(S.macro): no series named \"gdp\" (expected one of: realgdp, realcons,"))
        let mixed = "series,period,value\ngdp,2024Q1,1\ngdp,2024Q2,2\ngdp,2024-07,3\n"
        let m = try runPace(["forecast", "-"], stdin: mixed)
        #expect(m.status == 2)
        #expect(m.stderr.hasPrefix("pace: <stdin>:4:2: monthly period in the quarterly series gdp"))
        let annual = "series,period,value\nx,2001,1\nx,2002,2\nx,2003,3\nx,2004,5\nx,2005,4\nx,2006,6\nx,2007,7\nx,2008,8\n"
        let seasonal = try runPace(["forecast", "-", "--model", "ets:AAA"], stdin: annual)
        #expect(seasonal.status == 2)
        #expect(seasonal.stderr.hasPrefix("pace: <stdin>: x: ets:AAA has a seasonal component, but the series is annual"))
        let region = try runPace(["forecast", S.ukgas, "--region", "north"])
        #expect(region.status == 2)
        #expect(region.stderr.contains("no region \"north\""))
    }

    @Test("--keep-going: a batch leaves out series with a gap or too few values, names each on stderr and in JSON")
    func keepGoing() throws {
        var input = "region,indicator,period,measure,value\n"
        for (i, v) in [120.0, 80, 90, 130, 125, 84, 95, 136, 131, 88, 99, 141, 137, 92, 104, 148].enumerated() {
            input += "north,sales,\(2020 + i / 4)Q\(i % 4 + 1),level,\(v)\n"
        }
        input += "south,sales,2020Q1,level,5\nsouth,sales,2020Q2,level,6\nsouth,sales,2020Q4,level,7\n"   // line 19: gap at 2020Q3
        input += "east,sales,2020Q1,level,5\neast,sales,2020Q2,level,6\n"                                // too short
        let stop = try runPace(["forecast", "-", "--format", "json"], stdin: input)
        #expect(stop.status == 2)
        #expect(stop.stderr.hasPrefix("pace: <stdin>:20: no row for south/sales at 2020Q3"))
        let run = try runPace(["forecast", "-", "--format", "json", "--keep-going"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let j = try S.json(run)
        #expect((j["series"] as? [[String: Any]])?.map { $0["region"] as? String } == ["north"])
        let skipped = try #require(j["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["region"] as? String } == ["south", "east"])
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("pace: skipped: <stdin>") })
        #expect(lines[1].contains("east/sales"))
    }

    @Test("usage errors exit 64 with nothing on stdout", arguments: [
        ["--level", "120"], ["--level", "x"], ["--model", "arima"], ["--model", "ets:XAM"], ["--model", "trend:cubic"],
        ["--horizon", "0"], ["--paths", "-1"], ["--model", "trend:linear", "--paths", "5", "--format", "csv"],
        ["--paths", "5", "--format", "csv"], ["--format", "html"], ["--measure", "weekly"], ["--seed", "-1"],
    ])
    func usage(_ extra: [String]) throws {
        let run = try runPace(["forecast", S.ukgas] + extra)
        #expect(run.status == 64, "\(extra)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: "))
    }

    @Test("--output writes the file atomically and a failed run leaves it untouched")
    func atomicOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-forecast-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.csv").path
        let ok = try runPace(["forecast", S.ukgas, "--output", out, "--horizon", "2"])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first.contains("\nregion,series,period,mean,lo80,hi80,lo95,hi95\n"))
        let bad = try runPace(["forecast", S.ukgas, "--series", "nope", "--output", out])
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
    }
}

@Suite("pace forecast/filter/decompose --help")
struct SeriesCommandHelpTests {
    @Test("--help is golden (Tests/Fixtures/cli/help-<command>.txt)", arguments: [
        (["forecast"], "help-forecast.txt"), (["filter"], "help-filter.txt"), (["filter", "hp"], "help-filter-hp.txt"),
        (["decompose"], "help-decompose.txt"),
    ])
    func help(_ command: [String], _ file: String) throws {
        let run = try runPace(command + ["--help"], environment: SeriesCLI.plainEnvironment)
        #expect(run.status == 0)
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/cli/" + file), encoding: .utf8)
        #expect(run.stdout == golden)
    }
}

@Suite("pace forecast: exact fits")
struct ForecastExactFitTests {
    typealias S = SeriesCLI

    @Test("a constant series: the constant with zero-width intervals, criteria null with a note (ETS and trend), as R's ets() reports none")
    func constantSeries() throws {
        let input = S.csv("x", quarterlyFrom: 2019, [Double](repeating: 5, count: 12))
        for model in ["auto", "trend:auto"] {
            let run = try runPace(["forecast", "-", "--model", model, "--horizon", "3", "--format", "json"], stdin: input)
            #expect(run.status == 0, "\(run.stderr)")
            let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
            for key in ["log_likelihood", "aic", "aicc", "bic"] {
                #expect(s[key] is NSNull, "\(model) \(key): \(String(describing: s[key]))")
            }
            #expect(s["model"] as? String == (model == "auto" ? "ETS(A,N,N)" : "Trend(linear)"))
            let notes = s["notes"] as? [String] ?? []
            #expect(notes.contains { $0.contains("likelihood is unbounded") }, "\(notes)")
            for row in s["forecast"] as? [[String: Any]] ?? [] {
                for key in ["mean", "lo80", "hi80", "lo95", "hi95"] {
                    #expect(abs((row[key] as? Double ?? .nan) - 5) < 1e-12, "\(model) \(key)")
                }
            }
            let table = try runPace(["forecast", "-", "--model", model, "--format", "csv"], stdin: input)
            #expect(table.stdout.contains("AICc undefined (exact fit)"), "\(table.stdout)")
        }
    }
}

@Suite("pace forecast: exact ETS fits of non-constant series")
struct ForecastExactNonConstantTests {
    typealias S = SeriesCLI

    @Test("an exactly linear series fitted with σ² = 0: the note says the model fits exactly, not that the series is constant")
    func exactlyLinearSeriesNote() throws {
        let input = S.csv("x", quarterlyFrom: 2000, (0..<24).map { 10 + 2 * Double($0) })
        let run = try runPace(["forecast", "-", "--horizon", "2", "--format", "json"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let s = try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
        let model = try #require(s["model"] as? String)
        let notes = s["notes"] as? [String] ?? []
        #expect(s["sigma2"] as? Double == 0, "\(String(describing: s["sigma2"]))")
        #expect(!notes.contains { $0.contains("constant") }, "\(notes)")
        #expect(notes.contains { $0.contains("\(model) fits the series exactly") }, "\(notes)")
    }
}
