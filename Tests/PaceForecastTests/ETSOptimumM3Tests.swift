import Foundation
import Testing
@testable import PaceForecast

/// Issue 5's optimum contract (log-likelihood ≥ R's − 1e-6·|R's|) beyond the reference file: R forecast 8.20's
/// `ets()` with every explicit model R allows, on a fixed subset of M3 training series
/// (Tests/Fixtures/forecast/ets_r_models_m3.csv, written by make_ets_r_models.R there: 17 yearly, 15 other,
/// 4 monthly series — 332 fits). The whole of M3 (≈ 52,000 fits) is checked by
/// Benchmarks/ETSBenchmark's `ets-fitcheck` (README there).
@Suite("ETS estimation against R on M3 series")
struct ETSOptimumM3Tests {
    struct Row: Sendable, CustomTestStringConvertible {
        let series: String, period: Int, model: String, logLik: Double, aicc: Double, y: [Double]
        var testDescription: String { "\(series) (m = \(period))" }
    }

    /// Rows grouped by series (one test case per series).
    static let bySeries: [[Row]] = {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/ets_r_models_m3.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        var groups: [[Row]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("series_id") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            let row = Row(series: String(f[0]), period: Int(f[1])!, model: String(f[2]), logLik: Double(f[3])!,
                          aicc: Double(f[4])!, y: f[5].split(separator: " ").map { Double($0)! })
            if groups.last?.first?.series == row.series { groups[groups.count - 1].append(row) } else { groups.append([row]) }
        }
        return groups
    }()

    @Test("fixture: 36 series, every model R allows for each (8 non-seasonal, 19 monthly)")
    func fixtureShape() {
        #expect(Self.bySeries.count == 36)
        for rows in Self.bySeries { #expect(rows.count == (rows[0].period == 1 ? 8 : 19), "\(rows[0].series)") }
    }

    @Test("own optimum ≥ R's log-likelihood for every explicit model", arguments: bySeries)
    func optimumAtLeastR(rows: [Row]) throws {
        for r in rows {
            let spec = try ETSSpecification(parsing: r.model, period: r.model.hasSuffix("N") ? 1 : r.period)
            let fit = try ETS.fit(r.y, specification: spec)
            #expect(fit.logLikelihood >= r.logLik - 1e-6 * abs(r.logLik),
                    "\(r.series) \(r.model): Pace \(fit.logLikelihood), R \(r.logLik)")
            // AICc from the likelihood with R's parameter count: the difference in AICc is the difference in −2 log L.
            #expect(abs((fit.aicc - r.aicc) - (-2 * (fit.logLikelihood - r.logLik))) < 1e-6 * abs(r.aicc),
                    "\(r.series) \(r.model): AICc count")
        }
    }
}
