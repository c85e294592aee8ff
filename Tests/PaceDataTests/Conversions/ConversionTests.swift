import PropertyBased
import Testing
@testable import PaceData

private func q(_ y: Int, _ k: Int) -> Period { Period.quarter(y, k)! }
private func m(_ y: Int, _ k: Int) -> Period { Period.month(y, k)! }
private let nan = Double.nan

/// NaN-aware comparison of value arrays within `tolerance`.
private func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) <= tolerance }
}

@Suite("conversions on in-memory series, against hand-computed values")
struct ConversionTests {
    // MARK: level ↔ ytd

    @Test("edge cases: empty series, all missing, wrong measure, stock has no ytd")
    func edges() throws {
        let empty = ObservationSeries(indicator: "x", measure: .ytd, start: q(2020, 1), values: [])
        #expect(try empty.levelFromYearToDate().values.isEmpty)
        let missing = ObservationSeries(indicator: "x", measure: .ytd, start: q(2020, 1), values: [nan, nan])
        #expect(try missing.levelFromYearToDate().values.allSatisfy(\.isNaN))
        let level = ObservationSeries(indicator: "x", measure: .level, start: q(2020, 1), values: [1])
        #expect(throws: ConversionError.self) { try level.levelFromYearToDate() }
        let stock = ObservationSeries(indicator: "x", measure: .stock, start: q(2020, 1), values: [1])
        #expect(throws: ConversionError.notCumulative(series: "x/stock", kind: "stock")) { try stock.yearToDateFromLevel() }
        let growth = ObservationSeries(indicator: "x", measure: .yoy, start: q(2020, 1), values: [1])
        #expect(throws: ConversionError.self) { try growth.yearOnYear() }
        #expect(throws: ConversionError.self) { try growth.periodOnPeriod() }
    }

    @Test("ytd → level within each year (hand computed), negative and zero values kept")
    func levelFromYTD() throws {
        // 2020: 10, 25, 45, 70 → 10, 15, 20, 25; 2021: 12, 12, 5, 20 → 12, 0, −7, 15.
        let ytd = ObservationSeries(indicator: "x", measure: .ytd, start: q(2020, 1),
                                    values: [10, 25, 45, 70, 12, 12, 5, 20])
        let level = try ytd.levelFromYearToDate()
        #expect(level.measure == .level)
        #expect(level.values == [10, 15, 20, 25, 12, 0, -7, 15])
        #expect(level.notes.isEmpty && level.coverage.isEmpty)
    }

    @Test("missing first month: the February level covers January–February and says so")
    func missingJanuary() throws {
        // 2021-02 ytd 30, 2021-03 ytd 45; 2022-01 present; 2022-03 missing, 2022-04 covers Mar–Apr.
        let gap = [Double](repeating: nan, count: 9)  // 2021-04 … 2021-12
        let values: [Double] = [30, 45] + gap + [5, 11, nan, 20]
        let ytd = ObservationSeries(indicator: "rev", measure: .ytd, start: m(2021, 2), values: values)
        let level = try ytd.levelFromYearToDate()
        #expect(level.values[0] == 30)
        #expect(level.coverage[0] == 2)
        #expect(level.notes[0] == "covers 2021-01 to 2021-02")
        #expect(level.values[1] == 15)
        #expect(level.values[11] == 5 && level.values[12] == 6 && level.values[13].isNaN)
        #expect(level.notes[11] == nil)
        #expect(level.values[14] == 9)
        #expect(level.notes[14] == "covers 2022-03 to 2022-04")
        #expect(level.coverage[14] == 2)
        // and back: the combined values count for the periods they cover.
        let back = try level.yearToDateFromLevel()
        #expect(close(back.values, ytd.values, 0))
    }

    @Test("series starting mid-year: the first ytd value covers the year so far")
    func midYearStart() throws {
        let ytd = ObservationSeries(indicator: "x", measure: .ytd, start: q(2015, 3), values: [30, 42, 11])
        let level = try ytd.levelFromYearToDate()
        #expect(level.values == [30, 12, 11])
        #expect(level.notes[0] == "covers 2015Q1 to 2015Q3")
    }

    @Test("level → ytd: running sum; a period without a level leaves the rest of the year unknown")
    func ytdFromLevel() throws {
        let level = ObservationSeries(indicator: "x", measure: .level, start: q(2020, 3),
                                      values: [5, 6, 1, 2, nan, 4, 1, 1, 1, 1])
        let ytd = try level.yearToDateFromLevel()
        // 2020 starts at Q3 with no Q1–Q2 levels: unknown. 2021: 1, 3, NaN, NaN. 2022: 1, 2.
        #expect(close(ytd.values, [nan, nan, 1, 3, nan, nan, 1, 2, 3, 4], 0))
        #expect(ytd.notes[0] == "year-to-date unknown: no level for 2020Q1")
        #expect(ytd.notes[4] == "missing in the source")
        #expect(ytd.notes[5] == "year-to-date unknown: no level for 2021Q3")
    }

