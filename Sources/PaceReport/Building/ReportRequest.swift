import PaceData
import PaceGap
import PaceRace

/// What `pace report` is asked for: the input files and the options of the analysis and of
/// the report. ``ReportBuilder/build(_:)`` turns it into a ``ReportModel``.
public struct ReportRequest: Sendable {
    /// Observations CSV (SPEC §2); `nil` or "-" reads standard input.
    public var dataPath: String?
    /// Targets CSV.
    public var targetsPath: String
    /// Optional indicator metadata CSV (`indicator,kind,…`).
    public var kindsPath: String?
    /// Optional horse-race scheme CSV; without it the report has no league table.
    public var schemePath: String?
    public var gap: GapOptions
    public var scoring: RaceScoring
    public var floor: Double
    public var title: String
    /// The most series charted; the rest are counted in a note.
    public var chartLimit: Int
    /// Complete years of history before the as-of year shown in each chart.
    public var historyYears: Int
    /// The tool version written into the provenance block.
    public var version: String

    public init(dataPath: String?, targetsPath: String, kindsPath: String? = nil, schemePath: String? = nil,
                gap: GapOptions, scoring: RaceScoring = .rank, floor: Double = 0.6, title: String? = nil,
                chartLimit: Int = 24, historyYears: Int = 10, version: String = paceVersion) {
        self.dataPath = dataPath
        self.targetsPath = targetsPath
        self.kindsPath = kindsPath
        self.schemePath = schemePath
        self.gap = gap
        self.scoring = scoring
        self.floor = floor
        self.title = title ?? "Target-gap report as of \(gap.asOf)"
        self.chartLimit = chartLimit
        self.historyYears = historyYears
        self.version = version
    }
}
