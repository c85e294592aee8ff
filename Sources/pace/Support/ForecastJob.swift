#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceData
import PaceForecast
import PaceRegression

/// The model `pace forecast --model` asks for, parsed once at the edge.
enum ForecastModelChoice: Sendable, Equatable {
    /// Automatic ETS (`ETS.select`: R's `ets(y)` candidates, model "ZZZ", in statsforecast's smoothing
    /// region), or a pattern with some letters fixed (`ets:MZZ`).
    case etsAutomatic(ETSModelPattern)
    /// One ETS specification, written as R writes it (`ets:MAdM`).
    case ets(code: String)
    /// A trend regression of one shape (with seasonal dummies when m > 1), or chosen by AICc.
    case trend(TrendModel.Shape?)

    /// Parses `auto`, `ets`, `ets:SPEC` (SPEC as `MAdM`, `Z` letters for automatic choice) and
    /// `trend:linear|loglinear|quadratic|auto`.
    init(parsing text: String) throws {
        let lower = text.lowercased()
        if lower == "auto" || lower == "ets" {
            self = .etsAutomatic(.automatic)
            return
        }
        if text.hasPrefix("ets:") || text.hasPrefix("ETS:") {
            let code = String(text.dropFirst(4))
            do {
                let pattern = try ETSModelPattern(parsing: code)
                if pattern.error == nil || pattern.trend == nil || pattern.season == nil {
                    self = .etsAutomatic(pattern)
                } else {
                    _ = try ETSSpecification(parsing: code, period: 2)
                    self = .ets(code: code)
                }
            } catch {
                throw ValidationErrorText("--model \(text): \(error)")
            }
            return
        }
        if lower.hasPrefix("trend:") {
            switch String(lower.dropFirst(6)) {
            case "linear": self = .trend(.linear)
            case "loglinear", "log-linear", "log": self = .trend(.logLinear)
            case "quadratic": self = .trend(.quadratic)
            case "auto": self = .trend(nil)
            default:
                throw ValidationErrorText("--model \(text): unknown trend kind (expected trend:linear, trend:loglinear, trend:quadratic or trend:auto)")
            }
            return
        }
        throw ValidationErrorText("--model \(text): expected auto, ets, ets:SPEC (e.g. ets:MAdM) or trend:linear|loglinear|quadratic|auto")
    }

    /// How the provenance names the method.
    var methodName: String {
        switch self {
        case .etsAutomatic(let p): return p == .automatic ? "ets auto (AICc, R forecast ets ZZZ)" : "ets \(p) (AICc)"
        case .ets(let code): return "ets \(code) (maximum likelihood)"
        case .trend(let shape): return shape.map { "trend \($0.rawValue) (OLS)" } ?? "trend auto (AICc)"
        }
    }

    var isTrend: Bool { if case .trend = self { return true } else { return false } }
    /// Automatic selection among ETS models (`auto`, `ets`, or a pattern such as `ets:ZZN`).
    var isAutomaticETS: Bool { if case .etsAutomatic = self { return true } else { return false } }
}

/// A usage problem found after parsing (turned into ArgumentParser's ValidationError by callers).
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}

/// Settings shared by every series of one `pace forecast` run.
struct ForecastSettings: Sendable {
    var model: ForecastModelChoice
    /// nil: two years of periods.
    var horizon: Int?
    /// Interval levels in percent.
    var levels: [Double]
    var paths: Int
    var seed: UInt64
    /// Parameter region of automatic ETS selection (`--ets-region`).
    var selectionBounds: ETSBounds = .capped
    /// Search effort of automatic ETS selection (`--ets-search`).
    var selectionSearch: ETSSelectionSearch = .screened
    /// Trend models: periods from which a level-shift dummy is 1 (`--break`).
    var breaks: [Period] = []
    /// Trend models: seasonal dummies for m > 1 (`--no-season-dummies` turns them off).
    var seasonDummies = true
    /// The first period used (`--from`), for the provenance.
    var from: Period? = nil
    /// `ytd` series: fit the model to the period levels and cumulate the forecasts back (`--ytd levels`, the
    /// default); false fits the year-to-date values themselves (`--ytd direct`).
    var yearToDateAsLevels = true

