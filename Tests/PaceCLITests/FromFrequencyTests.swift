import Foundation
import Testing

/// `--from` of another frequency than the series (forecast, filter hp, decompose — the commands that take it) counts
/// from the month it starts in, as `--break` does: 2018-04 of a quarterly series is 2018Q2, 2015Q1 of an annual one
/// 2015. A `--from` starting inside a period of the series (2018-02 of a quarterly one) names no first period of it:
/// refused (exit 2) in every command, naming the option, the value, the series' frequency and the two periods around —
/// not rounded to the next period, which silently dropped the quarter the month lies in.
@Suite("--from of another frequency")
struct FromFrequencyTests {
    typealias S = SeriesCLI

    /// 2016Q1…2021Q4: a trend, a seasonal pattern and a small deterministic wiggle.
    static let quarterlyRows: [String] = (0..<24).map { i in
        "q,\(2016 + i / 4)Q\(i % 4 + 1),\(50 + 2 * Double(i) + [0, 4, -3, 1][i % 4] + 0.4 * cos(Double(i) * 2.1))"
    }
    static let quarterly = "series,period,value\n" + quarterlyRows.joined(separator: "\n") + "\n"

    /// 2010…2021.
    static let annualRows: [String] = (0..<12).map { i in "a,\(2010 + i),\(100 + 3 * Double(i) + 0.5 * sin(Double(i)))" }
    static let annual = "series,period,value\n" + annualRows.joined(separator: "\n") + "\n"

    /// 2018-01…2021-12.
    static let monthlyRows: [String] = (0..<48).map { i in
        "m,\(2018 + i / 12)-\(i % 12 < 9 ? "0" : "")\(i % 12 + 1),\(200 + Double(i) + 0.7 * sin(Double(i) * 1.3))"
    }

    /// The commands that take `--from`, each with arguments that give a result on the quarterly series.
    static let commands: [[String]] = [["forecast", "-", "--model", "trend:linear"], ["forecast", "-"],
                                       ["filter", "hp", "-"], ["decompose", "-"], ["decompose", "-", "--method", "classical"]]

    /// The message for a start inside `inside` of a `noun` series, written out from the calendar (not from Pace).
    static func refusal(_ series: String, _ given: String, inside: String, next: String, frequency: String,
                        noun: String) -> String {
        "pace: <stdin>: series \(series): --from \(given) starts inside \(inside) of this \(frequency) series "
            + "(expected a --from that starts a \(noun): \(inside) to keep that \(noun), or \(next) to leave it out)\n"
    }

