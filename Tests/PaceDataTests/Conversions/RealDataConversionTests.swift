import Foundation
import Testing
@testable import PaceData

/// A bundled data set (datasets/, copied from the shared data folder; see datasets/SOURCES.md).
private func dataset(_ name: String) throws -> ObservationSet {
    let path = FixturePaths.repositoryRoot.appendingPathComponent("datasets").appendingPathComponent(name).path
    return try ObservationSet.read(path: path)
}

@Suite("conversions on the bundled real data")
struct RealDataConversionTests {
    @Test("UK gas (R datasets::UKgas): level → ytd → level is exact, bit for bit")
    func ukGasRoundTrip() throws {
        let set = try dataset("uk_gas_quarterly.csv")
        let gas = try #require(set.series(indicator: "UKgas", measure: .level))
        #expect(gas.count == 108)
        let ytd = try gas.yearToDateFromLevel()
        // 1960: 160.1 + 129.7 + 84.8 + 120.1 = 494.7 (hand sum of the file's first four rows).
        #expect(Array(ytd.values.prefix(4)) == [160.1, 289.8, 374.6, 494.7])
        let back = try ytd.levelFromYearToDate()
        #expect(back.values == gas.values)
        #expect(back.notes.isEmpty)
    }

    @Test("China budget revenue ytd → level: January missing 2019–2022, the February level covers Jan–Feb")
    func chineseRevenue() throws {
        let set = try dataset("cn_national_monthly.csv")
        let revenue = try #require(set.series(region: "China", indicator: "general_public_budget_revenue", measure: .ytd))
        let level = try revenue.levelFromYearToDate()
        let feb2019 = try #require(level.index(of: Period.month(2019, 2)!))
        // File lines 1023–1024: 2019-02 ytd 39104, 2019-03 ytd 53656.
        #expect(level.values[feb2019] == 39104)
        #expect(level.notes[feb2019] == "covers 2019-01 to 2019-02")
        #expect(level.coverage[feb2019] == 2)
        #expect(level.values[feb2019 + 1] == 53656 - 39104)
        #expect(level.values[feb2019 - 1].isNaN)  // 2019-01: no row
        // 1992 has January (221.74, 405.21 → Feb level 183.47): no note there.
        let feb1992 = try #require(level.index(of: Period.month(1992, 2)!))
        #expect(level.values[feb1992] == 183.47)
        #expect(level.notes[feb1992] == nil)
        // And back to year-to-date values: exactly the file's figures.
        let back = try level.yearToDateFromLevel()
        #expect(zip(back.values, revenue.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        // Through the whole-file conversion too, with the note in the output.
        let converted = set.converted(to: .level)
        let fromSet = try #require(converted.series.first { $0.indicator == "general_public_budget_revenue" })
        #expect(fromSet.notes[feb2019] == "covers 2019-01 to 2019-02")
        #expect(converted.skipped.map(\.indicator) == ["industrial_value_added_above_designated_size"])
    }

    @Test("China GDP: ytd_yoy recomputed from the constant-price chain equals the published figure within 0.1 points")
    func chineseGDPCumulativeGrowth() throws {
        let set = try dataset("cn_national_quarterly.csv")
        let chain = try #require(set.series(region: "China", indicator: "gdp_constant_price_source_series", measure: .ytd))
        let published = try #require(set.series(region: "China", indicator: "gdp", measure: .ytdYoy))
        let c = GrowthComparison(published: published, recomputed: try chain.yearOnYear(), tolerance: 0.1)
        // pandas 2.x on the same file: 124 quarters, largest |difference| 0.00459 points.
        #expect(c.compared == 124)
        #expect(c.differences.isEmpty)
        #expect(c.largestDifference < 0.005)
    }

    @Test("China GDP single-quarter yoy: recomputed differs from published in 32 quarters by more than 0.1 points — flagged")
    func chineseGDPQuarterlyGrowth() throws {
        let set = try dataset("cn_national_quarterly.csv")
        let chain = try #require(set.series(region: "China", indicator: "gdp_constant_price_source_series", measure: .ytd))
        let published = try #require(set.series(region: "China", indicator: "gdp", measure: .yoy))
        let recomputed = try chain.levelFromYearToDate().yearOnYear()
        let c = GrowthComparison(published: published, recomputed: recomputed, tolerance: 0.1)
        // pandas 2.x on the same file: 124 compared, 32 above 0.1, largest 0.6410083 in 2021Q4
        // (published 4.3, recomputed 4.941008).
        #expect(c.compared == 124)
        #expect(c.differences.count == 32)
        #expect(abs(c.largestDifference - 0.641_008_297) < 1e-6)
        let q4 = try #require(c.differences.first { $0.period == Period.quarter(2021, 4) })
        #expect(q4.published == 4.3)
        #expect(abs(q4.recomputed - 4.941_008) < 1e-5)
        #expect(q4.line != nil)
    }

    @Test("provincial GDP: nominal levels vs published real growth — kept both, flagged, never overwritten")
    func provincialGDP() throws {
        let set = try dataset("cn_provincial_annual.csv")
        let result = set.converted(to: .yoy, tolerance: 0.1)
        let gdp = result.comparisons.filter { $0.indicator == "gdp" }
        // pandas 2.x: 31 provinces × 2020–2024 = 155 comparable years, 147 differ by > 0.1 points.
        #expect(gdp.count == 31)
        #expect(gdp.reduce(0) { $0 + $1.compared } == 155)
        #expect(gdp.reduce(0) { $0 + $1.differences.count } == 147)
        let beijing = try #require(result.series.first { $0.region == "Beijing" && $0.indicator == "gdp" })
        let y2021 = try #require(beijing.index(of: Period.year(2021)!))
        // Published 9.2 (real) is written; recomputed 44350.7/38503.6 − 1 = 15.186% (nominal) is in the note.
        #expect(beijing.values[y2021] == 9.2)
        #expect(beijing.notes[y2021] == "published; recomputed 15.186 differs by -5.986 points")
    }

    @Test("check on the Chinese monthly file: no problems; January gaps reported once per series")
    func checkMonthly() throws {
        let path = FixturePaths.repositoryRoot.appendingPathComponent("datasets/cn_national_monthly.csv").path
        let report = try ObservationSet.check(document: CSVDocument.read(path: path))
        #expect(!report.hasProblems)
        #expect(report.findings.contains {
            $0.message == "China/general_public_budget_revenue/ytd: no January in 4 years (2019–2022); the February level covers January–February"
        })
        #expect(report.findings.contains { $0.message == "gap in China/general_public_budget_revenue/ytd: no row for 1992-12" && $0.line == 722 })
    }
}
