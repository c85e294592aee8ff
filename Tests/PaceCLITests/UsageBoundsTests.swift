import Foundation
import Testing

/// Option values that no analysis can use are usage errors (exit 64, one `pace: ` line naming the option), found by
/// a sweep of 137,000 generated command lines: two inputs from one standard input, thresholds that are not numbers,
/// a confidence level that is 0 as a fraction.
@Suite("usage bounds: shared standard input, non-finite thresholds, levels")
struct UsageBoundsTests {
    let data = "Tests/Fixtures/gap/panel_small.csv"
    let targets = "Tests/Fixtures/gap/targets_small.csv"

    func expectUsage(_ arguments: [String], _ message: String, stdin: String = "") throws {
        let run = try runPace(arguments, stdin: stdin)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: " + message), "\(arguments): \(run.stderr)")
    }

    @Test("at most one input from '-': report, race and gap say which ones (was 'the file is empty' or a bad row)")
    func sharedStandardInput() throws {
        try expectUsage(["report", "--data", "-", "--targets", "-", "--as-of", "2024Q2"],
                        "--data and --targets cannot both be standard input")
        try expectUsage(["race", "-", "--scheme", "-"], "the gap output and --scheme cannot both be standard input")
        try expectUsage(["race", "--scheme", "-"], "the gap output and --scheme cannot both be standard input")
        try expectUsage(["race", "--data", "-", "--targets", "-", "--as-of", "2024Q2", "--scheme", "s.csv"],
                        "--data and --targets cannot both be standard input")
        try expectUsage(["gap", "--targets", "-", "--as-of", "2024Q2"], "the data and --targets cannot both be standard input")
        // One input from standard input is fine.
        let one = try runPace(["gap", "-", "--targets", targets, "--as-of", "2024Q2", "--method", "share"],
                              stdin: try String(contentsOf: repositoryRoot.appendingPathComponent(data), encoding: .utf8))
        #expect(one.status == 0, "\(one.stderr)")
    }

    @Test("thresholds must be finite numbers (--red nan said 'found , expected a value ≤ --green')")
    func nonFiniteThresholds() throws {
        let base = ["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share"]
        try expectUsage(base + ["--red", "nan"], "--red: found nan, expected a finite number")
        try expectUsage(base + ["--green=-inf"], "--green: found -inf, expected a finite number")
        try expectUsage(base + ["--growth-yellow", "nan"], "--growth-yellow: found nan, expected a finite number")
        try expectUsage(base + ["--yellow", "1e309"], "--yellow: found inf, expected a finite number")
    }

    @Test("--output '' or a folder is a usage error for every command that has --output (was 'pace: : cannot replace the file', exit 2, after the whole run)")
    func outputNeedsAFileName() throws {
        let series = "Tests/Fixtures/forecast/uk_gas_quarterly.csv"
        let commands: [[String]] = [
            ["gap", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share"],
            ["race", "Tests/Fixtures/race/small.gap.csv", "--scheme", "Tests/Fixtures/race/small.scheme.csv"],
            ["report", "--data", data, "--targets", targets, "--as-of", "2024Q2", "--method", "share"],
            ["convert", data, "--to", "level"],
            ["forecast", series, "--model", "ets:ANN"],
            ["filter", "hp", series],
            ["decompose", series],
            ["regress", "Tests/Fixtures/cli/ukgas_log_trend_seasonal.csv", "--y", "y", "--x", "trend"],
        ]
        for command in commands {
            // The command line is good without the empty name…
            let good = try runPace(command + ["--format", command[0] == "report" ? "md" : "csv"])
            #expect(good.status == 0, "\(command): \(good.stderr)")
            try expectUsage(command + ["--output", ""], "--output needs a file name")
        }
        let folder = FileManager.default.temporaryDirectory.path
        try expectUsage(["convert", data, "--to", "level", "--output", folder], "--output \(folder): is a folder, expected a file name")
        try expectUsage(["convert", data, "--to", "level", "--output", "Tests/"], "--output Tests/: is a folder, expected a file name")
        // '-' stays standard output.
        let dash = try runPace(["convert", data, "--to", "level", "--output", "-"])
        #expect(dash.status == 0 && !dash.stdout.isEmpty, "\(dash.stderr)")
    }

    @Test("regress --level is checked as the fraction it becomes (4.9e-324 % is 0)")
    func tinyLevel() throws {
        try expectUsage(["regress", "Tests/Fixtures/regression/uk_gas_quarterly.csv", "--y", "y", "--x", "trend",
                         "--level", "4.9e-324"], "--level must be between 0 and 100")
    }
}
