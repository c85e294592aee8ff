import Testing
@testable import PaceRace

/// Scoring by hand. Every expected number below is worked out from SPEC §5's formulas in the
/// comment next to it (weight w, floor f, N regions with a value); none comes from the code.
@Suite("IndicatorScorer: rank, minmax and zscore by hand")
struct IndicatorScorerTests {
    func scorer(_ scoring: RaceScoring, weight: Double = 10, floor: Double = 0.6,
                _ direction: MetricDirection = .higher) -> IndicatorScorer {
        IndicatorScorer(scoring: scoring, weight: weight, floor: floor, direction: direction)
    }

    // MARK: edge cases first

    @Test("no regions, all values missing: no ranks, zero points, for every method")
    func empty() {
        for method in RaceScoring.allCases {
            #expect(scorer(method).score([]).isEmpty)
            let s = scorer(method).score([nil, nil])
            #expect(s.map(\.rank) == [nil, nil])
            #expect(s.map(\.points) == [0, 0])
        }
    }

    @Test("one region: rank and minmax give the weight, zscore gives 0 (no spread)")
    func single() {
        #expect(scorer(.rank).score([-3]) == [IndicatorScore(value: -3, rank: 1, points: 10)])
        #expect(scorer(.minmax).score([-3]) == [IndicatorScore(value: -3, rank: 1, points: 10)])
        #expect(scorer(.zscore).score([-3]) == [IndicatorScore(value: -3, rank: 1, points: 0)])
    }

    @Test("a missing value gets no rank and 0 points and does not count in N")
    func missingValue() {
        // N = 2 ⇒ first earns w = 10, last earns w·f = 6.
        let s = scorer(.rank).score([3, nil, 1])
        #expect(s.map(\.rank) == [1, nil, 2])
        #expect(close(s[0].points, 10) && s[1].points == 0 && close(s[2].points, 6))
    }

    @Test("zero weight: every region earns 0 but is still ranked")
    func zeroWeight() {
        let s = scorer(.rank, weight: 0).score([1, 2])
        #expect(s.map(\.rank) == [2, 1])
        #expect(s.map(\.points) == [0, 0])
    }

    // MARK: rank

    @Test("rank: w·(1 − (1−f)(r−1)/(N−1)), N = 4, w = 10, f = 0.6")
    func rankPoints() {
        let s = scorer(.rank).score([3, 1, 2, 0])
        #expect(s.map(\.rank) == [1, 3, 2, 4])
        // r = 1: 10;  r = 2: 10·(1 − 0.4/3) = 26/3;  r = 3: 10·(1 − 0.8/3) = 22/3;  r = 4: 10·0.6 = 6.
        #expect(close(s[0].points, 10, 1e-12))
        #expect(close(s[2].points, 26.0 / 3, 1e-12))
        #expect(close(s[1].points, 22.0 / 3, 1e-12))
        #expect(close(s[3].points, 6, 1e-12))
    }

    @Test("rank ties share the better place and its points: 1, 2, 2, 4")
    func rankTies() {
        let s = scorer(.rank).score([5, 4, 4, 1])
        #expect(s.map(\.rank) == [1, 2, 2, 4])
        // places 2 and 2 both earn 10·(1 − 0.4·1/3) = 26/3; place 4 earns 6.
        #expect(close(s[1].points, 26.0 / 3, 1e-12) && s[1].points == s[2].points)
        #expect(close(s[3].points, 6, 1e-12))
        // A tie for last: 1, 2, 3, 3 — nobody earns the floor: places 3 earn 10·(1 − 0.4·2/3) = 22/3.
        let t = scorer(.rank).score([4, 3, 1, 1])
        #expect(t.map(\.rank) == [1, 2, 3, 3])
        #expect(close(t[2].points, 22.0 / 3, 1e-12) && t[2].points == t[3].points)
        // Everyone tied: all first, all earn w.
        #expect(scorer(.rank).score([2, 2, 2]).map(\.points) == [10, 10, 10])
    }

