import PaceData

/// A horse-race scheme (SPEC §5): which indicators count, with what weight, judged on which
/// `pace gap` metric, and which way is better.
///
/// The scheme file is a CSV `indicator,weight,metric,direction` (column order free;
/// `direction` may be omitted and defaults to `higher`). Contract, checked on construction:
/// - every indicator appears once;
/// - every weight is a finite number ≥ 0 and the weights do not sum to zero;
/// - every metric is a numeric `pace gap` column (`GapColumns.numeric`).
public struct RaceScheme: Sendable, Equatable {
    /// One scored indicator.
    public struct Entry: Sendable, Equatable {
        public var indicator: String
        /// The points first place earns (SPEC §5); for `zscore` the multiplier of the score.
        public var weight: Double
        /// The `pace gap` column the regions are compared on.
        public var metric: String
        public var direction: MetricDirection
        /// 1-based line of the scheme file this entry came from, for messages.
        public var line: Int?

        public init(indicator: String, weight: Double, metric: String,
                    direction: MetricDirection = .higher, line: Int? = nil) {
            self.indicator = indicator
            self.weight = weight
            self.metric = metric
            self.direction = direction
            self.line = line
        }
    }

    /// The file the scheme was read from (or a name given by the caller).
    public var source: String
    /// Entries in scheme order: the order of the per-indicator output columns.
    public var entries: [Entry]

    /// A validated scheme.
    /// - Throws: `InputError` naming `source`, the entry's line and column, for a duplicate
    ///   indicator, a negative or non-finite weight, a metric that is not a numeric gap
    ///   column, weights summing to zero, or no entries at all.
    public init(source: String, entries: [Entry]) throws {
        self.source = source
        self.entries = entries
        try validate()
    }

    /// The metric names used by the scheme, without repeats, in scheme order.
    public var metrics: [String] {
        var seen: [String] = []
        for e in entries where !seen.contains(e.metric) { seen.append(e.metric) }
        return seen
    }

    /// The scheme entry for `indicator`, if it is scored.
    public func entry(for indicator: String) -> Entry? {
        entries.first { $0.indicator == indicator }
    }

    private func validate() throws {
        guard !entries.isEmpty else {
            throw InputError(file: source, line: 2, problem: "the scheme has no rows",
                             expected: "at least one row indicator,weight,metric,direction")
        }
        var total = 0.0
        for (k, e) in entries.enumerated() {
            if let first = entries[..<k].first(where: { $0.indicator == e.indicator }) {
                throw InputError(file: source, line: e.line, column: 1, problem: "duplicate scheme row",
                                 found: e.indicator,
                                 expected: "each indicator once (also on line \(first.line.map(String.init) ?? "?"))")
            }
            guard e.weight.isFinite, e.weight >= 0 else {
                throw InputError(file: source, line: e.line, column: 2, problem: "weight must be a finite number ≥ 0",
                                 found: formatNumber(e.weight).isEmpty ? "\(e.weight)" : formatNumber(e.weight),
                                 expected: "a number ≥ 0")
            }
            guard GapColumns.isNumeric(e.metric) else {
                throw InputError(file: source, line: e.line, column: 3,
                                 problem: "metric is not a numeric pace gap column", found: e.metric,
                                 expected: "one of " + GapColumns.numeric.joined(separator: ", "))
            }
            total += e.weight
        }
        guard total > 0 else {
            throw InputError(file: source, problem: "the weights sum to zero",
                             found: entries.map { formatNumber($0.weight) }.joined(separator: " + "),
                             expected: "at least one positive weight")
        }
    }
}
