import Foundation
import PaceForecast
import PaceStatistics
import Testing
@testable import PaceGap

/// The `model` method: automatic ETS on the period values, simulated remaining periods.
@Suite("gap: model projection")
struct ModelProjectionTests {
    /// Quarterly levels `100 + 2t + season_j` (an exactly repeating additive pattern on a
    /// constant-growth line), 2014–2023 complete and 2024 through `through`.
    func exactSeries(through k: Int = 2, kind: IndicatorKind = .flow) -> GapSeries {
        let season = [-10.0, 5.0, -3.0, 8.0]
        var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, kind: kind, firstYear: 2014, yearCount: 11)
        for y in 2014...2024 {
            for j in 1...(y == 2024 ? k : 4) {
                let t = Double((y - 2014) * 4 + j)
                s.set(kind == .stock ? .stock : .level, year: y, position: j, value: 100 + 2 * t + season[j - 1])
            }
        }
        return s
    }

    /// The true 2024 total of ``exactSeries`` (all four quarters).
    var trueTotal2024: Double {
        let season = [-10.0, 5.0, -3.0, 8.0]
        var total = 0.0
        for j in 1...4 {
            let t = Double(40 + j)
            total += 100 + 2 * t + season[j - 1]
        }
        return total
    }

    func modelOptions(_ asOf: String = "2024Q2", seed: UInt64 = 3, paths: Int = 2000) -> GapOptions {
        GapOptions(asOf: AsOfPeriod(parsing: asOf)!, method: .model, seed: seed, simulationPaths: paths)
    }

    func levelTarget(_ value: Double, stretch: Double? = nil) -> GapTarget {
        GapTarget(region: "A", indicator: "gdp", year: 2024, type: .level, target: value, stretch: stretch)
    }

    @Test("model is the default method")
    func defaultMethod() {
        #expect(GapOptions(asOf: AsOfPeriod(parsing: "2024Q2")!).method == .model)
    }

    @Test("an exact seasonal pattern with constant growth: the projection is the true total, P(meet) 0 or 1")
    func exactPattern() throws {
        let truth = trueTotal2024  // by hand: Σ_j 100 + 2(40 + j) + season_j = 400 + 2·170 + 0 = 740
        #expect(truth == 740)
        let analyzer = try GapAnalyzer(options: modelOptions())
        let low = analyzer.row(for: exactSeries(), target: levelTarget(0.8 * truth, stretch: 1.2 * truth))
        // Exact data: ETS(A,A,A) reproduces the pattern (error 0 observed, σ² = 0); 1e-6 relative
        // leaves room for changes of the optimiser.
        #expect(closeRelative(low.projected, truth, 1e-6), "\(low.projected as Any) \(low.notes)")
        #expect(closeRelative(low.lo95, truth, 1e-6) && closeRelative(low.hi95, truth, 1e-6))
        #expect(low.pMeet == 1)
        #expect(low.pMeetStretch == 0)
        #expect(low.notes.contains { $0.hasPrefix("model: ETS(") && $0.contains("on 42 periods from 2014Q1") })
        // Projected growth over 2023's total (Σ 100 + 2(36 + j) + season_j = 708).
        #expect(closeRelative(low.projectedGrowth, 100 * (740.0 / 708 - 1), 1e-3))
        let high = analyzer.row(for: exactSeries(), target: levelTarget(1.2 * truth))
        #expect(high.pMeet == 0)
        // A growth target: T = A_2023·(1 + g/100); 4% (T = 736.32) is met, 5% (T = 743.4) not.
        let growth = analyzer.row(for: exactSeries(), target: GapTarget(region: "A", indicator: "gdp", year: 2024,
                                                                          type: .growth, target: 4, stretch: 5))
        #expect(growth.pMeet == 1 && growth.pMeetStretch == 0)
    }

    @Test("a stock: the projection is the simulated year-end balance")
    func stock() throws {
        let analyzer = try GapAnalyzer(options: modelOptions())
        let row = analyzer.row(for: exactSeries(kind: .stock), target: levelTarget(150))
        // Balance of 2024Q4 = 100 + 2·44 + 8 = 196 (the series itself, read as balances).
        #expect(closeRelative(row.projected, 196, 1e-6), "\(row.projected as Any) \(row.notes)")
        #expect(row.pMeet == 1)
    }

    @Test("at the last period the projection is the outcome and P(meet) is 0 or 1")
    func lastPeriod() throws {
        let analyzer = try GapAnalyzer(options: modelOptions("2024Q4"))
        let met = analyzer.row(for: exactSeries(through: 4), target: levelTarget(700, stretch: 800))
        #expect(met.projected == 740 && met.lo80 == 740 && met.hi95 == 740)
        #expect(met.pMeet == 1 && met.pMeetStretch == 0)
        #expect(!met.notes.contains { $0.hasPrefix("model:") })
    }

    /// Quarterly levels with a deterministic irregular component, so intervals have width.
    func noisySeries(region: String = "A", indicator: String = "gdp", phase: Double = 0) -> GapSeries {
        let season = [0.0, 6.0, 3.0, 12.0]
        var s = GapSeries(region: region, indicator: indicator, periodsPerYear: 4, firstYear: 2014, yearCount: 11)
        for y in 2014...2024 {
            for j in 1...(y == 2024 ? 2 : 4) {
                let t = Double((y - 2014) * 4 + j)
                s.set(.level, year: y, position: j, value: 100 + 1.5 * t + season[j - 1] + 4 * sin(2.3 * t + phase))
            }
        }
        return s
    }

    @Test("same seed → identical rows; another seed → another simulation; 80% nests in 95%")
    func determinismAndNesting() throws {
        // The target is the projection itself, so P(meet) is near ½ and strictly inside (0, 1).
        let median = try GapAnalyzer(options: modelOptions(seed: 11)).row(for: noisySeries(), target: nil).projected
        let target = levelTarget(try #require(median))
        let a = try GapAnalyzer(options: modelOptions(seed: 11)).row(for: noisySeries(), target: target)
        let b = try GapAnalyzer(options: modelOptions(seed: 11)).row(for: noisySeries(), target: target)
        let c = try GapAnalyzer(options: modelOptions(seed: 12)).row(for: noisySeries(), target: target)
        #expect(a == b)
        #expect(a.lo95 != c.lo95)
        let lo95 = try #require(a.lo95), lo80 = try #require(a.lo80), point = try #require(a.projected)
        let hi80 = try #require(a.hi80), hi95 = try #require(a.hi95)
        #expect(lo95 < lo80 && lo80 < point && point < hi80 && hi80 < hi95)
        let p = try #require(a.pMeet)
        #expect(p > 0 && p < 1)
    }

    @Test("a panel gives the same rows as series one by one (independent of threads and order)")
    func panelMatchesRows() throws {
        let panel = (0..<6).map { noisySeries(region: "R\($0)", phase: Double($0)) }
        let targets = panel.map { GapTarget(region: $0.region, indicator: "gdp", year: 2024, type: .growth, target: 5) }
        let analyzer = try GapAnalyzer(options: modelOptions())
        let rows = analyzer.analyse(series: panel, targets: targets)
        let single = zip(panel, targets).map { analyzer.row(for: $0, target: $1) }
        #expect(rows == single)
        let reversed = analyzer.analyse(series: panel.reversed(), targets: targets.reversed())
        #expect(reversed == single.reversed())
    }

    @Test("--exclude-years does not shorten the model's history; the row says so")
    func excludedYears() throws {
        let target = levelTarget(700)
        let plain = try GapAnalyzer(options: modelOptions()).row(for: noisySeries(), target: target)
        var options = modelOptions()
        options.excludedYears = [2020]
        let excluded = try GapAnalyzer(options: options).row(for: noisySeries(), target: target)
        #expect(excluded.projected == plain.projected && excluded.lo95 == plain.lo95)
        #expect(excluded.notes.contains("model: --exclude-years does not apply (ETS needs consecutive periods)"))
        #expect(!plain.notes.contains { $0.contains("--exclude-years") })
    }

    @Test("the ETS region: capped by default; each row's model is what ETS.select picks in the chosen region")
    func etsRegion() throws {
        #expect(modelOptions().etsBounds == .capped)
        // Trending series with noise: the slope smoothing is where the two regions differ.
        for phase in [0.0, 0.7, 1.9] {
            let s = noisySeries(phase: phase)
            let history = s.consecutivePeriodValues(throughYear: 2024, position: 2, stock: false,
                                                    limit: GapAnalyzer.modelHistoryYears * 4 + 2)
            var projections: [Double] = []
            for bounds in [ETSBounds.capped, .standard] {
                var options = modelOptions()
                options.etsBounds = bounds
                let row = try GapAnalyzer(options: options).row(for: s, target: levelTarget(700))
                let fit = try ETS.select(history.values, period: 4, bounds: bounds).best
                projections.append(try #require(row.projected))
                #expect(row.notes.contains("model: \(fit.specification) on \(history.values.count) periods from 2014Q1"),
                        "phase \(phase): \(row.notes)")
                let report = GapReport(rows: [row], options: options, inputs: [])
                #expect(report.parameters.last == GapReport.Parameter("ets_region", bounds == .capped ? "capped" : "usual"))
            }
            // Same model here (ETS(A,A,A)), other smoothing parameters: another simulation.
            #expect(projections[0] != projections[1], "phase \(phase)")
        }
    }

    @Test("an ETS failure becomes a note and empty projection cells, not an error")
    func failureIsANote() throws {
        // 2023 and 2024Q1–Q2: 6 period values; ETS(A,N,N) needs n ≥ 7 (n > npars + 4, R's rule).
        let s = flowSeries([2023: [20, 45, 70, 100], 2024: [22, 50]], measure: .ytd)
        let row = try GapAnalyzer(options: modelOptions()).row(for: s, target: GapTarget(
            region: "A", indicator: "gdp", year: 2024, type: .growth, target: 5))
        #expect(row.projected == nil && row.lo80 == nil && row.pMeet == nil && row.projectedGrowth == nil)
        #expect(row.notes.contains { $0.hasPrefix("no model projection:") }, "\(row.notes)")
        // The accounts that need no model are still there.
        #expect(row.taskShare != nil && row.requiredGrowth != nil)
    }

    @Test("a combined January–February figure is split evenly; the history starts in January")
    func combinedJanuaryFebruary() {
        var s = GapSeries(region: "A", indicator: "x", periodsPerYear: 12, firstYear: 2023, yearCount: 2)
        // Year-to-date values 15·p from February (January–February together), then 16·p in 2024.
        for p in 2...12 { s.set(.ytd, year: 2023, position: p, value: 15 * Double(p)) }
        for p in 2...3 { s.set(.ytd, year: 2024, position: p, value: 16 * Double(p)) }
        let h = s.consecutivePeriodValues(throughYear: 2024, position: 3, stock: false)
        #expect(h.values == [15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 16, 16, 16])
        #expect(h.startYear == 2023 && h.startPosition == 1 && h.splitJanuaryFebruary)
        let capped = s.consecutivePeriodValues(throughYear: 2024, position: 3, stock: false, limit: 4)
        #expect(capped.values == [15, 16, 16, 16] && capped.startYear == 2023 && capped.startPosition == 12)
    }

    @Test("simulated year-end quantiles of ETS(A,N,N) match the analytical distribution of the sum")
    func simulationMatchesAnalytical() throws {
        // Any series; ETS(A,N,N) is fitted and only its parameters matter below.
        var y: [Double] = []
        for i in 1...40 {
            let t = Double(i)
            y.append(50 + 3 * sin(t * 1.7) + 0.1 * Double(i % 7))
        }
        let fit = try ETS.fit(y, specification: ETSSpecification(error: .additive))
        let alpha = fit.parameters.smoothingLevel, sigma2 = fit.sigma2
        let level = fit.finalState[fit.finalState.startIndex]
        let horizon = 3, current = 120.0
        // ETS(A,N,N): y_{n+h} = l_n + α·Σ_{i<h} ε_{n+i} + ε_{n+h}, so the sum over h = 1…H is
        // H·l_n + Σ_i ε_{n+i}·(1 + α(H − i)), normal with variance σ²·Σ_i (1 + α(H − i))²
        // (Hyndman et al. 2008, §6.1; derived by hand).
        var variance = 0.0
        for i in 1...horizon { variance += pow(1 + alpha * Double(horizon - i), 2) }
        variance *= sigma2
        let mean = current + Double(horizon) * level, sd = variance.squareRoot()
        var outcomes = GapAnalyzer.simulatedYearEnds(fit, horizon: horizon, count: 40_000, seed: 5,
                                                     current: current, stock: false)
        #expect(outcomes.count == 40_000)
        let p = Projection(outcomes: &outcomes, goal: mean + sd, goalStretch: .nan)
        let z80 = Normal.quantile(0.90), z95 = Normal.quantile(0.975)
        // Monte Carlo error with 40,000 paths: a few hundredths of σ at these quantiles; 0.05σ.
        #expect(abs(p.point - mean) < 0.05 * sd)
        #expect(abs(p.lo80 - (mean - z80 * sd)) < 0.05 * sd && abs(p.hi80 - (mean + z80 * sd)) < 0.05 * sd)
        #expect(abs(p.lo95 - (mean - z95 * sd)) < 0.05 * sd && abs(p.hi95 - (mean + z95 * sd)) < 0.05 * sd)
        // P(sum ≥ mean + σ) = 1 − Φ(1) = 0.158655 (standard normal); binomial SE ≈ 0.0018.
        #expect(abs(p.pMeet - 0.158655) < 0.008)
        #expect(p.pMeetStretch.isNaN)
    }

    @Test("projection from unsorted outcomes: the quantiles and P(meet) of the sorted outcomes, bit for bit (sizes 2…3000, ties, ±∞)")
    func projectionBySelectionEqualsSort() {
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        for size in [2, 3, 4, 5, 7, 16, 17, 40, 99, 100, 101, 1000, 2000, 2999, 3000] {
            for variant in 0..<4 {
                var x = (0..<size).map { _ -> Double in
                    let u = Double(next()) * 0x1p-53
                    switch variant {
                    case 0: return 100 + 20 * (u - 0.5)                  // distinct values
                    case 1: return Double(Int(u * 5))                    // many ties
                    case 2: return u < 0.01 ? .infinity : (u > 0.995 ? -.infinity : u)  // infinite tails
                    default: return -1e6 * u * u                         // negative, skewed
                    }
                }
                // The reference: sort, type-7 quantiles h = (N − 1)q, P = share of outcomes ≥ target.
                let sorted = x.sorted()
                func quantile(_ q: Double) -> Double {
                    let h = Double(size - 1) * q
                    let lo = Int(h.rounded(.down)), hi = min(lo + 1, size - 1)
                    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
                }
                let goal = sorted[size / 3], stretch = sorted[size / 3] + 0.5
                let expected = [quantile(0.5), quantile(0.10), quantile(0.90), quantile(0.025), quantile(0.975),
                                Double(sorted.filter { $0 >= goal }.count) / Double(size),
                                Double(sorted.filter { $0 >= stretch }.count) / Double(size)]
                let p = Projection(outcomes: &x, goal: goal, goalStretch: stretch)
                let got = [p.point, p.lo80, p.hi80, p.lo95, p.hi95, p.pMeet, p.pMeetStretch]
                #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "size \(size) variant \(variant): \(got) vs \(expected)")
                #expect(x.sorted() == sorted, "the outcomes are only reordered")
            }
        }
        var two = [3.0, 1.0]
        let p = Projection(outcomes: &two, goal: .nan, goalStretch: 2)
        #expect(p.pMeet.isNaN && p.pMeetStretch == 0.5 && p.point == 2 && p.lo95 == 1.05)
    }
}
