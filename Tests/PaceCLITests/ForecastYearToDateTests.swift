import Foundation
import Testing

/// `pace forecast` on year-to-date series: the model is fitted to the period levels and the forecasts cumulated
/// back within each year (`--ytd levels`, the default); `--ytd direct` fits the ytd values. The level series and the
/// cumulation are computed here from the file, independently of the command.
@Suite("pace forecast on ytd series")
struct ForecastYearToDateTests {
    typealias S = SeriesCLI

    /// UK gas quarterly levels (1960Q1…) as a long file of ytd values, optionally starting mid-year.
    static func ytdFile(dropFirst: Int = 0, count: Int = 60) throws -> (text: String, levels: [Double], ytd: [Double], start: Int) {
        let levels = Array(try S.values(S.ukgas, series: "UKgas").prefix(count))
        var ytd: [Double] = []
        for (i, v) in levels.enumerated() { ytd.append(i % 4 == 0 ? v : ytd[i - 1] + v) }
        var text = "region,indicator,period,measure,value\n"
        for i in dropFirst..<levels.count { text += "UK,gas,\(1960 + i / 4)Q\(i % 4 + 1),ytd,\(ytd[i])\n" }
        return (text, levels, ytd, dropFirst)
    }

    /// The period levels as the command derives them from the ytd values (bit for bit: the same subtraction),
    /// from index `first` on, as a long file of level values.
    static func levelFile(_ ytd: [Double], from first: Int) -> String {
        var text = "region,indicator,period,measure,value\n"
        for i in first..<ytd.count {
            let level = i % 4 == 0 ? ytd[i] : ytd[i] - ytd[i - 1]
            text += "UK,gas,\(1960 + i / 4)Q\(i % 4 + 1),level,\(level)\n"
        }
        return text
    }

    func series(_ run: PaceRun) throws -> [String: Any] {
        let doc = try S.json(run)
        return try #require((doc["series"] as? [[String: Any]])?.first)
    }

    func column(_ s: [String: Any], _ key: String) -> [Double] {
        ((s["forecast"] as? [[String: Any]]) ?? []).map { ($0[key] as? NSNumber)?.doubleValue ?? .nan }
    }

    @Test("the fit is the level series' fit and the means are the cumulated level means, for ETS and trend models",
          arguments: ["auto", "ets:AAA", "ets:MAM", "trend:linear", "trend:loglinear"])
    func cumulatesLevelForecasts(model: String) throws {
        // Last observation 1974Q3 (index 58 of 59 values): one quarter of 1974 left, then a new year.
        let f = try Self.ytdFile(count: 59)
        let ytdRun = try runPace(["forecast", "-", "--model", model, "--horizon", "6", "--format", "json"], stdin: f.text)
        #expect(ytdRun.status == 0, "\(ytdRun.stderr)")
        let levelRun = try runPace(["forecast", "-", "--model", model, "--horizon", "6", "--format", "json"],
                                   stdin: Self.levelFile(f.ytd, from: 0))
        #expect(levelRun.status == 0, "\(levelRun.stderr)")
        let y = try series(ytdRun), l = try series(levelRun)
        #expect(y["model"] as? String == l["model"] as? String)
        #expect(y["modelled_on"] as? String == "level" && l["modelled_on"] as? String == "level")
        #expect(y["measure"] as? String == "ytd")
        #expect((y["aicc"] as? NSNumber)?.doubleValue == (l["aicc"] as? NSNumber)?.doubleValue)
        #expect((y["n"] as? NSNumber)?.intValue == 59)
        // Cumulation: 1974Q4 adds to the observed 1974Q3 ytd; 1975Q1 starts again.
        let levelMeans = column(l, "mean")
        var expected: [Double] = []
        var run = f.ytd[58]
        for h in 0..<6 {
            if (59 + h) % 4 == 0 { run = 0 }
            run += levelMeans[h]
            expected.append(run)
        }
        let means = column(y, "mean")
        if model == "trend:loglinear" {
            // Log-linear: the forecast is the median of the simulated sums, close to the sum of level medians.
            #expect(S.close(means, expected, rel: 0.02), "\(means) vs \(expected)")
        } else {
            #expect(S.close(means, expected, rel: 1e-9), "\(means) vs \(expected)")
        }
        // Intervals nest and contain the mean; the year-end interval is wider than the level interval of that quarter.
        let lo80 = column(y, "lo80"), hi80 = column(y, "hi80"), lo95 = column(y, "lo95"), hi95 = column(y, "hi95")
        let levelLo80 = column(l, "lo80"), levelHi80 = column(l, "hi80")
        for h in 0..<6 {
            #expect(lo95[h] <= lo80[h] && lo80[h] <= means[h] && means[h] <= hi80[h] && hi80[h] <= hi95[h])
        }
        #expect(hi80[4] - lo80[4] > levelHi80[4] - levelLo80[4], "the sum of two quarters is more uncertain than one")
    }

