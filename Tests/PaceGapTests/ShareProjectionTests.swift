import Testing
@testable import PaceGap

/// The hand example: reference values from Tests/Fixtures/gap/reference_hand.py (numpy and
/// scipy 1.17.1 stats.t in /work/.venv-peers/bin/python).
@Suite("gap: accounts and share projection on a hand example")
struct ShareProjectionTests {
    let series = flowSeries(handYTD)

    @Test("seasonal basis: τ, κ, π, growth view, required pace, projection, P(meet) and P(meet stretch)")
    func seasonal() throws {
        let row = try one(series, growthTarget(6, stretch: 8), options("2024Q2", .seasonal))
        #expect(close(row.timeShare, 0.45223978919631097))
        #expect(close(row.taskShare, 0.45939294503691547))
        #expect(close(row.progressPP, 0.7153155840604497, 1e-11))
        #expect(close(row.ytdGrowth, 7.692307692307687, 1e-12))
        #expect(close(row.growthGapPP, 7.692307692307687 - 6, 1e-12))
        #expect(close(row.requiredGrowth, 4.603174603174609, 1e-12))
        #expect(close(row.accelerationPP, 4.603174603174609 - 7.692307692307687, 1e-12))
        #expect(close(row.projected, 123.82811361981062, 1e-12))
        #expect(close(row.projectedGrowth, 7.676620538965762, 1e-11))
        // t quantiles by Newton iteration: 1e-10 relative is what StudentT.quantile promises.
        #expect(closeRelative(row.lo80, 122.48026845176139, 1e-10))
        #expect(closeRelative(row.hi80, 125.19079127165497, 1e-10))
        #expect(closeRelative(row.lo95, 120.77399891941502, 1e-10))
        #expect(closeRelative(row.hi95, 126.95946031290852, 1e-10))
        #expect(closeRelative(row.pMeet, 0.9430547684614962, 1e-10))
        #expect(closeRelative(row.pMeetStretch, 0.32842687079559785, 1e-10))
        #expect(row.light == .green)
        #expect(close(row.remaining, 115 * 1.06 - 56))
        #expect(row.notes.isEmpty)
    }

    @Test("the upper bound uses the minus sign: lo < projected < hi")
    func boundOrder() throws {
        let row = try one(series, growthTarget(6), options("2024Q2", .seasonal))
        #expect(row.lo95! < row.lo80! && row.lo80! < row.projected! && row.projected! < row.hi80! && row.hi80! < row.hi95!)
    }

    @Test("calendar basis τ = k/n; days basis τ = 182/366 in leap 2024 (reference_hand.py)")
    func calendarAndDays() throws {
        let cal = try one(series, growthTarget(6), options("2024Q2", .calendar))
        #expect(cal.timeShare == 0.5)
        #expect(close(cal.progressPP, 100 * (0.45939294503691547 - 0.5), 1e-12))
        #expect(cal.light == .yellow)
        let days = try one(series, growthTarget(6), options("2024Q2", .days))
        #expect(close(days.timeShare, 0.4972677595628415, 1e-15))
        // Common year: 2023Q1 = 90/365.
        #expect(TimeBasis.dayShare(year: 2023, throughMonth: 3) == 90.0 / 365)
        #expect(TimeBasis.dayShare(year: 2000, throughMonth: 12) == 1)
        #expect(TimeBasis.daysInYear(1900) == 365 && TimeBasis.daysInYear(2000) == 366)
    }

    @Test("a level target: κ = YTD_k / T")
    func levelTarget() throws {
        let t = GapTarget(region: "A", indicator: "gdp", year: 2024, type: .level, target: 120)
        let row = try one(series, t, options("2024Q2"))
        #expect(close(row.taskShare, 56.0 / 120))
        #expect(close(row.requiredGrowth, 100 * ((120 - 56) / (115.0 - 52) - 1)))
        #expect(row.growthGapPP == nil)
    }

    @Test("one year of history: point projection, no interval, a note")
    func oneYear() throws {
        let row = try one(series, growthTarget(6), options("2024Q2", .seasonal, years: 1))
        #expect(close(row.timeShare, 52.0 / 115))
        #expect(close(row.projected, 56 / (52.0 / 115)))
        #expect(row.lo80 == nil && row.pMeet == nil)
        #expect(row.notes.contains { $0.contains("no interval") })
    }

    @Test("identical historical shares (s = 0): P(meet) is 0 or 1, bounds collapse")
    func zeroSpread() throws {
        let s = flowSeries([2021: [10, 40, 70, 100], 2022: [11, 44, 77, 110], 2023: [12, 48, 84, 120], 2024: [13, 52]])
        let hit = try one(s, growthTarget(8), options("2024Q2", .seasonal))  // Â = 130 ≥ 129.6
        #expect(close(hit.projected, 130))
        #expect(hit.pMeet == 1 && hit.lo95 == hit.hi95)
        let miss = try one(s, growthTarget(9), options("2024Q2", .seasonal))  // 130 < 130.8
        #expect(miss.pMeet == 0)
    }

    @Test("excluded years are replaced by earlier ones, with a note naming the years used")
    func excludedYears() throws {
        let row = try one(series, growthTarget(6), options("2024Q2", .seasonal, years: 2, excluded: [2022]))
        #expect(close(row.timeShare, (52.0 / 115 + 0.45) / 2))
        #expect(row.notes.contains("seasonal shares from 2023, 2021"))
    }

    @Test("fewer complete years than asked: uses what there is, with a note; none: undefined with a note")
    func fewerYears() throws {
        let row = try one(series, growthTarget(6), options("2024Q2", .seasonal, years: 5))
        #expect(close(row.timeShare, 0.45223978919631097))
        #expect(row.notes.contains { $0.contains("from 3 years") && $0.contains("fewer than the 5") })
        let fresh = flowSeries([2024: [25, 56]])
        let none = try one(fresh, nil, options("2024Q2", .seasonal))
        #expect(none.timeShare == nil && none.projected == nil)
        #expect(none.notes.contains { $0.contains("seasonal share undefined") })
    }
}
