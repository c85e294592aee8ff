import PaceData

/// The horse race (SPEC §5): ranks regions on a weighted scheme of gap metrics.
///
/// For each scheme entry the regions with a value are scored by `IndicatorScorer`; a
/// region's composite points are the sum over entries, and the composite rank follows the
/// same tie rule (1, 2, 2, 4). Composite points are compared rounded to 10⁻¹² of the scheme's total weight, so
/// sums of the same terms in a different order count as tied whatever the weights' scale. The order is deterministic: points
/// descending, then region name.
///
/// Every region present in the input takes part: one missing an indicator, or with an
/// undefined metric, gets no rank and 0 points for it and a note saying so. A region whose
/// scored rows are as of an earlier period than the latest in the input is noted too.
public struct HorseRace: Sendable {
    public var scheme: RaceScheme
    public var scoring: RaceScoring
    /// The share of the weight earned by last place (`rank`) or the worst value (`minmax`).
    public var floor: Double

    /// - Throws: `RaceError.invalidFloor` unless 0 ≤ floor ≤ 1.
    public init(scheme: RaceScheme, scoring: RaceScoring = .rank, floor: Double = 0.6) throws {
        guard floor >= 0, floor <= 1 else { throw RaceError.invalidFloor(floor) }
        self.scheme = scheme
        self.scoring = scoring
        self.floor = floor
    }

    /// Runs the race on `input`, with rank changes against `previous` when given.
    /// - Throws: `InputError` when a scheme indicator is absent from the input (or from
    ///   `previous`), a scheme metric is not a column of it, or a region × indicator pair
    ///   appears twice.
    public func run(_ input: RaceInput, previous: RaceInput? = nil) throws -> RaceResult {
        var standings = try rank(input)
        if let previous {
            let before = try rank(previous)
            var placeBefore: [String: Int] = [:]
            for s in before { placeBefore[s.region] = s.rank }
            for k in standings.indices {
                if let old = placeBefore[standings[k].region] {
                    standings[k].rankChange = old - standings[k].rank
                } else {
                    standings[k].notes.append("not in the previous race")
                }
            }
        }
        return RaceResult(scheme: scheme, scoring: scoring, floor: floor, asOf: input.asOfPeriods,
                          source: input.source, previousSource: previous?.source, standings: standings)
    }

