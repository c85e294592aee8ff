import Foundation
import PaceRegression
import Testing
@testable import PaceGap

/// The `trend` method: a log-linear trend with quarter dummies and simulated remaining periods.
@Suite("gap: trend projection")
struct TrendProjectionTests {
    /// Quarterly levels exp(1 + 0.02·t + season_j + small noise), 2019–2023 and 2024Q1–Q3.
    func series(noise: Double) -> GapSeries {
        let season = [0.0, 0.1, 0.25, 0.4]
        var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2019, yearCount: 6)
        var t = 0
        for y in 2019...2024 {
            for j in 1...(y == 2024 ? 3 : 4) {
                t += 1
                let wiggle = noise * sin(Double(t) * 2.1)  // deterministic, mean-zero-ish
                s.set(.level, year: y, position: j, value: exp(1 + 0.02 * Double(t) + season[j - 1] + wiggle))
            }
        }
        return s
    }

    func trendOptions(seed: UInt64 = 7, paths: Int = 4000) -> GapOptions {
        GapOptions(asOf: AsOfPeriod(parsing: "2024Q3")!, historyYears: 5, method: .trend, seed: seed,
                   simulationPaths: paths)
    }

    @Test("deterministic for a seed; another seed gives another simulation")
    func determinism() throws {
        let s = series(noise: 0.02)
        let a = try GapAnalyzer(options: trendOptions()).row(for: s, target: growthTarget(5))
        let b = try GapAnalyzer(options: trendOptions()).row(for: s, target: growthTarget(5))
        let c = try GapAnalyzer(options: trendOptions(seed: 8)).row(for: s, target: growthTarget(5))
        #expect(a == b)
        #expect(a.lo95 != c.lo95)
        #expect(a.method == .trend)
    }

    @Test("the 95% interval of one remaining quarter matches the regression's prediction interval")
    func matchesPredictionInterval() throws {
        let s = series(noise: 0.02)
        let row = try GapAnalyzer(options: trendOptions(paths: 20000)).row(for: s, target: growthTarget(5))
        // The same regression by PaceRegression (tested against statsmodels 0.15): 20 + 3 quarters.
        var y: [Double] = [], t: [Double] = [], d: [[Double]] = [[], [], []]
        for year in 2019...2024 {
            for j in 1...(year == 2024 ? 3 : 4) {
                y.append(log(s.value(.level, year: year, position: j)))
                t.append(Double((year - 2024) * 4 + j))
                for q in 0..<3 { d[q].append(j == q + 2 ? 1 : 0) }
            }
        }
        let fit = try RegressionModel(response: y, regressors: [t] + d, names: ["t", "q2", "q3", "q4"]).fit()
        let p = try fit.predict(rows: [[4, 0, 0, 1]], level: 0.95)[0]
        let ytd = s.flowYearToDate(year: 2024, position: 3)
        let lo = ytd + exp(p.predictionLow), hi = ytd + exp(p.predictionHigh), mid = ytd + exp(p.mean)
        // Monte Carlo error of a 2.5% quantile from 20,000 paths: well under 5% of the width.
        let width = hi - lo
        #expect(abs(row.lo95! - lo) < 0.05 * width)
        #expect(abs(row.hi95! - hi) < 0.05 * width)
        #expect(abs(row.projected! - mid) < 0.02 * width)
        #expect(row.lo95! < row.lo80! && row.lo80! < row.projected! && row.projected! < row.hi80! && row.hi80! < row.hi95!)
    }

    @Test("P(meet) from the paths: a target well below the trend is met, one well above is not")
    func probabilities() throws {
        let s = series(noise: 0.002)
        let analyzer = try GapAnalyzer(options: trendOptions())
        let row = analyzer.row(for: s, target: growthTarget(0, stretch: 20))
        // Trend growth is exp(0.08) − 1 ≈ 8.3% a year.
        #expect(row.pMeet == 1 && row.pMeetStretch == 0)
        #expect(close(row.projectedGrowth, 100 * (exp(0.08) - 1), 0.01))
    }

    @Test("too little history: no projection, a note")
    func tooShort() throws {
        let s = flowSeries([2024: [25, 56]])
        let row = try GapAnalyzer(options: GapOptions(asOf: AsOfPeriod(parsing: "2024Q2")!, method: .trend))
            .row(for: s, target: growthTarget(5))
        #expect(row.projected == nil && row.notes.contains { $0.hasPrefix("no trend projection") })
    }

    @Test("a stock: the simulated year-end balance; growth-only data: bounds reported as growth")
    func stockAndGrowthOnly() throws {
        var stock = GapSeries(region: "A", indicator: "loans", periodsPerYear: 4, kind: .stock, firstYear: 2019, yearCount: 6)
        var t = 0
        for y in 2019...2024 {
            for q in 1...(y == 2024 ? 3 : 4) {
                t += 1
                stock.set(.stock, year: y, position: q, value: 100 * exp(0.02 * Double(t) + 0.003 * sin(Double(t))))
            }
        }
        let analyzer = try GapAnalyzer(options: trendOptions())
        let target = GapTarget(region: "A", indicator: "loans", year: 2024, type: .growth, target: 0)
        let row = analyzer.row(for: stock, target: target)
        // Trend growth of the balance, 0.08 a year in logs, from the 2023Q4 balance whose
        // wiggle is 0.003·sin(20): about 8.0%, far above a 0% target. Tolerance 0.15 points
        // for what the quarter dummies absorb of the wiggle and the simulation's median.
        let expected: Double = 100 * (exp(0.08 - 0.003 * sin(20.0)) - 1)
        #expect(abs(row.projectedGrowth! - expected) < 0.15)
        #expect(row.pMeet == 1)
        var growth = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2019, yearCount: 6)
        for y in 2019...2024 { for q in 1...(y == 2024 ? 3 : 4) { growth.set(.yoy, year: y, position: q, value: 5 + 0.1 * Double(q)) } }
        let g = analyzer.row(for: growth, target: growthTarget(5))
        #expect(g.projected == nil && g.lo95 != nil && g.hi95 != nil)
        #expect(g.lo95! < g.projectedGrowth! && g.projectedGrowth! < g.hi95!)
        #expect(abs(g.projectedGrowth! - 5.25) < 0.5)
    }
}
