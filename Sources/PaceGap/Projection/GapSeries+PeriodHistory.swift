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
