import PaceGap
import PaceRace

extension RaceInput {
    /// The rows of a gap report computed in-process, read as `readGapOutput` reads the same
    /// report written as CSV: per row, the metrics the scheme names for its indicator (every
    /// numeric gap column without a scheme), undefined values left out; every numeric gap
    /// column counts as present.
    init(gapReport report: GapReport, source: String, scheme: RaceScheme?) {
        var wanted: [String: [String]] = [:]
        let rows = report.rows.map { row -> RaceInput.Row in
            let names: [String]
            if let known = wanted[row.indicator] {
                names = known
            } else {
                names = scheme.map { s in s.entries.filter { $0.indicator == row.indicator }.map(\.metric) } ?? GapColumns.numeric
                wanted[row.indicator] = names
            }
            var metrics: [String: Double] = [:]
            for name in names {
                if let v = row.number(forColumn: name) { metrics[name] = v }
            }
            return RaceInput.Row(region: row.region, indicator: row.indicator, asOf: row.asOf, metrics: metrics)
        }
        self.init(source: source, columns: Set(GapColumns.numeric), rows: rows)
    }
}
