import ArgumentParser
import PaceData
import PaceGap
import PaceRace
import PaceReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a target-gap report: one self-contained HTML file, or its Markdown twin.",
        discussion: """
            Runs the gap analysis on --data and --targets at --as-of (and the horse race when \
            --scheme is given, with rank changes against the period before) and writes one \
            report: a lights summary with the red and yellow rows, time-vs-task bars per \
            indicator, a chart per series (annual history, Hodrick–Prescott trend, the forecast \
            fan of the projection's 80%/95% intervals, the target line), the league table and \
            the provenance (version, method, parameters, as-of, input hashes).

            The HTML has inline CSS and SVG only — no scripts, fonts or network references — \
            and prints on A4. The Markdown has the same tables, with one sentence per chart. \
            The format comes from the --output extension (.html/.htm or .md/.markdown); \
            --format overrides it. Without --output the report goes to standard output \
            (Markdown unless --format html).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md
    }

    @Option(help: "Observations CSV (region,indicator,period,measure,value); '-' reads standard input.")
    var data: String

    @Option(help: "Targets CSV: region,indicator,year,type,target[,stretch].")
    var targets: String

    @Option(name: .customLong("as-of"), help: "The as-of period: 2024Q2, 2024-06 or 2024.")
    var asOf: String

    @Option(help: "Horse-race scheme CSV (indicator,weight,metric,direction) for the league table.")
    var scheme: String?

    @Option(help: "Scoring of the league table: rank, minmax or zscore.")
    var scoring: RaceScoring = .rank

    @Option(parsing: .unconditional, help: "Share of the weight earned by last place (rank) or the worst value (minmax), 0–1.")
    var floor: Double = 0.6

    /// The gap analysis options of `pace gap` (method, time basis, years, excluded years,
    /// kinds, light thresholds, ETS region, seed, paths): a report shows the same lights and
    /// projections as the `pace gap` run it accompanies.
    @OptionGroup var analysis: GapAnalysisOptions

    @Option(help: "Report title (default: 'Target-gap report as of PERIOD').")
    var title: String?

    @Option(name: .customLong("max-charts"), parsing: .unconditional, help: "Chart at most this many series (the rest are counted in a note).")
    var maxCharts: Int = 24

    @Option(help: "Output format: html or md (default: from the --output extension).")
    var format: Format?

    @Option(help: "Write the report to FILE atomically instead of standard output.")
    var output: String?

    func validate() throws {
        try GapAnalysisOptions.validateAsOf(asOf)
        try refuseSharedStandardInput([("--data", data), ("--targets", targets), ("--scheme", scheme)])
        guard floor >= 0, floor <= 1 else {
            throw ValidationError("--floor: found \(floor), expected a value from 0 to 1")
        }
        guard maxCharts >= 0 else { throw ValidationError("--max-charts: found \(maxCharts), expected 0 or more") }
        _ = try resolvedFormat()
    }

    /// --format, else the --output extension, else Markdown on standard output.
    func resolvedFormat() throws -> Format {
        try validateOutputName(output)
        if let format { return format }
        guard let output, output != "-" else { return .md }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let ext = name.split(separator: ".", omittingEmptySubsequences: false).count > 1
            ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "html", "htm": return .html
        case "md", "markdown": return .md
        default:
            throw ValidationError("--output \"\(output)\": found extension \"\(ext)\", expected .html, .htm, .md or .markdown (or give --format html|md)")
        }
    }

    func run() throws {
        let format = try resolvedFormat()
        let options = try analysis.gapOptions(asOf: asOf)
        let request = ReportRequest(dataPath: data, targetsPath: targets, kindsPath: analysis.kinds, schemePath: scheme,
                                    gap: options, scoring: scoring, floor: floor, title: title, chartLimit: maxCharts)
        let model = try ReportBuilder.build(request)
        let sink = try OutputSink(path: output)
        sink.write(format == .html ? HTMLRenderer.render(model) : MarkdownRenderer.render(model))
        try sink.commit()
    }
}
