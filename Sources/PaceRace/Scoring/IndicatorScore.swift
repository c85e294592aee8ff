/// One region's result on one scheme indicator.
public struct IndicatorScore: Sendable, Equatable {
    /// The metric value the region was judged on; `nil` when it has none.
    public var value: Double?
    /// 1-based place among the regions with a value (ties share the better place); `nil`
    /// without a value.
    public var rank: Int?
    /// Points earned (0 without a value).
    public var points: Double

    public init(value: Double?, rank: Int?, points: Double) {
        self.value = value
        self.rank = rank
        self.points = points
    }
}
