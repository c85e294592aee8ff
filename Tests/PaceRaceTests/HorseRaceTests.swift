import PaceData
import Testing
@testable import PaceRace

/// Composite points, ranks, gaps, rank changes and notes on small inputs built in memory.
/// Expected values are worked out by hand from SPEC §5 in the comments.
@Suite("HorseRace: composite league table")
struct HorseRaceTests {
    static let scheme = try! RaceScheme(source: "s.csv", entries: [
        .init(indicator: "gdp", weight: 60, metric: "growth_gap_pp", direction: .higher, line: 2),
        .init(indicator: "cpi", weight: 40, metric: "ytd_growth", direction: .lower, line: 3),
    ])

    func input(_ rows: [(String, String, Double?)], source: String = "gap.csv") -> RaceInput {
        RaceInput(source: source, columns: ["growth_gap_pp", "ytd_growth"], rows: rows.enumerated().map { k, r in
            let metric = r.1 == "gdp" ? "growth_gap_pp" : "ytd_growth"
            return RaceInput.Row(region: r.0, indicator: r.1, asOf: "2024Q2",
                                 metrics: r.2.map { [metric: $0] } ?? [:], line: k + 2)
        })
    }

    @Test("floor outside [0, 1] is refused")
    func floor() {
        #expect(throws: RaceError.invalidFloor(1.5)) { try HorseRace(scheme: Self.scheme, floor: 1.5) }
        #expect(throws: RaceError.invalidFloor(-0.1)) { try HorseRace(scheme: Self.scheme, floor: -0.1) }
        #expect(throws: (any Error).self) { try HorseRace(scheme: Self.scheme, floor: .nan) }
    }

    @Test("rank scoring, two indicators: sums, composite ties (1, 2, 2, 4), gaps, order by name")
    func composite() throws {
        // gdp (w 60, higher): A 1.0, B 0.5, C 0.0, D −1.0 → places 1..4 → 60, 52, 44, 36
        //   (60·(1 − 0.4·(r−1)/3): 60, 52, 44, 36).
        // cpi (w 40, lower):  A 3.0, B 2.0, C 1.0, D 2.5 → places A 4, B 2, C 1, D 3 →
        //   40·(1 − 0.4·(r−1)/3): C 40, B 34.666…, D 29.333…, A 24.
        // Totals: B 86.666…, A 84, C 84, D 65.333… → B 1; A and C tie for 2 (A first by name); D 4.
        let race = try HorseRace(scheme: Self.scheme)
        let result = try race.run(input([
            ("A", "gdp", 1.0), ("B", "gdp", 0.5), ("C", "gdp", 0.0), ("D", "gdp", -1.0),
            ("A", "cpi", 3.0), ("B", "cpi", 2.0), ("C", "cpi", 1.0), ("D", "cpi", 2.5),
        ]))
        #expect(result.standings.map(\.region) == ["B", "A", "C", "D"])
        #expect(result.standings.map(\.rank) == [1, 2, 2, 4])
        let b = try #require(result.standing(of: "B"))
        #expect(close(b.points, 52 + 40 * (1 - 0.4 / 3), 1e-9))
        #expect(b.gapAhead == nil && close(b.gapBehind, 52 + 40 * (1 - 0.4 / 3) - 84, 1e-9))
        let a = try #require(result.standing(of: "A"))
        #expect(close(a.points, 84, 1e-9))
        #expect(a.indicators.map(\.rank) == [1, 4])
        #expect(close(a.indicators[0].points, 60, 1e-12) && close(a.indicators[1].points, 24, 1e-12))
        #expect(a.gapBehind == 0 && result.standings[2].gapAhead == 0)
        let d = try #require(result.standing(of: "D"))
        #expect(close(d.points, 36 + 40 * (1 - 0.8 / 3), 1e-9) && d.gapBehind == nil)
        #expect(close(d.gapAhead, 84 - (36 + 40 * (1 - 0.8 / 3)), 1e-9))
        #expect(result.asOf == ["2024Q2"])

        // Ties: B and C equal everywhere, so they share place 2 and list by name.
        let tied = try race.run(input([
            ("D", "gdp", 2), ("C", "gdp", 1), ("B", "gdp", 1), ("A", "gdp", 0),
            ("D", "cpi", 1), ("C", "cpi", 2), ("B", "cpi", 2), ("A", "cpi", 3),
        ]))
        #expect(tied.standings.map(\.region) == ["D", "B", "C", "A"])
        #expect(tied.standings.map(\.rank) == [1, 2, 2, 4])
        #expect(tied.standings[1].gapBehind == 0 && tied.standings[2].gapAhead == 0)
    }

