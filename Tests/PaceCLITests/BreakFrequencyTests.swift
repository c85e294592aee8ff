import Foundation
import Testing

/// `--break` of another frequency than the series is read as `--from` reads one: from the month it starts in. Mapped
/// breaks give the same fit as the series' own period; a break starting inside a period of the series is refused.
@Suite("pace forecast --break of another frequency")
struct BreakFrequencyTests {
    typealias S = SeriesCLI

    /// 2018-01…2021-12, slope 1 a month, a shift of +20 from 2020-04, a small deterministic wiggle.
    static let monthly: String = {
        var text = "series,period,value\n"
        for i in 0..<48 {
            let value = 100 + Double(i) + (i >= 27 ? 20 : 0) + 0.7 * sin(Double(i) * 1.3)
            text += "m,\(2018 + i / 12)-\(i % 12 < 9 ? "0" : "")\(i % 12 + 1),\(value)\n"
        }
        return text
    }()

    /// 2016Q1…2021Q4, a shift of +10 from 2020Q1.
    static let quarterly: String = {
        var text = ""
        for i in 0..<24 {
            text += "q,\(2016 + i / 4)Q\(i % 4 + 1),\(50 + 2 * Double(i) + (i >= 16 ? 10 : 0) + 0.4 * cos(Double(i) * 2.1))\n"
        }
        return text
    }()

    /// The fitted series of a JSON forecast, by name.
    static func fits(_ arguments: [String], stdin: String) throws -> [String: [String: Any]] {
        let run = try runPace(["forecast", "-", "--model", "trend:linear", "--horizon", "3", "--format", "json"] + arguments,
                              stdin: stdin)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        var out: [String: [String: Any]] = [:]
        for s in (try S.json(run)["series"] as? [[String: Any]]) ?? [] { out[s["series"] as! String] = s }
        return out
    }

    @Test("a quarter or year on a monthly series, a month or year on a quarterly one: the period it starts; same fit")
    func mapped() throws {
        for (given, own, input, name) in [("2020Q2", "2020-04", Self.monthly, "m"), ("2020", "2020-01", Self.monthly, "m"),
                                          ("2020-01", "2020Q1", "series,period,value\n" + Self.quarterly, "q"),
                                          ("2020-04", "2020Q2", "series,period,value\n" + Self.quarterly, "q"),
                                          ("2020", "2020Q1", "series,period,value\n" + Self.quarterly, "q")] {
            let mappedFit = try #require(try Self.fits(["--break", given], stdin: input)[name], "\(given)")
            let ownFit = try #require(try Self.fits(["--break", own], stdin: input)[name], "\(own)")
            #expect(mappedFit["model"] as? String == ownFit["model"] as? String, "\(given)")
            #expect((mappedFit["model"] as? String)?.hasSuffix(", break \(own))") == true, "\(given): \(mappedFit["model"] ?? "")")
            let p = try #require(mappedFit["parameters"] as? [String: Any]), q = try #require(ownFit["parameters"] as? [String: Any])
            #expect(p["break@\(own)"] as? Double == q["break@\(own)"] as? Double && p["break@\(own)"] != nil, "\(given)")
            let means = { (fit: [String: Any]) in ((fit["forecast"] as? [[String: Any]]) ?? []).compactMap { $0["mean"] as? Double } }
            #expect(means(mappedFit) == means(ownFit) && means(ownFit).count == 3, "\(given)")
        }
        // The shift the data has (+20 from 2020-04) is found through the quarter that starts it.
        let shift = try #require((try Self.fits(["--break", "2020Q2"], stdin: Self.monthly)["m"]?["parameters"]
                                  as? [String: Any])?["break@2020-04"] as? Double)
        #expect(abs(shift - 20) < 1, "\(shift)")
    }

    @Test("a batch of mixed frequencies: one --break serves both, as one --from does")
    func mixedBatch() throws {
        let both = Self.monthly + Self.quarterly
        let fits = try Self.fits(["--break", "2020Q2"], stdin: both)
        #expect(fits["m"]?["model"] as? String == "Trend(linear, seasonal m=12, break 2020-04)")
        #expect(fits["q"]?["model"] as? String == "Trend(linear, seasonal m=4, break 2020Q2)")
        // --from 2020Q2 starts the monthly series at 2020-04: the period the break maps to.
        let from = try runPace(["forecast", "-", "--model", "trend:linear", "--from", "2020Q2", "--series", "m", "--format", "json"],
                               stdin: both)
        let first = try #require((try S.json(from)["series"] as? [[String: Any]])?.first)
        #expect(first["start"] as? String == "2020-04", "\(from.stdout.prefix(400))")
    }

    @Test("a break starting inside a period of the series: exit 2 naming the series, its frequency and the accepted form")
    func refused() throws {
        let quarterly = "series,period,value\n" + Self.quarterly
        for (given, message) in [("2020-02", "q: --break 2020-02 starts inside 2020Q1 of this quarterly series: a break must start a quarter (e.g. 2020Q1 or 2020Q2)"),
                                 ("2019-12", "q: --break 2019-12 starts inside 2019Q4 of this quarterly series: a break must start a quarter (e.g. 2019Q4 or 2020Q1)")] {
            let run = try runPace(["forecast", "-", "--model", "trend:linear", "--break", given], stdin: quarterly)
            #expect(run.status == 2)
            #expect(run.stderr == "pace: <stdin>: \(message)\n", "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        var annual = "series,period,value\n"
        for i in 0..<12 { annual += "a,\(2010 + i),\(100 + 3 * i)\n" }
        let year = try runPace(["forecast", "-", "--model", "trend:linear", "--break", "2015Q2"], stdin: annual)
        #expect(year.status == 2)
        #expect(year.stderr == "pace: <stdin>: a: --break 2015Q2 starts inside 2015 of this annual series: a break must start a year (e.g. 2015 or 2016)\n",
                "\(year.stderr)")
        // A quarter that starts a year maps: 2015Q1 is 2015.
        let start = try runPace(["forecast", "-", "--model", "trend:linear", "--break", "2015Q1", "--format", "json"], stdin: annual)
        #expect(start.status == 0 && start.stdout.contains("break 2015)"), "\(start.stderr)")
        // In a mixed batch, --keep-going leaves out the series the break cannot map to and fits the others.
        let mixed = try runPace(["forecast", "-", "--model", "trend:linear", "--break", "2020-02", "--keep-going", "--format", "csv"],
                                stdin: Self.monthly + Self.quarterly)
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("skipped: <stdin>: q: --break 2020-02 starts inside 2020Q1 of this quarterly series"), "\(mixed.stderr)")
        #expect(mixed.stdout.contains("\n,m,2022-01,") && !mixed.stdout.contains("\n,q,"))
        // Two breaks naming one period of the series.
        let twice = try runPace(["forecast", "-", "--model", "trend:linear", "--break", "2020Q2,2020-04"], stdin: Self.monthly)
        #expect(twice.status == 2)
        #expect(twice.stderr == "pace: <stdin>: m: --break 2020Q2 and 2020-04 are the same period, 2020-04, of this monthly series: give it once\n",
                "\(twice.stderr)")
    }
}
