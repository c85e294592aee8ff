import ArgumentParser
import PaceData
import PaceForecast

struct Decompose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a series into trend, seasonal and remainder (STL or classical).",
        discussion: """
            stl: Seasonal-Trend decomposition by Loess (Cleveland et al. 1990) with \
            statsmodels' defaults: seasonal window 7, trend window the smallest odd integer \
            >= 1.5 P / (1 - 1.5 / seasonal window), low-pass window the smallest odd integer \
            > P, 5 inner passes (2 inner and 15 outer robustness passes with --robust). \
            --log decomposes log(value): the components are then on the log scale.

            classical: centred moving-average trend and mean seasonal indices (R decompose, \
            statsmodels seasonal_decompose), additive or, with --model multiplicative, \
            value = trend * seasonal * remainder. The first and last P/2 trend and remainder \
            values are undefined (empty).

            The period P defaults to the frequency (4 quarterly, 12 monthly; annual data needs \
            --period). Output: rows period,value,trend,seasonal,remainder (value as read). JSON \
            schema pace.decompose/1 with provenance.
            """)

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case stl, classical
    }

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case additive, multiplicative
    }

    @Argument(help: "Observation CSV file; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "The series to decompose (may be left out when the file holds one series).")
    var series: String?

    @Option(help: "The region (region column).")
    var region: String?

    @Option(help: "Only series of this measure (level, ytd, stock, yoy, …).")
    var measure: String?

    @Option(help: fromHelp)
    var from: String?

    @Option(help: "stl or classical.")
    var method: Method = .stl

    @Option(parsing: .unconditional, help: "Seasonal period (default: 4 quarterly, 12 monthly).")
    var period: Int?

    @Flag(help: "STL: robustness iterations (outliers go to the remainder).")
    var robust = false

    @Option(parsing: .unconditional, help: "STL: seasonal loess window, odd, >= 3.")
    var seasonalWindow: Int = 7

    @Option(parsing: .unconditional, help: "STL: trend loess window, odd, > period.")
    var trendWindow: Int?

    @Option(parsing: .unconditional, help: "STL: low-pass loess window, odd, > period.")
    var lowpassWindow: Int?

    @Option(parsing: .unconditional, help: "STL: inner passes, 1–100 (default 2 robust, 5 otherwise).")
    var inner: Int?

    @Option(parsing: .unconditional, help: "STL: outer robustness passes with --robust, 0–100 (default 15).")
    var outer: Int?

    @Flag(help: "STL: decompose the natural logarithm (values must be positive).")
    var log = false

    @Option(help: "Classical: additive or multiplicative.")
    var model: Model = .additive

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, else csv).")
    var format: OutputFormat?

    @Option(help: "Write to this file atomically instead of standard output.")
    var output: String?

    func validate() throws {
        _ = try parseMeasure(measure)
        _ = try parseFrom(from)
        if let period, period < 2 { throw ValidationError("--period must be at least 2 (found \(period))") }
        // Upper limits far above any use, below the arithmetic's: a period or window longer than a
        // million observations, or thousands of passes, is a typo, not a request.
        if let period, period > 1_000_000 { throw ValidationError("--period must be at most 1000000 (found \(period))") }
        for (name, value) in [("--seasonal-window", seasonalWindow), ("--trend-window", trendWindow ?? 0),
                              ("--lowpass-window", lowpassWindow ?? 0)] where value > 10_000_001 {
            throw ValidationError("\(name) must be at most 10000001 (found \(value))")
        }
        // Passes: STL settles in a few (R's stl() uses 1–2 inner and 0–15 outer). 100 × 100 runs in about 2.5 s on
        // 50 years of monthly data; the former 1000 × 1000 ran for minutes (a million loess passes).
        if let inner, inner > 100 { throw ValidationError("--inner must be at most 100 (found \(inner); STL settles in a few passes)") }
        if let outer, outer > 100 { throw ValidationError("--outer must be at most 100 (found \(outer); STL settles in a few passes)") }
        if method == .classical {
            var stlOnly: [String] = []
            if robust { stlOnly.append("--robust") }
            if seasonalWindow != 7 { stlOnly.append("--seasonal-window") }
            if trendWindow != nil { stlOnly.append("--trend-window") }
            if lowpassWindow != nil { stlOnly.append("--lowpass-window") }
            if inner != nil { stlOnly.append("--inner") }
            if outer != nil { stlOnly.append("--outer") }
            if log { stlOnly.append("--log (use --model multiplicative)") }
            if !stlOnly.isEmpty {
                throw ValidationError("\(stlOnly.joined(separator: ", ")) appl\(stlOnly.count == 1 ? "ies" : "y") to --method stl only")
            }
        } else {
            if model != .additive { throw ValidationError("--model applies to --method classical only (use --log with stl)") }
            if outer != nil && !robust { throw ValidationError("--outer applies with --robust only") }
            if let inner, inner < 1 { throw ValidationError("--inner must be at least 1 (found \(inner))") }
            if let outer, outer < 0 { throw ValidationError("--outer must be ≥ 0 (found \(outer))") }
        }
    }

    func run() throws {
        let format = try resolveFormat(self.format, supported: ComponentReport.formats, output: output,
                                       command: "decompose")
        var (s, document) = try SeriesSelection.single(path: file, name: series, region: region,
                                                       measure: try parseMeasure(measure), from: try parseFrom(from),
                                                       command: "decompose")
        let p = period ?? s.frequency.periodsPerYear
        guard p >= 2 else {
            throw SeriesFailure(source: s.source, label: s.label,
                                message: "an annual series has no seasonal period: pass --period P (P ≥ 2) to decompose it")
        }
        if log { try s.requirePositive(for: "--log") }
        if method == .classical && model == .multiplicative { try s.requirePositive(for: "the multiplicative model") }
        let decomposition: SeasonalDecomposition
        var parameters: [(String, String)] = [("period", String(p))] + (from.map { [("from", $0)] } ?? [])
        do {
            switch method {
            case .stl:
                let stl = STL(period: p, seasonalWindow: seasonalWindow, trendWindow: trendWindow,
                              lowPassWindow: lowpassWindow, robust: robust, innerIterations: inner,
                              outerIterations: outer, transform: log ? .log : .none)
                // The settings first, as for a series long enough (2 periods): a bad option is a usage error even
                // on a short series.
                try stl.validate(count: 2 * p)
                decomposition = try stl.decompose(s.values)
                parameters += [("seasonal_window", String(seasonalWindow)),
                               ("trend_window", String(stl.resolvedTrendWindow)),
                               ("lowpass_window", String(stl.resolvedLowPassWindow)),
                               ("robust", String(robust)), ("inner", String(stl.resolvedInnerIterations)),
                               ("outer", String(stl.resolvedOuterIterations)),
                               ("transform", log ? "log" : "none")]
            case .classical:
                decomposition = try ClassicalDecomposition(period: p, model: model == .additive ? .additive : .multiplicative)
                    .decompose(s.values)
                parameters.append(("model", model.rawValue))
            }
        } catch let error as FilterError {
            if case let .invalidParameter(name, value, constraint) = error,
               let usage = optionError(name: name, value: value, constraint: constraint, period: p) {
                throw usage
            }
            throw located(error, s)
        }
        if let note = cancellationNote(decomposition, series: s) {
            printDiagnostic("note: " + note)
            s.notes.append(note)
        }
        let report = ComponentReport(
            schema: "pace.decompose/1", command: "decompose",
            method: method == .stl ? "STL (Cleveland et al. 1990)" : "classical decomposition (moving averages)",
            parameters: parameters, series: s, source: document.source, inputHash: document.contentHashHex,
            columns: ["value", "trend", "seasonal", "remainder"],
            data: [s.values, decomposition.trend, decomposition.seasonal, decomposition.remainder],
            notes: s.notes + (log ? ["components are on the log scale (value is as read)"] : []))
        let sink = try OutputSink(path: output)
        report.write(format, to: sink)
        try sink.commit()
    }

    /// A note when the additive components dwarf the data somewhere (``SeasonalDecomposition/cancellingIndices(of:factor:)``):
    /// one huge outlier spreads through the loess or moving-average fits, and the components, on its scale, nearly
    /// cancel — the numbers are what the method computes (statsmodels gives the same), but small values can no longer
    /// be read back from them. Names the periods, the largest value and what to do; nil when nothing is flagged.
    func cancellationNote(_ d: SeasonalDecomposition, series s: InputSeries) -> String? {
        let flagged = d.cancellingIndices(of: s.values)
        guard !flagged.isEmpty else { return nil }
        // Runs of consecutive periods, the first few named.
        var runs: [(Int, Int)] = []
        for t in flagged {
            if let last = runs.last, last.1 == t - 1 { runs[runs.count - 1].1 = t } else { runs.append((t, t)) }
        }
        var where_ = runs.prefix(4).map { $0.0 == $0.1 ? "\(s.period(at: $0.0))" : "\(s.period(at: $0.0))–\(s.period(at: $0.1))" }
            .joined(separator: ", ")
        if runs.count > 4 { where_ += ", …" }
        var largest = 0
        for t in s.values.indices where abs(s.values[t]) > abs(s.values[largest]) { largest = t }
        var size = 0.0
        for t in flagged {
            for c in [d.trend[t], d.seasonal[t], d.remainder[t]] where c.isFinite { size = max(size, abs(c)) }
        }
        // Logs and ratios do not spread one value's size: offered where the values allow them (> 0).
        let positive = s.values.allSatisfy { $0 > 0 }
        let remedy = "correct or remove it" + (!positive || log ? "" : method == .stl ? ", or decompose with --log" : ", or use --model multiplicative")
        let scale = log ? "the log of the data" : "the data"
        return "\(s.label): at \(where_) (\(flagged.count) of \(s.count) periods) the components are more than "
            + "10^6 times \(scale) (up to \(humanNumber(size))) and nearly cancel: their sum is the value only up to rounding at "
            + "their size, so small values cannot be read back from them. An outlier spreads through the fits this way "
            + "(the largest value is \(formatNumber(s.values[largest])) at \(s.period(at: largest))): \(remedy)"
    }

    /// A setting STL refused (`FilterError.invalidParameter`, named as in the library) as a usage error naming the
    /// option as typed — or, for a window the user left to its default, the default and what it was derived from.
    /// Nil for a name no option sets.
    func optionError(name: String, value: String, constraint: String, period p: Int) -> ValidationError? {
        let periodText = period == nil ? "the period \(p)" : "--period \(p)"
        switch name {
        case "seasonalWindow":
            return ValidationError("--seasonal-window \(value): must be \(constraint)")
        case "trendWindow" where trendWindow != nil:
            return ValidationError("--trend-window \(value): must be \(constraint)")
        case "trendWindow":
            return ValidationError("the default trend window \(value) (from --seasonal-window \(seasonalWindow) and "
                                   + "\(periodText)) must be \(constraint): pass --trend-window")
        case "lowPassWindow" where lowpassWindow != nil:
            return ValidationError("--lowpass-window \(value): must be \(constraint)")
        case "lowPassWindow":
            return ValidationError("the default low-pass window \(value) (from \(periodText)) must be \(constraint): "
                                   + "pass --lowpass-window")
        case "innerIterations" where inner != nil:
            return ValidationError("--inner \(value): must be \(constraint)")
        case "outerIterations" where outer != nil:
            return ValidationError("--outer \(value): must be \(constraint)")
        case "period" where period != nil:
            return ValidationError("--period \(value): must be \(constraint)")
        case "window":
            // The largest window, over the arithmetic's limit: name the option that set it.
            let typed = [("--seasonal-window", seasonalWindow), ("--trend-window", trendWindow),
                         ("--lowpass-window", lowpassWindow)].first { $0.1.map(String.init) == value }
            return typed.map { ValidationError("\($0.0) \(value): must be \(constraint)") }
        default:
            return nil
        }
    }
}
