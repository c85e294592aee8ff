import Foundation
@testable import PaceGap

/// The repository root, found by walking up from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture under Tests/Fixtures/gap/.
func gapFixture(_ name: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/gap/\(name)"), encoding: .utf8)
}

/// Rows of a simple comma-separated file (no quoting) as dictionaries keyed by header.
func readSimpleCSV(_ text: String) -> [[String: String]] {
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (i, h) in header.enumerated() where i < cells.count { row[h] = cells[i] }
        return row
    }
}

/// Builds quarterly ytd series from gen_panel.py's long CSV (test-only reader).
func quarterlyPanel(_ text: String) -> [GapSeries] {
    var order: [String] = []
    var values: [String: [(Int, Int, Double)]] = [:]
    for row in readSimpleCSV(text) {
        let key = row["region"]! + "|" + row["indicator"]!
        let period = AsOfPeriod(parsing: row["period"]!)!
        if values[key] == nil { order.append(key) }
        values[key, default: []].append((period.year, period.position, Double(row["value"]!)!))
    }
    return order.map { key in
        let parts = key.split(separator: "|").map(String.init)
        let obs = values[key]!
        let first = obs.map(\.0).min()!, last = obs.map(\.0).max()!
        var s = GapSeries(region: parts[0], indicator: parts[1], periodsPerYear: 4, firstYear: first,
                          yearCount: last - first + 1)
        for (y, k, v) in obs { s.set(.ytd, year: y, position: k, value: v) }
        return s
    }
}

/// A flow series from ytd values per year (a short last year is fine).
func flowSeries(_ ytd: [Int: [Double]], periodsPerYear n: Int = 4, kind: IndicatorKind = .flow,
                measure: GapSeries.Measure = .ytd, region: String = "A", indicator: String = "gdp") -> GapSeries {
    let first = ytd.keys.min()!, last = ytd.keys.max()!
    var s = GapSeries(region: region, indicator: indicator, periodsPerYear: n, kind: kind, firstYear: first,
                      yearCount: last - first + 1)
    for (y, values) in ytd {
        for (j, v) in values.enumerated() { s.set(measure, year: y, position: j + 1, value: v) }
    }
    return s
}

/// The hand example of Tests/Fixtures/gap/reference_hand.py.
let handYTD: [Int: [Double]] = [2021: [20, 45, 70, 100], 2022: [22, 50, 77, 110], 2023: [23, 52, 80, 115],
                                2024: [25, 56]]

/// |a − b| ≤ tol·max(1, |b|)
func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol * max(1, abs(b))
}

/// Relative closeness |a − b| ≤ tol·|b| (with an absolute floor for tiny values).
func closeRelative(_ a: Double?, _ b: Double, _ tol: Double, floor: Double = 1e-300) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol * max(abs(b), floor)
}

func options(_ asOf: String, _ basis: TimeBasis = .calendar, years: Int = 3, excluded: Set<Int> = [],
             method: ProjectionMethod = .share) -> GapOptions {
    GapOptions(asOf: AsOfPeriod(parsing: asOf)!, timeBasis: basis, historyYears: years, excludedYears: excluded,
               method: method)
}

func one(_ series: GapSeries, _ target: GapTarget?, _ opts: GapOptions) throws -> GapRow {
    try GapAnalyzer(options: opts).row(for: series, target: target)
}

func growthTarget(_ g: Double, stretch: Double? = nil, year: Int = 2024) -> GapTarget {
    GapTarget(region: "A", indicator: "gdp", year: year, type: .growth, target: g, stretch: stretch)
}
