import PaceData

/// A league table: the standings in order (points descending, then region name) with what
/// produced them.
public struct RaceResult: Sendable {
    public static let schema = "pace.race/1"

    public var scheme: RaceScheme
    public var scoring: RaceScoring
    public var floor: Double
    /// The as-of periods of the rows ranked (normally one).
    public var asOf: [String]
    /// The source of the ranked rows, and of the previous race if any.
    public var source: String
    public var previousSource: String?
    public var standings: [RaceStanding]
    /// The files behind the result with their content hashes (SPEC §7), when the caller knows them: the scheme,
    /// the gap output ranked (or the data and targets it was computed from), and the previous race's.
    public var inputs: [Input] = []

    /// One input file: its role (`scheme`, `gap`, `previous`, `data`, `targets`, …), name and content hash.
    public typealias Input = InputRecord

    public init(scheme: RaceScheme, scoring: RaceScoring, floor: Double, asOf: [String], source: String,
                previousSource: String? = nil, standings: [RaceStanding]) {
        self.scheme = scheme
        self.scoring = scoring
        self.floor = floor
        self.asOf = asOf
        self.source = source
        self.previousSource = previousSource
        self.standings = standings
    }

    /// The standing of `region`, if it took part.
    public func standing(of region: String) -> RaceStanding? {
        standings.first { $0.region == region }
    }
}