    func horizon(for frequency: Frequency) -> Int { horizon ?? 2 * frequency.periodsPerYear }
}

/// The forecast of one series and the fit it came from.
struct SeriesForecast: Sendable {
    var series: InputSeries
    /// "ETS(M,A,M)" or e.g. "Trend(log-linear, seasonal m=4)".
    var model: String
    var method: String
    /// Named parameters (ETS: alpha, beta, gamma, phi with nil for an absent component;
    /// trend: the regression coefficients).
    var parameters: [(String, Double?)]
    /// ETS: l, b, s1…sm of x₀; empty for trend models.
    var initialStates: [(String, Double)]
    /// nil where the likelihood is unbounded: an exact fit (an ETS fit with σ² = 0, e.g. of a constant series — R's
    /// `ets()` reports no likelihood or criteria for one either — or a trend with residuals at rounding level).
    var logLikelihood: Double?
    var aic: Double?
    var aicc: Double?
    var bic: Double?
    var sigma2: Double
    /// "analytical (class 3)", "simulation (5000 paths, seed S)", "regression prediction (t)".
    var intervalMethod: String
    var periods: [Period]
    var mean: [Double]
    /// lower[i][h] at levels[i].
    var lower: [[Double]]
    var upper: [[Double]]
    /// `paths × horizon` simulated values, row-major, when asked for.
    var paths: [Double]?
    var pathCount: Int
    /// True when a `ytd` series was modelled as its period levels and the forecasts (rows and paths) are the
    /// cumulated year-to-date values; the fit then describes the level model and `series` holds the levels.
    var modelledOnLevels = false
}

enum ForecastJob {
    /// The end of every exact-fit note (σ² = 0 or residuals at rounding level).
    static let unboundedLikelihood = "its likelihood is unbounded, so log_likelihood, aic, aicc and bic are not given"

    /// Fits the chosen model to one series and forecasts it. Errors come back as the message
    /// to print (located at the row when about a value).
    static func run(_ series: InputSeries, settings: ForecastSettings) -> Result<SeriesForecast, CommandFailure> {
        do {
            return .success(try forecast(series, settings: settings))
        } catch let error as CommandFailure {
            return .failure(error)
        } catch let error as InputError {
            return .failure(CommandFailure(description: error.description))
        } catch let error as SeriesFailure {
            return .failure(CommandFailure(description: error.description))
        } catch {
            return .failure(CommandFailure(description: SeriesFailure(source: series.source, label: series.label,
                                                                      message: String(describing: error)).description))
        }
    }

    static func forecast(_ series: InputSeries, settings: ForecastSettings) throws -> SeriesForecast {
        let m = series.frequency.periodsPerYear
        let horizon = settings.horizon(for: series.frequency)
        let last = series.period(at: series.count - 1)
        var periods: [Period] = []
        for h in 1...horizon {
            guard let p = last.advanced(by: h) else {
                throw SeriesFailure(source: series.source, label: series.label,
                                    message: "the forecast horizon \(horizon) runs past the year 9999")
            }
            periods.append(p)
        }
        let result: SeriesForecast
        // Annual ytd values are the annual levels: they go through as they are.
        if series.measure == .ytd && settings.yearToDateAsLevels && m > 1 {
            result = try yearToDateForecast(series, settings: settings, period: m, horizon: horizon, periods: periods)
        } else {
            switch settings.model {
            case .etsAutomatic, .ets:
                result = try etsForecast(series, settings: settings, period: m, horizon: horizon, periods: periods)
            case .trend(let shape):
                result = try trendForecast(series, shape: shape, settings: settings, period: m, horizon: horizon,
                                           periods: periods)
            }
        }
        try requireFinite(result, levels: settings.levels)
        return result
    }

