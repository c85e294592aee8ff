#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceStatistics

extension GapAnalyzer {
    /// The row of one series for one target (or for no target: the accounts that do not
    /// need one, and a note). Never fails: every undefined number is `nil` with its reason
    /// in `notes`.
    public func row(for series: GapSeries, target: GapTarget?) -> GapRow {
        let year = options.asOf.year
        var row = GapRow(region: series.region, indicator: series.indicator, year: year,
                         asOf: asOfLabels[0] ?? options.asOf.description, type: target?.type, target: target?.target,
                         stretch: target?.stretch, method: options.method)
        if target == nil { row.notes.append("no target for \(year)") }
        row.notes.append(contentsOf: series.notes)
        let n = series.periodsPerYear
        guard [1, 2, 3, 4, 6, 12].contains(n) else {
            row.notes.append("unsupported frequency: \(n) periods per year")
            return row
        }
        guard let k = options.asOf.position(inYearOf: n) else {
            row.notes.append("as-of \(options.asOf) does not end a period of this \(n == 4 ? "quarterly" : "annual") series")
            return row
        }
        row.asOf = asOfLabels[n] ?? AsOfPeriod.label(year: year, position: k, periodsPerYear: n)
        if series.hasCombinedJanuaryFebruary(year: year) {
            row.notes.append(k == 1
                ? "no January figure: January and February are published together (analyse as of February)"
                : "January–February combined: the February figure covers both months")
        }
        if let target, target.type == .max || target.type == .min {
            judgeBound(&row, series: series, target: target, position: k)
            return row
        }
        switch series.kind {
        case .rate:
            let v = series.boundValue(year: year, position: k)
            row.ytd = v.isNaN ? nil : v
            if target != nil { row.notes.append("a rate takes max or min targets, not \(target!.type.rawValue)") }
            return row
        case .flow:
            var current = series.flowYearToDate(year: year, position: k)
            if current.isNaN {
                let g = series.value(.ytdYoY, year: year, position: k)
                let previous = series.flowYearToDate(year: year - 1, position: k)
                if !g.isNaN && !previous.isNaN {
                    current = previous * (1 + g / 100)
                    row.notes.append("year-to-date value derived from published ytd_yoy and last year's value")
                }
            }
            if current.isNaN {
                // Σ_j last year's period value × (1 + yoy_j/100): the same required growth as
                // SPEC's growth-only formula with last year's weights.
                var sum = 0.0, previous = 0.0
                for j in 1...k {
                    let ytd = series.flowYearToDate(year: year - 1, position: j)
                    let g = series.value(.yoy, year: year, position: j)
                    sum += (ytd - previous) * (1 + g / 100)
                    previous = ytd
                }
                if !sum.isNaN {
                    current = sum
                    row.notes.append("year-to-date value derived from published yoy and last year's period values")
                }
            }
            if !current.isNaN {
                levelAccounts(&row, series: series, target: target, position: k, current: current, stock: false, growthOnly: false)
            } else {
                if let index = impliedIndex(series, year: year, position: k) {
                    growthOnlyFlow(&row, series: series, index: index, target: target, position: k)
                } else {
                    row.notes.append("no value for \(row.asOf)")
                    row.timeShare = finite(timeShare(series: series, position: k, history: nil))
                }
            }
        case .stock:
            let current = series.balance(year: year, position: k)
            if !current.isNaN {
                levelAccounts(&row, series: series, target: target, position: k, current: current, stock: true, growthOnly: false)
            } else {
                growthOnlyStock(&row, series: series, target: target, position: k)
            }
        }
        return row
    }

    /// The implied index of growth-only data that has a value at the as-of period: from
    /// period `yoy` when that reaches it, else from `ytd_yoy`.
    func impliedIndex(_ s: GapSeries, year: Int, position k: Int) -> GapSeries? {
        if let index = s.impliedIndex(), !index.flowYearToDate(year: year, position: k).isNaN { return index }
        if let index = s.impliedIndex(fromYearToDate: true), !index.flowYearToDate(year: year, position: k).isNaN {
            return index
        }
        return nil
    }

