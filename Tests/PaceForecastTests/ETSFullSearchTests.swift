import Foundation
import Testing
@testable import PaceForecast

/// Automatic selection with ``ETSSelectionSearch/full`` (every candidate optimised as `ETS.fit` does) against
/// R forecast 8.20's `ets(y)` on generated series (Tests/Fixtures/forecast/ets_r_auto_generated.csv, written by
/// make_ets_r_auto_generated.py there: 33 annual, quarterly and monthly series with R's chosen model and AICc).
/// Six of them are where the default screened search, in R's region, ended above R's AICc (2026-12-07).
@Suite("ETS automatic selection, full search, against R on generated series")
struct ETSFullSearchTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let series: String, period: Int, rModel: String, rAICc: Double, y: [Double]
        var testDescription: String { "\(series) (m = \(period))" }
    }

    static let rows: [Row] = {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/ets_r_auto_generated.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return Row(series: String(f[0]), period: Int(f[1])!, rModel: String(f[2]), rAICc: Double(f[3])!,
                       y: f[4].split(separator: " ").map { Double($0)! })
        }
    }()

    @Test("fixture: 33 series of the three frequencies")
    func fixtureShape() {
        #expect(Self.rows.count == 33)
        for m in [1, 4, 12] { #expect(Self.rows.contains { $0.period == m }, "m = \(m)") }
    }

    /// Annual and quarterly rows, and s029 (monthly, one of the six): the monthly full search is slow in a debug build.
    static let tested = rows.filter { $0.period <= 4 || $0.series == "s029" }

    @Test("in R's region the full search's choice has AICc at most R's and at most the screened search's; each candidate at least its explicit fit",
          arguments: tested)
    func atMostR(row: Row) throws {
        let full = try ETS.select(row.y, period: row.period, bounds: .standard, search: .full)
        #expect(full.best.aicc <= row.rAICc + 1e-6 * abs(row.rAICc),
                "\(row.series): Pace \(full.best.specification) \(full.best.aicc), R \(row.rModel) \(row.rAICc)")
        let screened = try ETS.select(row.y, period: row.period, bounds: .standard)
        #expect(full.best.aicc <= screened.best.aicc, "\(row.series)")
        let explicit = try ETS.fit(row.y, specification: full.best.specification, bounds: .standard)
        #expect(full.best.logLikelihood >= explicit.logLikelihood, "\(row.series)")
        print("FULL \(row.series): full \(full.best.specification) \(full.best.aicc); screened \(screened.best.specification) \(screened.best.aicc); R \(row.rModel) \(row.rAICc)")
    }
}
