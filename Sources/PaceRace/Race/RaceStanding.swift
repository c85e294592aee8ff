/// One region's line in the league table.
public struct RaceStanding: Sendable, Equatable {
    public var region: String
    /// Composite points: the sum of the indicator points.
    public var points: Double
    /// Composite place (ties share the better place: 1, 2, 2, 4).
    public var rank: Int
    /// One score per scheme entry, in scheme order.
    public var indicators: [IndicatorScore]
    /// Places gained since the previous race (previous rank − rank: positive = moved up);
    /// `nil` without a previous race or when the region was absent from it.
    public var rankChange: Int?
    /// Points behind the region listed just above (`nil` for the first).
    public var gapAhead: Double?
    /// Points ahead of the region listed just below (`nil` for the last).
    public var gapBehind: Double?
    /// Why something is missing or unusual (missing indicator, absent last time, …).
    public var notes: [String]

    public init(region: String, points: Double, rank: Int, indicators: [IndicatorScore],
                rankChange: Int? = nil, gapAhead: Double? = nil, gapBehind: Double? = nil,
                notes: [String] = []) {
        self.region = region
        self.points = points
        self.rank = rank
        self.indicators = indicators
        self.rankChange = rankChange
        self.gapAhead = gapAhead
        self.gapBehind = gapBehind
        self.notes = notes
    }
}
