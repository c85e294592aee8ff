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

    @Option(name: .customLong("time-basis"), help: "Time account: calendar (k/n), days, or seasonal.")
    var timeBasis: TimeBasis = .calendar

    @Option(help: "Complete years behind the seasonal shares, the share projection and the trend fit.")
    var years: Int = 3

    @Option(name: .customLong("exclude-years"), help: "Abnormal years to leave out of the history, e.g. 2020,2022.")
    var excludeYears: String?

    @Option(help: "Projection method: share or trend (model arrives with the forecasting models).")
    var method: ProjectionMethod = .share

    @Option(help: "Indicator metadata CSV: indicator,kind(flow|stock|rate)[,unit,direction].")
    var kinds: String?

    @Option(help: "Progress below this many points is yellow (default -5) — the lower bound of yellow.")
    var yellow: Double?

    @Option(help: "Progress below this many points is red: the same boundary as --yellow, named from the other side.")
    var red: Double?

    @Option(help: "Progress at or above this many points is green.")
    var green: Double = 0

    @Option(name: .customLong("growth-yellow"), help: "With growth data only: a growth gap below this many points is red (default -1).")
    var growthYellow: Double = -1

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when any row is red (or yellow or red).")
    var failOn: FailLevel?

    @Option(help: "Seed of the trend method's simulation.")
    var seed: UInt64 = 1

    @Option(help: "Simulated paths of the trend method.")
    var paths: Int = 2000

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, CSV otherwise).")
    var format: GapReport.Format?

    @Option(help: "Write the output to FILE atomically instead of standard output.")
    var output: String?

    func validate() throws {
        guard AsOfPeriod(parsing: asOf) != nil else {
            throw ValidationError("--as-of: found \"\(asOf)\", expected a period such as 2024Q2, 2024-06 or 2024")
        }
        guard years >= 1, years <= 100 else {
            throw ValidationError("--years: found \(years), expected an integer from 1 to 100")
        }
        if let yellow, let red, yellow != red {
            throw ValidationError("--yellow \(formatNumber(yellow)) and --red \(formatNumber(red)) name the same boundary; give one, or the same value")
        }
        let boundary = yellow ?? red ?? -5
        guard boundary <= green else {
            throw ValidationError("--yellow: found \(formatNumber(boundary)), expected a value ≤ --green (\(formatNumber(green)))")
        }
        guard growthYellow <= 0 else {
            throw ValidationError("--growth-yellow: found \(formatNumber(growthYellow)), expected a value ≤ 0")
        }
        guard paths >= 2 else { throw ValidationError("--paths: found \(paths), expected at least 2") }
        _ = try excludedYears()
        if method == .model {
            throw ValidationError(GapError.methodNotAvailable(method: "model", reason: "arrives with the forecasting models").description)
        }
    }

    func excludedYears() throws -> Set<Int> {
        guard let excludeYears, !excludeYears.isEmpty else { return [] }
        var out: Set<Int> = []
        for part in excludeYears.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: " ")
            guard text.utf8.count == 4, let y = Int(text) else {
                throw ValidationError("--exclude-years: found \"\(part)\", expected four-digit years separated by commas")
            }
            out.insert(y)
        }
        return out
    }

    func run() throws {
        let options = GapOptions(
            asOf: AsOfPeriod(parsing: asOf)!, timeBasis: timeBasis, historyYears: years,
            excludedYears: try excludedYears(), method: method,
            progressLights: LightThresholds(green: green, yellow: yellow ?? red ?? -5),
            growthLights: LightThresholds(green: 0, yellow: growthYellow), seed: seed, simulationPaths: paths)
        let analyzer: GapAnalyzer
        do { analyzer = try GapAnalyzer(options: options) } catch { throw ValidationError(error.description) }

        let dataDocument = try CSVDocument.read(path: file)
        let targetsDocument = try CSVDocument.read(path: targets)
        var inputs = [GapReport.Input(role: "data", source: dataDocument.source, hash: dataDocument.contentHashHex),
                      GapReport.Input(role: "targets", source: targetsDocument.source, hash: targetsDocument.contentHashHex)]
        var metadata = IndicatorMetadata()
        if let kinds {
            let kindsDocument = try CSVDocument.read(path: kinds)
            metadata = try IndicatorMetadata(document: kindsDocument)
            inputs.append(GapReport.Input(role: "kinds", source: kindsDocument.source, hash: kindsDocument.contentHashHex))
        }
        let panel = try GapSeries.panel(from: dataDocument, metadata: metadata)
        let targetList = try GapTarget.read(document: targetsDocument)
        let rows = analyzer.analyse(series: panel, targets: targetList)
        let report = GapReport(rows: rows, options: options, inputs: inputs)

        let sink = try OutputSink(path: output)
        let chosen = format ?? ((output == nil || output == "-") && isatty(1) == 1 ? .table : .csv)
        report.write(chosen, to: sink)
        try sink.commit()
        if let failOn, report.hasLight(atLeast: failOn == .red ? .red : .yellow) {
            throw ExitCode(1)
        }
    }
}
