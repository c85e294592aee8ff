import Foundation
import Testing

/// The limits `--help` states are the limits the commands enforce: each number is read from the help text and tried
/// at the limit (accepted) and one past it (a usage error, exit 64). A run that passes option validation and then
/// fails on its input (`--series nope`: exit 2) shows the value was accepted without running the computation.
@Suite("--help states the enforced limits")
struct HelpLimitTests {
    static let input = "indicator,period,value\n" + (0..<12).map { "x,\(2020 + $0 / 4)Q\($0 % 4 + 1),\(10 + $0)\n" }.joined()

    /// The help text of `command` as one line with single spaces (ArgumentParser wraps and pads it).
    static func help(_ command: [String]) throws -> String {
        let run = try runPace(command + ["--help"], environment: SeriesCLI.plainEnvironment)
        #expect(run.status == 0)
        return run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The integers of the first match of `pattern` (its capture groups) in `text`.
    static func numbers(_ pattern: String, in text: String) throws -> [Int] {
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try #require(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "no \(pattern) in help")
        return (1..<match.numberOfRanges).map { Int(text[Range(match.range(at: $0), in: text)!])! }
    }

    @Test("decompose --inner and --outer: the ranges in the help")
    func decomposePasses() throws {
        let text = try Self.help(["decompose"])
        let inner = try Self.numbers(#"--inner <inner> STL: inner passes, (\d+)–(\d+)"#, in: text)
        let outer = try Self.numbers(#"--outer <outer> STL: outer robustness passes with --robust, (\d+)–(\d+)"#, in: text)
        #expect(inner == [1, 100] && outer == [0, 100])
        for (option, range) in [("--inner", inner), ("--outer", outer)] {
            for (value, status) in [(range[0], Int32(2)), (range[1], 2), (range[0] - 1, 64), (range[1] + 1, 64)] {
                let run = try runPace(["decompose", "-", "--robust", option, String(value), "--series", "nope"], stdin: Self.input)
                #expect(run.status == status, "\(option) \(value): \(run.stderr)")
            }
        }
    }

    @Test("forecast --paths × --horizon: the product in the help")
    func forecastPathsTimesHorizon() throws {
        let text = try Self.help(["forecast"])
        let limit = try #require(try Self.numbers(#"--paths × --horizon at most (\d+) values per series"#, in: text).first)
        let pathsLimit = try #require(try Self.numbers(#"\(ETS and trend models\); at most (\d+),"#, in: text).first)
        let horizonRange = try Self.numbers(#"--horizon <horizon> Periods to forecast, (\d+)–(\d+)"#, in: text)
        #expect(limit == 10_000_000 && pathsLimit == 100_000 && horizonRange == [1, 10_000])
        let horizon = 2_000
        for model in ["auto", "trend:linear"] {   // the same limits for ETS and trend paths
            for (paths, status) in [(limit / horizon, Int32(2)), (limit / horizon + 1, 64), (pathsLimit + 1, 64)] {
                let run = try runPace(["forecast", "-", "--model", model, "--format", "json", "--paths", String(paths),
                                       "--horizon", String(horizon), "--series", "nope"], stdin: Self.input)
                #expect(run.status == status, "\(model) --paths \(paths): \(run.stderr)")
            }
        }
        for (h, status) in [(horizonRange[1], Int32(2)), (horizonRange[1] + 1, 64), (horizonRange[0] - 1, 64)] {
            let run = try runPace(["forecast", "-", "--horizon", String(h), "--series", "nope"], stdin: Self.input)
            #expect(run.status == status, "--horizon \(h): \(run.stderr)")
        }
    }

    @Test("forecast --keep-going: the help says a run with every series left out exits 2, and it does")
    func keepGoingAllSkipped() throws {
        let text = try Self.help(["forecast"])
        #expect(text.contains("--keep-going In a batch, leave out series that cannot be forecast (each named on standard error) "
                              + "instead of stopping; exit 2 when every series was left out."))
        let run = try runPace(["forecast", "-", "--keep-going", "--format", "csv"],
                              stdin: "indicator,period,value\na,2020Q1,1\nb,2020Q1,2\n")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("gap --paths: the range in the help")
    func gapPaths() throws {
        let text = try Self.help(["gap"])
        let range = try Self.numbers(#"--paths <paths> Simulated paths of the model and trend methods, (\d+)–(\d+)"#, in: text)
        #expect(range == [2, 100_000])
        for (paths, status) in [(range[0] - 1, Int32(64)), (range[1] + 1, 64)] {
            let run = try runPace(["gap", "-", "--targets", "nope.csv", "--as-of", "2024Q2", "--paths", String(paths)], stdin: "")
            #expect(run.status == status, "--paths \(paths): \(run.stderr)")
        }
    }
}
