import ArgumentParser
import PaceData

extension ConversionTarget: ExpressibleByArgument {}
extension ObservationLayout: ExpressibleByArgument {}

/// `pace convert`: levels, year-to-date values and growth rates from one another (SPEC §3).
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert indicator data between levels, year-to-date values and growth rates.",
        discussion: """
            Reads observations (long: region,indicator,period,measure,value[,unit]; or \
            series,period,value) and writes one long row per period: \
            region,indicator,period,measure,value,note.

            --to level|ytd: single-period values from year-to-date values and back, within each \
            calendar year. A monthly ytd series without January gives a February level covering \
            January-February, and the note says so. Stocks keep their balances and have no ytd.
            --to yoy|ytd_yoy: growth over the same period a year earlier, in %. Where the file \
            also publishes the growth, the published figure is written and the note gives the \
            recomputed one when they differ by more than --tolerance points, or why it could \
            not be recomputed (a base of zero or below).
            --to qoq|saar: growth over the previous period, plain or annualised ((x_t/x_t-1)^n).
            --to two_year: two-year average growth sqrt((1+g_t)(1+g_t-s)) of yoy (of ytd_yoy \
            for year-to-date data).
            --to index: the implied index of growth-only data: the earliest year's periods are \
            100, later periods the same period a year earlier times 1 + yoy/100.

            A file without a region column has one region, written as an empty region cell. \
            A conversion that gives no value at all (e.g. --to yoy on one year of data) is an \
            error (exit 2) saying why.
            """)

    @Argument(help: "Observation CSV file; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "What to produce (see above).")
    var to: ConversionTarget

    @Option(help: "Input layout: long (one observation per row) or wide (one column per period or per indicator).")
    var from: ObservationLayout = .long

    @Option(help: "Output format: csv, jsonl, json, table or md (default: table on a terminal, csv when piped).")
    var format: RowFormat?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Published and recomputed growth differing by more than this many points are flagged.")
    var tolerance: Double = 0.1

    @Option(help: "Indicator metadata CSV: indicator,kind(flow|stock|rate),unit,direction.")
    var meta: String?

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw ValidationError("--tolerance must be a non-negative number (found \(tolerance))")
        }
    }

    func run() throws {
        let document = try CSVDocument.read(path: file)
        let observations = try ObservationSet(document: document, layout: from)
        let metadata = try meta.map { try IndicatorMetadata(document: CSVDocument.read(path: $0)) } ?? IndicatorMetadata()
        let result = observations.converted(to: to, tolerance: tolerance, metadata: metadata)
        // Nothing computed at all is not a result: say why, with nothing on standard output (exit 2).
        if !result.series.contains(where: { $0.values.contains { !$0.isNaN } }) {
            reportSkipped(result.skipped, target: to)
            throw InputError(file: document.source,
                             problem: "no \(to.rawValue) value can be computed: "
                                + Convert.whyNoValue(result, input: observations, target: to))
        }
        let sink = try OutputSink(path: output)
        ConvertedRows(series: result.series).write(
            format: format ?? RowFormat.defaultFor(output: output), to: sink, schema: "pace.convert/1",
            provenance: [("command", "convert"), ("source", document.source), ("to", to.rawValue),
                         ("tolerance", formatNumber(tolerance))])
        try sink.commit()
        reportSkipped(result.skipped, target: to)
        reportOutOfRange(result.series)
    }

    /// One stderr note per series with values beyond the range of a double (written as empty cells): its label,
    /// the first such period and how many; at most 10 series, then a count.
    private func reportOutOfRange(_ series: [ObservationSeries]) {
        var shown = 0, more = 0
        for s in series {
            let indices = s.notes.filter { $0.value == ObservationSeries.outOfRangeNote }.keys.sorted()
            guard let first = indices.first else { continue }
            if shown == 10 { more += 1; continue }
            shown += 1
            let others = indices.count == 1 ? "" : " and \(indices.count - 1) later period\(indices.count == 2 ? "" : "s")"
            printDiagnostic("note: \(s.label) \(s.period(at: first))\(others): \(ObservationSeries.outOfRangeNote)")
        }
        if more > 0 { printDiagnostic("note: \(more) more series with values beyond the range of a double") }
    }

    /// Why a conversion gave no value at all: every series left out, or what the target needs and what the data
    /// cover (one year only, one value per series), or the first note of the converted rows.
    static func whyNoValue(_ result: ConversionResult, input: ObservationSet, target: ConversionTarget) -> String {
        if result.series.isEmpty {
            return result.skipped.isEmpty ? "the data have no series" : "no series can give it (the notes above say why)"
        }
        let name = target.rawValue
        var reasons: [String] = []
        switch target {
        case .yoy, .ytdYoy: reasons.append("\(name) needs the same period a year earlier")
        case .twoYear: reasons.append("two_year needs year-on-year growth in the same period two years running")
        case .index: reasons.append("index needs year-on-year growth (published, or from amounts a year apart)")
        case .qoq, .saar: reasons.append("\(name) needs the value of the period before")
        case .level, .ytd: break
        }
        var years = Set<Int>()
        var mostValues = 0
        for s in input.series {
            var n = 0
            for k in 0..<s.count where !s.values[k].isNaN {
                years.insert(s.period(at: k).year)
                n += 1
            }
            mostValues = max(mostValues, n)
        }
        if years.isEmpty {
            reasons.append("the data have no values")
        } else if mostValues == 1 {
            reasons.append("every series has a single value")
        } else if years.count == 1, target != .qoq, target != .saar {
            reasons.append("the data cover \(years.first!) only")
        } else if let s = result.series.first(where: { !$0.notes.isEmpty }), let k = s.notes.keys.min() {
            reasons.append("e.g. \(s.label) \(s.period(at: k)): \(s.notes[k]!)")
        }
        return reasons.isEmpty ? "no series has a value" : reasons.joined(separator: "; ")
    }

    /// One stderr line per distinct reason: how many series, and the first few names.
    private func reportSkipped(_ skipped: [ConversionResult.Skipped], target: ConversionTarget) {
        var order: [String] = []
        var byReason: [String: [String]] = [:]
        for s in skipped {
            if byReason[s.reason] == nil { order.append(s.reason) }
            byReason[s.reason, default: []].append(s.label)
        }
        for reason in order {
            let labels = byReason[reason]!
            var names = labels.prefix(3).joined(separator: ", ")
            if labels.count > 3 { names += " and \(labels.count - 3) more" }
            let count = labels.count == 1 ? "1 series" : "\(labels.count) series"
            printDiagnostic("note: \(count) not converted to \(target.rawValue) (\(reason)): \(names)")
        }
    }
}
