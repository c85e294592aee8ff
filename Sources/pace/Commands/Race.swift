import ArgumentParser
import PaceData
import PaceGap
import PaceRace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Race: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank regions on weighted target-gap metrics (the horse race).",
        discussion: """
            Reads pace gap output (CSV, with or without its '# ' provenance lines, or the \
            pace.gap/1 JSON report; detected by content) from a file or standard input — or, with \
            --data FILE --targets FILE --as-of PERIOD and any pace gap option, runs the gap \
            analysis itself — and ranks the regions on the scheme given by --scheme: a CSV \
            indicator,weight,metric,direction where metric is a numeric pace gap column \
            (progress_pp, task_share, ytd_growth, growth_gap_pp, p_meet, …) and direction is \
            higher (default) or lower.

            Scoring: 'rank' gives the weight to first place falling linearly to weight·floor for \
            last; 'minmax' maps the metric linearly onto [weight·floor, weight]; 'zscore' sums \
            weight × standard score (sample SD). Ties share a rank (1, 2, 2, 4); the order is \
            points descending, then region name. A region without a value for an indicator gets \
            no rank and 0 points for it, with a note.

            Columns: region, points, rank, rank_<indicator> and points_<indicator> per scheme \
            row, rank_change (against --previous: positive = moved up), gap_ahead, gap_behind, \
            notes. JSON schema pace.race/1 with version, scheme, scoring, floor, as_of.
            """)

    @Argument(help: "pace gap output (CSV or JSON); '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "Observations CSV to run the gap analysis on in-process instead of reading pace gap output ('-' = standard input).")
    var data: String?

    @Option(help: "With --data: targets CSV (region,indicator,year,type,target[,stretch]).")
    var targets: String?

    @Option(name: .customLong("as-of"), help: "With --data: the as-of period, 2024Q2, 2024-06 or 2024.")
    var asOf: String?

    @OptionGroup(title: "Gap analysis options (with --data)") var analysis: GapAnalysisOptions

    @Option(help: "Scheme CSV: indicator,weight,metric,direction.")
    var scheme: String

    @Option(help: "Scoring method: rank, minmax or zscore.")
    var scoring: RaceScoring = .rank

    @Option(parsing: .unconditional, help: "Share of the weight earned by last place (rank) or the worst value (minmax), 0–1.")
    var floor: Double = 0.6

    @Option(help: "For rank changes: pace gap output for an earlier as-of period, or, with --data, that earlier period itself (e.g. 2024Q1: the analysis is run again as of it).")
    var previous: String?

    /// With --data, a `--previous` that reads as a period names the earlier as-of to analyse.
    var previousPeriod: String? {
        guard data != nil, let previous, AsOfPeriod(parsing: previous) != nil else { return nil }
        return previous
    }

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, else csv).")
    var format: OutputFormat?

    @Option(help: "Write to this file atomically instead of standard output.")
    var output: String?

    func validate() throws {
        guard floor >= 0, floor <= 1 else {
            throw ValidationError("--floor must be between 0 and 1 (found \(floor))")
        }
        if let data {
            guard file == nil else {
                throw ValidationError("give either pace gap output (\(file!)) or --data, not both")
            }
            guard let targets, let asOf else {
                throw ValidationError("--data needs --targets and --as-of")
            }
            _ = targets
            try GapAnalysisOptions.validateAsOf(asOf)
            try refuseSharedStandardInput([("--data", data), ("--targets", targets), ("--scheme", scheme)])
            if previous == "-" && data == "-" {
                throw ValidationError("--previous and --data cannot both be standard input")
            }
            if previousPeriod != nil && data == "-" {
                throw ValidationError("--previous PERIOD re-reads --data, so --data must be a file, not standard input")
            }
            // Text shaped like a period that is not one (2024Q5, 2024-13) and names no file: say so, not "cannot open".
            if let previous, previousPeriod == nil, previous != "-", Race.looksLikePeriod(previous), !Race.exists(previous) {
                throw ValidationError("--previous \(previous): not a period (expected \(Period.diagnose(previous).expected)), "
                                      + "and no file of that name")
            }
        } else {
            if targets != nil || asOf != nil {
                throw ValidationError("--targets and --as-of go with --data (the observations to analyse)")
            }
            try refuseSharedStandardInput([("the gap output", file ?? "-"), ("--scheme", scheme)])
            if previous == "-" && (file == nil || file == "-") {
                throw ValidationError("--previous and the input cannot both be standard input")
            }
            if let previous, AsOfPeriod(parsing: previous) != nil, !Race.exists(previous) {
                throw ValidationError("--previous \(previous): a period works with --data only (the analysis is run again "
                                      + "as of it); without --data, --previous is a file of pace gap output")
            }
        }
    }

    /// Text a user meant as a period, valid or not (2024Q5, 2024-13, 2024M0): `Period.diagnose` finds more to say
    /// about it than the generic syntax.
    static func looksLikePeriod(_ text: String) -> Bool {
        Period.diagnose(text).expected != Period.syntaxDescription
    }

    /// Whether a file (or anything) exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    func run() throws {
        let format = try resolveFormat(self.format, supported: [.table, .csv, .json, .jsonl, .md], output: output,
                                       command: "race")
        let schemeDocument = try CSVDocument.read(path: scheme)
        let raceScheme = try RaceScheme(document: schemeDocument)
        var inputs = [RaceResult.Input(role: "scheme", source: schemeDocument.source, hash: schemeDocument.contentHashHex)]
        let input: RaceInput
        if let data, let targets, let asOf {
            let report = try analysis.report(dataPath: data, targetsPath: targets, asOf: asOf)
            input = RaceInput(gapReport: report, source: data == "-" ? "<stdin>" : data, scheme: raceScheme)
            inputs += report.inputs
        } else {
            let (bytes, source) = try InputFile.readBytes(path: file)
            input = try RaceInput(gapOutput: bytes, source: source, scheme: raceScheme)
            inputs.append(RaceResult.Input(role: "gap", source: source, hash: ContentHash.hex(of: bytes)))
        }
        let before: RaceInput?
        if let data, let targets, let period = previousPeriod {
            let report = try analysis.report(dataPath: data, targetsPath: targets, asOf: period)
            before = RaceInput(gapReport: report, source: "\(data) as of \(period)", scheme: raceScheme)
        } else if let previous {
            let (bytes, source) = try InputFile.readBytes(path: previous)
            before = try RaceInput(gapOutput: bytes, source: source, scheme: raceScheme)
            inputs.append(RaceResult.Input(role: "previous", source: source, hash: ContentHash.hex(of: bytes)))
        } else {
            before = nil
        }
        let race = try HorseRace(scheme: raceScheme, scoring: scoring, floor: floor)
        var result = try race.run(input, previous: before)
        result.inputs = inputs
        let sink = try OutputSink(path: output)
        switch format {
        case .json: result.write(.json, to: sink)
        case .jsonl: result.write(.jsonl, to: sink)
        case .md: result.write(.md, to: sink)
        case .csv: result.write(.csv, to: sink)
        default: result.write(.table, to: sink)
        }
        try sink.commit()
    }
}

extension RaceScoring: ExpressibleByArgument {}