    // MARK: - Time account

    /// τ by the chosen basis (SPEC §4): `k/n`, days elapsed / days in year, or the mean
    /// historical share. NaN when undefined.
    func timeShare(series: GapSeries, position k: Int, history: ShareHistory?) -> Double {
        let n = series.periodsPerYear
        switch options.timeBasis {
        case .calendar: return Double(k) / Double(n)
        case .days: return TimeBasis.dayShare(year: options.asOf.year, throughMonth: k * 12 / n)
        case .seasonal: return history?.meanShare ?? .nan
        }
    }

    // MARK: - Flows and stocks with level data

    /// Time, task and progress accounts, growth view, required pace and projection for a
    /// flow (`YTD_k`) or a stock (`S_k`, read as the flow of its increase over last year-end).
    func levelAccounts(_ row: inout GapRow, series s: GapSeries, target: GapTarget?, position k: Int,
                       current: Double, stock: Bool, growthOnly: Bool) {
        let n = s.periodsPerYear
        let year = options.asOf.year
        let lastYear = year - 1
        // Last year's anchors. Flow: A_{Y−1}, YTD_{Y−1,k}. Stock: S_{Y−1} (year-end), S_{Y−1,k}.
        let previousAnnual = stock ? s.balance(year: lastYear, position: n) : s.flowYearToDate(year: lastYear, position: n)
        let previousSame = stock ? s.balance(year: lastYear, position: k) : s.flowYearToDate(year: lastYear, position: k)
        let base = stock ? previousAnnual : 0
        let done = current - base
        if !growthOnly {
            row.ytd = current
            if previousAnnual.isNaN {
                row.notes.append(stock ? "no balance for the end of \(lastYear)" : "no annual total for \(lastYear)")
            }
            if previousSame.isNaN && k < n {
                row.notes.append("no value for \(AsOfPeriod.label(year: lastYear, position: k, periodsPerYear: n))")
            }
        }

        // Time account.
        let history = shareHistory(s, position: k, stock: stock, notes: &row.notes)
        let tau = timeShare(series: s, position: k, history: history)
        row.timeShare = finite(tau)

        // Growth view: G_k published, else computed from the values.
        var growth = stock ? s.value(.yoy, year: year, position: k) : s.value(.ytdYoY, year: year, position: k)
        if growth.isNaN && stock { growth = s.value(.ytdYoY, year: year, position: k) }
        if growth.isNaN && previousSame > 0 { growth = 100 * (current / previousSame - 1) }
        row.ytdGrowth = finite(growth)

        // Target level T (and stretch), planned change, task account.
        let goal = target.map { targetLevel($0.type, $0.target, previousAnnual: previousAnnual) } ?? .nan
        let goalStretch = target.flatMap { t in t.stretch.map { targetLevel(t.type, $0, previousAnnual: previousAnnual) } } ?? .nan
        if let target, target.type == .growth {
            row.growthGapPP = finite(growth - target.target)
        }
        let planned = goal - base
        if target != nil && !goal.isNaN && !growthOnly {
            let remaining = goal - current
            row.remaining = remaining
            if planned > 0 {
                let kappa = done / planned
                row.taskShare = finite(kappa)
                row.progressPP = finite(100 * (kappa - tau))
            } else {
                row.notes.append("task share undefined: the planned \(stock ? "change T − S_\(lastYear)" : "total T") is \(format(planned)) ≤ 0; remaining to target \(format(remaining))")
            }
        }

        // Light: the progress account, else the growth gap.
        if let pp = row.progressPP {
            row.light = options.progressLights.light(for: pp)
        } else if let gap = row.growthGapPP {
            row.light = options.growthLights.light(for: gap)
            if !growthOnly { row.notes.append("light follows the growth gap (no task share)") }
        }

        // Required pace, or the outcome at the last period.
        if target != nil && !goal.isNaN && !growthOnly {
            if k < n {
                let denominator = previousAnnual - previousSame
                if denominator > 0 {
                    let r = 100 * ((goal - current) / denominator - 1)
                    row.requiredGrowth = finite(r)
                    row.accelerationPP = finite(r - growth)
                } else if !denominator.isNaN {
                    row.notes.append("required growth undefined: last year's remaining periods total \(format(denominator)) ≤ 0")
                }
            } else {
                row.notes.append(current >= goal
                    ? "year complete: target met (\(format(current)) ≥ \(format(goal)))"
                    : "year complete: target missed (\(format(current)) < \(format(goal)))")
            }
        }

        // Projection of the year-end value.
        let projection: Projection
        if k == n {
            projection = Projection(point: current, lo80: current, hi80: current, lo95: current, hi95: current,
                                    pMeet: goal.isNaN ? .nan : (current >= goal ? 1 : 0),
                                    pMeetStretch: goalStretch.isNaN ? .nan : (current >= goalStretch ? 1 : 0))
        } else if options.method == .trend {
            projection = trendProjection(s, position: k, current: current, base: base, stock: stock,
                                         goal: goal, goalStretch: goalStretch, notes: &row.notes)
        } else if options.method == .model {
            projection = modelProjection(s, position: k, current: current, stock: stock,
                                         goal: goal, goalStretch: goalStretch, notes: &row.notes)
        } else {
            projection = shareProjection(history, done: done, base: base, planned: planned,
                                         plannedStretch: goalStretch - base, notes: &row.notes)
        }
        row.projected = finite(projection.point)
        row.lo80 = finite(projection.lo80)
        row.hi80 = finite(projection.hi80)
        row.lo95 = finite(projection.lo95)
        row.hi95 = finite(projection.hi95)
        row.pMeet = finite(projection.pMeet)
        row.pMeetStretch = finite(projection.pMeetStretch)
        if previousAnnual > 0 && !projection.point.isNaN {
            row.projectedGrowth = finite(100 * (projection.point / previousAnnual - 1))
        }
    }

