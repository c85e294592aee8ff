import PaceData
import Testing
@testable import PaceRace

/// The league table does not depend on the scale of the weights or of the metrics: ties are judged relative to
/// the largest weight (an absolute rounding to 1e-9 tied every region under weights of 1e-9 and overflowed under
/// 1e300), and standard scores survive metrics whose squares overflow or underflow.
@Suite("HorseRace: scale of weights and metrics")
struct RaceScaleTests {
    func scheme(weight: Double) -> RaceScheme {
        try! RaceScheme(source: "s.csv", entries: [.init(indicator: "gdp", weight: weight, metric: "growth_gap_pp")])
    }

    func input(_ values: [Double]) -> RaceInput {
        RaceInput(source: "gap.csv", columns: ["growth_gap_pp"], rows: values.enumerated().map { k, v in
            RaceInput.Row(region: String(UnicodeScalar(UInt8(65 + k))), indicator: "gdp", asOf: "2024Q2",
                          metrics: ["growth_gap_pp": v], line: k + 2)
        })
    }

    @Test("weights of 1e-9, 1, 1e300: the same ranks and gaps in proportion", arguments: [1e-9, 1.0, 1e300])
    func weightScale(weight: Double) throws {
        let values = [1.0, 0.5, 0.0, 0.5]
        for scoring in RaceScoring.allCases {
            let result = try HorseRace(scheme: scheme(weight: weight), scoring: scoring).run(input(values))
            let unit = try HorseRace(scheme: scheme(weight: 1), scoring: scoring).run(input(values))
            #expect(result.standings.map(\.region) == unit.standings.map(\.region), "\(scoring)")
            #expect(result.standings.map(\.rank) == [1, 2, 2, 4], "\(scoring) \(weight)")
            for (a, b) in zip(result.standings, unit.standings) {
                #expect(abs(a.points - weight * b.points) <= 1e-12 * weight * max(abs(b.points), 1), "\(scoring)")
                if let g = a.gapBehind, let h = b.gapBehind {
                    #expect(abs(g - weight * h) <= 1e-12 * weight * max(abs(h), 1), "\(scoring)")
                }
            }
        }
    }

    @Test("z-scores of metrics near 1e300 or 1e-300 equal those of the same metrics near 1")
    func metricScale() throws {
        let values = [3.0, -1.0, 0.5, 2.0, -4.0]
        let unit = try HorseRace(scheme: scheme(weight: 60), scoring: .zscore).run(input(values))
        #expect(unit.standings.map(\.region) == ["A", "D", "C", "B", "E"])
        for factor in [1e300, 1e-300, 1e160, 1e-170] {
            let scaled = try HorseRace(scheme: scheme(weight: 60), scoring: .zscore).run(input(values.map { $0 * factor }))
            #expect(scaled.standings.map(\.region) == unit.standings.map(\.region), "\(factor)")
            for (a, b) in zip(scaled.standings, unit.standings) {
                #expect(abs(a.points - b.points) <= 1e-12 * 60, "\(factor): \(a.points) vs \(b.points)")
            }
        }
    }
}
