import ArgumentParser
import PaceData
import PaceForecast

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast indicator series with exponential smoothing (ETS) or a trend model.",
        discussion: """
            Reads observations (long CSV region,indicator,period,measure,value or \
            series,period,value) and forecasts the series named by --series (matching the \
            series or indicator column) in --region, or every series in the file as a batch \
            (on two threads; a progress bar on a terminal). Forecast periods continue the \
            series' calendar; the seasonal period m is 4 for quarterly, 12 for monthly and 1 \
            for annual data. Leading and trailing missing values are dropped; a missing value \
            inside a series is an error naming its period and line.

            Models: auto (= ets) selects an ETS model by AICc among R forecast's ets() \
            candidates, with the trend and seasonal smoothing bounded as statsforecast's \
            AutoETS does (beta <= alpha0, gamma <= 1 - alpha0, alpha0 the starting alpha); \
            ets:SPEC fits one specification written as R writes it (ANN, AAdN, MAM, MAdM; Z \
            letters are chosen automatically, e.g. ets:MZZ); trend:linear, trend:loglinear and \
            trend:quadratic fit a trend regression with seasonal dummies when m > 1 \
            (--no-season-dummies leaves them out) and a level-shift dummy per --break period; \
            trend:auto picks by AICc among the three shapes, with and without the seasonal \
            dummies and with and without the breaks. ETS intervals are analytical (Hyndman et al. 2008, \
            ch. 6) or, for models without a formula, quantiles of 5000 simulated paths seeded by \
            --seed; 'mean' stays the model's forecast mean, so a very narrow simulated interval \
            (e.g. --level 1) need not contain it. For log-linear trends 'mean' is the median exp(mu). Trend sample paths \
            (--paths) are joint draws of the regression prediction the intervals come from: Student t \
            with the residual degrees of freedom, coefficient uncertainty shared across the horizon, \
            exp of the log scale for log-linear.

            Year-to-date (ytd) series are modelled as their period levels (each period's ytd \
            value minus the previous period's within the year; a first value in mid-year only \
            anchors the next level) and the forecasts cumulated back to ytd values within each \
            year: intervals are those of the sums (exact for ETS class 1 and linear or quadratic \
            trends, else from 5000 simulated paths; --paths gives cumulated paths). --ytd direct \
            fits the ytd values themselves.

            Output: rows region,series,period,mean,lo80,hi80,lo95,hi95 (one lo/hi pair per \
            --level). JSON schema pace.forecast/1 adds per series the fit: model (e.g. \
            ETS(M,Ad,M)), parameters (alpha, beta, gamma, phi), initial_states, log_likelihood \
            (R's, constants dropped), aic, aicc, bic, sigma2, and with --paths N simulated \
            sample paths; and a provenance object (version, method, parameters, input hash). \
            JSON Lines (jsonl) writes the same as one record a line: provenance, then per \
            series its fit, its forecast rows and its paths; md writes a Markdown table per \
            series.
            """)

    @Argument(help: "Observation CSV file; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "The series to forecast (series or indicator column); all series when omitted.")
    var series: String?

    @Option(help: "The region (region column); all regions when omitted.")
    var region: String?

    @Option(help: "Only series of this measure (level, ytd, stock, yoy, …).")
    var measure: String?

    @Option(help: fromHelp)
    var from: String?

    @Option(help: "auto, ets, ets:SPEC (e.g. ets:MAdM) or trend:linear|loglinear|quadratic|auto.")
    var model: String = "auto"

    @Option(help: ArgumentHelp("Year-to-date (ytd) series: 'levels' fits the model to the period levels (each period's ytd value minus the previous period's within the year) and cumulates the forecasts and intervals back to ytd values within each year, as pace gap's model method does; 'direct' fits the ytd values themselves.", valueName: "levels|direct"))
    var ytd: YearToDateModelling = .levels

    @Option(name: .customLong("break"),
            help: ArgumentHelp("Trend models: a level shift from this period on (e.g. 2020Q1); repeat or comma-separate for several. A period of another frequency counts from the month it starts in, as --from does (2020Q2 is 2020-04 of a monthly series); one starting inside a period of the series (2020-02 of a quarterly one) is an error. trend:auto compares the fits with and without the breaks.", valueName: "period"))
    var breaks: [String] = []

    @Flag(name: .customLong("no-season-dummies"),
          help: "Trend models: leave out the period (season) dummies that quarterly and monthly series otherwise get.")
    var noSeasonDummies = false

    @Option(name: .customLong("ets-region"), help: ArgumentHelp(ETSRegionChoice.help, valueName: "capped|usual"))
    var etsRegion: ETSRegionChoice = .capped

    @Option(name: .customLong("ets-search"), help: ArgumentHelp(ETSSelectionSearch.help, valueName: "screened|full"))
    var etsSearch: ETSSelectionSearch = .screened

    @Option(parsing: .unconditional, help: "Periods to forecast, 1–10000 (default: two years, 8 quarters or 24 months).")
    var horizon: Int?

    @Option(parsing: .unconditional, help: "Prediction interval levels in percent, comma-separated.")
    var level: String = "80,95"

    @Option(parsing: .unconditional, help: "Simulated sample paths per series to add to JSON or JSON Lines output (ETS and trend models); at most 100000, and --paths × --horizon at most 10000000 values per series.")
    var paths: Int = 0

    @Option(parsing: .unconditional, help: "Seed of the simulations (sample paths and simulated intervals), 0–18446744073709551615.")
    var seed: String = "20240101"

    @Flag(help: "In a batch, leave out series that cannot be forecast (each named on standard error) instead of stopping; exit 2 when every series was left out.")
    var keepGoing = false

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, else csv).")
    var format: OutputFormat?

    @Option(help: "Write to this file atomically instead of standard output.")
    var output: String?

    func parsedLevels() throws -> [Double] {
        let parts = splitList(level)
        guard !parts.isEmpty else { throw ValidationError("--level needs at least one level, e.g. 80,95") }
        var levels: [Double] = []
        for text in parts {
            guard let x = Double(text), x > 0, x < 100 else {
                throw ValidationError("--level: each level must be a number strictly between 0 and 100 (found \(text))")
            }
            // A repeated level would repeat the lo/hi columns (and JSON members) of the same name.
            guard !levels.contains(x) else { throw ValidationError("--level \(formatNumber(x)) is given twice") }
            levels.append(x)
        }
        return levels
    }

    func parsedModel() throws -> ForecastModelChoice {
        do { return try ForecastModelChoice(parsing: model) } catch let e as ValidationErrorText {
            throw ValidationError(e.description)
        }
    }

    /// The `--break` periods, in the order given (comma lists split).
    func parsedBreaks() throws -> [Period] {
        var periods: [Period] = []
        for text in breaks.flatMap(splitList) {
            guard let p = Period(text) else {
                let expected = Period.diagnose(text).expected
                throw ValidationError("--break \(text): not a period (expected "
                                      + (expected == Period.syntaxDescription ? "e.g. 2020Q1, 2020-03 or 2020" : expected) + ")")
            }
            guard !periods.contains(p) else { throw ValidationError("--break \(text) is given twice") }
            periods.append(p)
        }
        return periods
    }

    func validate() throws {
        _ = try parsedLevels()
        let choice = try parsedModel()
        _ = try parseMeasure(measure)
        _ = try parseFrom(from)
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1 (found \(horizon))") }
        if horizon ?? 0 > 10_000 { throw ValidationError("--horizon must be at most 10000 (found \(horizon!))") }
        if paths < 0 { throw ValidationError("--paths must be ≥ 0 (found \(paths))") }
        if paths > 100_000 { throw ValidationError("--paths must be at most 100000 (found \(paths))") }
        // Each series holds paths × horizon values in memory and prints them: 100000 × 10000 was 8 GB (an allocation
        // failure, or some 20 GB of JSON). 10⁷ values is 80 MB (the default horizon, at most 24, never reaches it).
        if let horizon, paths * horizon > 10_000_000 {
            throw ValidationError("--paths \(paths) with --horizon \(horizon) asks for \(paths * horizon) simulated values per series; "
                                  + "at most 10000000 (e.g. --paths \(max(1, 10_000_000 / horizon)) with this horizon)")
        }
        _ = try SeedOption.parse(seed)
        let breakPeriods = try parsedBreaks()
        if !breakPeriods.isEmpty && !choice.isTrend {
            throw ValidationError("--break applies to trend models (--model trend:linear|loglinear|quadratic|auto)")
        }
        if noSeasonDummies && !choice.isTrend {
            throw ValidationError("--no-season-dummies applies to trend models (--model trend:linear|loglinear|quadratic|auto)")
        }
    }

    func run() throws {
        let format = try resolveFormat(self.format, supported: [.table, .csv, .json, .jsonl, .md], output: output,
                                       command: "forecast")
        if paths > 0 && format != .json && format != .jsonl {
            throw ValidationError("--paths adds sample paths to JSON output only: use --format json or jsonl")
        }
        let settings = ForecastSettings(model: try parsedModel(), horizon: horizon, levels: try parsedLevels(),
                                        paths: paths, seed: try SeedOption.parse(seed), selectionBounds: etsRegion.bounds, selectionSearch: etsSearch,
                                        breaks: try parsedBreaks(), seasonDummies: !noSeasonDummies, from: try parseFrom(from),
                                        yearToDateAsLevels: ytd == .levels)
        let (selected, unreadable, document) = try SeriesSelection.load(
            path: file, name: series, region: region, measure: try parseMeasure(measure), from: try parseFrom(from),
            keepGoing: keepGoing)
        let outcomes = BatchRunner.map(selected, label: "forecast") { s in ForecastJob.run(s, settings: settings) }
        var forecasts: [SeriesForecast] = []
        var skipped = unreadable
        forecasts.reserveCapacity(outcomes.count)
        for (s, outcome) in zip(selected, outcomes) {
            switch outcome {
            case .success(let f): forecasts.append(f)
            case .failure(let error):
                guard keepGoing else { throw error }   // the first failure in file order
                skipped.append(SkippedSeries(s, reason: error.description))
            }
        }
        for s in skipped { printDiagnostic("skipped: " + s.reason) }
        // --keep-going leaves failures out; when that leaves nothing, the run failed (an empty table with exit 0
        // would pass for a result in a pipeline).
        if forecasts.isEmpty && !skipped.isEmpty {
            throw CommandFailure(description: "\(document.source): no series could be forecast: "
                                 + (skipped.count == 1 ? "the only one was skipped" : "all \(skipped.count) were skipped") + " (reasons above)")
        }
        let report = ForecastReport(forecasts: forecasts, settings: settings, source: document.source,
                                    inputHash: document.contentHashHex, skipped: skipped)
        let sink = try OutputSink(path: output)
        report.write(format, to: sink)
        try sink.commit()
    }
}

/// How `pace forecast --ytd` models year-to-date series.
enum YearToDateModelling: String, ExpressibleByArgument, CaseIterable, Sendable {
    case levels, direct
}