    @Test("composite totals equal up to summation order tie")
    func summationOrderTies() throws {
        // 0.1 + 0.2 ≠ 0.3 in binary, yet a region earning 0.1 and 0.2 and one earning 0.3 have
        // the same total in meaning: they must tie.
        #expect(0.1 + 0.2 != 0.3)
        let s = try RaceScheme(source: "s", entries: [
            .init(indicator: "a", weight: 0.1, metric: "p_meet"), .init(indicator: "b", weight: 0.2, metric: "p_meet"),
            .init(indicator: "c", weight: 0.3, metric: "p_meet"),
        ])
        // With N = 2 and f = 0: winner earns w, loser 0. X wins a, b: 0.1 + 0.2 = 0.30000000000000004;
        // Y wins c: 0.3. Different in binary, equal in meaning.
        let rows = [("X", "a", 1.0), ("Y", "a", 0.0), ("X", "b", 1.0), ("Y", "b", 0.0), ("X", "c", 0.0), ("Y", "c", 1.0)]
        let data = RaceInput(source: "g", columns: ["p_meet"], rows: rows.map {
            RaceInput.Row(region: $0.0, indicator: $0.1, metrics: ["p_meet": $0.2])
        })
        let result = try HorseRace(scheme: s, floor: 0).run(data)
        #expect(result.standings.map(\.rank) == [1, 1])
        #expect(result.standings.map(\.region) == ["X", "Y"])
        #expect(result.standings[0].gapBehind == 0)
    }

    @Test("a region missing an indicator or a value is ranked on what it has, with a note")
    func missing() throws {
        // gdp: A 1, B 0 (C has no row). cpi: A 2, B 1, C empty value.
        // gdp N = 2: A 60, B 36. cpi N = 2 (lower): B 40, A 40·0.6 = 24. C: 0 + 0.
        // Totals A 84, B 76, C 0.
        let result = try HorseRace(scheme: Self.scheme).run(input([
            ("A", "gdp", 1), ("B", "gdp", 0), ("A", "cpi", 2), ("B", "cpi", 1), ("C", "cpi", nil),
        ]))
        #expect(result.standings.map(\.region) == ["A", "B", "C"])
        #expect(result.standings.map(\.rank) == [1, 2, 3])
        let c = try #require(result.standing(of: "C"))
        #expect(c.points == 0 && c.rank == 3 && c.indicators.map(\.rank) == [nil, nil])
        #expect(c.notes == ["no gdp row: 0 points for gdp", "no ytd_growth for cpi: 0 points for cpi"])
        let a = try #require(result.standing(of: "A"))
        #expect(close(a.points, 60 + 24, 1e-12) && a.notes.isEmpty)
        let b = try #require(result.standing(of: "B"))
        #expect(close(b.points, 36 + 40, 1e-12))
    }

    @Test("rank change against a previous race: positive = moved up; absent → nil with a note")
    func rankChange() throws {
        let race = try HorseRace(scheme: Self.scheme)
        let now = input([("A", "gdp", 3), ("B", "gdp", 2), ("C", "gdp", 1), ("A", "cpi", 1), ("B", "cpi", 1),
                         ("C", "cpi", 1)])
        let before = input([("C", "gdp", 3), ("A", "gdp", 2), ("D", "gdp", 1), ("C", "cpi", 1), ("A", "cpi", 1),
                            ("D", "cpi", 1)], source: "old.csv")
        let result = try race.run(now, previous: before)
        // Now A 1, B 2, C 3; before C 1, A 2, D 3 → A +1, B absent, C −2.
        #expect(result.standings.map(\.rankChange) == [1, nil, -2])
        #expect(result.standing(of: "B")?.notes == ["not in the previous race"])
        #expect(result.previousSource == "old.csv")
    }

