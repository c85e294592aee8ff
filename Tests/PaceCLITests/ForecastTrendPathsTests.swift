import Foundation
import PaceForecast
import Testing

/// `pace forecast --model trend:… --paths N`. References: the library's `TrendFit.samplePaths` /
/// `cumulativeSamplePaths` of the same model (their distribution is checked against an independent derivation in
/// PaceForecastTests/Trend/TrendSamplePathsTests), and the command's own interval rows — the paths must come from the
/// distribution the intervals describe, so the share of paths below each bound converges to its probability.
@Suite("pace forecast: trend model sample paths")
struct ForecastTrendPathsTests {
    typealias S = SeriesCLI

    func series(_ run: PaceRun) throws -> [[String: Any]] {
        try #require(try S.json(run)["series"] as? [[String: Any]])
    }

    func paths(_ s: [String: Any]) -> [[Double]] {
        ((s["paths"] as? [Any]) ?? []).map { S.doubles($0) }
    }

    func column(_ s: [String: Any], _ key: String) -> [Double] {
        ((s["forecast"] as? [[String: Any]]) ?? []).map { ($0[key] as? NSNumber)?.doubleValue ?? .nan }
    }

    /// |share of paths below `bound` − p| within 5 binomial standard errors √(p(1 − p)/N) at each step, for the
    /// interval rows lo/hi at each level.
    func checkCoverage(_ s: [String: Any], levels: [Double], label: String) {
        let p = paths(s)
        let n = Double(p.count)
        for level in levels {
            let name = level == level.rounded() ? String(Int(level)) : String(level)
            let lo = column(s, "lo" + name), hi = column(s, "hi" + name)
            let tail = (1 - level / 100) / 2
            let tolerance = 5 * (tail * (1 - tail) / n).squareRoot()
            for h in lo.indices {
                let below = Double(p.filter { $0[h] < lo[h] }.count) / n
                let above = Double(p.filter { $0[h] > hi[h] }.count) / n
                #expect(abs(below - tail) < tolerance && abs(above - tail) < tolerance,
                        "\(label) \(level)% h \(h + 1): below \(below), above \(above), expected \(tail) ± \(tolerance)")
            }
        }
    }

    @Test("trend:linear and trend:loglinear --paths: N paths of the horizon, the library's draws for the seed, another seed others")
    func pathsEqualLibrary() throws {
        let y = try S.values(S.ukgas, series: "UKgas")
        for (kind, shape) in [("linear", TrendModel.Shape.linear), ("loglinear", .logLinear), ("quadratic", .quadratic)] {
            let run = try runPace(["forecast", S.ukgas, "--model", "trend:" + kind, "--format", "json", "--paths", "4",
                                   "--seed", "7", "--horizon", "5"])
            #expect(run.status == 0, "\(run.stderr)")
            let s = try #require(try series(run).first)
            let p = paths(s)
            #expect(p.count == 4 && p.allSatisfy { $0.count == 5 })
            let fit = try TrendModel(shape: shape, seasonalPeriod: 4, seasonOffset: 0).fit(y)
            // Bit for bit, read with JSONDecoder (`S.exactPaths`): Foundation's JSONSerialization on Linux reads about
            // 30% of shortest-form doubles one ulp off (e.g. "341.44556547717553" → 341.4455654771756).
            #expect(try S.exactPaths(run).first?.flatMap { $0 } == fit.samplePaths(horizon: 5, count: 4, seed: 7), "\(kind)")
            let other = try runPace(["forecast", S.ukgas, "--model", "trend:" + kind, "--format", "json", "--paths", "4",
                                     "--seed", "8", "--horizon", "5"])
            #expect(paths(try #require(try series(other).first)) != p)
        }
        // With a break and without season dummies, as the command builds the model.
        let run = try runPace(["forecast", S.ukgas, "--model", "trend:linear", "--break", "1970Q1", "--no-season-dummies",
                               "--format", "json", "--paths", "3", "--seed", "1", "--horizon", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let fit = try TrendModel(shape: .linear, breaks: [40]).fit(y)
        #expect(try S.exactPaths(run).first?.flatMap { $0 } == fit.samplePaths(horizon: 2, count: 3, seed: 1))
    }

    @Test("trend paths come from the intervals' distribution: shares below and above each bound (20,000 paths, 5 binomial standard errors)")
    func pathsMatchIntervals() throws {
        for kind in ["linear", "loglinear", "quadratic"] {
            let run = try runPace(["forecast", S.ukgas, "--model", "trend:" + kind, "--format", "json", "--paths", "20000",
                                   "--horizon", "6"])
            #expect(run.status == 0, "\(run.stderr)")
            checkCoverage(try #require(try series(run).first), levels: [80, 95], label: kind)
        }
    }

    @Test("ytd series: the paths are cumulated level draws (the library's), and their shares match the year-to-date interval rows")
    func yearToDatePaths() throws {
        let levels = Array(try S.values(S.ukgas, series: "UKgas").prefix(58))   // last 1974Q2
        var ytd: [Double] = []
        for (i, v) in levels.enumerated() { ytd.append(i % 4 == 0 ? v : ytd[i - 1] + v) }
        var text = "region,indicator,period,measure,value\n"
        for i in ytd.indices { text += "UK,gas,\(1960 + i / 4)Q\(i % 4 + 1),ytd,\(ytd[i])\n" }
        for (kind, shape) in [("linear", TrendModel.Shape.linear), ("loglinear", .logLinear)] {
            let small = try runPace(["forecast", "-", "--model", "trend:" + kind, "--format", "json", "--paths", "5",
                                     "--horizon", "6", "--seed", "3"], stdin: text)
            #expect(small.status == 0, "\(small.stderr)")
            // The command's levels are the same subtractions as ours (ytd[i] − ytd[i − 1] within the year).
            let derived = ytd.indices.map { $0 % 4 == 0 ? ytd[$0] : ytd[$0] - ytd[$0 - 1] }
            let fit = try TrendModel(shape: shape, seasonalPeriod: 4, seasonOffset: 0).fit(derived)
            let plan = CumulationPlan(lastYearToDate: ytd[57], lastPosition: 2, periodsPerYear: 4, horizon: 6)
            let got = try #require(try S.exactPaths(small).first).flatMap { $0 }
            #expect(got == fit.cumulativeSamplePaths(plan, count: 5, seed: 3), "\(kind): \(got)")
            // Linear: exact Student t intervals of the sums; log-linear: quantiles of 5000 other simulated sums.
            let large = try runPace(["forecast", "-", "--model", "trend:" + kind, "--format", "json", "--paths", "20000",
                                     "--horizon", "6", "--seed", "11"], stdin: text)
            let s = try #require(try series(large).first)
            if kind == "linear" {
                checkCoverage(s, levels: [80, 95], label: "ytd " + kind)
            } else {
                // The intervals are quantiles of 5000 paths (seed 11, the first 5000 of these 20,000): looser, the
                // bounds' own Monte Carlo error (√(p(1 − p)/5000)) adds to the shares'.
                let p = paths(s), n = Double(p.count)
                let lo = column(s, "lo95"), hi = column(s, "hi95")
                for h in 0..<6 {
                    let below = Double(p.filter { $0[h] < lo[h] }.count) / n
                    let above = Double(p.filter { $0[h] > hi[h] }.count) / n
                    let se = (0.025 * 0.975 / n).squareRoot() + (0.025 * 0.975 / 5000).squareRoot()
                    #expect(abs(below - 0.025) < 5 * se && abs(above - 0.025) < 5 * se, "ytd loglinear h \(h + 1): \(below) \(above)")
                }
            }
        }
    }

    @Test("trend paths: identical with one and two threads (a batch), in JSON Lines too; csv and md still refuse --paths")
    func threadsAndFormats() throws {
        let args = ["forecast", S.macro, "--model", "trend:auto", "--format", "json", "--paths", "3", "--horizon", "4"]
        let one = try runPace(args, environment: S.environment(threads: 1))
        let two = try runPace(args, environment: S.environment(threads: 2))
        #expect(one.status == 0 && one.stdout == two.stdout, "\(one.stderr)")
        let list = try series(one)
        #expect(list.count > 1 && list.allSatisfy { paths($0).count == 3 && paths($0).allSatisfy { $0.count == 4 } })
        let lines = try runPace(["forecast", S.ukgas, "--model", "trend:linear", "--format", "jsonl", "--paths", "2",
                                 "--horizon", "3", "--seed", "5"])
        let records = lines.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let record = try #require(records.first { $0["record"] as? String == "paths" })
        let json = try #require(try series(try runPace(["forecast", S.ukgas, "--model", "trend:linear", "--format", "json",
                                                         "--paths", "2", "--horizon", "3", "--seed", "5"])).first)
        #expect(paths(record) == paths(json) && paths(json).count == 2)
        for format in ["csv", "md"] {
            let run = try runPace(["forecast", S.ukgas, "--model", "trend:linear", "--format", format, "--paths", "2"])
            #expect(run.status == 64 && run.stderr.contains("--paths adds sample paths to JSON output only"), "\(run.stderr)")
        }
    }
}
