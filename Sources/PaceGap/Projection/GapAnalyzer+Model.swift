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
            fit = try ETS.select(history.values, period: n).best
        } catch {
            notes.append("no model projection: \(error)")
            return .undefined
        }
        let start = AsOfPeriod.label(year: history.startYear, position: history.startPosition, periodsPerYear: n)
        notes.append("model: \(fit.specification) on \(history.values.count) periods from \(start)"
            + (history.splitJanuaryFebruary ? " (January–February split evenly)" : ""))
        let horizon = n - k
        let count = options.simulationPaths
        let seed = SeededGenerator.fnv1a(s.indicator,
            into: SeededGenerator.fnv1a(s.region + "\u{1F}", into: options.seed ^ 0xD1B5_4A32_D192_ED03))
        let outcomes = GapAnalyzer.simulatedYearEnds(fit, horizon: horizon, count: count, seed: seed,
                                                     current: current, stock: stock)
        guard outcomes.count >= 2 else {
            notes.append("no model projection: \(count - outcomes.count) of \(count) simulated paths were invalid")
            return .undefined
        }
        if outcomes.count < count {
            notes.append("model: \(count - outcomes.count) of \(count) simulated paths invalid and left out")
        }
        return Projection(sortedOutcomes: outcomes, goal: goal, goalStretch: goalStretch)
    }

    /// The sorted finite year-end values of `count` sample paths of `fit` over the `horizon`
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
        outcomes.sort()
        return outcomes
    }
}

extension Projection {
    /// A projection from sorted simulated year-end values: the median as the point, the
    /// 10/90% and 2.5/97.5% quantiles (linear interpolation between order statistics, h =
    /// (N − 1)·q) as the bounds, and P(meet) = share of outcomes ≥ target (NaN target → NaN).
    init(sortedOutcomes outcomes: [Double], goal: Double, goalStretch: Double) {
        let count = outcomes.count
        func quantile(_ q: Double) -> Double {
            let h = Double(count - 1) * q
            let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, count - 1)
            return outcomes[lo] + (h - Double(lo)) * (outcomes[hi] - outcomes[lo])
        }
        func chance(_ t: Double) -> Double {
            if t.isNaN { return .nan }
            // First index with outcome ≥ t (outcomes sorted).
            var lo = 0, hi = count
            while lo < hi { let mid = (lo + hi) / 2; if outcomes[mid] < t { lo = mid + 1 } else { hi = mid } }
            return Double(count - lo) / Double(count)
        }
        self.init(point: quantile(0.5), lo80: quantile(0.10), hi80: quantile(0.90),
                  lo95: quantile(0.025), hi95: quantile(0.975), pMeet: chance(goal), pMeetStretch: chance(goalStretch))
    }
}

/// Consecutive period values of a series ending at an as-of period (the input of the model
/// projection).
struct PeriodHistory: Sendable {
    var values: [Double]
    var startYear: Int
    var startPosition: Int
    /// True when a combined January–February figure was split into two months.
    var splitJanuaryFebruary: Bool
}

extension GapSeries {
    /// The value of period j of year y alone: a stock's balance; a flow's `level`, else the
    /// difference of consecutive year-to-date values (period 1: its year-to-date value).
    /// NaN when unknown.
    func periodValue(year y: Int, position j: Int, stock: Bool) -> Double {
        if stock { return balance(year: y, position: j) }
        let v = value(.level, year: y, position: j)
        if !v.isNaN { return v }
        let ytd = flowYearToDate(year: y, position: j)
        if j == 1 { return ytd }
        return ytd - flowYearToDate(year: y, position: j - 1)
    }

    /// The longest run of known period values ending at position k of `year`, oldest first.
    /// For a monthly flow whose January is missing but whose February year-to-date value is
    /// known (January–February published together), both months get half of that value.
    /// At most `limit` values are taken.
    func consecutivePeriodValues(throughYear year: Int, position k: Int, stock: Bool,
                                 limit: Int = .max) -> PeriodHistory {
        let n = periodsPerYear
        var reversed: [Double] = []
        var y = year, j = k
        var split = false
        var pendingFebruary = Double.nan  // the January half of a split combined figure
        while y >= firstYear && reversed.count < limit {
            var v: Double
            if !pendingFebruary.isNaN {
                v = pendingFebruary
                pendingFebruary = .nan
            } else {
                v = periodValue(year: y, position: j, stock: stock)
                if v.isNaN, !stock, n == 12, j == 2, hasCombinedJanuaryFebruary(year: y) {
                    let combined = flowYearToDate(year: y, position: 2)
                    if !combined.isNaN {
                        v = combined / 2
                        pendingFebruary = combined / 2
                        split = true
                    }
                }
            }
            if !v.isFinite { break }
            reversed.append(v)
            if j == 1 { j = n; y -= 1 } else { j -= 1 }
        }
        // Position after the oldest value taken.
        var startYear = y, startPosition = j + 1
        if startPosition > n { startPosition = 1; startYear += 1 }
        return PeriodHistory(values: reversed.reversed(), startYear: startYear, startPosition: startPosition,
                             splitJanuaryFebruary: split)
    }
}
