/// Scores one indicator across regions: competition ranks ("1, 2, 2, 4") and points by a
/// `RaceScoring` method (formulas in `RaceScoring`'s documentation).
public struct IndicatorScorer: Sendable {
    public var scoring: RaceScoring
    public var weight: Double
    public var floor: Double
    public var direction: MetricDirection

    public init(scoring: RaceScoring, weight: Double, floor: Double, direction: MetricDirection) {
        self.scoring = scoring
        self.weight = weight
        self.floor = floor
        self.direction = direction
    }

    /// Competition ranks of `values` (best first, ties share the better place); `nil` for
    /// `nil` values. Values must be finite.
    public func ranks(_ values: [Double?]) -> [Int?] {
        var defined: [(index: Int, value: Double)] = []
        defined.reserveCapacity(values.count)
        for (k, v) in values.enumerated() { if let v { defined.append((k, v)) } }
        let lowerIsBetter = direction == .lower
        defined.sort { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value }
        var ranks = [Int?](repeating: nil, count: values.count)
        for (position, entry) in defined.enumerated() {
            if position > 0 && defined[position - 1].value == entry.value {
                ranks[entry.index] = ranks[defined[position - 1].index]
            } else {
                ranks[entry.index] = position + 1
            }
        }
        return ranks
    }

    /// Ranks and points of every region; regions with a `nil` value get no rank and 0 points.
    public func score(_ values: [Double?]) -> [IndicatorScore] {
        let ranks = ranks(values)
        let present = values.compactMap { $0 }
        let n = present.count
        var scores: [IndicatorScore] = []
        scores.reserveCapacity(values.count)
        switch scoring {
        case .rank:
            for (v, r) in zip(values, ranks) {
                guard let r else { scores.append(IndicatorScore(value: v, rank: nil, points: 0)); continue }
                // w·(1 − (1−f)(r−1)/(N−1)) written as w·(f + (1−f)(N−r)/(N−1)), so that first
                // place earns exactly w and last exactly w·f.
                let points = r == 1 ? weight : weight * (floor + (1 - floor) * Double(n - r) / Double(n - 1))
                scores.append(IndicatorScore(value: v, rank: r, points: points))
            }
        case .minmax:
            let low = present.min() ?? 0
            let high = present.max() ?? 0
            let (best, worst) = direction == .higher ? (high, low) : (low, high)
            for (v, r) in zip(values, ranks) {
                guard let v else { scores.append(IndicatorScore(value: nil, rank: nil, points: 0)); continue }
                let points = v == best ? weight : weight * (floor + (1 - floor) * (v - worst) / (best - worst))
                scores.append(IndicatorScore(value: v, rank: r, points: points))
            }
        case .zscore:
            // Standard scores are scale-free: when the sums over- or underflow (|x| beyond ~1e154 or below
            // ~1e-154), they are taken of x / max|x| instead; otherwise of x itself (bit for bit as before).
            func moments(_ scale: Double) -> (mean: Double, sd: Double) {
                var mean = 0.0
                for x in present { mean += x / scale }
                mean /= Double(max(n, 1))
                var squares = 0.0
                for x in present { squares += (x / scale - mean) * (x / scale - mean) }
                return (mean, n > 1 ? (squares / Double(n - 1)).squareRoot() : 0)
            }
            var scale = 1.0
            var (mean, sd) = moments(scale)
            if !(mean.isFinite && sd.isFinite) || (sd == 0 && present.contains { $0 != present.first }) {
                scale = present.reduce(0) { max($0, abs($1)) }
                (mean, sd) = moments(scale)
            }
            let sign = direction == .higher ? 1.0 : -1.0
            for (v, r) in zip(values, ranks) {
                guard let v else { scores.append(IndicatorScore(value: nil, rank: nil, points: 0)); continue }
                let points = sd > 0 ? weight * sign * (v / scale - mean) / sd : 0
                scores.append(IndicatorScore(value: v, rank: r, points: points))
            }
        }
        return scores
    }
}
