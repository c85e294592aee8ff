import ArgumentParser
import PaceData

/// `pace check`: validates an observation file (SPEC §3).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate an indicator data file: periods, duplicates, gaps, frequencies and growth.",
        discussion: """
            Reads every row and prints one finding per line, 'FILE:LINE:COL: problem: …' or \
            'FILE:LINE: note: …', then a summary line. Problems: bad periods, unknown measures, \
            values that are not numbers, periods of another frequency than their series, units \
            changing within a series, the same region/indicator/period/measure twice, and \
            published growth (yoy, ytd_yoy, index_prev_year_100) differing from growth \
            recomputed from levels or year-to-date values by more than --tolerance points. \
            Notes: gaps, missing values, monthly year-to-date series without January, \
            published growth that cannot be checked (the recomputed growth is undefined: a base \
            of zero or below, values covering different spans).

            Exit status: 0 no problems (notes allowed); 1 problems found; 2 the file cannot be \
            read as observations.
            """)

    @Argument(help: "Observation CSV file; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "Input layout: long or wide.")
    var from: ObservationLayout = .long

    @Option(parsing: .unconditional, help: "Largest accepted difference, in percentage points, between published and recomputed growth.")
    var tolerance: Double = 0.1

    @Option(help: "Indicator metadata CSV: indicator,kind(flow|stock|rate),unit,direction.")
    var meta: String?

    @Flag(help: "Print problems only, not notes.")
    var quiet = false

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw ValidationError("--tolerance must be a non-negative number (found \(tolerance))")
        }
    }

    func run() throws {
        let document = try CSVDocument.read(path: file)
        let metadata = try meta.map { try IndicatorMetadata(document: CSVDocument.read(path: $0)) } ?? IndicatorMetadata()
        let report = try ObservationSet.check(document: document, layout: from, tolerance: tolerance, metadata: metadata)
        var text = ""
        for finding in report.findings where !quiet || finding.severity == .problem {
            text += escapingControlCharacters(finding.description) + "\n"
        }
        let shown = report.findings.filter { $0.severity == .problem }.count
        if report.problemCount > shown {
            text += escapingControlCharacters("\(report.source): \(report.problemCount - shown) more problems not shown") + "\n"
        }
        text += escapingControlCharacters(report.summary) + "\n"
        let sink = OutputSink()
        sink.write(text)
        try sink.commit()
        if report.hasProblems { throw ExitCode(PaceExit.checkFailed) }
    }
}