    @Test("ETS class 1 intervals of the sums are exact: 1975Q2 equals the sum of two level steps' Gaussian variance")
    func classOneSumVariance() throws {
        let f = try Self.ytdFile(count: 60)  // last 1974Q4: the horizon starts a new year
        let run = try runPace(["forecast", "-", "--model", "ets:ANN", "--horizon", "3", "--level", "95", "--format", "json"],
                              stdin: f.text)
        #expect(run.status == 0, "\(run.stderr)")
        let s = try series(run)
        let alpha = try #require(((s["parameters"] as? [String: Any])?["alpha"] as? NSNumber)?.doubleValue)
        let sigma2 = try #require((s["sigma2"] as? NSNumber)?.doubleValue)
        let mean = column(s, "mean"), hi = column(s, "hi95")
        // Sum of steps 1…h of ETS(A,N,N): coefficient of ε_i is 1 + (h − i)α.
        for h in 1...3 {
            var v = 0.0
            for i in 1...h { let a = 1 + Double(h - i) * alpha; v += a * a }
            let expected = 1.959963984540054 * (sigma2 * v).squareRoot()
            #expect(abs((hi[h - 1] - mean[h - 1]) - expected) <= 1e-9 * expected, "h=\(h)")
        }
    }

    @Test("--ytd direct fits the ytd values themselves, as the same values given as levels")
    func directOption() throws {
        let f = try Self.ytdFile(count: 60)
        let direct = try runPace(["forecast", "-", "--ytd", "direct", "--horizon", "4", "--format", "json"], stdin: f.text)
        #expect(direct.status == 0, "\(direct.stderr)")
        var asLevels = "region,indicator,period,measure,value\n"
        for i in 0..<60 { asLevels += "UK,gas,\(1960 + i / 4)Q\(i % 4 + 1),level,\(f.ytd[i])\n" }
        let same = try runPace(["forecast", "-", "--horizon", "4", "--format", "json"], stdin: asLevels)
        let d = try series(direct), s = try series(same)
        #expect(d["model"] as? String == s["model"] as? String)
        #expect(d["modelled_on"] as? String == "ytd")
        #expect(column(d, "mean") == column(s, "mean"))
        #expect(column(d, "hi95") == column(s, "hi95"))
        let provenance = try #require(try S.json(direct)["provenance"] as? [String: Any])
        #expect((provenance["parameters"] as? [String: Any])?["ytd"] as? String == "direct")
    }

