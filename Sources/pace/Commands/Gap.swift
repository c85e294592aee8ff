import ArgumentParser
import PaceData
import PaceGap

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TimeBasis: ExpressibleByArgument {}
extension ProjectionMethod: ExpressibleByArgument {}
extension GapReport.Format: ExpressibleByArgument {}

struct Gap: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Target-gap analysis: time, task and progress accounts, required pace and P(meet).",
        discussion: """
            For each region × indicator with a target in the as-of year: the share of the year \
            elapsed (time account), the share of the target done (task account), the gap between \
            them in points (progress account) with a green/yellow/red light, year-to-date growth \
            and the growth gap, the growth the rest of the year needs, and a projection of the \
            year-end value with 80% and 95% intervals and the probability of meeting the target \
            (and the stretch target).

            Series without a target and targets without data are reported with a note. CSV and \
            JSON use SPEC column names with shares as fractions; tables show percentages. \
            Exit status 1 with --fail-on when a row has that light (after writing the output).
            """)

    enum FailLevel: String, ExpressibleByArgument, CaseIterable {
        case yellow, red
    }

    @Argument(help: "Observations CSV (region,indicator,period,measure,value); '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "Targets CSV: region,indicator,year,type,target[,stretch].")
    var targets: String

    @Option(name: .customLong("as-of"), help: "The as-of period: 2024Q2, 2024-06 or 2024.")
    var asOf: String

    @OptionGroup var analysis: GapAnalysisOptions

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when any row is red (or yellow or red).")
    var failOn: FailLevel?

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, CSV otherwise).")
    var format: GapReport.Format?

    @Option(help: "Write the output to FILE atomically instead of standard output.")
    var output: String?

    func validate() throws {
        try GapAnalysisOptions.validateAsOf(asOf)
        try refuseSharedStandardInput([("the data", file ?? "-"), ("--targets", targets)])
    }

    func run() throws {
        let report = try analysis.report(dataPath: file, targetsPath: targets, asOf: asOf)

        let sink = try OutputSink(path: output)
        let chosen = format ?? ((output == nil || output == "-") && isatty(1) == 1 ? .table : .csv)
        report.write(chosen, to: sink)
        try sink.commit()
        let failed = failOn.map { report.hasLight(atLeast: $0 == .red ? .red : .yellow) } ?? false
        KeptUntilExit.keep(report)
        if failed { throw ExitCode(1) }
    }
}
