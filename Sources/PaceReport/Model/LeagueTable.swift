import PaceRace

/// The horse race on the report's gap rows, with rank changes against the previous period.
public struct LeagueTable: Sendable {
    public var result: RaceResult
    /// The as-of period the rank changes compare with, when it could be run.
    public var previousAsOf: String?
    /// Why rank changes are missing, if they are.
    public var notes: [String]
}
