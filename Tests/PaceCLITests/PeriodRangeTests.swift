import Foundation
import Testing

/// Years run 0001–9999 everywhere a period is read: an option (`--as-of`, `--from`, `--break`, `--previous`,
/// `--exclude-years`) outside it is a usage error (exit 64) saying the range; a data cell is bad input (exit 2) named by
/// file, line and column.
@Suite("period years 0001–9999 in options and data")
struct PeriodRangeTests {
    static let targets = "Tests/Fixtures/gap/targets_small.csv"
    static let data = "Tests/Fixtures/gap/panel_small.csv"

    @Test("--as-of 0000Q1 and other year-0 periods: exit 64 naming the range (gap, race --data, report)")
    func asOfYearZero() throws {
        for asOf in ["0000Q1", "0000", "0000-06", "0000M6"] {
            let gap = try runPace(["gap", Self.data, "--targets", Self.targets, "--as-of", asOf])
            #expect(gap.status == 64)
            #expect(gap.stderr.hasPrefix("pace: --as-of: found \"\(asOf)\", expected a year 0001–9999\n"), "\(gap.stderr)")
            #expect(gap.stdout.isEmpty)
            let report = try runPace(["report", "--data", Self.data, "--targets", Self.targets, "--as-of", asOf])
            #expect(report.status == 64 && report.stderr.hasPrefix("pace: --as-of: found \"\(asOf)\", expected a year 0001–9999"),
                    "\(report.stderr)")
            let race = try runPace(["race", "--data", Self.data, "--targets", Self.targets, "--as-of", asOf,
                                    "--scheme", "Tests/Fixtures/race/small.scheme.csv"])
            #expect(race.status == 64 && race.stderr.hasPrefix("pace: --as-of: found \"\(asOf)\", expected a year 0001–9999"),
                    "\(race.stderr)")
        }
        // The other diagnoses of the period parser reach --as-of too.
        let month = try runPace(["gap", Self.data, "--targets", Self.targets, "--as-of", "2024M003"])
        #expect(month.status == 64 && month.stderr.hasPrefix("pace: --as-of: found \"2024M003\", expected a month 1–12"), "\(month.stderr)")
        // The first and last years are periods.
        for asOf in ["0001Q1", "9999-12"] {
            let edge = try runPace(["gap", "-", "--targets", Self.targets, "--as-of", asOf, "--format", "csv"],
                                   stdin: "region,indicator,period,value\nA,x,2024Q1,1\n")
            #expect(edge.status == 0, "\(asOf): \(edge.stderr)")
        }
    }

    @Test("--previous 0000Q1 with --data, --from 0000Q1, --exclude-years 0000 or +123: exit 64")
    func otherOptions() throws {
        let race = try runPace(["race", "--data", Self.data, "--targets", Self.targets, "--as-of", "2024Q2",
                                "--scheme", "Tests/Fixtures/race/small.scheme.csv", "--previous", "0000Q1"])
        #expect(race.status == 64)
        #expect(race.stderr.hasPrefix("pace: --previous 0000Q1: not a period (expected a year 0001–9999)"), "\(race.stderr)")
        let from = try runPace(["forecast", Self.data, "--from", "0000Q1"])
        #expect(from.status == 64)
        #expect(from.stderr.hasPrefix("pace: --from 0000Q1: not a period (found \"0000Q1\", expected a year 0001–9999)"), "\(from.stderr)")
        for years in ["0000", "+123", "2020,0000"] {
            let run = try runPace(["gap", Self.data, "--targets", Self.targets, "--as-of", "2024Q2", "--exclude-years", years])
            #expect(run.status == 64)
            #expect(run.stderr.contains("expected four-digit years 0001–9999 separated by commas"), "\(run.stderr)")
        }
    }

    @Test("a period cell of year 0000 is bad input: exit 2, file:line:column, the value and the range")
    func dataCellYearZero() throws {
        let input = "region,indicator,period,value\nA,x,2023Q4,1\nA,x,0000Q1,2\n"
        for command in [["gap", "-", "--targets", Self.targets, "--as-of", "2024Q2"], ["forecast", "-"], ["decompose", "-"],
                        ["convert", "--to", "ytd"]] {
            let run = try runPace(command, stdin: input)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr == "pace: <stdin>:3:3: bad period (found \"0000Q1\", expected a year 0001–9999)\n", "\(command)")
        }
    }
}
