import Foundation
import PaceData
import Testing
@testable import PaceRace

/// The bundled provincial league tables (datasets/provincial_gdp_race_{2023,2024}.gap.csv with
/// datasets/provincial_gdp_race.scheme.csv) against ranks computed here independently: straight
/// from datasets/cn_provincial_gdp_targets.csv (the announced target and the NBS outcome), in
/// integer tenths of a point (every figure there has one decimal), sorted by hand.
@Suite("Provincial GDP race 2023–2024 against hand-computed ranks")
struct ProvincialRaceTests {
    static let datasets = repositoryRoot.appendingPathComponent("datasets")

    /// Region → outcome − target in tenths of a point, for the 31 provinces of `year`.
    static func gapsInTenths(year: Int) throws -> [String: Int] {
        let text = try String(contentsOf: datasets.appendingPathComponent("cn_provincial_gdp_targets.csv"), encoding: .utf8)
        var gaps: [String: Int] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            // region,indicator,year,type,target,actual,source — only `source` may be quoted.
            let f = line.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
            guard f[2] == String(year), f[1] == "gdp", f[0] != "China" else { continue }
            let target = Int((Double(f[4])! * 10).rounded())
            let actual = Int((Double(f[5])! * 10).rounded())
            gaps[f[0]] = actual - target
        }
        return gaps
    }

    /// Competition ranks (1, 2, 2, 4) of `values`, larger is better.
    static func competitionRanks(_ values: [String: Int]) -> [String: Int] {
        var ranks: [String: Int] = [:]
        for (region, v) in values { ranks[region] = 1 + values.values.filter { $0 > v }.count }
        return ranks
    }

    func race(_ year: Int, previous: Int? = nil) throws -> RaceResult {
        let scheme = try RaceScheme.read(path: Self.datasets.appendingPathComponent("provincial_gdp_race.scheme.csv").path)
        func load(_ y: Int) throws -> RaceInput {
            try RaceInput.readGapOutput(path: Self.datasets.appendingPathComponent("provincial_gdp_race_\(y).gap.csv").path,
                                        scheme: scheme)
        }
        return try HorseRace(scheme: scheme).run(load(year), previous: previous.map(load))
    }

    @Test("31 provinces, ranks and points from outcome − target", arguments: [2023, 2024])
    func league(year: Int) throws {
        let gaps = try Self.gapsInTenths(year: year)
        try #require(gaps.count == 31)
        let expected = Self.competitionRanks(gaps)
        let result = try race(year)
        #expect(result.standings.count == 31)
        #expect(result.asOf == [String(year)])
        for s in result.standings {
            #expect(s.rank == expected[s.region], "\(s.region)")
            #expect(s.indicators[0].rank == expected[s.region])
            // The gap file's metric is outcome − target (to 1e-9; it was rounded to 10 decimals).
            #expect(close(s.indicators[0].value, Double(gaps[s.region]!) / 10, 1e-9), "\(s.region)")
            // Rank scoring, weight 100, floor 0.6, N = 31: 100·(1 − 0.4·(r − 1)/30).
            let r = Double(expected[s.region]!)
            #expect(close(s.points, 100 * (1 - 0.4 * (r - 1) / 30), 1e-9), "\(s.region)")
            #expect(s.notes.isEmpty)
        }
        // Points descending, ties by name.
        for (a, b) in zip(result.standings, result.standings.dropFirst()) {
            #expect(a.points > b.points || (a.points == b.points && a.region < b.region))
        }
    }

    @Test("2024 against 2023: rank change = rank 2023 − rank 2024 for every province")
    func rankChanges() throws {
        let now = Self.competitionRanks(try Self.gapsInTenths(year: 2024))
        let before = Self.competitionRanks(try Self.gapsInTenths(year: 2023))
        let result = try race(2024, previous: 2023)
        for s in result.standings {
            #expect(s.rankChange == before[s.region]! - now[s.region]!, "\(s.region)")
        }
        // Spot checks read off the two years by hand: Jiangsu +0.7 leads 2024 (2023: +0.9, 6th);
        // Hainan −4.2 is last in 2024.
        #expect(result.standings.first?.region == "Jiangsu" && result.standings.first?.rankChange == 5)
        #expect(result.standings.last?.region == "Hainan" && result.standings.last?.rank == 31)
    }
}