    @Test("sums and differences come back as the source's decimals (160.1 + 129.7 − 160.1 = 129.7 exactly)")
    func decimalRounding() throws {
        let level = ObservationSeries(indicator: "x", measure: .level, start: q(1960, 1), values: [160.1, 129.7, 84.8, 120.1])
        #expect(level.effectiveDecimals == 1)
        let ytd = try level.yearToDateFromLevel()
        #expect(ytd.values == [160.1, 289.8, 374.6, 494.7])
        #expect(try ytd.levelFromYearToDate().values == level.values)
        // A value needing more than 10 places switches rounding off.
        let odd = ObservationSeries(indicator: "x", measure: .level, start: q(1960, 1), values: [0.1 + 0.2, 1])
        #expect(odd.effectiveDecimals == nil)
        #expect(try odd.yearToDateFromLevel().values == [0.1 + 0.2, 0.1 + 0.2 + 1])
    }

    @Test("property: level → ytd → level is exact for decimals with up to 4 places")
    func roundTripLevel() async {
        await propertyCheck(count: 200, input: Gen.int(in: -10_000_000...10_000_000).array(of: 1...40), Gen.int(in: 0...3)) {
            units, first in
            let values = units.map { Double($0) / 10_000 }
            let s = ObservationSeries(indicator: "x", measure: .level, start: Period.quarter(2000, first + 1)!, values: values)
            let ytd = try s.yearToDateFromLevel()
            // The first (partial) year has no year-to-date values unless it starts in Q1.
            let full = first == 0 ? 0 : min(4 - first, values.count)
            let back = try ytd.levelFromYearToDate()
            #expect(Array(back.values[full...]) == Array(values[full...]))
        }
    }