    @Test("bad input: indicator absent, metric column absent, duplicate rows — exact messages")
    func badInput() throws {
        let race = try HorseRace(scheme: Self.scheme)
        let noCPI = input([("A", "gdp", 1), ("B", "gdp", 2)])
        #expect(throws: InputError(file: "s.csv", line: 3, column: 1, problem: "indicator is absent from gap.csv",
                                   found: "cpi", expected: "one of gdp")) { try race.run(noCPI) }
        var noColumn = input([("A", "gdp", 1), ("A", "cpi", 2)])
        noColumn.columns = ["growth_gap_pp"]
        #expect(throws: InputError(file: "gap.csv", problem: "no column named \"ytd_growth\" (scheme s.csv line 3)",
                                   expected: "pace gap output with a \"ytd_growth\" column")) { try race.run(noColumn) }
        let duplicate = input([("A", "gdp", 1), ("A", "cpi", 2), ("A", "gdp", 3)])
        #expect(throws: InputError(file: "gap.csv", line: 4,
                                   problem: "duplicate row for region \"A\" and indicator \"gdp\"",
                                   expected: "one row per region and indicator (also on line 2)")) { try race.run(duplicate) }
        // The previous input is checked the same way.
        #expect(throws: InputError.self) { try race.run(input([("A", "gdp", 1), ("A", "cpi", 2)]), previous: noCPI) }
    }

    @Test("a region with data as of an earlier period is noted; an input without rows is refused")
    func staleAndEmpty() throws {
        let s = try RaceScheme(source: "s", entries: [.init(indicator: "gdp", weight: 1, metric: "p_meet", line: 2)])
        let data = RaceInput(source: "g", columns: ["p_meet"], rows: [
            .init(region: "A", indicator: "gdp", asOf: "2024-05", metrics: ["p_meet": 0.9]),
            .init(region: "B", indicator: "gdp", asOf: "2024-04", metrics: ["p_meet": 0.1]),
        ])
        let result = try HorseRace(scheme: s).run(data)
        #expect(result.asOf == ["2024-04", "2024-05"])
        #expect(result.standing(of: "A")?.notes == [])
        #expect(result.standing(of: "B")?.notes == ["data as of 2024-04, not the latest 2024-05"])
        #expect(throws: InputError(file: "s", line: 2, column: 1, problem: "indicator is absent from g", found: "gdp",
                                   expected: "an input with rows (it has none)")) {
            try HorseRace(scheme: s).run(RaceInput(source: "g", columns: ["p_meet"], rows: []))
        }
    }

    @Test("the latest as-of is judged in time, not as text: 2024-12 is later than 2024Q3")
    func latestInTime() throws {
        // Text order gets mixed frequencies wrong: "2024-12" < "2024Q3" as text ('-' is 0x2D,
        // 'Q' 0x51), but December 2024 is after September 2024.
        #expect(RaceInput.chronological("2024Q3", "2024-12"))
        #expect("2024-12" < "2024Q3")
        #expect(RaceInput.chronological("2024-06", "2024Q4"))
        #expect(!RaceInput.chronological("2024Q4", "2024-06"))
        #expect(RaceInput.chronological("2024Q4", "2025"))
        #expect(RaceInput.chronological("2024-12", "2024Q4"))  // same end month: Period's order, month first
        #expect(RaceInput.chronological("2025", "not a period"))
        let s = try RaceScheme(source: "s", entries: [.init(indicator: "gdp", weight: 1, metric: "p_meet", line: 2)])
        let data = RaceInput(source: "g", columns: ["p_meet"], rows: [
            .init(region: "A", indicator: "gdp", asOf: "2024-12", metrics: ["p_meet": 0.9]),
            .init(region: "B", indicator: "gdp", asOf: "2024Q3", metrics: ["p_meet": 0.1]),
        ])
        let result = try HorseRace(scheme: s).run(data)
        #expect(result.asOf == ["2024Q3", "2024-12"])
        #expect(result.standing(of: "A")?.notes == [])
        #expect(result.standing(of: "B")?.notes == ["data as of 2024Q3, not the latest 2024-12"])
    }

    @Test("rows of indicators outside the scheme are ignored, but their regions still take part")
    func extraIndicators() throws {
        let s = try RaceScheme(source: "s", entries: [.init(indicator: "gdp", weight: 1, metric: "p_meet")])
        let data = RaceInput(source: "g", columns: ["p_meet"], rows: [
            .init(region: "A", indicator: "gdp", metrics: ["p_meet": 0.9]),
            .init(region: "B", indicator: "fai", metrics: ["p_meet": 0.1]),
        ])
        let result = try HorseRace(scheme: s).run(data)
        #expect(result.standings.map(\.region) == ["A", "B"])
        #expect(result.standing(of: "B")?.notes == ["no gdp row: 0 points for gdp"])
    }
}
