/// One row of the gap analysis (SPEC §4, output): one target of one region × indicator at
/// the as-of period, or a region × indicator without target, or a target without data.
///
/// `nil` means undefined (an empty cell); the reason is in `notes`. Shares are fractions,
/// growth and points are in %.
public struct GapRow: Sendable, Equatable {
    public var region: String
    public var indicator: String
    public var year: Int
    /// The as-of period in the series' own frequency, e.g. `2024Q2`.
    public var asOf: String
    /// `nil` for a series that has no target.
    public var type: TargetType?
    public var target: Double?
    public var stretch: Double?
    /// YTD_k for a flow, S_k for a stock, the latest value for `max`/`min` targets.
    public var ytd: Double?
    /// τ, the time account (fraction).
    public var timeShare: Double?
    /// κ, the task account (fraction).
    public var taskShare: Double?
    /// π = 100·(κ − τ), points.
    public var progressPP: Double?
    public var light: Light?
    /// G_k, year-to-date growth in %.
    public var ytdGrowth: Double?
    /// G_k − g, points (growth targets).
    public var growthGapPP: Double?
    /// r, the growth the remaining periods need over the same periods last year, in %.
    public var requiredGrowth: Double?
    /// r − G_k, points.
    public var accelerationPP: Double?
    /// The projected year-end value (annual total, or year-end balance).
    public var projected: Double?
    /// Projected annual growth over last year, in %.
    public var projectedGrowth: Double?
    public var lo80: Double?
    public var hi80: Double?
    public var lo95: Double?
    public var hi95: Double?
    /// Probability that the year-end value meets the target.
    public var pMeet: Double?
    /// Probability that the year-end value meets the stretch target.
    public var pMeetStretch: Double?
    public var method: ProjectionMethod
    /// R: what remains to be done, T − YTD_k (stock: T − S_k). Not a SPEC output column; it
    /// is also written into `notes` when the task share is undefined.
    public var remaining: Double?
    public var notes: [String]

    public init(region: String, indicator: String, year: Int, asOf: String, type: TargetType? = nil,
                target: Double? = nil, stretch: Double? = nil, method: ProjectionMethod) {
        self.region = region
        self.indicator = indicator
        self.year = year
        self.asOf = asOf
        self.type = type
        self.target = target
        self.stretch = stretch
        self.method = method
        self.notes = []
    }
}
