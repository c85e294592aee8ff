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