    /// Refuses a forecast with a value beyond the range of doubles (a mean, an interval bound or a sample path
    /// that overflowed, e.g. a multiplicative model's variance over a long horizon, or the exp of a log-linear
    /// bound): it would print as an empty cell or `null` with nothing saying why. Names the first period and the
    /// horizon that stays finite.
    static func requireFinite(_ f: SeriesForecast, levels: [Double]) throws {
        let horizon = f.periods.count
        for h in 0..<horizon {
            // What overflowed, and the advice: a shorter horizon (if one stays finite), and where only a path did —
            // one draw far in the tail (Student t with few degrees of freedom, or a product of multiplicative shocks)
            // while the intervals are finite — fewer paths.
            let what: String, fewerPaths: String
            if !f.mean[h].isFinite {
                (what, fewerPaths) = ("the mean", "")
            } else if let i = levels.indices.first(where: { !(f.lower[$0][h].isFinite && f.upper[$0][h].isFinite) }) {
                (what, fewerPaths) = ("the \(formatNumber(levels[i]))% interval", "")
            } else if let paths = f.paths, (0..<f.pathCount).contains(where: { !paths[$0 * horizon + h].isFinite }) {
                (what, fewerPaths) = ("a simulated sample path", "fewer --paths, ")
            } else {
                continue
            }
            let advice = h > 0 ? "; use \(fewerPaths)--horizon \(h) or less" + (fewerPaths.isEmpty ? "" : ", or another model")
                : "; " + (fewerPaths.isEmpty ? "" : "use \(fewerPaths)") + "rescale the series or choose another model"
            throw SeriesFailure(source: f.series.source, label: f.series.label,
                                message: "the forecast of \(f.model) overflows at \(f.periods[h]) (step \(h + 1)): \(what) goes "
                                    + "beyond the largest number a double holds (1.8e308)" + advice)
        }
    }

    /// Maps an ETS error to a located message where it is about one value.
    static func located(_ error: ETSError, _ series: InputSeries) -> Error {
        switch error {
        case .nonPositiveValue(let model, let index, _):
            return series.error(at: index, problem: "\(model) has a multiplicative component and needs values > 0",
                                expected: "a positive value (or an additive model, e.g. --model ets:AAA)")
        case .nonFiniteValue(let index, _):
            return series.error(at: index, problem: "not a finite number", expected: "a finite number")
        case .valueOutOfRange(let index, _):
            return series.error(at: index, problem: "beyond the magnitudes ETS can fit (its likelihood squares the errors)",
                                expected: "0 or a magnitude within 1e-150…1e150 (rescale the series, e.g. to thousands or billions)")
        default:
            return SeriesFailure(source: series.source, label: series.label, message: error.description)
        }
    }

    /// Runs an ETS call, turning its typed error into a located one.
    static func checked<T>(_ series: InputSeries, _ body: () throws(ETSError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw located(error, series)
        }
    }

    /// Automatic selection refused a series too short for every candidate: the fewest observations that would do
    /// (a constant series is fitted from ``ETS/constantSeriesMinimumObservations`` on, one that varies from the minimum
    /// of the smallest candidate), and what fits fewer: a smaller pattern, a trend model (each with its own minimum).
    static func selectionTooShortMessage(pattern: ETSModelPattern, period m: Int, count: Int, constant: Bool,
                                         required: Int?, smallestModel: String?) -> String {
        let what = pattern == .automatic ? "automatic ETS selection (--model auto)" : "automatic ETS selection with --model ets:\(pattern)"
        let constantMinimum = ETS.constantSeriesMinimumObservations
        let smallest = "the minimum of its smallest model, \(smallestModel ?? "?")"
        var text: String
        switch (constant, required) {
        case (true, let required?):
            text = "\(what) needs at least \(constantMinimum) observations of a constant series (\(required) if the values vary: \(smallest))"
        case (true, nil):
            text = "\(what) needs at least \(constantMinimum) observations of a constant series (no model of the pattern fits a series that varies here)"
        case (false, let required):
            text = "\(what) needs at least \(required.map(String.init) ?? "?") observations (\(smallest); \(constantMinimum) if every value is the same)"
        }
        var options = ["add data"]
        // ETS(A,N,N), automatic selection's smallest model, when the pattern left it out and the series is long enough for it.
        if let simplest = ETS.selectionMinimumObservations(period: m), (required ?? .max) > simplest.observations,
           count >= simplest.observations {
            options.append("use a smaller model (--model auto or ets:ANN, from \(simplest.observations) observations)")
        }
        // TrendModel.fit's minimum: more observations than coefficients (the regressors and the intercept).
        let trendMinimum = TrendModel(shape: .linear, seasonalPeriod: m > 1 ? m : nil).regressorNames.count + 2
        options.append("use a trend model (--model trend:linear, from \(trendMinimum) observations"
                       + (m > 1 ? ", or \(TrendModel(shape: .linear).regressorNames.count + 2) with --no-season-dummies)" : ")"))
        return text + ", found \(count): " + options.dropLast().joined(separator: ", ") + ", or " + options.last!
    }

