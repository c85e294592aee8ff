import PaceGap
import PaceRace

/// Everything a report shows, computed once (SPEC §8): the gap rows and their lights, the
/// time-vs-task panels per indicator, one chart per series (history, trend, forecast fan and
/// target), the league table and the provenance. The HTML and Markdown renderers only format
/// what is here; neither computes a number.
public struct ReportModel: Sendable {
    public var title: String
    /// The as-of period asked for, e.g. `2024Q2`.
    public var asOf: String
    public var provenance: ReportProvenance
    /// The gap rows in the analysis' order (region, indicator).
    public var rows: [GapRow]
    public var lights: LightSummary
    /// One panel per indicator, in order of first appearance.
    public var indicators: [IndicatorPanel]
    /// Charts of the first `chartLimit` series with a target.
    public var charts: [SeriesChart]
    /// How many series with a target were left without a chart by the cap.
    public var chartsOmitted: Int
    /// The league table when a scheme was given.
    public var league: LeagueTable?

    public init(title: String, asOf: String, provenance: ReportProvenance, rows: [GapRow], lights: LightSummary,
                indicators: [IndicatorPanel], charts: [SeriesChart], chartsOmitted: Int, league: LeagueTable?) {
        self.title = title
        self.asOf = asOf
        self.provenance = provenance
        self.rows = rows
        self.lights = lights
        self.indicators = indicators
        self.charts = charts
        self.chartsOmitted = chartsOmitted
        self.league = league
    }

    /// The regions of the rows, in order of first appearance.
    public var regions: [String] {
        var seen: Set<String> = []
        return rows.compactMap { seen.insert($0.region).inserted ? $0.region : nil }
    }
}

/// Counts of the lights and the rows that need attention.
public struct LightSummary: Sendable, Equatable {
    public var green: Int
    public var yellow: Int
    public var red: Int
    /// Rows with a target but no light (e.g. an undefined task share).
    public var unlit: Int
    /// Red rows first, then yellow, each in the analysis' order.
    public var attention: [GapRow]

    public init(rows: [GapRow]) {
        var g = 0, y = 0, r = 0, u = 0
        for row in rows where row.type != nil {
            switch row.light {
            case .green?: g += 1
            case .yellow?: y += 1
            case .red?: r += 1
            case nil: u += 1
            }
        }
        green = g
        yellow = y
        red = r
        unlit = u
        attention = rows.filter { $0.light == .red } + rows.filter { $0.light == .yellow }
    }
}

/// Time share against task share for every region with a target for one indicator.
public struct IndicatorPanel: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var region: String
        /// τ, a fraction.
        public var timeShare: Double?
        /// κ, a fraction.
        public var taskShare: Double?
        /// π, points.
        public var progressPP: Double?
        public var light: Light?
    }

    public var indicator: String
    public var bars: [Bar]
}

/// The provenance block (SPEC §7): tool version, method, parameters, as-of and input hashes.
public struct ReportProvenance: Sendable, Equatable {
    public var version: String
    public var method: String
    /// Named parameters in the order shown: the gap analysis' and the report's own.
    public var parameters: [GapReport.Parameter]
    public var inputs: [GapReport.Input]

    public init(version: String, method: String, parameters: [GapReport.Parameter], inputs: [GapReport.Input]) {
        self.version = version
        self.method = method
        self.parameters = parameters
        self.inputs = inputs
    }
}
