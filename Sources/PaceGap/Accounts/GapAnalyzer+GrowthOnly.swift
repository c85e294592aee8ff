/// Growth-only data (SPEC §4): only `yoy` / `ytd_yoy` are published.
extension GapAnalyzer {
    /// A growth-only flow: the accounts are computed on the implied index, then reported as
    /// growth — no task share (the light follows the growth gap), required growth from
    /// `r = (g − G_k·W_k) / (1 − W_k)` with `periodWeights`, else equal weights (and the notes
    /// say so), projected growth and its bounds in % over last year. (When last year's levels
    /// are known the series is not growth-only: its year-to-date value is derived from them
    /// and the growth, which gives the same r as this formula with last year's weights.)
    func growthOnlyFlow(_ row: inout GapRow, series: GapSeries, index: GapSeries, target: GapTarget?, position k: Int) {
        let n = series.periodsPerYear
        var indexTarget = target
        if let t = target, t.type == .level {
            row.notes.append("a level target needs level data; this series has growth data only")
            indexTarget = nil
        }
        row.notes.append("growth data only: implied index (\(index.firstYear) = 100 per period\(series.periodWeights == nil ? "" : ", weighted")); no task share; bounds are annual growth in %")
        let current = index.flowYearToDate(year: options.asOf.year, position: k)
        levelAccounts(&row, series: index, target: indexTarget, position: k, current: current, stock: false, growthOnly: true)
        let previousAnnual = index.flowYearToDate(year: options.asOf.year - 1, position: n)
        func asGrowth(_ v: Double?) -> Double? { v.flatMap { finite(100 * ($0 / previousAnnual - 1)) } }
        row.lo80 = asGrowth(row.lo80)
        row.hi80 = asGrowth(row.hi80)
        row.lo95 = asGrowth(row.lo95)
        row.hi95 = asGrowth(row.hi95)
        row.projected = nil
        guard let indexTarget, indexTarget.type == .growth, let growth = row.ytdGrowth else { return }
        let g = indexTarget.target
        if k < n {
            var weights = [Double](repeating: 1 / Double(n), count: n)
            if let w = series.periodWeights, w.count == n, w.allSatisfy({ $0 > 0 && $0.isFinite }) {
                let total = w.reduce(0, +)
                weights = w.map { $0 / total }
            } else {
                row.notes.append("required growth assumes equal period weights (no weights given)")
            }
            var cumulative = 0.0
            for j in 0..<k { cumulative += weights[j] }
            let r = (g - growth * cumulative) / (1 - cumulative)
            row.requiredGrowth = finite(r)
            row.accelerationPP = finite(r - growth)
        } else {
            row.notes.append(growth >= g
                ? "year complete: target met (growth \(format(growth)) ≥ \(format(g)))"
                : "year complete: target missed (growth \(format(growth)) < \(format(g)))")
        }
    }

    /// A growth-only stock: the year-to-date growth of the balance, the growth gap and its
    /// light; at year end the outcome. No task share, required pace or projection.
    func growthOnlyStock(_ row: inout GapRow, series s: GapSeries, target: GapTarget?, position k: Int) {
        let year = options.asOf.year
        var growth = s.value(.yoy, year: year, position: k)
        if growth.isNaN { growth = s.value(.ytdYoY, year: year, position: k) }
        guard !growth.isNaN else {
            row.notes.append("no value for \(row.asOf)")
            return
        }
        row.notes.append("growth data only (stock): no task share, required pace or projection")
        row.ytdGrowth = growth
        row.timeShare = options.timeBasis == .seasonal ? nil : finite(timeShare(series: s, position: k, history: nil))
        guard let target else { return }
        guard target.type == .growth else {
            row.notes.append("a level target needs level data; this series has growth data only")
            return
        }
        let gap = growth - target.target
        row.growthGapPP = gap
        row.light = options.growthLights.light(for: gap)
        if k == s.periodsPerYear {
            row.notes.append(growth >= target.target ? "year complete: target met" : "year complete: target missed")
            row.pMeet = growth >= target.target ? 1 : 0
            if let stretch = target.stretch { row.pMeetStretch = growth >= stretch ? 1 : 0 }
        }
    }
}