    /// `cumulation`: `series` holds the period levels of a `ytd` series; the forecasts (rows and paths) are
    /// cumulated to year-to-date values by that plan.
    static func etsForecast(_ series: InputSeries, settings: ForecastSettings, period m: Int, horizon: Int,
                            periods: [Period], cumulation: CumulationPlan? = nil) throws -> SeriesForecast {
        let y = series.values
        let fit: ETSFit
        switch settings.model {
        case .ets(let code):
            if m < 2, let season = try? ETSModelPattern(parsing: code).season, season != .none {
                throw SeriesFailure(source: series.source, label: series.label,
                                    message: "ets:\(code) has a seasonal component, but the series is \(series.frequency) (no seasonal period); use a model without season, e.g. ets:AAN")
            }
            let spec = try checked(series) { () throws(ETSError) in try ETSSpecification(parsing: code, period: m) }
            if spec.needsPositiveData {
                try series.requirePositive(for: "\(spec) (multiplicative component)")
            }
            fit = try checked(series) { () throws(ETSError) in try ETS.fit(y, specification: spec) }
        case .etsAutomatic(let pattern):
            if m < 2, let season = pattern.season, season != .none {
                throw SeriesFailure(source: series.source, label: series.label,
                                    message: "ets:\(pattern) asks for a seasonal component, but the series is \(series.frequency) (no seasonal period); use N or Z for the season, e.g. ets:ZZN")
            }
            if pattern.error == .multiplicative || pattern.trend == .multiplicative || pattern.season == .multiplicative {
                try series.requirePositive(for: "ETS \(pattern) (multiplicative component)")
            }
            do {
                fit = try ETS.select(y, period: m, pattern: pattern, bounds: settings.selectionBounds,
                                     search: settings.selectionSearch).best
            } catch {
                if case .selectionTooShort(_, _, let count, let constant, let required, let smallest) = error {
                    throw SeriesFailure(source: series.source, label: series.label,
                                        message: selectionTooShortMessage(pattern: pattern, period: m, count: count, constant: constant,
                                                                          required: required, smallestModel: smallest))
                }
                throw located(error, series)
            }
        case .trend(let shape):
            return try trendForecast(series, shape: shape, settings: settings, period: m, horizon: horizon,
                                     periods: periods, cumulation: cumulation)
        }
        let mean: [Double], lower: [[Double]], upper: [[Double]]
        let intervalMethod: String
        var paths: [Double]? = nil
        if let plan = cumulation {
            let forecast = try checked(series) { () throws(ETSError) in
                try fit.cumulativeForecast(plan, levels: settings.levels, simulationPaths: 5000, seed: settings.seed)
            }
            (mean, lower, upper) = (forecast.mean, forecast.lower, forecast.upper)
            switch forecast.method {
            case .analytical: intervalMethod = "analytical (class 1) of the year-to-date sums"
            case .simulation(let n, let seed): intervalMethod = "simulation (\(n) paths, seed \(seed)) of the levels, cumulated"
            }
            if settings.paths > 0 {
                paths = fit.cumulativeSamplePaths(plan, count: settings.paths, seed: settings.seed).values
            }
        } else {
            let forecast = try checked(series) { () throws(ETSError) in
                try fit.forecast(horizon: horizon, levels: settings.levels, simulationPaths: 5000, seed: settings.seed)
            }
            (mean, lower, upper) = (forecast.mean, forecast.lower, forecast.upper)
            switch forecast.method {
            case .analytical(let cls): intervalMethod = "analytical (class \(cls))"
            case .simulation(let n, let seed): intervalMethod = "simulation (\(n) paths, seed \(seed))"
            }
            if settings.paths > 0 {
                paths = fit.samplePaths(horizon: horizon, count: settings.paths, seed: settings.seed).values
            }
        }
        let p = fit.parameters
        var states: [(String, Double)] = [("l", p.initialLevel)]
        if let b = p.initialTrend { states.append(("b", b)) }
        for (i, s) in p.initialSeasonal.enumerated() { states.append(("s\(i + 1)", s)) }
        // σ² = 0: a constant series, or a model that reproduces the data exactly (an exactly linear series
        // under ETS(M,A,N), an exactly periodic one under ETS(A,N,A)). The likelihood is unbounded; the
        // library's values are R's clamp (lik ≥ −10¹⁰), not information, so none is reported and a note says
        // why — naming the case, since the fitted model need not be ETS(A,N,N) nor the series constant.
        let constant = fit.isConstantSeriesFit
        var series = series
        if constant {
            let model = fit.specification.description
            if let first = y.first, y.allSatisfy({ $0 == first }) {
                series.notes.append("\(series.label): the series is constant; \(model) with σ² = 0 forecasts the constant with "
                                    + "zero-width intervals, and " + unboundedLikelihood)
            } else {
                series.notes.append("\(series.label): \(model) fits the series exactly (σ² = 0), so its intervals have zero width "
                                    + "and " + unboundedLikelihood)
            }
        }
        return SeriesForecast(
            series: series, model: fit.specification.description, method: "ets",
            parameters: [("alpha", p.alpha), ("beta", p.beta), ("gamma", p.gamma), ("phi", p.phi)],
            initialStates: states, logLikelihood: constant ? nil : fit.logLikelihood, aic: constant ? nil : fit.aic,
            aicc: constant ? nil : fit.aicc, bic: constant ? nil : fit.bic,
            sigma2: fit.sigma2, intervalMethod: intervalMethod, periods: periods, mean: mean,
            lower: lower, upper: upper, paths: paths, pathCount: settings.paths, modelledOnLevels: cumulation != nil)
    }

