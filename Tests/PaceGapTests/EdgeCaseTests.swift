import Testing
@testable import PaceGap

/// Edge cases of SPEC §4: every number is checked against the SPEC formula worked by hand
/// (the arithmetic is written out in each expectation).
@Suite("gap: edge cases")
struct EdgeCaseTests {
    let stock = flowSeries([2022: [90, 93, 96, 100], 2023: [100, 103, 106, 110], 2024: [108, 111]], kind: .stock,
                           measure: .stock, indicator: "loans")

    @Test("stock with a growth target: κ = (S_k − S_{Y−1}) / (T − S_{Y−1}), r over last year's remaining increase")
    func stockGrowth() throws {
        let t = GapTarget(region: "A", indicator: "loans", year: 2024, type: .growth, target: 5)
        let row = try one(stock, t, options("2024Q2"))
        #expect(row.ytd == 111)
        let goal: Double = 110 * 1.05
        let kappa: Double = 1 / (goal - 110)
        let required: Double = 100 * ((goal - 111) / 7 - 1)
        let growth: Double = 100 * (111.0 / 103 - 1)
        #expect(close(row.taskShare, kappa))
        #expect(close(row.requiredGrowth, required))
        #expect(close(row.ytdGrowth, growth))
        // Seasonal stock shares: (S_{y,2} − S_{y−1,4}) / (S_{y,4} − S_{y−1,4}) for 2023 only (2022 has no start).
        let seasonal = try one(stock, t, options("2024Q2", .seasonal))
        #expect(close(seasonal.timeShare, 3.0 / 10))
        #expect(close(seasonal.projected, 110 + 1 / 0.3))
    }

    @Test("stock with a planned decline: task share undefined with the reason, absolute gap still given")
    func plannedDecline() throws {
        let t = GapTarget(region: "A", indicator: "loans", year: 2024, type: .growth, target: -2)
        let row = try one(stock, t, options("2024Q2"))
        #expect(row.taskShare == nil && row.progressPP == nil)
        #expect(close(row.remaining, 110 * 0.98 - 111))
        #expect(row.notes.contains { $0.contains("task share undefined") && $0.contains("≤ 0") && $0.contains("remaining to target -3.2") })
        // The growth gap still gives a light.
        let gap: Double = 100 * (111.0 / 103 - 1) + 2
        #expect(close(row.growthGapPP, gap))
        #expect(row.light == .green)
        // A positive projected increase meets a planned decline for sure.
        let seasonal = try one(stock, t, options("2024Q2", .seasonal))
        #expect(seasonal.pMeet == nil || seasonal.pMeet == 1)
    }

    @Test("negative base: target total ≤ 0 leaves the task share undefined; a negative remaining denominator leaves r undefined")
    func negativeDenominators() throws {
        let losses = flowSeries([2023: [-10, -20, -35, -50], 2024: [-5, -12]])
        let row = try one(losses, growthTarget(6), options("2024Q2"))
        #expect(row.taskShare == nil)
        #expect(row.notes.contains { $0.contains("task share undefined") })
        #expect(row.ytdGrowth == nil)  // last year's ytd is not positive
        let revised = flowSeries([2023: [23, 52, 80, 50], 2024: [25, 56]])
        let r = try one(revised, growthTarget(6), options("2024Q2"))
        #expect(r.requiredGrowth == nil)
        #expect(r.notes.contains { $0.contains("required growth undefined") && $0.contains("-2") })
        #expect(close(r.taskShare, 56 / 53.0))
    }

    @Test("missing last-year data: notes, not a crash")
    func missingLastYear() throws {
        let s = flowSeries([2024: [25, 56]])
        let row = try one(s, growthTarget(6), options("2024Q2", .seasonal))
        #expect(row.ytd == 56 && row.taskShare == nil && row.ytdGrowth == nil && row.light == nil)
        #expect(row.notes.contains("no annual total for 2023"))
        #expect(row.notes.contains("no value for 2023Q2"))
    }

