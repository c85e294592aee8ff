#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceForecast

extension GapAnalyzer {
    /// The fewest complete years before the as-of year the `model` method fits on (when
    /// the series has them): 10.
    public static let modelHistoryYears = 10

    /// The `model` projection (SPEC §4): automatic ETS (``ETS/select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:)``,
    /// AICc over the admissible models, seasonal period n) fitted to the series' period values,
    /// then `simulationPaths` seeded sample paths of the remaining periods k+1…n.
    ///
    /// - Period values: a flow's level of each period alone (`level`, else the difference of
    ///   consecutive year-to-date values; a combined January–February figure is split evenly
    ///   between the two months); a stock's balances. Growth-only data arrives here as its
    ///   implied index, so the model runs on that index.
    /// - History: the consecutive period values ending at the as-of period (back from period k
    ///   of the as-of year to the first gap), at most those of the as-of year and the
    ///   ``modelHistoryYears`` (or m, if larger) years before it. A state-space model needs
    ///   consecutive periods, so `--exclude-years` does not apply: ETS's exponential weights
    ///   discount old shocks. The cap keeps the fit recent and its cost bounded.
    /// - Each path's year-end value is `YTD_k + Σ simulated remaining periods` (stock: the
    ///   simulated balance of period n). Paths the model flags as invalid (NaN) are left out.
    /// - The point is the median path (as the `trend` method), the bounds are the 10/90% and
    ///   2.5/97.5% path quantiles (linear interpolation between order statistics), P(meet) the
    ///   share of paths at or above the target.
    /// - The generator seed is derived from `seed`, region and indicator, so a row does not
    ///   depend on the other rows, their order or the thread count.
    ///
    /// ETS failures (too short a history, non-finite values) give ``Projection/undefined`` and
    /// a note saying why.
    func modelProjection(_ s: GapSeries, position k: Int, current: Double, stock: Bool,
                         goal: Double, goalStretch: Double, notes: inout [String]) -> Projection {
        let n = s.periodsPerYear
        let year = options.asOf.year
        let years = Swift.max(options.historyYears, GapAnalyzer.modelHistoryYears)
        let history = s.consecutivePeriodValues(throughYear: year, position: k, stock: stock,
                                                limit: years * n + k)
        guard !history.values.isEmpty else {
            notes.append("no model projection: no period value for \(AsOfPeriod.label(year: year, position: k, periodsPerYear: n))")
            return .undefined
        }
        let fit: ETSFit
        do {
            fit = try ETS.select(history.values, period: n, bounds: options.etsBounds).best
        } catch {
            notes.append("no model projection: " + GapAnalyzer.modelFailure(error, history: history, periodsPerYear: n))
            return .undefined
        }
        let start = AsOfPeriod.label(year: history.startYear, position: history.startPosition, periodsPerYear: n)
        notes.append("model: \(fit.specification) on \(history.values.count) periods from \(start)"
            + (history.splitJanuaryFebruary ? " (January–February split evenly)" : ""))
        if options.excludedYears.contains(where: { $0 >= history.startYear && $0 <= year }) {
            notes.append("model: --exclude-years does not apply (ETS needs consecutive periods)")
        }
        let horizon = n - k
        let count = options.simulationPaths
        let seed = SeriesSeed.derive(region: s.region, indicator: s.indicator, seed: options.seed,
                                     salt: 0xD1B5_4A32_D192_ED03)
        var outcomes = GapAnalyzer.simulatedYearEnds(fit, horizon: horizon, count: count, seed: seed,
                                                     current: current, stock: stock)
        guard outcomes.count >= 2 else {
            notes.append("no model projection: \(count - outcomes.count) of \(count) simulated paths were invalid")
            return .undefined
        }
        if outcomes.count < count {
            notes.append("model: \(count - outcomes.count) of \(count) simulated paths invalid and left out")
        }
        return Projection(outcomes: &outcomes, goal: goal, goalStretch: goalStretch)
    }

    /// Why ETS refused the history, naming the period of an offending value (the library's error counts from the
    /// start of the model's window, which the reader of a gap row cannot see).
    static func modelFailure(_ error: ETSError, history: PeriodHistory,
                             periodsPerYear n: Int) -> String {
        func period(_ index: Int) -> String {
            let p = history.startPosition - 1 + index
            return AsOfPeriod.label(year: history.startYear + p / n, position: p % n + 1, periodsPerYear: n)
        }
        switch error {
        case .valueOutOfRange(let index, let value):
            return "the period value of \(period(index)) is \(value), beyond the magnitudes ETS can fit (it squares the errors): "
                + "nonzero values must lie within 1e-150…1e150 in magnitude; rescale the series (e.g. to thousands or billions)"
        case .nonFiniteValue(let index, let value):
            return "the period value of \(period(index)) is \(value.isNaN ? "not a number" : "beyond the range of doubles"); ETS needs finite values"
        case .selectionTooShort(_, _, let count, let constant, let required, let smallest):
            // The history stops at the first gap back from the as-of period, so the series may well be longer: name its span.
            let values = count == 1 ? "1 consecutive period value" : "\(count) consecutive period values"
            let minimum = ETS.constantSeriesMinimumObservations
            let need = constant
                ? "\(minimum) when all are equal" + (required.map { " (\($0) when they vary)" } ?? "")
                : "\(required.map(String.init) ?? "?") (the minimum of its smallest model, \(smallest ?? "?"); \(minimum) when all are equal)"
            return "\(values) up to the as-of period (\(period(0)) to \(period(count - 1))) "
                + (count == 1 ? "is" : "are") + " too few for automatic ETS selection, which needs at least " + need
        default:
            return "\(error)"
        }
    }

    /// The finite year-end values of `count` sample paths of `fit` over the `horizon`
    /// remaining periods: `current + Σ_h y_{n+h}` for a flow, `y_{n+horizon}` for a stock.
    static func simulatedYearEnds(_ fit: ETSFit, horizon: Int, count: Int, seed: UInt64, current: Double,
                                  stock: Bool) -> [Double] {
        let paths = fit.samplePaths(horizon: horizon, count: count, seed: seed)
        var outcomes: [Double] = []
        outcomes.reserveCapacity(count)
        paths.values.withUnsafeBufferPointer { v in
            for p in 0..<count {
                var total = stock ? 0 : current
                for h in 0..<horizon {
                    let x = v[p * horizon + h]
                    if stock { total = x } else { total += x }
                }
                if total.isFinite { outcomes.append(total) }
            }
        }
        return outcomes
    }
}
