/// Growth-only data turned into an implied index (SPEC §4, projection): the base year's
/// periods are 100 each (or 100·n·w_j when period weights are given), and each later period is
/// the same period a year earlier times `1 + growth/100`.
extension GapSeries {
    /// The implied year-to-date index of a growth-only flow, as a new series with `ytd`
    /// values covering `firstYear − 1` (the base year) … `lastYear`.
    ///
    /// Period `yoy` builds period levels `L_{y,j} = L_{y−1,j}·(1 + yoy_{y,j}/100)`, cumulated
    /// within each year (the default when `yoy` is given). With `fromYearToDate`, or when only
    /// `ytd_yoy` is given, that drives the index directly:
    /// `YTD_{y,k} = YTD_{y−1,k}·(1 + ytd_yoy_{y,k}/100)`, reproducing the published year-to-date
    /// growth exactly. A missing growth leaves that cell (and the same position in later
    /// years) missing. Returns `nil` when the series has no growth values of the kind used.
    public func impliedIndex(fromYearToDate: Bool = false) -> GapSeries? {
        let n = periodsPerYear
        let hasPeriod = yoy.contains { !$0.isNaN }
        let hasYTD = ytdYoY.contains { !$0.isNaN }
        let useYTD = hasYTD && (fromYearToDate || !hasPeriod)
        guard useYTD || hasPeriod else { return nil }
        var base = [Double](repeating: 100, count: n)
        if let w = periodWeights, w.count == n, w.allSatisfy({ $0 > 0 && $0.isFinite }) {
            let total = w.reduce(0, +)
            for j in 0..<n { base[j] = 100 * Double(n) * w[j] / total }
        }
        var out = GapSeries(region: region, indicator: indicator, periodsPerYear: n, kind: kind,
                            firstYear: firstYear - 1, yearCount: yearCount + 1)
        out.periodWeights = periodWeights
        out.ytdYoY = [Double](repeating: .nan, count: n) + ytdYoY  // published growth kept
        if ytdYoY.isEmpty { out.ytdYoY = [] }
        var ytdIndex = [Double](repeating: .nan, count: (yearCount + 1) * n)
        if useYTD {
            var running = 0.0
            for j in 0..<n { running += base[j]; ytdIndex[j] = running }
            for y in 1...yearCount {
                for j in 0..<n {
                    let g = ytdYoY[(y - 1) * n + j]
                    ytdIndex[y * n + j] = ytdIndex[(y - 1) * n + j] * (1 + g / 100)
                }
            }
        } else {
            var levels = [Double](repeating: .nan, count: (yearCount + 1) * n)
            for j in 0..<n { levels[j] = base[j] }
            for y in 1...yearCount {
                for j in 0..<n {
                    levels[y * n + j] = levels[(y - 1) * n + j] * (1 + yoy[(y - 1) * n + j] / 100)
                }
            }
            for y in 0...yearCount {
                var running = 0.0
                for j in 0..<n {
                    running += levels[y * n + j]
                    ytdIndex[y * n + j] = running
                }
            }
        }
        out.ytd = ytdIndex
        return out
    }
}
