import Foundation
import Testing

/// `--seed` takes 0…2⁶⁴ − 1 in every command that has it (forecast; gap, race --data and report through the gap
/// options); anything else is a usage error saying the range (was ArgumentParser's "The value '…' is invalid").
@Suite("--seed range")
struct SeedOptionTests {
    static let range = "expected a whole number from 0 to 18446744073709551615"
    static let data = "Tests/Fixtures/gap/panel_small.csv"
    static let targets = "Tests/Fixtures/gap/targets_small.csv"
    static let series = "indicator,period,value\n" + (0..<12).map { "x,\(2020 + $0 / 4)Q\($0 % 4 + 1),\(10 + $0 * $0 % 7)\n" }.joined()

    static let commands: [[String]] = [
        ["forecast", "-"],
        ["gap", data, "--targets", targets, "--as-of", "2024Q2"],
        ["race", "--data", data, "--targets", targets, "--as-of", "2024Q2", "--scheme", "Tests/Fixtures/race/small.scheme.csv"],
        ["report", "--data", data, "--targets", targets, "--as-of", "2024Q2"],
    ]

    @Test("beyond 2^64 − 1, negative, signed, empty or not a number: exit 64 with the range", arguments: commands)
    func refused(_ command: [String]) throws {
        for (seed, found) in [("18446744073709551616", "18446744073709551616, beyond the largest seed"),
                              ("99999999999999999999999", "99999999999999999999999, beyond the largest seed"),
                              ("-1", "\"-1\""), ("+5", "\"+5\""), ("abc", "\"abc\""), ("", "\"\""), ("1.5", "\"1.5\""),
                              (" 7", "\" 7\"")] {
            let run = try runPace(command + ["--seed", seed], stdin: Self.series)
            #expect(run.status == 64, "\(command[0]) --seed \(seed): \(run.stderr)")
            #expect(run.stderr.hasPrefix("pace: --seed: found \(found), \(Self.range)\n"), "\(command[0]) --seed \(seed): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("the help states the range", arguments: commands)
    func help(_ command: [String]) throws {
        let run = try runPace([command[0], "--help"], environment: SeriesCLI.plainEnvironment)
        let text = run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("simulations, 0–18446744073709551615.") || text.contains("simulated intervals), 0–18446744073709551615."),
                "\(command[0])")
    }

    @Test("forecast: seeds above 2^63 − 1 work and are written exactly; the seed changes the simulated paths")
    func forecastLargeSeeds() throws {
        func paths(_ seed: String) throws -> (seed: String, paths: String) {
            let run = try runPace(["forecast", "-", "--model", "ets:ANN", "--paths", "3", "--horizon", "2", "--format", "json",
                                   "--seed", seed], stdin: Self.series)
            #expect(run.status == 0, "\(seed): \(run.stderr)")
            // The seed as written (a JSON parser would round a value beyond 2^53).
            let member = try #require(run.stdout.range(of: #""seed":\s*\d+"#, options: .regularExpression))
            let written = String(run.stdout[member].drop { !$0.isNumber })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let series = try #require((object["series"] as? [[String: Any]])?.first)
            return (written, String(describing: series["paths"] ?? "none"))
        }
        let top = try paths("18446744073709551615")
        #expect(top.seed == "18446744073709551615")
        let past = try paths("9223372036854775808")
        #expect(past.seed == "9223372036854775808")
        let zero = try paths("0")
        #expect(zero.seed == "0")
        #expect(top.paths != past.paths && past.paths != zero.paths)
        #expect(try paths("18446744073709551615").paths == top.paths)
    }

    @Test("gap: the largest seed is accepted and stated in the provenance")
    func gapLargestSeed() throws {
        let run = try runPace(["gap", Self.data, "--targets", Self.targets, "--as-of", "2024Q2", "--method", "trend",
                               "--seed", "18446744073709551615", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" seed=18446744073709551615 "), "\(run.stdout.prefix(600))")
    }
}