    /// The output without its `#` comment lines (which name the --from as given).
    static func body(_ run: PaceRun) -> [Substring] { run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") } }

    @Test("a month inside a quarter: exit 2 in every command, naming the option, value, frequency and the quarters around")
    func insideQuarter() throws {
        // February and March lie in Q1 (January–March); December in Q4 (October–December).
        for (given, inside, next) in [("2018-02", "2018Q1", "2018Q2"), ("2018-03", "2018Q1", "2018Q2"),
                                      ("2017-12", "2017Q4", "2018Q1"), ("2018M8", "2018Q3", "2018Q4")] {
            let shown = given == "2018M8" ? "2018-08" : given   // periods are named in their canonical form
            for command in Self.commands {
                let run = try runPace(command + ["--from", given], stdin: Self.quarterly)
                #expect(run.status == 2, "\(command) \(given): \(run.stderr)")
                #expect(run.stdout.isEmpty, "\(command) \(given)")
                #expect(run.stderr == Self.refusal("q", shown, inside: inside, next: next, frequency: "quarterly", noun: "quarter"),
                        "\(command) \(given): \(run.stderr)")
            }
        }
        // The report's example: 2020-02 on a series starting 2020Q1 used to drop 2020Q1 without a word.
        let short = "series,period,value\nA,2020Q1,5\nA,2020Q2,6\nA,2020Q3,7\nA,2020Q4,5\nA,2021Q1,8\nA,2021Q2,8\n"
        let run = try runPace(["forecast", "-", "--from", "2020-02", "--model", "trend:linear"], stdin: short)
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr == Self.refusal("A", "2020-02", inside: "2020Q1", next: "2020Q2", frequency: "quarterly", noun: "quarter"),
                "\(run.stderr)")
        // The rule is about the value, not the data: a month inside a quarter before the series starts is refused too.
        let early = try runPace(["filter", "hp", "-", "--from", "2000-02"], stdin: Self.quarterly)
        #expect(early.status == 2 && early.stderr.contains("--from 2000-02 starts inside 2000Q1 of this quarterly series"),
                "\(early.stderr)")
    }

    @Test("a quarter or month inside a year on an annual series: exit 2 naming the years around")
    func insideYear() throws {
        // 2015Q2 starts in April, 2015-07 in July: both inside the year 2015.
        for given in ["2015Q2", "2015-07", "2015Q4"] {
            for command in [["forecast", "-", "--model", "trend:linear"], ["filter", "hp", "-"]] {
                let run = try runPace(command + ["--from", given], stdin: Self.annual)
                #expect(run.status == 2 && run.stdout.isEmpty, "\(command) \(given): \(run.stderr)")
                #expect(run.stderr == Self.refusal("a", given, inside: "2015", next: "2016", frequency: "annual", noun: "year"),
                        "\(command) \(given): \(run.stderr)")
            }
        }
    }

    @Test("a period that starts one of the series: accepted, the same output as the file cut there by hand")
    func startsPeriod() throws {
        // Quarterly: 2018-04 (April starts Q2) and 2018Q2 as the file from 2018Q2 on; 2018 and 2018-01 as from 2018Q1.
        for (givens, first) in [(["2018-04", "2018Q2", "2018M4"], "2018Q2"), (["2018", "2018-01", "2018Q1"], "2018Q1")] {
            let cut = "series,period,value\n"
                + Self.quarterlyRows.filter { $0.split(separator: ",")[1] >= Substring(first) }.joined(separator: "\n") + "\n"
            for command in Self.commands {
                let reference = try runPace(command + ["--format", "csv"], stdin: cut)
                #expect(reference.status == 0, "\(command): \(reference.stderr)")
                for given in givens {
                    let run = try runPace(command + ["--format", "csv", "--from", given], stdin: Self.quarterly)
                    #expect(run.status == 0, "\(command) \(given): \(run.stderr)")
                    #expect(Self.body(run) == Self.body(reference), "\(command) \(given)")
                }
            }
            let json = try S.json(try runPace(["forecast", "-", "--model", "trend:linear", "--format", "json", "--from", givens[0]],
                                              stdin: Self.quarterly))
            #expect((json["series"] as? [[String: Any]])?.first?["start"] as? String == first)
        }
        // Annual: 2015Q1 and 2015-01 start the year 2015.
        let cut = "series,period,value\n" + Self.annualRows.dropFirst(5).joined(separator: "\n") + "\n"
        for command in [["forecast", "-", "--model", "trend:linear"], ["filter", "hp", "-"]] {
            let reference = try runPace(command + ["--format", "csv"], stdin: cut)
            #expect(reference.status == 0, "\(command): \(reference.stderr)")
            for given in ["2015Q1", "2015-01", "2015"] {
                let run = try runPace(command + ["--format", "csv", "--from", given], stdin: Self.annual)
                #expect(run.status == 0, "\(command) \(given): \(run.stderr)")
                #expect(Self.body(run) == Self.body(reference), "\(command) \(given)")
            }
        }
    }

    @Test("a batch of monthly and quarterly series: any month suits the monthly one; --keep-going skips the quarterly one")
    func mixedBatch() throws {
        let both = "series,period,value\n" + (Self.monthlyRows + Self.quarterlyRows).joined(separator: "\n") + "\n"
        let refused = try runPace(["forecast", "-", "--model", "trend:linear", "--from", "2019-02"], stdin: both)
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr == Self.refusal("q", "2019-02", inside: "2019Q1", next: "2019Q2", frequency: "quarterly", noun: "quarter"),
                "\(refused.stderr)")
        let kept = try runPace(["forecast", "-", "--model", "trend:linear", "--from", "2019-02", "--keep-going", "--format", "json"],
                               stdin: both)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stderr.contains("series q: --from 2019-02 starts inside 2019Q1 of this quarterly series"), "\(kept.stderr)")
        let series = try #require(try S.json(kept)["series"] as? [[String: Any]])
        #expect(series.map { $0["series"] as? String } == ["m"])
        #expect(series.first?["start"] as? String == "2019-02")
        // A quarter suits both: 2019Q2 is 2019-04 of the monthly series.
        let quarter = try S.json(try runPace(["forecast", "-", "--model", "trend:linear", "--from", "2019Q2", "--format", "json"],
                                             stdin: both))
        let starts = ((quarter["series"] as? [[String: Any]]) ?? []).map { $0["start"] as? String }
        #expect(starts == ["2019-04", "2019Q2"], "\(starts)")
    }
}