    @Test("annual ytd values are the annual levels: fitted as they are, the same as --ytd direct")
    func annualGoesThrough() throws {
        let values = try S.values(S.ukgas, series: "UKgas").prefix(30)
        var text = "region,indicator,period,measure,value\n"
        for (i, v) in values.enumerated() { text += "UK,gas,\(1960 + i),ytd,\(v)\n" }
        let levels = try runPace(["forecast", "-", "--horizon", "3", "--format", "json"], stdin: text)
        let direct = try runPace(["forecast", "-", "--ytd", "direct", "--horizon", "3", "--format", "json"], stdin: text)
        #expect(levels.status == 0 && direct.status == 0, "\(levels.stderr)\(direct.stderr)")
        let l = try series(levels), d = try series(direct)
        #expect(l["modelled_on"] as? String == "ytd")
        #expect(l["model"] as? String == d["model"] as? String)
        #expect(column(l, "mean") == column(d, "mean") && column(l, "lo95") == column(d, "lo95"))
    }

    @Test("a series starting mid-year drops its first value (it only anchors the next level), and says so")
    func midYearStart() throws {
        let f = try Self.ytdFile(dropFirst: 2, count: 40)  // starts 1960Q3
        let run = try runPace(["forecast", "-", "--model", "ets:ANA", "--horizon", "2", "--format", "json"], stdin: f.text)
        #expect(run.status == 0, "\(run.stderr)")
        let s = try series(run)
        #expect((s["n"] as? NSNumber)?.intValue == 37)
        #expect(s["start"] as? String == "1960Q4")
        let notes = (s["notes"] as? [String]) ?? []
        #expect(notes.contains { $0.contains("1960Q3, mid-year") })
        // The last value is 1969Q4 (a year end): the forecasts restart from 0.
        let level = try runPace(["forecast", "-", "--model", "ets:ANA", "--horizon", "2", "--format", "json"],
                                stdin: Self.levelFile(f.ytd, from: 3))
        let levelMeans = column(try series(level), "mean")
        #expect(S.close(column(s, "mean"), [levelMeans[0], levelMeans[0] + levelMeans[1]], rel: 1e-9))
        // One value in mid-year: nothing to model.
        let one = try runPace(["forecast", "-", "--horizon", "2"], stdin: "region,indicator,period,measure,value\nUK,gas,2020Q3,ytd,5\n")
        #expect(one.status == 2)
        #expect(one.stderr.contains("single year-to-date value in mid-year (2020Q3)"))
    }

    @Test("a non-positive period level under a multiplicative model is located at its row and named as a level")
    func negativeLevelLocated() throws {
        // ytd falls from Q2 to Q3 2021: the Q3 level is negative (a refund), on line 8 of the file.
        var text = "region,indicator,period,measure,value\n"
        let values = [10.0, 21, 33, 46, 11, 23, 20, 34, 12, 25, 39, 52]
        for (i, v) in values.enumerated() { text += "X,rev,\(2020 + i / 4)Q\(i % 4 + 1),ytd,\(v)\n" }
        let run = try runPace(["forecast", "-", "--model", "ets:MNN", "--horizon", "2"], stdin: text)
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>:8:"), "\(run.stderr)")
        #expect(run.stderr.contains("2021Q3 period level"), "\(run.stderr)")
        // Automatic selection leaves the multiplicative models out and forecasts.
        let auto = try runPace(["forecast", "-", "--horizon", "2", "--format", "csv"], stdin: text)
        #expect(auto.status == 0, "\(auto.stderr)")
    }

    @Test("sample paths are cumulated: with positive level draws they rise within a year and restart at its first period")
    func cumulatedPaths() throws {
        let f = try Self.ytdFile(count: 58)  // last 1974Q2
        let run = try runPace(["forecast", "-", "--model", "ets:MNM", "--horizon", "5", "--paths", "50", "--format", "json"],
                              stdin: f.text)
        #expect(run.status == 0, "\(run.stderr)")
        let s = try series(run)
        let paths = try #require(s["paths"] as? [[Any]])
        #expect(paths.count == 50)
        for p in paths {
            let v = S.doubles(p)
            #expect(v[0] > f.ytd[57] && v[1] > v[0])  // 1974Q3, Q4 add to the observed half year
            #expect(v[2] < v[1] && v[3] > v[2] && v[4] > v[3])  // 1975Q1 starts again
        }
    }
}