    @Test("property: ytd → level → ytd is exact for monthly ytd with random missing months")
    func roundTripYTD() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000).array(of: 12...48), Gen.bool(0.2).array(of: 48)) {
            increments, holes in
            var values: [Double] = []
            var sum = 0
            for (i, inc) in increments.enumerated() {
                if i % 12 == 0 { sum = 0 }
                sum += inc
                values.append(holes[i] ? nan : Double(sum) / 100)
            }
            let s = ObservationSeries(indicator: "x", measure: .ytd, start: Period.month(2001, 1)!, values: values)
            let back = try s.levelFromYearToDate().yearToDateFromLevel()
            #expect(close(back.values, values, 0))
        }
    }

    // MARK: growth

    @Test("yoy, qoq, saar: hand-computed values, zero and negative bases refused with a note")
    func growth() throws {
        // 2020: 100, 80, 50, 0; 2021: 110, 60, 55, 10.
        let s = ObservationSeries(indicator: "x", measure: .level, start: q(2020, 1), values: [100, 80, 50, 0, 110, 60, 55, 10])
        let yoy = try s.yearOnYear()
        #expect(yoy.measure == .yoy)
        // 110/100 − 1 = 10%, 60/80 − 1 = −25%, 55/50 − 1 = 10%, 10/0 refused.
        #expect(close(yoy.values, [nan, nan, nan, nan, 10, -25, 10, nan], 1e-12))
        #expect(yoy.notes[7] == "no growth on a base of 0 in 2020Q4")
        let qoq = try s.periodOnPeriod()
        // 80/100 − 1 = −20%, 50/80 − 1 = −37.5%, 0/50 − 1 = −100%, 110/0 refused, 60/110 − 1, …
        let expectedQoQ: [Double] = [nan, -20, -37.5, -100, nan, 100 * (60.0 / 110 - 1), 100 * (55.0 / 60 - 1),
                                     100 * (10.0 / 55 - 1)]
        #expect(close(qoq.values, expectedQoQ, 1e-12))
        let saar = try s.annualisedPeriodOnPeriod()
        // (0.8)^4 − 1 = −59.04%.
        #expect(abs(saar.values[1] - -59.04) < 1e-12)
        #expect(abs(saar.values[2] - 100 * (pow(0.625, 4) - 1)) < 1e-12)
        let negative = ObservationSeries(indicator: "x", measure: .level, start: q(2020, 1), values: [-5, 10, 1, 1, 5])
        #expect(try negative.yearOnYear().values[4].isNaN)
        #expect(try negative.yearOnYear().notes[4] == "no growth on a base of -5 in 2020Q1")
    }

    @Test("ytd values give ytd_yoy; a combined Jan–Feb level is only compared with another one")
    func growthCoverage() throws {
        let gap = [Double](repeating: nan, count: 9)
        let values: [Double] = [10, 30, 45] + gap + [nan, 33, 50]
        let ytd = ObservationSeries(indicator: "x", measure: .ytd, start: m(2020, 1), values: values)
        let ytdYoy = try ytd.yearOnYear()
        #expect(ytdYoy.measure == .ytdYoy)
        #expect(abs(ytdYoy.values[13] - 10) < 1e-12)   // 33/30 − 1
        let level = try ytd.levelFromYearToDate()
        let yoy = try level.yearOnYear()
        #expect(yoy.values[13].isNaN)                  // Jan–Feb 2021 (33) vs Feb 2020 (20)
        #expect(yoy.notes[13] == "not comparable: 2021-02 covers 2 periods, 2020-02 covers 1")
        #expect(abs(yoy.values[14] - 100 * (17.0 / 15 - 1)) < 1e-12)
    }

    @Test("two-year average growth: sqrt((1+g_t)(1+g_{t−s})) − 1, refused when the product is not positive")
    func twoYear() throws {
        // 2020 yoy 2.3 → 2021 yoy 8.1: 100·(sqrt(1.023·1.081) − 1) = 5.1586… (hand computed).
        let yoy = ObservationSeries(indicator: "gdp", measure: .yoy, start: Period.year(2019)!, values: [6.0, 2.3, 8.1, -100, 50])
        let two = try yoy.twoYearAverageGrowth()
        #expect(two.measure == .twoYear)
        #expect(two.values[0].isNaN)
        #expect(abs(two.values[1] - 100 * ((1.06 * 1.023).squareRoot() - 1)) < 1e-12)
        #expect(abs(two.values[2] - 5.160_020_920_500_008) < 1e-9)
        // −100% growth makes the product 0: refused rather than reported as −100%.
        #expect(two.values[3].isNaN)
        #expect(two.values[4].isNaN)
        #expect(two.notes[4] != nil)
        // From the NBS previous-year index: 108.1 means 8.1%.
        let index = ObservationSeries(indicator: "gdp", measure: .previousYearIndex, start: Period.year(2020)!, values: [102.3, 108.1])
        #expect(abs(try index.twoYearAverageGrowth().values[1] - 5.160_020_920_500_008) < 1e-9)
    }

    @Test("implied index: earliest year 100, then ×(1 + yoy/100) on the same period a year earlier")
    func impliedIndex() throws {
        // Quarterly yoy from 2019Q2 (2019 figures unused): 2020: 10, 20, −50, 0; 2021: 10, NaN, 100, 5.
        let yoy = ObservationSeries(indicator: "x", measure: .yoy, start: q(2019, 2),
                                    values: [3, 3, 3, 10, 20, -50, 0, 10, nan, 100, 5])
        let index = try yoy.impliedIndex()
        #expect(index.start == q(2019, 1))
        #expect(close(index.values, [100, 100, 100, 100, 110, 120, 50, 100, 121, nan, 100, 105], 1e-12))
        #expect(index.notes[0] == "base year 2019: each period = 100")
        #expect(throws: ConversionError.self) {
            try ObservationSeries(indicator: "x", measure: .level, start: q(2019, 1), values: [1]).impliedIndex()
        }
        // All missing: an all-missing index, no trap.
        let none = ObservationSeries(indicator: "x", measure: .yoy, start: q(2019, 1), values: [nan, nan])
        #expect(try none.impliedIndex().values.allSatisfy(\.isNaN))
    }

    @Test("published vs recomputed growth: differences above the tolerance are listed, never merged away")
    func comparison() {
        let published = ObservationSeries(indicator: "x", measure: .yoy, start: q(2021, 1), values: [5.0, 6.0, nan, 7.0],
                                          sourceLines: [2, 3, 4, 5])
        let recomputed = ObservationSeries(indicator: "x", measure: .yoy, start: q(2020, 4), values: [1, 5.05, 6.3, 8, nan])
        let c = GrowthComparison(published: published, recomputed: recomputed, tolerance: 0.1)
        #expect(c.compared == 2)
        #expect(abs(c.largestDifference - 0.3) < 1e-12)
        #expect(c.differences.count == 1)
        #expect(c.differences.first?.period == q(2021, 2))
        #expect(c.differences.first?.line == 3)
        #expect(abs((c.differences.first?.points ?? 0) - -0.3) < 1e-12)
        let strict = GrowthComparison(published: published, recomputed: recomputed, tolerance: 0)
        #expect(strict.differences.count == 2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