    @Test("rank, direction lower: the smallest value is first")
    func rankLower() {
        let s = scorer(.rank, .lower).score([5, 4, 4, 1])
        #expect(s.map(\.rank) == [4, 2, 2, 1])
        #expect(close(s[3].points, 10, 1e-12) && close(s[0].points, 6, 1e-12))
    }

    @Test("rank with floor 0 and floor 1")
    func rankFloors() {
        // f = 0, N = 3, w = 9: 9, 9·(1 − 1/2) = 4.5, 0.
        #expect(scorer(.rank, weight: 9, floor: 0).score([3, 2, 1]).map(\.points) == [9, 4.5, 0])
        // f = 1: everyone earns w.
        #expect(scorer(.rank, weight: 9, floor: 1).score([3, 2, 1]).map(\.points) == [9, 9, 9])
    }

    // MARK: minmax

    @Test("minmax: w·(f + (1−f)(x − worst)/(best − worst)) onto [w·f, w]")
    func minmax() {
        let s = scorer(.minmax).score([2, 4, 10])
        // best 10 → 10; worst 2 → 6; 4 → 10·(0.6 + 0.4·2/8) = 7.
        #expect(close(s[2].points, 10, 1e-12) && close(s[0].points, 6, 1e-12) && close(s[1].points, 7, 1e-12))
        #expect(s.map(\.rank) == [3, 2, 1])
        let lower = scorer(.minmax, .lower).score([2, 4, 10])
        // best 2 → 10; worst 10 → 6; 4 → 10·(0.6 + 0.4·(4 − 10)/(2 − 10)) = 10·0.9 = 9.
        #expect(close(lower[0].points, 10, 1e-12) && close(lower[2].points, 6, 1e-12)
                && close(lower[1].points, 9, 1e-12))
        #expect(lower.map(\.rank) == [1, 2, 3])
    }

    @Test("minmax: all values equal earn the weight; ties share points; negatives fine")
    func minmaxTies() {
        #expect(scorer(.minmax).score([-1.5, -1.5]).map(\.points) == [10, 10])
        let s = scorer(.minmax).score([-2, 0, 0, -1])
        // best 0 → 10 (twice); worst −2 → 6; −1 → 10·(0.6 + 0.4·1/2) = 8.
        #expect(s.map(\.rank) == [4, 1, 1, 3])
        #expect(s[1].points == 10 && s[2].points == 10 && close(s[0].points, 6, 1e-12)
                && close(s[3].points, 8, 1e-12))
    }

    // MARK: zscore

    @Test("zscore: w·(x − mean)/s with the sample SD; lower flips the sign")
    func zscore() {
        // x = 1, 2, 3, 6: mean 3, deviations −2, −1, 0, 3, Σd² = 14, s = √(14/3).
        let sd = (14.0 / 3).squareRoot()
        let s = scorer(.zscore, weight: 2).score([1, 2, 3, 6])
        #expect(close(s[0].points, 2 * -2 / sd, 1e-12))
        #expect(close(s[1].points, 2 * -1 / sd, 1e-12))
        #expect(close(s[2].points, 0, 1e-12))
        #expect(close(s[3].points, 2 * 3 / sd, 1e-12))
        #expect(s.map(\.rank) == [4, 3, 2, 1])
        let lower = scorer(.zscore, weight: 2, .lower).score([1, 2, 3, 6])
        #expect(close(lower[0].points, 2 * 2 / sd, 1e-12) && close(lower[3].points, 2 * -3 / sd, 1e-12))
        #expect(lower.map(\.rank) == [1, 2, 3, 4])
    }

    @Test("zscore: zero spread gives 0; missing values excluded from mean and SD")
    func zscoreEdges() {
        #expect(scorer(.zscore).score([4, 4, 4]).map(\.points) == [0, 0, 0])
        // x = 0, 10 (one missing): mean 5, s = √(50/1 + 0)… Σd² = 25 + 25 = 50, s = √50.
        let s = scorer(.zscore).score([0, nil, 10])
        #expect(close(s[0].points, 10 * -5 / 50.0.squareRoot(), 1e-12))
        #expect(s[1].points == 0 && s[1].rank == nil)
        #expect(close(s[2].points, 10 * 5 / 50.0.squareRoot(), 1e-12))
    }
}
