import Testing
@testable import PaceRace

/// Invariants on seeded random inputs: the table does not depend on the order of the input
/// rows, ranks form a competition ranking, and rank/minmax points stay within [w·f, w].
@Suite("HorseRace invariants on seeded random inputs")
struct RaceInvariantTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let scheme = try! RaceScheme(source: "s", entries: [
        .init(indicator: "a", weight: 3, metric: "p_meet", direction: .higher),
        .init(indicator: "b", weight: 2, metric: "progress_pp", direction: .lower),
        .init(indicator: "c", weight: 0.5, metric: "p_meet", direction: .higher),
    ])

    func randomInput(_ rng: inout SplitMix, regions: Int) -> RaceInput {
        var rows: [RaceInput.Row] = []
        for r in 0..<regions {
            for (k, indicator) in ["a", "b", "c"].enumerated() {
                if Int.random(in: 0..<10, using: &rng) == 0 { continue }  // some rows missing
                // Few distinct values, so ties are common.
                let value = Double(Int.random(in: -3...3, using: &rng)) / 2
                let metric = k == 1 ? "progress_pp" : "p_meet"
                let missing = Int.random(in: 0..<10, using: &rng) == 0
                rows.append(.init(region: "R\(r)", indicator: indicator, metrics: missing ? [:] : [metric: value]))
            }
        }
        return RaceInput(source: "g", columns: ["p_meet", "progress_pp"], rows: rows)
    }

    @Test("order of input rows does not matter; ranks are competition ranks; points in range",
          arguments: [RaceScoring.rank, .minmax, .zscore])
    func invariants(scoring: RaceScoring) throws {
        var rng = SplitMix(state: 20_241_122)
        let race = try HorseRace(scheme: Self.scheme, scoring: scoring, floor: 0.6)
        for trial in 0..<40 {
            let input = randomInput(&rng, regions: 1 + trial % 12)
            guard Set(input.rows.map(\.indicator)).count == 3 else { continue }
            let result = try race.run(input)
            var shuffled = input
            shuffled.rows.shuffle(using: &rng)
            let again = try race.run(shuffled)
            #expect(result.standings.map(\.region) == again.standings.map(\.region))
            #expect(result.standings.map(\.rank) == again.standings.map(\.rank))
            for (x, y) in zip(result.standings, again.standings) {
                #expect(close(x.points, y.points, 1e-12))
            }
            // Competition ranking: rank = 1 + number of regions with strictly more points.
            for s in result.standings {
                let better = result.standings.filter { $0.points > s.points + 1e-9 }.count
                #expect(s.rank == 1 + better)
            }
            // Per-indicator points within [w·f, w] for rank and minmax; 0 without a value.
            for s in result.standings {
                for (e, score) in zip(Self.scheme.entries, s.indicators) {
                    if score.value == nil {
                        #expect(score.points == 0 && score.rank == nil)
                    } else if scoring != .zscore {
                        #expect(score.points >= e.weight * 0.6 - 1e-12 && score.points <= e.weight + 1e-12)
                    }
                }
            }
            // zscore points of each indicator sum to zero over the regions with a value.
            if scoring == .zscore {
                for k in Self.scheme.entries.indices {
                    let total = result.standings.map { $0.indicators[k].points }.reduce(0, +)
                    #expect(abs(total) < 1e-9)
                }
            }
        }
    }
}
