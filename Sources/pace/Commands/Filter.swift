import ArgumentParser
import PaceData
import PaceForecast

/// `pace filter`: a group of filters; `hp` is the Hodrick–Prescott filter.
struct Filter: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Separate trend and cycle with a filter (hp: Hodrick–Prescott).",
        subcommands: [FilterHP.self])
}

struct FilterHP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hp",
        abstract: "Hodrick–Prescott filter: a smooth trend and the cycle around it.",
        discussion: """
            The trend minimises sum (y - trend)^2 + lambda * sum (second difference of trend)^2 \
            (Hodrick & Prescott 1997), solved exactly as a banded system in linear time. \
            lambda defaults by frequency: 1600 quarterly, 129600 monthly (Ravn & Uhlig 2002), \
            100 annual. --one-sided gives the real-time filter: each trend value uses data up \
            to that period only (no revisions). --log filters log(value): trend and cycle are \
            then on the log scale, the cycle being the relative gap (0.01 = 1%).

            Output: rows period,value,trend,cycle (value as read). JSON schema \
            pace.filter.hp/1 with provenance (version, method, parameters, input hash).
            """)

    @Argument(help: "Observation CSV file; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "The series to filter (may be left out when the file holds one series).")
    var series: String?

    @Option(help: "The region (region column).")
    var region: String?

    @Option(help: "Only series of this measure (level, ytd, stock, yoy, …).")
    var measure: String?

    @Option(help: fromHelp)
    var from: String?

    @Option(parsing: .unconditional, help: "Smoothing parameter (default: 1600 quarterly, 129600 monthly, 100 annual).")
    var lambda: Double?

    @Flag(help: "Filter the natural logarithm of the series (values must be positive).")
    var log = false

    @Flag(help: "Real-time (one-sided) filter instead of the two-sided smoother.")
    var oneSided = false

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, else csv).")
    var format: OutputFormat?

    @Option(help: "Write to this file atomically instead of standard output.")
    var output: String?

    func validate() throws {
        _ = try parseFrom(from)
        if let lambda, !(lambda > 0 && lambda.isFinite) {
            let found = lambda.isNaN ? "NaN, not a number" : lambda.isInfinite ? "a value beyond the largest double, 1.8e308" : formatNumber(lambda)
            throw ValidationError("--lambda must be a positive number (found \(found))")
        }
        _ = try parseMeasure(measure)
    }

    func run() throws {
        let format = try resolveFormat(self.format, supported: ComponentReport.formats, output: output,
                                       command: "filter hp")
        let (s, document) = try SeriesSelection.single(path: file, name: series, region: region,
                                                       measure: try parseMeasure(measure), from: try parseFrom(from),
                                                       command: "filter hp")
        if log { try s.requirePositive(for: "--log") }
        let lambdaUsed = lambda ?? HPFilter.Frequency(s.frequency).lambda
        let result: HPFilterResult
        do {
            result = try HPFilter.filter(s.values, lambda: lambdaUsed, side: oneSided ? .oneSided : .twoSided,
                                         transform: log ? .log : .none)
        } catch let error as FilterError {
            throw located(error, s)
        }
        let report = ComponentReport(
            schema: "pace.filter.hp/1", command: "filter hp", method: "Hodrick-Prescott filter",
            parameters: [("lambda", formatNumber(lambdaUsed)), ("side", result.side.rawValue),
                         ("transform", result.transform.rawValue)] + (from.map { [("from", $0)] } ?? []),
            series: s, source: document.source, inputHash: document.contentHashHex,
            columns: ["value", "trend", "cycle"], data: [s.values, result.trend, result.cycle],
            notes: s.notes + (log ? ["trend and cycle are on the log scale (value is as read)"] : []))
        let sink = try OutputSink(path: output)
        report.write(format, to: sink)
        try sink.commit()
    }
}

extension HPFilter.Frequency {
    init(_ frequency: PaceData.Frequency) {
        switch frequency {
        case .annual: self = .annual
        case .quarterly: self = .quarterly
        case .monthly: self = .monthly
        }
    }
}

/// `--measure` as a Measure (nil when absent); a usage error for an unknown name.
func parseMeasure(_ text: String?) throws -> Measure? {
    guard let text else { return nil }
    guard let m = Measure(rawValue: text.lowercased()) else {
        throw ValidationError("--measure \(text): expected one of \(Measure.inputSpellings)")
    }
    return m
}

/// `--from` as a Period (nil when absent); a usage error for text that is not a period.
func parseFrom(_ text: String?) throws -> Period? {
    guard let text else { return nil }
    do { return try Period(parsing: text) } catch { throw ValidationError("--from \(text): \(error)") }
}

/// The help of `--from` (forecast, filter hp, decompose).
let fromHelp = ArgumentHelp(
    "Use the observations from this period on (e.g. 2001-01, 2010Q1 or 2010; a period of another frequency counts from the month it starts in: 2020-04 is 2020Q2 of a quarterly series; one starting inside a period of the series, 2020-02 of a quarterly one, is an error), e.g. to leave out an early stretch with gaps.",
    valueName: "period")

/// A filter or decomposition error, located at the row when it is about one value.
func located(_ error: FilterError, _ series: InputSeries) -> Error {
    switch error {
    case let .nonPositive(index, _, method):
        return series.error(at: index, problem: "\(method) needs values > 0", expected: "a positive value")
    case let .nonFinite(index, _):
        return series.error(at: index, problem: "not a finite number", expected: "a finite number")
    default:
        return SeriesFailure(source: series.source, label: series.label, message: error.description)
    }
}
