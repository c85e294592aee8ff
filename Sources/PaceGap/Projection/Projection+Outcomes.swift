import PaceForecast

extension Projection {
    /// A projection from simulated year-end values (no NaN, in any order; reordered): the median as the point,
    /// the 10/90% and 2.5/97.5% quantiles (linear interpolation between order statistics, h = (N − 1)·q) as the
    /// bounds, and P(meet) = share of outcomes ≥ target (NaN target → NaN). The order statistics come from
    /// selection (``OrderStatistics/select(_:_:from:to:depth:)``), exactly those a sort gives, in O(N).
    init(outcomes: inout [Double], goal: Double, goalStretch: Double) {
        let count = outcomes.count
        let probabilities = [0.5, 0.10, 0.90, 0.025, 0.975]
        func indices(_ q: Double) -> (lo: Int, hi: Int, weight: Double) {
            let h = Double(count - 1) * q
            let lo = Int(h.rounded(.down))
            return (lo, Swift.min(lo + 1, count - 1), h - Double(lo))
        }
        var wanted = Set<Int>()
        for q in probabilities { let i = indices(q); wanted.insert(i.lo); wanted.insert(i.hi) }
        let ks = wanted.sorted()
        outcomes.withUnsafeMutableBufferPointer { OrderStatistics.select($0, ks[...], from: 0, to: count, depth: 0) }
        func quantile(_ q: Double) -> Double {
            let i = indices(q)
            return outcomes[i.lo] + i.weight * (outcomes[i.hi] - outcomes[i.lo])
        }
        func chance(_ t: Double) -> Double {
            if t.isNaN { return .nan }
            var met = 0
            for v in outcomes where v >= t { met += 1 }
            return Double(met) / Double(count)
        }
        self.init(point: quantile(0.5), lo80: quantile(0.10), hi80: quantile(0.90),
                  lo95: quantile(0.025), hi95: quantile(0.975), pMeet: chance(goal), pMeetStretch: chance(goalStretch))
    }
}