    @Test("monthly ytd without January (January–February combined)")
    func januaryFebruary() throws {
        var months2023: [Double] = [.nan]
        for m in 2...12 { months2023.append(Double(m) * 10) }
        let s = flowSeries([2023: months2023, 2024: [.nan, 22, 33]], periodsPerYear: 12)
        let feb = try one(s, growthTarget(5), options("2024-02"))
        #expect(feb.asOf == "2024-02")
        #expect(close(feb.ytdGrowth, 10))
        #expect(close(feb.taskShare, 22 / 126.0))
        #expect(feb.notes.contains { $0.contains("January–February combined") })
        let jan = try one(s, growthTarget(5), options("2024-01"))
        #expect(jan.ytd == nil)
        #expect(jan.notes.contains { $0.contains("no January figure") })
        // Levels instead of ytd: the February level covers January–February.
        var levels = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 12, firstYear: 2024, yearCount: 1)
        levels.set(.level, year: 2024, position: 2, value: 22)
        levels.set(.level, year: 2024, position: 3, value: 11)
        #expect(levels.flowYearToDate(year: 2024, position: 3) == 33)
        #expect(levels.flowYearToDate(year: 2024, position: 1).isNaN)
    }

    @Test("quarterly as-of on a monthly series uses the month the quarter ends; an unaligned one is noted")
    func frequencies() throws {
        let monthly = flowSeries([2023: (1...12).map { Double($0) * 10 }, 2024: (1...5).map { Double($0) * 11 }], periodsPerYear: 12)
        let q1 = try one(monthly, growthTarget(5), options("2024Q1"))
        #expect(q1.asOf == "2024-03" && close(q1.ytdGrowth, 10))
        let s = flowSeries(handYTD)
        let may = try one(s, growthTarget(5), options("2024-05"))
        #expect(may.ytd == nil && may.notes.contains { $0.contains("does not end a period") })
    }

    @Test("annual data: the as-of year is its own last period, the outcome replaces the required pace")
    func annual() throws {
        let s = flowSeries([2022: [100], 2023: [110], 2024: [118]], periodsPerYear: 1)
        let row = try one(s, growthTarget(6, stretch: 8), options("2024Q2", .seasonal))
        #expect(row.asOf == "2024")
        #expect(row.timeShare == 1 && close(row.taskShare, 118 / 116.6))
        #expect(row.requiredGrowth == nil && row.projected == 118 && row.pMeet == 1 && row.pMeetStretch == 0)
        #expect(row.notes.contains { $0.hasPrefix("year complete: target met") })
        let missed = try one(s, growthTarget(8), options("2024"))
        #expect(missed.pMeet == 0 && missed.notes.contains { $0.hasPrefix("year complete: target missed") })
    }

    @Test("growth-only data without weights: equal weights, said so; light from the growth gap")
    func growthOnlyEqualWeights() throws {
        var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2022, yearCount: 3)
        for (y, values) in [2022: [5.0, 5, 5, 5], 2023: [6.0, 6, 6, 6], 2024: [5.0]] {
            for (j, v) in values.enumerated() { s.set(.ytdYoY, year: y, position: j + 1, value: v) }
        }
        let row = try one(s, growthTarget(6), options("2024Q1", .seasonal))
        #expect(row.ytdGrowth == 5 && row.growthGapPP == -1 && row.light == .yellow)
        #expect(row.taskShare == nil && row.progressPP == nil && row.ytd == nil && row.projected == nil)
        // r = (g − G·W_1)/(1 − W_1) with W_1 = 1/4: (6 − 1.25)/0.75.
        #expect(close(row.requiredGrowth, 4.75 / 0.75))
        let acceleration: Double = 4.75 / 0.75 - 5
        #expect(close(row.accelerationPP, acceleration))
        #expect(row.notes.contains { $0.contains("equal period weights") })
        #expect(row.notes.contains { $0.contains("growth data only") })
        // The implied index has the same shares every year (100 per period, equal growth per
        // year): τ = 1/4 and the projection is 5% growth exactly, with s = 0.
        #expect(close(row.timeShare, 0.25))
        #expect(close(row.projectedGrowth, 5, 1e-12))
        #expect(row.pMeet == 0)
    }

    @Test("growth-only data with weights: r uses W_k from them; the index base follows them")
    func growthOnlyWeights() throws {
        var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2023, yearCount: 2)
        s.periodWeights = [0.2, 0.3, 0.25, 0.25]
        for j in 1...4 { s.set(.yoy, year: 2023, position: j, value: 4) }
        s.set(.yoy, year: 2024, position: 1, value: 5)
        s.set(.ytdYoY, year: 2024, position: 1, value: 5)
        // Period yoy drives the index (base year 2022); G_1 is the published ytd_yoy.
        let row = try one(s, growthTarget(6), options("2024Q1"))
        #expect(close(row.requiredGrowth, (6 - 5 * 0.2) / 0.8))
        #expect(!row.notes.contains { $0.contains("equal period weights") })
        // Period-yoy index: base 2022 = 100·4·w_j = 80, 120, 100, 100.
        let index = s.impliedIndex()!
        #expect(index.firstYear == 2022)
        #expect(close(index.flowYearToDate(year: 2022, position: 2), 200))
        #expect(close(index.flowYearToDate(year: 2023, position: 4), 416))
        let q1: Double = 80 * 1.04 * 1.05
        #expect(close(index.flowYearToDate(year: 2024, position: 1), q1))
        let level = try one(s, GapTarget(region: "A", indicator: "gdp", year: 2024, type: .level, target: 100), options("2024Q1"))
        #expect(level.taskShare == nil && level.requiredGrowth == nil)
        #expect(level.notes.contains { $0.contains("a level target needs level data") })
    }

    @Test("growth only this year, levels last year: same r as SPEC's formula with last year's weights")
    func growthOnlyLastYearLevels() throws {
        var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2023, yearCount: 2)
        for (j, v) in [20.0, 30, 25, 25].enumerated() { s.set(.level, year: 2023, position: j + 1, value: v) }
        s.set(.yoy, year: 2024, position: 1, value: 5)
        s.set(.yoy, year: 2024, position: 2, value: 7)
        #expect(s.lastYearWeights(year: 2024) == [0.2, 0.3, 0.25, 0.25])
        let row = try one(s, growthTarget(6), options("2024Q2"))
        // G_2 from the implied index based on last year's weights: (20·1.05 + 30·1.07)/50 − 1 = 6.2%.
        let g2: Double = 100 * ((20 * 1.05 + 30 * 1.07) / 50 - 1)
        #expect(close(row.ytdGrowth, g2, 1e-12))
        // r = (g − G·W_2)/(1 − W_2), W_2 = 0.5.
        let r: Double = (6 - g2 * 0.5) / 0.5
        #expect(close(row.requiredGrowth, r, 1e-12))
        #expect(!row.notes.contains { $0.contains("equal period weights") })
        #expect(row.notes.contains { $0.contains("derived from published yoy") })
        #expect(close(row.taskShare, (20 * 1.05 + 30 * 1.07) / 106.0, 1e-12))
    }

    @Test("a region with data but no target and a target with no data are both reported")
    func unmatched() throws {
        let s = flowSeries(handYTD, region: "A")
        let t = GapTarget(region: "B", indicator: "gdp", year: 2024, type: .growth, target: 6)
        let old = GapTarget(region: "A", indicator: "gdp", year: 2023, type: .growth, target: 6)
        let rows = try analyse(series: [s], targets: [t, old], options: options("2024Q2"))
        #expect(rows.count == 2)
        #expect(rows[0].region == "A" && rows[0].type == nil && rows[0].notes.contains("no target for 2024"))
        #expect(rows[0].ytd == 56 && rows[0].pMeet == nil)
        #expect(rows[1].region == "B" && rows[1].target == 6 && rows[1].notes.contains("no data for B × gdp"))
    }

    @Test("targets match their series whatever their order; several targets per series keep input order")
    func targetOrder() throws {
        let a = flowSeries(handYTD, region: "A"), b = flowSeries(handYTD, region: "B")
        func t(_ region: String, _ type: TargetType, _ value: Double) -> GapTarget {
            GapTarget(region: region, indicator: "gdp", year: 2024, type: type, target: value)
        }
        let targets = [t("A", .growth, 6), t("B", .growth, 7), t("A", .level, 120), t("C", .growth, 1)]
        let rows = try analyse(series: [a, b], targets: targets, options: options("2024Q2"))
        #expect(rows.map(\.region) == ["A", "A", "B", "C"])
        #expect(rows.map(\.target) == [6, 120, 7, 1])
        #expect(rows[1].taskShare != nil && rows[3].notes == ["no data for C × gdp"])
        let reversed = try analyse(series: [a, b], targets: targets.reversed(), options: options("2024Q2"))
        #expect(reversed.map(\.region) == ["A", "A", "B", "C"])
        #expect(reversed.map(\.target) == [120, 6, 7, 1])
    }

    @Test("max/min targets: judged on the latest value, green when met, red when not")
    func bounds() throws {
        var rate = GapSeries(region: "A", indicator: "unemployment", periodsPerYear: 12, kind: .rate, firstYear: 2024, yearCount: 1)
        rate.set(.level, year: 2024, position: 1, value: 5.2)
        rate.set(.level, year: 2024, position: 2, value: 5.6)
        let ceiling = GapTarget(region: "A", indicator: "unemployment", year: 2024, type: .max, target: 5.5, stretch: 5.0)
        let row = try one(rate, ceiling, options("2024-03"))
        #expect(row.ytd == 5.6 && row.light == .red)
        #expect(row.notes == ["latest value is 2024-02", "not met", "stretch not met"])
        let floor = GapTarget(region: "A", indicator: "unemployment", year: 2024, type: .min, target: 5.5)
        #expect(try one(rate, floor, options("2024-02")).light == .green)
        let wrong = try one(rate, growthTarget(6), options("2024-02"))
        #expect(wrong.light == nil && wrong.notes.contains { $0.contains("a rate takes max or min targets") })
    }

    @Test("lights follow the thresholds: progress π (0, −5) and growth gap (0, −1)")
    func lights() {
        let p = LightThresholds.progress
        #expect(p.light(for: 0) == .green && p.light(for: -5) == .yellow && p.light(for: -5.0001) == .red)
        #expect(p.light(for: .nan) == nil)
        let g = LightThresholds.growthGap
        #expect(g.light(for: -1) == .yellow && g.light(for: -1.5) == .red && g.light(for: 0.1) == .green)
    }

    @Test("as-of periods parse in every SPEC spelling")
    func asOfParsing() {
        #expect(AsOfPeriod(parsing: "2024Q2") == AsOfPeriod(year: 2024, position: 2, periodsPerYear: 4))
        #expect(AsOfPeriod(parsing: "2024-Q2") == AsOfPeriod(year: 2024, position: 2, periodsPerYear: 4))
        #expect(AsOfPeriod(parsing: "2024q2") == AsOfPeriod(year: 2024, position: 2, periodsPerYear: 4))
        #expect(AsOfPeriod(parsing: "2024-03") == AsOfPeriod(year: 2024, position: 3, periodsPerYear: 12))
        #expect(AsOfPeriod(parsing: "2024M3") == AsOfPeriod(year: 2024, position: 3, periodsPerYear: 12))
        #expect(AsOfPeriod(parsing: "2024") == AsOfPeriod(year: 2024, position: 1, periodsPerYear: 1))
        for bad in ["", "24Q1", "2024Q5", "2024-13", "2024-00", "2024Q", "abcd", "2024-3x"] {
            #expect(AsOfPeriod(parsing: bad) == nil, "\(bad)")
        }
        #expect(AsOfPeriod(year: 2024, position: 3, periodsPerYear: 12).description == "2024-03")
    }
}
