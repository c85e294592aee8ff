/// Published growth set against growth recomputed from levels (SPEC §3): both are kept and the
/// periods where they differ by more than a tolerance are listed, never overwritten.
///
/// National statistics offices compare with a revised prior-year base and at constant prices,
/// so recomputed nominal growth rarely equals the published figure exactly; the comparison
/// shows where and by how much.
public struct GrowthComparison: Sendable, Equatable {
    /// One period where the two disagree.
    public struct Difference: Sendable, Equatable {
        public var period: Period
        public var published: Double
        public var recomputed: Double
        /// `published − recomputed`, in percentage points.
        public var points: Double { published - recomputed }
        /// The line of the published figure in its file, when known.
        public var line: Int?
    }

    /// One period with a published figure that could not be checked: the recomputed growth is undefined there
    /// (a base of zero or below, values covering different spans, a value out of range) — `reason` is the
    /// recomputation's note.
    public struct Unchecked: Sendable, Equatable {
        public var period: Period
        public var published: Double
        public var reason: String
        /// The line of the published figure in its file, when known.
        public var line: Int?
    }

    public var region: String
    public var indicator: String
    /// `yoy` or `ytd_yoy`.
    public var measure: Measure
    /// Tolerance in percentage points; differences with `|points| > tolerance` are listed.
    public var tolerance: Double
    /// Periods with both figures.
    public var compared: Int
    /// Largest `|published − recomputed|` over the compared periods (0 when none).
    public var largestDifference: Double
    public var differences: [Difference]
    /// Periods with a published figure where the recomputed growth is undefined, with why.
    public var unchecked: [Unchecked]

    /// Compares `published` (yoy, ytd_yoy or index_prev_year_100) with `recomputed` growth of
    /// the same frequency, period by period.
    public init(published: ObservationSeries, recomputed: ObservationSeries, tolerance: Double) {
        region = published.region
        indicator = published.indicator
        measure = published.measure == .previousYearIndex ? .yoy : published.measure
        self.tolerance = tolerance
        compared = 0
        largestDifference = 0
        differences = []
        unchecked = []
        let offset = published.start.frequency == recomputed.start.frequency
            ? published.start.ordinal - recomputed.start.ordinal : Int.min
        guard offset != Int.min else { return }
        let shift: Double = published.measure == .previousYearIndex ? 100 : 0
        for i in 0..<published.count {
            let j = i + offset
            guard j >= 0, j < recomputed.count else { continue }
            let p = published.values[i] - shift, r = recomputed.values[j]
            if !p.isNaN, r.isNaN, let reason = recomputed.notes[j] {
                let line = published.sourceLines.isEmpty ? nil : Int(published.sourceLines[i])
                unchecked.append(Unchecked(period: published.period(at: i), published: p, reason: reason, line: line))
            }
            guard !p.isNaN, !r.isNaN else { continue }
            compared += 1
            let d = abs(p - r)
            largestDifference = max(largestDifference, d)
            if d > tolerance {
                let line = published.sourceLines.isEmpty ? nil : Int(published.sourceLines[i])
                differences.append(Difference(period: published.period(at: i), published: p, recomputed: r,
                                              line: line))
            }
        }
    }
}