    static func trendForecast(_ series: InputSeries, shape: TrendModel.Shape?, settings: ForecastSettings,
                              period m: Int, horizon: Int, periods: [Period],
                              cumulation: CumulationPlan? = nil) throws -> SeriesForecast {
        let y = series.values
        let seasonal = m > 1 && settings.seasonDummies ? m : nil
        let offset = series.start.position - 1
        let breaks = try breakIndices(series, settings.breaks)
        // The regression names a break dummy by its row ("break@11"); reports name it by its period ("break@2020Q1").
        var breakNames: [String: String] = [:]
        for b in breaks { breakNames["break@\(b)"] = "break@\(series.period(at: b))" }
        let fit: TrendFit
        do {
            if let shape {
                if shape == .logLinear { try series.requirePositive(for: "the log-linear trend") }
                fit = try TrendModel(shape: shape, seasonalPeriod: seasonal, seasonOffset: offset, breaks: breaks).fit(y)
            } else {
                // The library's own limit (TrendModel.minimumSelectionCount), worded with the option that works instead.
                guard y.count >= TrendModel.minimumSelectionCount else {
                    throw SeriesFailure(source: series.source, label: series.label,
                                        message: "trend:auto ranks the trend models by AICc, which needs at least \(TrendModel.minimumSelectionCount) observations "
                                            + "(the linear trend's 2 coefficients and σ, plus 2), found \(y.count); "
                                            + "fit one shape instead, e.g. --model trend:linear")
                }
                fit = try TrendModel.select(y, seasonalPeriod: seasonal, seasonOffset: offset, breaks: breaks).best
            }
        } catch RegressionError.outOfRange(column: "y", let row, _) {
            throw series.error(at: row - 1, problem: "beyond the magnitudes least squares can fit (it squares the residuals)",
                               expected: "0 or a magnitude within 1e-150…1e150 (rescale the series, or use trend:loglinear)")
        } catch let error as RegressionError {
            var text = "\(error)"
            for (row, period) in breakNames { text = text.replacing("'\(row)'", with: "'\(period)'") }
            throw SeriesFailure(source: series.source, label: series.label, message: "the trend regression cannot be fitted: \(text)"
                                + (breaks.isEmpty ? "" : " (a break can make the dummies collinear)"))
        } catch let error as FilterError {
            if case .nonPositive(let index, _, let method) = error {
                throw series.error(at: index, problem: "\(method) needs values > 0", expected: "a positive value")
            }
            throw SeriesFailure(source: series.source, label: series.label, message: error.description)
        }
        var mean: [Double] = []
        var lower: [[Double]] = [], upper: [[Double]] = []
        var cumulatedMethod: String? = nil
        if let plan = cumulation {
            let f = try fit.cumulativeForecast(plan, levels: settings.levels, simulationPaths: 5000, seed: settings.seed)
            (mean, lower, upper) = (f.mean, f.lower, f.upper)
            switch f.method {
            case .analytical: cumulatedMethod = "regression prediction intervals (Student t) of the year-to-date sums"
            case .simulation(let n, let seed):
                cumulatedMethod = "simulation (\(n) paths, seed \(seed)) of the joint Student t prediction of the log levels, "
                    + "exp and cumulated; mean is the median"
            }
        } else {
            for level in settings.levels {
                let f = try fit.forecast(horizon: horizon, level: level / 100)
                mean = f.map(\.point)
                lower.append(f.map(\.lower))
                upper.append(f.map(\.upper))
            }
            if settings.levels.isEmpty { mean = try fit.forecast(horizon: horizon).map(\.point) }
        }
        // Draws from the predictive distribution the intervals come from (joint Student t of the regression
        // prediction, exp for log-linear), cumulated within each year for a ytd series as its rows are.
        var paths: [Double]? = nil
        if settings.paths > 0 {
            paths = cumulation.map { fit.cumulativeSamplePaths($0, count: settings.paths, seed: settings.seed) }
                ?? fit.samplePaths(horizon: horizon, count: settings.paths, seed: settings.seed)
        }
        let regression = fit.regression
        let n = Double(fit.observationCount)
        let p = Double(regression.k + 1)
        let model = fit.model
        var name = "Trend(\(model.shape.rawValue)"
        if let s = model.seasonalPeriod { name += ", seasonal m=\(s)" }
        for b in model.breaks { name += ", break \(series.period(at: b))" }
        name += ")"
        let exact = fit.isExactFit
        var series = series
        if !exact && !fit.aicc.isFinite {
            series.notes.append("\(series.label): AICc is not defined for \(fit.observationCount) observations and \(regression.k + 1) "
                                + "parameters (it needs more observations than parameters + 1), so aicc is not given")
        }
        if exact {
            series.notes.append("\(series.label): the trend fits the data exactly (residuals at the level of rounding), its "
                                + "intervals have (nearly) zero width, and " + unboundedLikelihood)
        }
        return SeriesForecast(
            series: series, model: name, method: "trend",
            parameters: regression.coefficients.map { (breakNames[$0.name] ?? $0.name, $0.estimate) }, initialStates: [],
            logLikelihood: exact ? nil : fit.logLikelihood, aic: exact ? nil : fit.aic, aicc: exact ? nil : fit.aicc,
            bic: exact ? nil : -2 * fit.logLikelihood + p * log(n), sigma2: regression.sigma * regression.sigma,
            intervalMethod: cumulatedMethod
                ?? "regression prediction intervals (Student t)" + (model.shape == .logLinear ? ", exp of log scale; mean is the median" : ""),
            periods: periods, mean: mean, lower: lower, upper: upper, paths: paths, pathCount: settings.paths,
            modelledOnLevels: cumulation != nil)
    }
}

