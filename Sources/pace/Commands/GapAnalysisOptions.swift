import ArgumentParser
import Dispatch
import PaceData
import PaceGap

/// The options of the gap analysis shared by `pace gap` and `pace race --data`: everything
/// but the input files and the as-of period, which each command declares itself.
struct GapAnalysisOptions: ParsableArguments {
    @Option(name: .customLong("time-basis"), help: "Time account: calendar (k/n), days, or seasonal.")
    var timeBasis: TimeBasis = .calendar

    @Option(parsing: .unconditional, help: "Complete years behind the seasonal shares, the share projection and the trend fit.")
    var years: Int = 3

    @Option(name: .customLong("exclude-years"), help: "Abnormal years to leave out of the history, e.g. 2020,2022.")
    var excludeYears: String?

    @Option(help: "Projection method: model (automatic ETS on the consecutive period values of the last max(10, --years) years up to the as-of period; the default), trend or share.")
    var method: ProjectionMethod = .model

    @Option(help: "Indicator metadata CSV: indicator,kind(flow|stock|rate)[,unit,direction].")
    var kinds: String?

    @Option(parsing: .unconditional, help: "Progress below this many points is yellow (default -5) — the lower bound of yellow.")
    var yellow: Double?

    @Option(parsing: .unconditional, help: "Progress below this many points is red: the same boundary as --yellow, named from the other side.")
    var red: Double?

    @Option(parsing: .unconditional, help: "Progress at or above this many points is green.")
    var green: Double = 0

    @Option(name: .customLong("growth-yellow"), parsing: .unconditional, help: "With growth data only: a growth gap below this many points is red (default -1).")
    var growthYellow: Double = -1

    @Option(name: .customLong("ets-region"),
            help: ArgumentHelp(ETSRegionChoice.help + " Used by --method model.", valueName: "capped|usual"))
    var etsRegion: ETSRegionChoice = .capped

    @Option(parsing: .unconditional, help: "Seed of the model and trend methods' simulations, 0–18446744073709551615.")
    var seed: String = "1"

    @Option(parsing: .unconditional, help: "Simulated paths of the model and trend methods, 2–100000.")
    var paths: Int = 2000

    func validate() throws {
        guard years >= 1, years <= 100 else {
            throw ValidationError("--years: found \(years), expected an integer from 1 to 100")
        }
        for (name, value) in [("--green", green), ("--yellow", yellow), ("--red", red), ("--growth-yellow", growthYellow)] {
            if let value, !value.isFinite {
                throw ValidationError("\(name): found \(formatNumber(value).isEmpty ? String(describing: value) : formatNumber(value)), expected a finite number")
            }
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
        // As `pace forecast --paths`: beyond this the simulation's memory (paths × periods × series) is the limit.
        guard paths <= 100_000 else { throw ValidationError("--paths: found \(paths), expected at most 100000") }
        _ = try excludedYears()
        _ = try SeedOption.parse(seed)
    }

    /// Validates `--as-of` text (for the commands' own `validate`).
    static func validateAsOf(_ text: String) throws {
        guard AsOfPeriod(parsing: text) != nil else {
            // The data layer's diagnosis (a year 0001–9999, a quarter 1–4, …) when the text is nearly a period.
            let expected = Period.diagnose(text).expected
            throw ValidationError("--as-of: found \"\(text)\", expected "
                                  + (expected == Period.syntaxDescription ? "a period such as 2024Q2, 2024-06 or 2024" : expected))
        }
    }

    func excludedYears() throws -> Set<Int> {
        guard let excludeYears, !excludeYears.isEmpty else { return [] }
        var out: Set<Int> = []
        for part in excludeYears.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: " ")
            // Four digits, 0001–9999 as in periods (Int alone read "+123" as the year 123).
            guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(text),
                  Period.years.contains(y) else {
                throw ValidationError("--exclude-years: found \"\(part)\", expected four-digit years 0001–9999 separated by commas")
            }
            out.insert(y)
        }
        return out
    }

    /// The library options for an as-of period (already validated).
    func gapOptions(asOf: String) throws -> GapOptions {
        GapOptions(
            asOf: AsOfPeriod(parsing: asOf)!, timeBasis: timeBasis, historyYears: years,
            excludedYears: try excludedYears(), method: method,
            progressLights: LightThresholds(green: green, yellow: yellow ?? red ?? -5),
            growthLights: LightThresholds(green: 0, yellow: growthYellow), seed: try SeedOption.parse(seed), simulationPaths: paths,
            etsBounds: etsRegion.bounds)
    }

    /// Reads the observations (`dataPath`, nil or `-` = standard input), the targets and the
    /// optional kinds file, and runs the gap analysis: the report `pace gap` writes and
    /// `pace race --data` ranks.
    func report(dataPath: String?, targetsPath: String, asOf: String) throws -> GapReport {
        let options = try gapOptions(asOf: asOf)
        let analyzer: GapAnalyzer
        do { analyzer = try GapAnalyzer(options: options) } catch { throw ValidationError(error.description) }

        // The targets file is read and checked on another thread while the data file is
        // scanned (files only: standard input is read once, data first). Errors are thrown
        // in the order of reading one file after the other: the data file's CSV errors, the
        // targets file's CSV errors, the kinds file's, the data's content, the targets'.
        let dataFile = try LoadedFile.read(path: dataPath)
        let targetsJob = BackgroundJob<(CSVDocument, Result<[GapTarget], Error>)>(
            run: dataPath != nil && dataPath != "-" && targetsPath != "-") {
            let document = try CSVDocument.read(path: targetsPath)
            return (document, Result { try GapTarget.read(document: document) })
        }
        let data = try GapSeries.PanelInput(file: dataFile)
        let (targetsDocument, targetsRead) = try targetsJob.result()
        var inputs = [GapReport.Input(role: "data", source: data.source, hash: data.contentHashHex),
                      GapReport.Input(role: "targets", source: targetsDocument.source, hash: targetsDocument.contentHashHex)]
        var metadata = IndicatorMetadata()
        if let kinds {
            let kindsDocument = try CSVDocument.read(path: kinds)
            metadata = try IndicatorMetadata(document: kindsDocument)
            inputs.append(GapReport.Input(role: "kinds", source: kindsDocument.source, hash: kindsDocument.contentHashHex))
        }
        let panel = try GapSeries.panel(from: data, metadata: metadata)
        let targetList = try targetsRead.get()
        let rows = analyzer.analyse(series: panel, targets: targetList)
        KeptUntilExit.keep((data, panel, targetList))
        return GapReport(rows: rows, options: options, inputs: inputs)
    }
}

/// Work started on a global-queue thread (when `run` is true; otherwise done on the first call
/// of `result()`), whose value or error `result()` returns.
final class BackgroundJob<T>: @unchecked Sendable {
    private let work: @Sendable () throws -> T
    private var outcome: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)
    private let started: Bool

    init(run: Bool, _ work: @escaping @Sendable () throws -> T) {
        self.work = work
        started = run
        if run {
            DispatchQueue.global().async {
                self.outcome = Result { try work() }
                self.done.signal()
            }
        }
    }

    func result() throws -> T {
        if started {
            done.wait()
        } else if outcome == nil {
            outcome = Result { try work() }
        }
        return try outcome!.get()
    }
}
