import Foundation
import Testing

@Suite("pace filter hp")
struct FilterHPCommandTests {
    typealias S = SeriesCLI

    func rows(_ run: PaceRun) throws -> [[String: Any]] {
        try #require(try S.json(run)["rows"] as? [[String: Any]])
    }

    @Test("realgdp, λ = 1600 by default: trend and cycle equal statsmodels 0.15 hpfilter (hpfilter_1600.json) to 1e-9")
    func realgdp() throws {
        let ref = try #require((try S.fixture("hpfilter_1600.json")["results"] as? [String: Any])?["realgdp__none"] as? [String: Any])
        let run = try runPace(["filter", "hp", S.macro, "--series", "realgdp", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let j = try S.json(run)
        #expect(j["schema"] as? String == "pace.filter.hp/1")
        #expect((j["provenance"] as? [String: Any])?["parameters"] as? [String: String] == ["lambda": "1600", "side": "two-sided", "transform": "none"])
        let r = try rows(run)
        #expect(r.map { $0["period"] as? String ?? "" } == (ref["periods"] as? [String]))
        #expect(S.close(r.map { $0["value"] as? Double ?? .nan }, S.doubles(ref["x"]), rel: 0))
        #expect(S.close(r.map { $0["trend"] as? Double ?? .nan }, S.doubles(ref["trend"]), rel: 1e-9))
        // Cycles are differences of numbers ~10⁴: compared absolutely, to 1e-9 of the data's scale.
        #expect(S.close(r.map { $0["cycle"] as? Double ?? .nan }, S.doubles(ref["cycle"]), rel: 1e-9, floor: 1e4))
        // CSV carries the same rows: period,value,trend,cycle.
        let csv = try runPace(["filter", "hp", S.macro, "--series", "realgdp", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "period,value,trend,cycle")
        #expect(lines.count == 204)
    }

    @Test("--one-sided: the last trend value is the two-sided trend's last value (same data), 1e-9 relative")
    func oneSided() throws {
        let two = try rows(runPace(["filter", "hp", S.macro, "--series", "realgdp", "--format", "json"]))
        let one = try rows(runPace(["filter", "hp", S.macro, "--series", "realgdp", "--one-sided", "--format", "json"]))
        let a = one.last?["trend"] as? Double ?? .nan, b = two.last?["trend"] as? Double ?? .nan
        #expect(abs(a - b) <= 1e-9 * abs(b))
        #expect(S.close([one[0]["trend"] as? Double ?? .nan], [one[0]["value"] as? Double ?? .nan], rel: 0))
        #expect(abs((one[100]["trend"] as? Double ?? 0) - (two[100]["trend"] as? Double ?? 0)) > 1)
    }

    @Test("λ by frequency (129600 monthly), --lambda overrides, --log filters log values")
    func lambdaAndLog() throws {
        let run = try runPace(["filter", "hp", S.air, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let parameters = (try S.json(run)["provenance"] as? [String: Any])?["parameters"] as? [String: String]
        #expect(parameters?["lambda"] == "129600")
        let custom = try runPace(["filter", "hp", S.air, "--lambda", "14400", "--log", "--format", "json"])
        let p2 = (try S.json(custom)["provenance"] as? [String: Any])?["parameters"] as? [String: String]
        #expect(p2 == ["lambda": "14400", "side": "two-sided", "transform": "log"])
        let r = try rows(custom)
        // trend + cycle = log(value), up to one rounding.
        for row in r {
            let v = row["value"] as? Double ?? .nan, t = row["trend"] as? Double ?? .nan, c = row["cycle"] as? Double ?? .nan
            #expect(abs(t + c - Foundation.log(v)) <= 1e-12 * Foundation.log(v))
        }
    }

    @Test("bad input and usage: --log on a value ≤ 0 (exit 2, line named), several series without --series (64), --lambda 0 (64)")
    func errors() throws {
        let input = "series,period,value\ngap,2020Q1,1.5\ngap,2020Q2,-0.5\ngap,2020Q3,0.7\ngap,2020Q4,1.1\n"
        let run = try runPace(["filter", "hp", "-", "--log"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stderr == "pace: <stdin>:3: gap 2020Q2: --log needs values > 0 (found \"-0.5\", expected a positive value)\n")
        let several = try runPace(["filter", "hp", S.macro])
        #expect(several.status == 64)
        #expect(several.stderr.contains("has 12 that match: realgdp, realcons"))
        let lambda = try runPace(["filter", "hp", S.macro, "--series", "realgdp", "--lambda", "0"])
        #expect(lambda.status == 64)
        // A negative value after a space reaches the check (ArgumentParser used to call it a missing value).
        let negative = try runPace(["filter", "hp", S.macro, "--series", "realgdp", "--lambda", "-3"])
        #expect(negative.status == 64 && negative.stderr.hasPrefix("pace: --lambda must be a positive number (found -3)"))
        let short = try runPace(["filter", "hp", "-"], stdin: "series,period,value\nx,2020,1\nx,2021,2\n")
        #expect(short.status == 2)
        #expect(short.stderr.hasPrefix("pace: <stdin>: x: the HP filter needs at least 3 observations"))
    }
}

@Suite("pace decompose")
struct DecomposeCommandTests {
    typealias S = SeriesCLI

    func rows(_ run: PaceRun) throws -> [[String: Any]] {
        try #require(try S.json(run)["rows"] as? [[String: Any]])
    }

    func column(_ rows: [[String: Any]], _ name: String) -> [Double] {
        rows.map { $0[name] as? Double ?? .nan }
    }

    @Test("STL robust on log UKgas equals statsmodels 0.15 STL (stl_period4_robust.json UKgas__log) to 1e-9")
    func stlRobustLog() throws {
        let ref = try #require((try S.fixture("stl_period4_robust.json")["results"] as? [String: Any])?["UKgas__log"] as? [String: Any])
        let run = try runPace(["decompose", S.ukgas, "--series", "UKgas", "--method", "stl", "--robust", "--log", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let j = try S.json(run)
        #expect(j["schema"] as? String == "pace.decompose/1")
        let r = try rows(run)
        #expect(S.close(column(r, "trend"), S.doubles(ref["trend"]), rel: 1e-9))
        // Seasonal and remainder are small numbers around 0: compared to 1e-9 of the log level (~5).
        #expect(S.close(column(r, "seasonal"), S.doubles(ref["seasonal"]), rel: 1e-9, floor: 1))
        #expect(S.close(column(r, "remainder"), S.doubles(ref["resid"]), rel: 1e-9, floor: 1))
        let p = (j["provenance"] as? [String: Any])?["parameters"] as? [String: String]
        #expect(p?["trend_window"] == "9" && p?["lowpass_window"] == "5" && p?["inner"] == "2" && p?["outer"] == "15")
    }

    @Test("STL robust and non-robust (inner 5) on the production index equal statsmodels (stl_period4_robust.json) to 1e-9")
    func stlProductionIndex() throws {
        let ref = try #require((try S.fixture("stl_period4_robust.json")["results"] as? [String: Any])?["unadjusted__none"] as? [String: Any])
        let file = "Tests/Fixtures/forecast/us_prodindex_quarterly.csv"
        let robust = try rows(runPace(["decompose", file, "--series", "unadjusted", "--robust", "--format", "json"]))
        #expect(S.close(column(robust, "trend"), S.doubles(ref["trend"]), rel: 1e-9))
        #expect(S.close(column(robust, "seasonal"), S.doubles(ref["seasonal"]), rel: 1e-9, floor: 100))
        let plain = try #require(ref["nonrobust_inner5"] as? [String: Any])
        let run = try runPace(["decompose", file, "--series", "unadjusted", "--inner", "5", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(S.close(column(try rows(run), "trend"), S.doubles(plain["trend"]), rel: 1e-9))
        #expect(S.close(column(try rows(run), "remainder"), S.doubles(plain["resid"]), rel: 1e-9, floor: 100))
    }

    @Test("classical multiplicative on AirPassengers equals statsmodels seasonal_decompose (decomposition_statsmodels.json), undefined ends empty")
    func classical() throws {
        let cases = try #require(try S.fixture("decomposition_statsmodels.json")["classical"] as? [[String: Any]])
        let ref = try #require(cases.first { $0["series"] as? String == "air" && $0["model"] as? String == "multiplicative" })
        let run = try runPace(["decompose", S.air, "--method", "classical", "--model", "multiplicative", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try rows(run)
        #expect(S.close(column(r, "trend"), S.doubles(ref["trend"]), rel: 1e-12))
        #expect(S.close(column(r, "seasonal"), S.doubles(ref["seasonal"]), rel: 1e-12))
        #expect(S.close(column(r, "remainder"), S.doubles(ref["resid"]), rel: 1e-12))
        let csv = try runPace(["decompose", S.air, "--method", "classical", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "period,value,trend,seasonal,remainder")
        #expect(lines[1].hasPrefix("1949-01,112,,") && lines[1].hasSuffix(","))
    }

    @Test("--from: filter hp and decompose run on the periods from it on, as on the file cut there, and say so in the provenance")
    func fromPeriod() throws {
        let full = try String(contentsOfFile: S.ukgas, encoding: .utf8)
        let rows = full.split(separator: "\n").map(String.init)
        let cut = ([rows[0]] + rows.filter { $0.hasPrefix("UKgas,") && $0 >= "UKgas,1970Q1" }).joined(separator: "\n") + "\n"
        for command in [["filter", "hp"], ["decompose"], ["decompose", "--robust"]] {
            let a = try runPace(command + ["-", "--format", "csv", "--from", "1970Q1"], stdin: full)
            let b = try runPace(command + ["-", "--format", "csv"], stdin: cut)
            #expect(a.status == 0 && b.status == 0, "\(command): \(a.stderr) \(b.stderr)")
            let body = { (run: PaceRun) in run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") } }
            #expect(body(a) == body(b), "\(command)")
            #expect(body(a).dropFirst().first?.hasPrefix("1970Q1,") == true)
            #expect(a.stdout.contains("from=1970Q1"), "\(command)")
        }
    }

    @Test("annual data needs --period (exit 2); STL options with classical and bad windows are usage errors (64)")
    func errors() throws {
        let annual = "series,period,value\nx,2001,1\nx,2002,2\nx,2003,3\nx,2004,5\nx,2005,4\nx,2006,6\n"
        let run = try runPace(["decompose", "-"], stdin: annual)
        #expect(run.status == 2)
        #expect(run.stderr == "pace: <stdin>: x: an annual series has no seasonal period: pass --period P (P ≥ 2) to decompose it\n")
        for extra in [["--method", "classical", "--robust"], ["--method", "classical", "--log"], ["--model", "multiplicative"],
                      ["--period", "1"], ["--outer", "3"],
                      // Limits far above use and below overflow (Int.max periods trapped; 10⁸ passes ran for minutes).
                      ["--period", "9223372036854775807"], ["--method", "classical", "--period", "9223372036854775807"],
                      ["--inner", "100000000"], ["--robust", "--outer", "100000000"], ["--trend-window", "9223372036854775807"]] {
            let u = try runPace(["decompose", S.ukgas] + extra)
            #expect(u.status == 64, "\(extra)")
            #expect(u.stdout.isEmpty)
        }
    }

    @Test("STL settings STL refuses are usage errors naming the option as typed (was exit 2 with 'seasonalWindow must be…')")
    func stlOptionNames() throws {
        let cases: [([String], String)] = [
            (["--seasonal-window", "4"], "--seasonal-window 4: must be an odd integer ≥ 3"),
            (["--trend-window", "4"], "--trend-window 4: must be an odd integer ≥ 3 and greater than the period 4"),
            (["--trend-window", "3"], "--trend-window 3: must be an odd integer ≥ 3 and greater than the period 4"),
            (["--lowpass-window", "5", "--period", "6"],
             "--lowpass-window 5: must be an odd integer ≥ 3 and greater than the period 6"),
        ]
        for (extra, message) in cases {
            let run = try runPace(["decompose", S.ukgas, "--method", "stl"] + extra)
            #expect(run.status == 64, "\(extra): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "pace: \(message)\n", "\(extra)")
        }
        // The option is wrong whatever the data: a usage error on a series too short for STL as well…
        let short = "series,period,value\nx,2001Q1,1\nx,2001Q2,2\nx,2001Q3,3\n"
        let window = try runPace(["decompose", "-", "--seasonal-window", "4"], stdin: short)
        #expect(window.status == 64)
        #expect(window.stderr == "pace: --seasonal-window 4: must be an odd integer ≥ 3\n")
        // …while a series too short for good settings stays bad input (exit 2).
        let tooShort = try runPace(["decompose", "-"], stdin: short)
        #expect(tooShort.status == 2)
        #expect(tooShort.stderr == "pace: <stdin>: x: STL needs at least 8 observations, found 3 (two full seasons of period 4)\n")
    }
}

@Suite("pace decompose: components that dwarf the data")
struct DecomposeCancellationNoteTests {
    @Test("one value of 1e300 among values near 100: a note on stderr, in CSV and in JSON names the periods and what to do; the numbers are unchanged")
    func outlierNote() throws {
        var input = "series,period,value\n"
        for i in 0..<30 { input += "x,\(2000 + i / 4)Q\(i % 4 + 1),\(i == 13 ? "1e300" : String(100 + Double(i % 4) * 2 + 0.1 * Double(i)))\n" }
        for (options, remedy) in [(["--method", "stl", "--robust"], "correct or remove it, or decompose with --log"),
                                  (["--method", "classical"], "correct or remove it, or use --model multiplicative")] {
            let csv = try runPace(["decompose", "-", "--format", "csv"] + options, stdin: input)
            #expect(csv.status == 0, "\(csv.stderr)")
            let note = try #require(csv.stderr.split(separator: "\n").first.map(String.init), "\(options)")
            #expect(note.hasPrefix("pace: note: x: at 2000Q1–2003Q1, 2003Q3–2007Q2 (29 of 30 periods) the components are more than "
                                   + "10^6 times the data (up to "), "\(note)")
            #expect(note.hasSuffix("(the largest value is 1e+300 at 2003Q2): " + remedy), "\(note)")
            let text = String(note.dropFirst("pace: note: ".count))
            #expect(csv.stdout.contains("# " + text + "\n"), "\(csv.stdout)")
            // The numbers are the method's: trend + seasonal + remainder at 2000Q3 is far from 104.2 (they cancel).
            let row = try #require(csv.stdout.split(separator: "\n").first { $0.hasPrefix("2000Q3,") })
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).compactMap { Double($0) }
            #expect(cells.count == 4 && cells.dropFirst().map(abs).max()! > 1e280, "\(row)")
            let json = try runPace(["decompose", "-", "--format", "json"] + options, stdin: input)
            #expect((try SeriesCLI.json(json)["notes"] as? [String]) == [text])
        }
        // With --log, and on data without an outlier: no note.
        for options in [["--robust", "--log"], ["--robust"]] {
            let data = options.contains("--log") ? input : input.replacingOccurrences(of: "1e300", with: "101")
            let run = try runPace(["decompose", "-", "--format", "json"] + options, stdin: data)
            #expect(run.status == 0 && run.stderr.isEmpty, "\(options): \(run.stderr)")
            #expect(try SeriesCLI.json(run)["notes"] == nil)
        }
    }
}
