import PropertyBased
import Testing
@testable import PaceGap

/// A random quarterly flow: 5 complete years 2019–2023 and 2024 through Q4, built from a
/// positive annual total per year and a positive (noisy) seasonal profile per year.
private func randomFlow(_ totals: [Double], _ profile: [Double], _ noise: [Double]) -> GapSeries {
    var s = GapSeries(region: "A", indicator: "gdp", periodsPerYear: 4, firstYear: 2019, yearCount: 6)
    for y in 0..<6 {
        var weights = (0..<4).map { profile[$0] * (1 + noise[(y * 4 + $0) % noise.count]) }
        let sum = weights.reduce(0, +)
        weights = weights.map { $0 / sum }
        var running = 0.0
        for j in 0..<4 {
            running += totals[y] * weights[j]
            s.set(.ytd, year: 2019 + y, position: j + 1, value: running)
        }
    }
    return s
}

private let totals = Gen.double(in: 1...1e6).array(of: 6)
private let profile = Gen.double(in: 0.1...1).array(of: 4)
private let noise = Gen.double(in: -0.2...0.2).array(of: 24)
private let growth = Gen.double(in: -20...30)

@Suite("gap: properties")
struct PropertyTests {
    @Test("at the last period the projection equals the outcome and P(meet) is 0 or 1 (share and every basis)")
    func lastPeriod() async {
        await propertyCheck(count: 200, input: totals, profile, noise, growth) { totals, profile, noise, g in
            let s = randomFlow(totals, profile, noise)
            for basis in TimeBasis.allCases {
                let row = try! one(s, growthTarget(g, stretch: g + 1), options("2024Q4", basis))
                let outcome = s.flowYearToDate(year: 2024, position: 4)
                let goal = s.flowYearToDate(year: 2023, position: 4) * (1 + g / 100)
                #expect(row.projected == outcome && row.lo95 == outcome && row.hi80 == outcome)
                #expect(row.pMeet == (outcome >= goal ? 1 : 0))
                #expect(row.pMeetStretch == 0 || row.pMeetStretch == 1)
                #expect(row.requiredGrowth == nil)
                #expect(row.notes.contains { $0.hasPrefix("year complete") })
            }
        }
    }

    @Test("when this year's shares equal the seasonal norm, seasonal progress is 0")
    func onNorm() async {
        await propertyCheck(count: 200, input: totals, profile, Gen.int(in: 1...3), growth) { totals, profile, k, g in
            // Same profile every year (no noise), and this year's total exactly the target.
            var t = totals
            t[5] = t[4] * (1 + g / 100)
            let s = randomFlow(t, profile, [0])
            let row = try! one(s, growthTarget(g), options("2024Q\(k)", .seasonal))
            // Rounding of the cumulative sums and of the mean of three equal shares: 1e-9 points.
            #expect(abs(row.progressPP!) < 1e-9)
            #expect(abs(row.growthGapPP! - (row.ytdGrowth! - g)) < 1e-12)
        }
    }

    @Test("multiplying all values (and level targets) by a constant changes no share or growth")
    func scaleInvariance() async {
        await propertyCheck(count: 200, input: totals, profile, noise, Gen.double(in: 1e-3...1e3), Gen.int(in: 1...3)) {
            totals, profile, noise, c, k in
            let s = randomFlow(totals, profile, noise)
            var scaled = s
            scaled.ytd = s.ytd.map { $0 * c }
            let level = GapTarget(region: "A", indicator: "gdp", year: 2024, type: .level, target: totals[4] * 1.05)
            var levelScaled = level
            levelScaled.target *= c
            for basis in TimeBasis.allCases {
                for (a, b) in [(growthTarget(5), growthTarget(5)), (level, levelScaled)] {
                    let x = try! one(s, a, options("2024Q\(k)", basis))
                    let y = try! one(scaled, b, options("2024Q\(k)", basis))
                    // Scaling changes rounding only: 1e-9 absolute on shares, points and probabilities.
                    func same(_ u: Double?, _ v: Double?) -> Bool {
                        guard let u, let v else { return u == nil && v == nil }
                        return abs(u - v) <= 1e-9 * max(1, abs(u))
                    }
                    #expect(same(x.timeShare, y.timeShare) && same(x.taskShare, y.taskShare))
                    #expect(same(x.progressPP, y.progressPP) && same(x.ytdGrowth, y.ytdGrowth))
                    #expect(same(x.requiredGrowth, y.requiredGrowth) && same(x.accelerationPP, y.accelerationPP))
                    #expect(same(x.projectedGrowth, y.projectedGrowth) && same(x.pMeet, y.pMeet))
                    #expect(same(x.projected.map { $0 * c }, y.projected))
                    #expect(x.light == y.light || abs(x.progressPP! - (-5)) < 1e-6 || abs(x.progressPP!) < 1e-6)
                }
            }
        }
    }
}