    /// T from a target: `growth` g → `A_{Y−1}·(1 + g/100)` (stock: `S_{Y−1}·(1 + g/100)`);
    /// `level` → the value itself.
    @inlinable
    func targetLevel(_ type: TargetType, _ value: Double, previousAnnual: Double) -> Double {
        type == .growth ? previousAnnual * (1 + value / 100) : value
    }

    // MARK: - max / min

    /// `max`/`min` targets, judged on the latest value up to the as-of period: green when
    /// met, red when not (SPEC §4).
    func judgeBound(_ row: inout GapRow, series s: GapSeries, target: GapTarget, position k: Int) {
        let year = options.asOf.year
        var j = k
        var v = s.boundValue(year: year, position: j)
        while v.isNaN && j > 1 {
            j -= 1
            v = s.boundValue(year: year, position: j)
        }
        guard !v.isNaN else {
            row.notes.append("no value in \(year) up to \(row.asOf)")
            return
        }
        if j != k {
            row.notes.append("latest value is \(AsOfPeriod.label(year: year, position: j, periodsPerYear: s.periodsPerYear))")
        }
        row.ytd = v
        let met = target.type == .max ? v <= target.target : v >= target.target
        row.light = met ? .green : .red
        row.notes.append(met ? "met" : "not met")
        if let stretch = target.stretch {
            let metStretch = target.type == .max ? v <= stretch : v >= stretch
            row.notes.append(metStretch ? "stretch met" : "stretch not met")
        }
    }
}

/// A finite value, or `nil` (an empty cell).
@inlinable
func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// A short human rendering of a number for notes (up to 4 decimals, no Foundation).
func format(_ x: Double) -> String {
    guard x.isFinite else { return String(x) }
    if abs(x) >= 1e15 { return String(x) }
    let scaled = (x * 10_000).rounded() / 10_000
    var s = String(scaled)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}
