import PaceData
import PaceGap
import PaceRace

/// Builds the ``ReportModel``: reads the inputs, runs the gap analysis (and the horse race
/// when a scheme is given, once at the as-of period and once at the period before it for the
/// rank changes), and computes every chart's numbers.
public enum ReportBuilder {
    /// Reads the request's files and builds the model.
    /// - Throws: `InputError` / `CSVError` for unreadable or malformed files, `GapError` for
    ///   invalid options, `RaceError` / `InputError` when the scheme does not fit the rows.
    public static func build(_ request: ReportRequest) throws -> ReportModel {
        let analyzer = try GapAnalyzer(options: request.gap)
        let dataDocument = try CSVDocument.read(path: request.dataPath)
        let targetsDocument = try CSVDocument.read(path: request.targetsPath)
        var inputs = [GapReport.Input(role: "data", source: dataDocument.source, hash: dataDocument.contentHashHex),
                      GapReport.Input(role: "targets", source: targetsDocument.source, hash: targetsDocument.contentHashHex)]
        var metadata = IndicatorMetadata()
        if let kinds = request.kindsPath {
            let document = try CSVDocument.read(path: kinds)
            metadata = try IndicatorMetadata(document: document)
            inputs.append(GapReport.Input(role: "kinds", source: document.source, hash: document.contentHashHex))
        }
        var scheme: RaceScheme?
        if let path = request.schemePath {
            let document = try CSVDocument.read(path: path)
            scheme = try RaceScheme(document: document)
            inputs.append(GapReport.Input(role: "scheme", source: document.source, hash: document.contentHashHex))
        }
        let panel = try GapSeries.panel(from: dataDocument, metadata: metadata)
        let targets = try GapTarget.read(document: targetsDocument)
        let rows = analyzer.analyse(series: panel, targets: targets)
        let report = GapReport(rows: rows, options: request.gap, inputs: inputs, version: request.version)

        var league: LeagueTable?
        if let scheme {
            league = try leagueTable(rows: rows, scheme: scheme, request: request, series: panel, targets: targets)
        }
        return model(report: report, series: panel, league: league, request: request)
    }

    /// The model from a finished gap analysis: `series` are the histories the rows came from.
    public static func model(report: GapReport, series: [GapSeries], league: LeagueTable?,
                             request: ReportRequest) -> ReportModel {
        let rows = report.rows
        var byKey: [SeriesKey: GapSeries] = [:]
        for s in series { byKey[SeriesKey(region: s.region, indicator: s.indicator)] = s }

        var panels: [IndicatorPanel] = []
        var panelIndex: [String: Int] = [:]
        for row in rows where row.type != nil {
            let bar = IndicatorPanel.Bar(region: row.region, timeShare: row.timeShare, taskShare: row.taskShare,
                                         progressPP: row.progressPP, light: row.light)
            if let i = panelIndex[row.indicator] {
                panels[i].bars.append(bar)
            } else {
                panelIndex[row.indicator] = panels.count
                panels.append(IndicatorPanel(indicator: row.indicator, bars: [bar]))
            }
        }

        let targeted = rows.filter { $0.type != nil }
        let limit = max(0, request.chartLimit)
        let charts = targeted.prefix(limit).map { row in
            chart(for: row, series: byKey[SeriesKey(region: row.region, indicator: row.indicator)],
                  historyYears: request.historyYears)
        }

        var parameters = report.parameters
        parameters.append(.init("history_years", String(request.historyYears)))
        parameters.append(.init("trend", "Hodrick-Prescott, lambda \(formatNumber(SeriesChart.trendLambda)), annual values"))
        parameters.append(.init("fan", "the gap projection's 80%/95% intervals; ETS on annual values when it has none"))
        if let league {
            parameters.append(.init("scoring", league.result.scoring.rawValue))
            parameters.append(.init("floor", formatNumber(league.result.floor)))
        }
        let provenance = ReportProvenance(version: report.version, method: report.method.rawValue,
                                          parameters: parameters, inputs: report.inputs)
        return ReportModel(title: request.title, asOf: report.asOf, provenance: provenance, rows: rows,
                           lights: LightSummary(rows: rows), indicators: panels, charts: Array(charts),
                           chartsOmitted: max(0, targeted.count - limit), league: league)
    }

    /// The race on the rows, and on the rows of the period before for the rank changes.
    static func leagueTable(rows: [GapRow], scheme: RaceScheme, request: ReportRequest,
                            series: [GapSeries], targets: [GapTarget]) throws -> LeagueTable {
        let race = try HorseRace(scheme: scheme, scoring: request.scoring, floor: request.floor)
        let current = raceInput(rows, source: "gap rows as of \(request.gap.asOf)")
        var notes: [String] = []
        var previousAsOf: String?
        var previous: RaceInput?
        let asOf = request.gap.asOf
        if asOf.position > 1 {
            var options = request.gap
            options.asOf = AsOfPeriod(year: asOf.year, position: asOf.position - 1, periodsPerYear: asOf.periodsPerYear)
            if let analyzer = try? GapAnalyzer(options: options) {
                let before = analyzer.analyse(series: series, targets: targets)
                let input = raceInput(before, source: "gap rows as of \(options.asOf)")
                if (try? race.run(input)) != nil {
                    previous = input
                    previousAsOf = options.asOf.description
                } else {
                    notes.append("no rank changes: the race could not be run as of \(options.asOf)")
                }
            }
        } else {
            notes.append("no rank changes: \(asOf) is the first period of the year")
        }
        let result = try race.run(current, previous: previous)
        return LeagueTable(result: result, previousAsOf: previousAsOf, notes: notes)
    }

    /// Race rows from gap rows with a target: every numeric SPEC column as a metric.
    static func raceInput(_ rows: [GapRow], source: String) -> RaceInput {
        let columns = GapColumns.numeric
        let raceRows = rows.filter { $0.type != nil }.map { row in
            var metrics: [String: Double] = [:]
            for c in columns {
                if let v = row.number(forColumn: c), v.isFinite { metrics[c] = v }
            }
            return RaceInput.Row(region: row.region, indicator: row.indicator, asOf: row.asOf, metrics: metrics)
        }
        return RaceInput(source: source, columns: Set(columns), rows: raceRows)
    }
}
