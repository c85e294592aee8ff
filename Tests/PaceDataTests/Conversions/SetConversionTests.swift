import Testing
@testable import PaceData

private func set(_ text: String) throws -> ObservationSet {
    try ObservationSet(document: CSVDocument(bytes: Array(text.utf8), source: "t.csv"))
}

@Suite("converting whole observation sets: choosing inputs per indicator")
struct SetConversionTests {
    @Test("stocks: --to level keeps balances as stock, --to ytd is refused, yoy is on end-of-period balances")
    func stocks() throws {
        let data = try set("""
            region,indicator,period,measure,value
            A,loans,2020Q4,stock,200
            A,loans,2021Q4,stock,230
            A,deposits,2020Q4,level,100
            A,deposits,2021Q4,level,90

            """)
        let meta = IndicatorMetadata(entries: [.init(indicator: "deposits", kind: .stock)])
        let level = data.converted(to: .level, metadata: meta)
        #expect(level.series.map(\.measure) == [.stock, .stock])
        let ytd = data.converted(to: .ytd, metadata: meta)
        #expect(ytd.series.isEmpty)
        #expect(ytd.skipped.map(\.reason) == ["a stock has no year-to-date values", "a stock has no year-to-date values"])
        let yoy = data.converted(to: .yoy, metadata: meta)
        // 230/200 − 1 = 15%; 90/100 − 1 = −10% (hand computed).
        #expect(abs(yoy.series[0].values.last! - 15) < 1e-12)
        #expect(abs(yoy.series[1].values.last! - -10) < 1e-12)
        #expect(data.converted(to: .ytdYoy, metadata: meta).series.isEmpty)
    }

    @Test("growth only: index and two_year work, levels are refused with the reason")
    func growthOnly() throws {
        let data = try set("""
            indicator,period,measure,value
            gdp,2019,yoy,6.0
            gdp,2020,yoy,2.3
            gdp,2021,yoy,8.1

            """)
        let index = data.converted(to: .index)
        // 2019 = 100 (base), 2020 = 102.3, 2021 = 102.3 × 1.081 = 110.5863.
        #expect(index.series.count == 1)
        let values = index.series[0].values
        #expect(values[0] == 100 && abs(values[1] - 102.3) < 1e-12 && abs(values[2] - 110.5863) < 1e-9)
        let two = data.converted(to: .twoYear)
        // 100·(sqrt(1.023 × 1.081) − 1) = 5.160020920500008 (Python math.sqrt).
        #expect(abs(two.series[0].values[2] - 5.160_020_920_500_008) < 1e-9)
        let level = data.converted(to: .level)
        #expect(level.series.isEmpty)
        #expect(level.skipped.first?.reason == "growth only (yoy): no level or ytd values; --to index gives the implied index")
        #expect(data.converted(to: .qoq).skipped.first?.reason == "growth only (yoy): period-on-period growth needs level values")
    }

    @Test("published and recomputed yoy: published written, difference beyond tolerance in the note, gaps filled from recomputed")
    func merge() throws {
        let data = try set("""
            indicator,period,measure,value
            x,2020Q1,level,100
            x,2020Q2,level,100
            x,2021Q1,level,110
            x,2021Q2,level,103
            x,2021Q1,yoy,10.05

            """)
        let yoy = data.converted(to: .yoy, tolerance: 0.1)
        let s = try #require(yoy.series.first)
        let q1 = try #require(s.index(of: Period.quarter(2021, 1)!))
        #expect(s.values[q1] == 10.05)
        #expect(s.notes[q1] == nil)                       // 10.05 vs 10: within 0.1
        #expect(abs(s.values[q1 + 1] - 3) < 1e-12)        // no published figure: recomputed 103/100 − 1
        #expect(s.notes[q1 + 1] == "recomputed (no published figure)")
        let strict = data.converted(to: .yoy, tolerance: 0.01)
        #expect(strict.series.first?.notes[q1] == "published; recomputed 10 differs by 0.05 points")
        #expect(strict.comparisons.first?.differences.count == 1)
    }

    @Test("ytd data: level, ytd_yoy, qoq and saar come from the derived levels")
    func fromYTD() throws {
        let data = try set("""
            indicator,period,measure,value
            x,2020Q1,ytd,10
            x,2020Q2,ytd,30
            x,2021Q1,ytd,12
            x,2021Q2,ytd,33

            """)
        let level = try #require(data.converted(to: .level).series.first?.values)
        #expect(level.count == 6 && level[2].isNaN && level[3].isNaN)
        #expect([level[0], level[1], level[4], level[5]] == [10, 20, 12, 21])
        let ytdYoy = try #require(data.converted(to: .ytdYoy).series.first)
        #expect(ytdYoy.measure == .ytdYoy)
        #expect(abs(ytdYoy.values[5] - 10) < 1e-12)       // 33/30 − 1
        let qoq = try #require(data.converted(to: .qoq).series.first)
        #expect(abs(qoq.values[1] - 100) < 1e-12)          // 20/10 − 1
        let saar = try #require(data.converted(to: .saar).series.first)
        #expect(abs(saar.values[1] - 1500) < 1e-9)         // 2^4 − 1
        let yoy = try #require(data.converted(to: .yoy).series.first)
        #expect(abs(yoy.values[5] - 5) < 1e-12)            // 21/20 − 1
    }
}
