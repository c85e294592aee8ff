#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceStatistics

/// The historical shares `YTD_{y,k} / A_y` (stock: `(S_{y,k} − S_{y−1}) / (S_y − S_{y−1})`)
/// over the last m complete years.
struct ShareHistory: Sendable {
    /// How many years the shares come from (m in SPEC §4, possibly fewer than asked).
    var count: Int
    /// τ_seasonal: the arithmetic mean of the shares (NaN when count = 0).
    var meanShare: Double
    /// s: the sample standard deviation (n − 1) of the log shares (NaN when count < 2).
    var logSD: Double
}

/// A year-end projection: the point, 80% and 95% bounds and the probabilities of meeting
/// the target and the stretch (NaN where undefined).
struct Projection: Sendable {
    var point: Double
    var lo80: Double
    var hi80: Double
    var lo95: Double
    var hi95: Double
    var pMeet: Double
    var pMeetStretch: Double

    static let undefined = Projection(point: .nan, lo80: .nan, hi80: .nan, lo95: .nan, hi95: .nan,
                                      pMeet: .nan, pMeetStretch: .nan)
}

extension GapAnalyzer {
    /// The shares of the last m complete years before the as-of year (SPEC §4, seasonal time
    /// account). Walks back from Y−1, leaving out `excludedYears` and years without the two
    /// values it needs, until m years are found; years whose share is not positive are left
    /// out with a note. Fewer than m years → a note; none → τ_seasonal undefined with a note.
    func shareHistory(_ s: GapSeries, position k: Int, stock: Bool, notes: inout [String]) -> ShareHistory {
        let m = options.historyYears
        let n = s.periodsPerYear
        let asOfYear = options.asOf.year
        let excluded = options.excludedYears
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { shares in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: m) { years in
                var count = 0
                var sum = 0.0
                var sumLog = 0.0
                var year = asOfYear - 1
                let earliest = stock ? s.firstYear + 1 : s.firstYear
                while count < m && year >= earliest {
                    defer { year -= 1 }
                    if !excluded.isEmpty && excluded.contains(year) { continue }
                    let share: Double
                    if stock {
                        let start = s.balance(year: year - 1, position: n)
                        let total = s.balance(year: year, position: n) - start
                        share = (s.balance(year: year, position: k) - start) / total
                        if share.isNaN { continue }
                        if !(total > 0) {
                            notes.append("\(year) left out of the seasonal shares: the year's change was \(format(total)) ≤ 0")
                            continue
                        }
                    } else {
                        let total = s.flowYearToDate(year: year, position: n)
                        share = s.flowYearToDate(year: year, position: k) / total
                        if share.isNaN { continue }
                    }
                    guard share > 0, share.isFinite else {
                        notes.append("\(year) left out of the seasonal shares: share \(format(share)) is not positive")
                        continue
                    }
                    shares[count] = share
                    years[count] = year
                    count += 1
                    sum += share
                    sumLog += log(share)
                }
                if count == 0 {
                    notes.append("no complete year before \(asOfYear): seasonal share undefined")
                    return ShareHistory(count: 0, meanShare: .nan, logSD: .nan)
                }
                if count < m || years[count - 1] != asOfYear - m {
                    let list = (0..<count).map { String(years[$0]) }.joined(separator: ", ")
                    notes.append(count < m
                        ? "seasonal shares from \(count) year\(count == 1 ? "" : "s") (\(list)), fewer than the \(m) asked"
                        : "seasonal shares from \(list)")
                }
                let meanLog = sumLog / Double(count)
                var squares = 0.0
                for i in 0..<count {
                    let d = log(shares[i]) - meanLog
                    squares += d * d
                }
                let sd = count >= 2 ? (squares / Double(count - 1)).squareRoot() : .nan
                return ShareHistory(count: count, meanShare: sum / Double(count), logSD: sd)
            }
        }
    }

    /// The `share` projection (SPEC §4): `Â = YTD_k / τ_seasonal`; with
    /// `se = s·sqrt(1 + 1/m)`, the bounds are `YTD_k / exp(log τ ± t_{q,m−1}·se)` (the upper
    /// bound takes the minus sign) and `P(meet) = F_{t,m−1}((log(YTD_k/T) − log τ)/se)`.
    /// For a stock, `YTD_k` is the increase since last year-end and T the planned increase;
    /// the projection is last year-end plus the projected increase. m < 2 → point only (a
    /// note); s = 0 → P is 0 or 1. A planned change ≤ 0 is met with certainty by a positive
    /// projected increase.
    func shareProjection(_ history: ShareHistory, done: Double, base: Double, planned: Double,
                         plannedStretch: Double, notes: inout [String]) -> Projection {
        guard history.count > 0 else {
            notes.append("no projection: no complete year of history")
            return .undefined
        }
        guard done > 0, done.isFinite else {
            notes.append("no projection: the year-to-date \(base == 0 ? "value" : "increase") \(format(done)) is not positive")
            return .undefined
        }
        let tau = history.meanShare
        let logTau = log(tau)
        var p = Projection.undefined
        p.point = base + done / tau
        let m = history.count
        guard m >= 2 else {
            notes.append("one year of history: no interval and no probability")
            return p
        }
        let se = history.logSD * (1 + 1 / Double(m)).squareRoot()
        if se > 0 {
            let q80 = quantile80[m - 1], q95 = quantile95[m - 1]
            p.lo80 = base + done / exp(logTau + q80 * se)
            p.hi80 = base + done / exp(logTau - q80 * se)
            p.lo95 = base + done / exp(logTau + q95 * se)
            p.hi95 = base + done / exp(logTau - q95 * se)
            let t = StudentT(degreesOfFreedom: Double(m - 1))
            func chance(_ plan: Double) -> Double {
                if plan.isNaN { return .nan }
                if plan <= 0 { return 1 }
                return t.cdf((log(done / plan) - logTau) / se)
            }
            p.pMeet = chance(planned)
            p.pMeetStretch = chance(plannedStretch)
        } else {
            p.lo80 = p.point; p.hi80 = p.point; p.lo95 = p.point; p.hi95 = p.point
            p.pMeet = planned.isNaN ? .nan : (done / tau >= planned ? 1 : 0)
            p.pMeetStretch = plannedStretch.isNaN ? .nan : (done / tau >= plannedStretch ? 1 : 0)
        }
        return p
    }
}