    /// The ordered standings of one input (no rank changes).
    func rank(_ input: RaceInput) throws -> [RaceStanding] {
        try check(input)
        // Regions in order of first appearance; one value slot per scheme entry.
        var regionIndex: [String: Int] = [:]
        var regions: [String] = []
        var values: [[Double?]] = Array(repeating: [], count: scheme.entries.count)
        var seenLine: [[Int?]] = Array(repeating: [], count: scheme.entries.count)
        var hasRow: [[Bool]] = Array(repeating: [], count: scheme.entries.count)
        var regionAsOf: [[String]] = []
        var entryIndex: [String: Int] = [:]
        for (k, e) in scheme.entries.enumerated() { entryIndex[e.indicator] = k }
        for row in input.rows {
            let r: Int
            if let known = regionIndex[row.region] {
                r = known
            } else {
                r = regions.count
                regionIndex[row.region] = r
                regions.append(row.region)
                for k in values.indices { values[k].append(nil); seenLine[k].append(nil); hasRow[k].append(false) }
                regionAsOf.append([])
            }
            guard let k = entryIndex[row.indicator] else { continue }
            if let asOf = row.asOf, !regionAsOf[r].contains(asOf) { regionAsOf[r].append(asOf) }
            if hasRow[k][r] {
                let first = seenLine[k][r].map { " (also on line \($0))" } ?? ""
                throw InputError(file: input.source, line: row.line,
                                 problem: "duplicate row for region \"\(row.region)\" and indicator \"\(row.indicator)\"",
                                 expected: "one row per region and indicator" + first)
            }
            hasRow[k][r] = true
            seenLine[k][r] = row.line
            if let v = row.metrics[scheme.entries[k].metric] {
                guard v.isFinite else {
                    throw InputError(file: input.source, line: row.line, problem: "not a finite number in \"\(scheme.entries[k].metric)\"",
                                     found: "\(v)", expected: "a finite number")
                }
                values[k][r] = v
            }
        }
        var scores: [[IndicatorScore]] = []
        for (k, e) in scheme.entries.enumerated() {
            let scorer = IndicatorScorer(scoring: scoring, weight: e.weight, floor: floor, direction: e.direction)
            scores.append(scorer.score(values[k]))
        }
        let latest = regionAsOf.joined().max(by: RaceInput.chronological)
        var standings: [RaceStanding] = []
        standings.reserveCapacity(regions.count)
        for (r, region) in regions.enumerated() {
            var points = 0.0
            var own: [IndicatorScore] = []
            var notes: [String] = []
            for (k, e) in scheme.entries.enumerated() {
                let s = scores[k][r]
                own.append(s)
                points += s.points
                if !hasRow[k][r] {
                    notes.append("no \(e.indicator) row: 0 points for \(e.indicator)")
                } else if s.value == nil {
                    notes.append("no \(e.metric) for \(e.indicator): 0 points for \(e.indicator)")
                }
            }
            if let latest {
                for asOf in regionAsOf[r].sorted(by: RaceInput.chronological) where asOf != latest {
                    notes.append("data as of \(asOf), not the latest \(latest)")
                }
            }
            standings.append(RaceStanding(region: region, points: points, rank: 0, indicators: own, notes: notes))
        }
        let unit = tieUnit
        func key(_ points: Double) -> Double { HorseRace.comparisonKey(points, unit: unit) }
        // `upper − lower`, exactly 0 for tied totals.
        func gap(_ upper: Double, _ lower: Double) -> Double { key(upper) == key(lower) ? 0 : upper - lower }
        standings.sort { a, b in
            let (ka, kb) = (key(a.points), key(b.points))
            return ka != kb ? ka > kb : a.region < b.region
        }
        for k in standings.indices {
            let own = key(standings[k].points)
            if k > 0 && key(standings[k - 1].points) == own {
                standings[k].rank = standings[k - 1].rank
            } else {
                standings[k].rank = k + 1
            }
            if k > 0 { standings[k].gapAhead = gap(standings[k - 1].points, standings[k].points) }
            if k + 1 < standings.count {
                standings[k].gapBehind = gap(standings[k].points, standings[k + 1].points)
            }
        }
        return standings
    }

    /// Composite points as compared for order and ties: in units of 10⁻¹² of the scheme's largest weight (the
    /// most points one indicator can give under `rank` and `minmax`), rounded, so that sums of the same terms in a different
    /// order (which may differ in the last bits) tie — at any scale of the weights (an absolute rounding would tie
    /// everything under weights of 10⁻⁹ and overflow under 10³⁰⁰).
    func comparisonKey(_ points: Double) -> Double { HorseRace.comparisonKey(points, unit: tieUnit) }

    /// The scheme's largest weight, the unit of ``comparisonKey(_:)``.
    var tieUnit: Double { scheme.entries.reduce(0) { max($0, $1.weight) } }

    static func comparisonKey(_ points: Double, unit: Double) -> Double { (points / unit * 1e12).rounded() }

    /// Every scheme indicator must appear in the input and every scheme metric be a column.
    func check(_ input: RaceInput) throws {
        let indicators = Set(input.rows.map(\.indicator))
        for e in scheme.entries {
            guard input.columns.contains(e.metric) else {
                throw InputError(file: input.source, problem: "no column named \"\(e.metric)\" (scheme \(scheme.source) line \(e.line.map(String.init) ?? "?"))",
                                 expected: "pace gap output with a \"\(e.metric)\" column")
            }
            guard indicators.contains(e.indicator) else {
                throw InputError(file: scheme.source, line: e.line, column: 1,
                                 problem: "indicator is absent from \(input.source)", found: e.indicator,
                                 expected: indicators.isEmpty ? "an input with rows (it has none)"
                                     : "one of " + indicators.sorted().joined(separator: ", "))
            }
        }
    }
}
