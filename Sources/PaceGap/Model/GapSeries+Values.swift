/// Reading a series the way the gap analysis needs it: year-to-date values of a flow (from
/// `ytd`, or summed from `level`), balances of a stock, latest values of a rate.
extension GapSeries {
    /// YTD_{y,k} of a flow: the published `ytd` value, else the sum of `level` values 1…k.
    /// A monthly series with no January but a February value (the combined January–February
    /// release, SPEC §2) sums from February: its February level covers January–February.
    /// NaN when neither is available.
    @inlinable
    public func flowYearToDate(year: Int, position k: Int) -> Double {
        let v = value(.ytd, year: year, position: k)
        if !v.isNaN || level.isEmpty { return v }
        var sum = 0.0
        for j in 1...Swift.max(k, 1) {
            let l = value(.level, year: year, position: j)
            if l.isNaN {
                if j == 1, periodsPerYear == 12, k >= 2, !value(.level, year: year, position: 2).isNaN { continue }
                return .nan
            }
            sum += l
        }
        return sum
    }

    /// S_{y,k} of a stock: the `stock` value, else the `level` value (a balance given as level).
    @inlinable
    public func balance(year: Int, position k: Int) -> Double {
        let v = value(.stock, year: year, position: k)
        return v.isNaN ? value(.level, year: year, position: k) : v
    }

    /// The value a `max`/`min` target is judged on at position k of `year`: for a rate the
    /// period's value (`level`, else `stock`, else `ytd`), for a stock the balance, for a
    /// flow the year-to-date value.
    @inlinable
    public func boundValue(year: Int, position k: Int) -> Double {
        switch kind {
        case .rate:
            let l = value(.level, year: year, position: k)
            if !l.isNaN { return l }
            let s = value(.stock, year: year, position: k)
            return s.isNaN ? value(.ytd, year: year, position: k) : s
        case .stock: return balance(year: year, position: k)
        case .flow: return flowYearToDate(year: year, position: k)
        }
    }

    /// True when a monthly series has a February value but no January one in `year`
    /// (January–February published together).
    public func hasCombinedJanuaryFebruary(year: Int) -> Bool {
        guard periodsPerYear == 12 else { return false }
        let jan = value(.ytd, year: year, position: 1).isNaN && value(.level, year: year, position: 1).isNaN
        let feb = !value(.ytd, year: year, position: 2).isNaN || !value(.level, year: year, position: 2).isNaN
        return jan && feb
    }

    /// w_j: each period's share of the total of `year − 1`, from its levels (or year-to-date
    /// values); `nil` unless every period of that year is known and positive.
    public func lastYearWeights(year: Int) -> [Double]? {
        let n = periodsPerYear
        let total = flowYearToDate(year: year - 1, position: n)
        guard total > 0 else { return nil }
        var weights: [Double] = []
        weights.reserveCapacity(n)
        var previous = 0.0
        for k in 1...n {
            let ytd = flowYearToDate(year: year - 1, position: k)
            let level = ytd - previous
            guard level > 0 else { return nil }
            weights.append(level / total)
            previous = ytd
        }
        return weights
    }
}