extension ForecastJob {
    /// The 0-based indices of the `--break` periods in `series`: each must have the series' frequency and
    /// leave data on both sides (a shift from the first value on would duplicate the intercept).
    static func breakIndices(_ series: InputSeries, _ periods: [Period]) throws -> [Int] {
        var indices: [Int] = [], given: [Period] = []
        for p in periods {
            let at = try breakPeriod(p, in: series)
            let shown = at == p ? "\(p)" : "\(p) (\(at) of this \(series.frequency) series)"
            let index = series.start.distance(to: at)
            guard index >= 1 && index < series.count else {
                throw SeriesFailure(source: series.source, label: series.label,
                                    message: "--break \(shown) must lie after \(series.start) and no later than "
                                        + "\(series.period(at: series.count - 1)) (a break needs observations before it and from it on)")
            }
            if let k = indices.firstIndex(of: index) {
                throw SeriesFailure(source: series.source, label: series.label,
                                    message: "--break \(given[k]) and \(p) are the same period, \(at), of this \(series.frequency) series: give it once")
            }
            indices.append(index)
            given.append(p)
        }
        return indices
    }

    /// The series period a `--break` starts, as `--from` reads a period of another frequency: from the month `p` starts
    /// in (2020Q2 on a monthly series is 2020-04; 2020-04 on a quarterly one 2020Q2; 2020 is its first quarter or
    /// month). A `p` starting inside a period of the series (2020-02 on a quarterly series, 2020Q2 on an annual one)
    /// names no level shift of it: refused, naming the series, its frequency and the periods around.
    static func breakPeriod(_ p: Period, in series: InputSeries) throws -> Period {
        let frequency = series.frequency
        let inside: Period
        switch p.start(in: frequency) {
        case .starts(let at): return at
        case .inside(let period): inside = period
        }
        let around = [inside, inside.next].compactMap { $0?.description }.joined(separator: " or ")
        let noun = frequency == .annual ? "year" : "quarter"   // a monthly series takes every period: each starts a month
        throw SeriesFailure(source: series.source, label: series.label,
                            message: "--break \(p) starts inside \(inside) of this \(frequency) series: a break must start a "
                                + "\(noun) (e.g. \(around))")
    }
}

/// The message of a failed job, as it will be printed after `pace: `.
struct CommandFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}

extension ForecastJob {
    /// A `ytd` series (`--ytd levels`, the default): the model is fitted to the period levels — each period's
    /// year-to-date value minus the previous period's within the year, the year's first period its own — and
    /// the level forecasts are cumulated back to year-to-date values within each year (``CumulationPlan``), as
    /// `pace gap --method model` does. The cumulative values themselves carry a within-year sawtooth and errors that
    /// add up over the year; on the bundled national monthly data (six ytd indicators, 2015–2022, 480 forecast
    /// origins) the year-end forecasts of the level model are off by 3.1% on average against 5.6% for ETS on the
    /// ytd values. Sub-annual series only (annual ytd values are the annual levels).
    static func yearToDateForecast(_ series: InputSeries, settings: ForecastSettings, period m: Int, horizon: Int,
                                   periods: [Period]) throws -> SeriesForecast {
        let n = series.frequency.periodsPerYear
        // A first value after the year's first period has no level of its own (the periods before it are not
        // in the series); it only anchors the next level.
        let drop = series.start.position == 1 ? 0 : 1
        guard series.count > drop else {
            throw SeriesFailure(source: series.source, label: series.label,
                                message: "a single year-to-date value in mid-year (\(series.start)) gives no period level to model; "
                                    + "give more periods, or use --ytd direct")
        }
        var levels = series
        levels.start = series.period(at: drop)
        levels.values = (drop..<series.count).map { i in
            series.period(at: i).position == 1 ? series.values[i] : series.values[i] - series.values[i - 1]
        }
        levels.lines = Array(series.lines.dropFirst(drop))
        levels.valueDescription = "period level (its year-to-date value minus the previous period's)"
        levels.notes.append("\(series.label): modelled as period levels (each period's year-to-date value minus the previous "
                            + "period's within the year) and the forecasts cumulated back to year-to-date values within each year"
                            + (drop == 1 ? "; the first value (\(series.start), mid-year) only anchors the next period's level" : "")
                            + " (--ytd direct models the year-to-date values themselves)")
        let plan = CumulationPlan(lastYearToDate: series.values[series.count - 1],
                                  lastPosition: series.period(at: series.count - 1).position, periodsPerYear: n,
                                  horizon: horizon)
        switch settings.model {
        case .etsAutomatic, .ets:
            return try etsForecast(levels, settings: settings, period: m, horizon: horizon, periods: periods, cumulation: plan)
        case .trend(let shape):
            return try trendForecast(levels, shape: shape, settings: settings, period: m, horizon: horizon, periods: periods,
                                     cumulation: plan)
        }
    }
}
