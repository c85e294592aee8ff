import Dispatch

extension ObservationSet {
    /// Converts every (region, indicator) of the set to `target` (SPEC §3), choosing the inputs:
    ///
    /// - Amounts: `level` values are used as they are; with only `ytd` values, levels come from
    ///   ``ObservationSeries/levelFromYearToDate()`` and the other way round. Stocks (measure
    ///   `stock`, or kind `stock` in `metadata`) keep their end-of-period balances: `--to level`
    ///   gives them as `stock`, and they have no year-to-date values. Rates have none either.
    /// - Growth: `yoy`/`ytd_yoy` are recomputed from the amounts; where the file also publishes
    ///   them (`yoy`, `ytd_yoy`, or `index_prev_year_100` read as `value − 100`) the published
    ///   figure is the one written, and periods where it differs from the recomputed one by more
    ///   than `tolerance` points say so in their note, with both numbers; where the recomputed one is
    ///   undefined (a base of zero or below…) the note says the published figure is not checked, and why.
    ///   Periods without a published figure take the recomputed one.
    /// - `qoq`/`saar` need amounts. `two_year` averages `yoy` (`ytd_yoy` for year-to-date data).
    ///   `index` chains `yoy` (or `ytd_yoy` when there is no `yoy`) into the implied index.
    ///
    /// Groups that cannot give the target (growth-only data asked for levels, stocks asked for
    /// year-to-date values) are listed in ``ConversionResult/skipped`` with the reason.
    public func converted(to target: ConversionTarget, tolerance: Double = 0.1,
                          metadata: IndicatorMetadata = IndicatorMetadata()) -> ConversionResult {
        let groups = groupedByIndicator()
        // Groups are independent: large sets are converted on two threads, each filling its
        // own half of the outcome slots.
        let outcomes = GroupOutcomes(count: groups.count)
        let lanes = groups.count >= 4096 ? 2 : 1
        let all = self
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let range = lane == 0 ? 0..<(groups.count / lanes) : (groups.count / lanes)..<groups.count
            for g in range {
                outcomes.set(g, all.convertGroup(groups[g], to: target, tolerance: tolerance, metadata: metadata))
            }
        }
        var result = ConversionResult(series: [], skipped: [], comparisons: [])
        result.series.reserveCapacity(groups.count)
        for g in 0..<groups.count {
            let outcome = outcomes.take(g)
            switch outcome.converted {
            case .success(let s): result.series.append(s)
            case .failure(let skipped): result.skipped.append(skipped)
            }
            result.comparisons.append(contentsOf: outcome.comparisons)
        }
        return result
    }

    private func convertGroup(_ group: [Int], to target: ConversionTarget, tolerance: Double,
                              metadata: IndicatorMetadata) -> GroupOutcome {
        let members = group.map { series[$0] }
        var plan = GroupPlan(members: members, kind: metadata.kind(of: members[0].indicator), tolerance: tolerance)
        let converted: Result<ObservationSeries, ConversionResult.Skipped>
        do {
            if let s = try plan.convert(to: target) {
                converted = .success(s)
            } else {
                converted = .failure(.init(region: members[0].region, indicator: members[0].indicator,
                                           reason: plan.skipReason ?? "nothing to convert"))
            }
        } catch {
            converted = .failure(.init(region: members[0].region, indicator: members[0].indicator,
                                       reason: String(describing: error)))
        }
        return GroupOutcome(converted: converted, comparisons: plan.comparisons)
    }
}

struct GroupOutcome {
    var converted: Result<ObservationSeries, ConversionResult.Skipped>
    var comparisons: [GrowthComparison]
}

/// Outcome slots written by at most one thread each, read after the threads are joined.
final class GroupOutcomes: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<GroupOutcome?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func set(_ index: Int, _ outcome: GroupOutcome) { slots[index] = outcome }
    func take(_ index: Int) -> GroupOutcome {
        defer { slots[index] = nil }
        return slots[index]!
    }
}

/// The series of one (region, indicator), and how to get each measure from them.
struct GroupPlan {
    var byMeasure: [Measure: ObservationSeries] = [:]
    let kind: IndicatorMetadata.Kind
    let tolerance: Double
    var comparisons: [GrowthComparison] = []
    var skipReason: String?

    init(members: [ObservationSeries], kind: IndicatorMetadata.Kind, tolerance: Double) {
        for s in members { byMeasure[s.measure] = s }
        // A `stock` measure makes the indicator a stock even without metadata.
        self.kind = byMeasure[.stock] != nil ? .stock : kind
        self.tolerance = tolerance
    }

    var isGrowthOnly: Bool { byMeasure.keys.allSatisfy { !$0.isAmount } }

    /// Single-period amounts: levels of a flow or rate, balances of a stock.
    mutating func amounts() throws -> ObservationSeries? {
        switch kind {
        case .stock:
            if let s = byMeasure[.stock] { return s }
            if var s = byMeasure[.level] { s.measure = .stock; return s }
            skipReason = "a stock needs stock (or level) values"
            return nil
        case .rate:
            if let s = byMeasure[.level] { return s }
            skipReason = "a rate needs level values"
            return nil
        case .flow:
            if let s = byMeasure[.level] { return s }
            if let s = byMeasure[.ytd] { return try s.levelFromYearToDate() }
            skipReason = isGrowthOnly
                ? "growth only (\(measureList)): no level or ytd values; --to index gives the implied index"
                : "no level or ytd values"
            return nil
        }
    }

    /// Year-to-date values of a flow.
    mutating func yearToDate() throws -> ObservationSeries? {
        guard kind == .flow else {
            skipReason = "a \(kind.rawValue) has no year-to-date values"
            return nil
        }
        if let s = byMeasure[.ytd] { return s }
        if let s = byMeasure[.level] { return try s.yearToDateFromLevel() }
        skipReason = isGrowthOnly
            ? "growth only (\(measureList)): no level or ytd values"
            : "no level or ytd values"
        return nil
    }

    var measureList: String { byMeasure.keys.map(\.rawValue).sorted().joined(separator: ", ") }

    /// Published yoy (from `yoy` or `index_prev_year_100`) merged with yoy recomputed from amounts.
    mutating func yearOnYear() throws -> ObservationSeries? {
        let published = try byMeasure[.yoy] ?? byMeasure[.previousYearIndex]?.growthFromPreviousYearIndex()
        let base = byMeasure.keys.contains(where: \.isAmount) ? try amounts() : nil
        let recomputed = try base?.yearOnYear()
        return merge(published: published, recomputed: recomputed, measure: .yoy, rawPublished: byMeasure[.yoy] ?? byMeasure[.previousYearIndex])
    }

    mutating func yearToDateYearOnYear() throws -> ObservationSeries? {
        let published = byMeasure[.ytdYoy]
        let hasFlow = kind == .flow && (byMeasure[.ytd] != nil || byMeasure[.level] != nil)
        let recomputed = hasFlow ? try yearToDate()?.yearOnYear() : nil
        if published == nil && recomputed == nil && skipReason == nil {
            skipReason = kind == .flow ? "no ytd_yoy, ytd or level values" : "a \(kind.rawValue) has no year-to-date values"
        }
        return merge(published: published, recomputed: recomputed, measure: .ytdYoy, rawPublished: published)
    }

    mutating func convert(to target: ConversionTarget) throws -> ObservationSeries? {
        switch target {
        case .level:
            return try amounts()
        case .ytd:
            return try yearToDate()
        case .yoy:
            let r = try yearOnYear()
            if r == nil { skipReason = "no yoy, level, ytd or stock values" }
            return r
        case .ytdYoy:
            return try yearToDateYearOnYear()
        case .qoq, .saar:
            guard !isGrowthOnly else {
                skipReason = "growth only (\(measureList)): period-on-period growth needs level values"
                return nil
            }
            guard let a = try amounts() else { return nil }
            return target == .qoq ? try a.periodOnPeriod() : try a.annualisedPeriodOnPeriod()
        case .twoYear:
            let cumulative = kind == .flow && byMeasure[.level] == nil && byMeasure[.ytd] != nil
            let growth = cumulative ? try yearToDateYearOnYear() : (try yearOnYear() ?? yearToDateYearOnYear())
            guard let growth else {
                skipReason = "no growth or amounts to average"
                return nil
            }
            return try growth.twoYearAverageGrowth()
        case .index:
            guard let growth = try yearOnYear() ?? yearToDateYearOnYear() else {
                skipReason = "no growth or amounts to index"
                return nil
            }
            return try growth.impliedIndex()
        }
    }

    /// The published figure where there is one, else the recomputed one; both kept in a note
    /// where they differ by more than the tolerance.
    mutating func merge(published: ObservationSeries?, recomputed: ObservationSeries?, measure: Measure,
                        rawPublished: ObservationSeries?) -> ObservationSeries? {
        guard let published else { return recomputed }
        guard let recomputed, recomputed.frequency == published.frequency else { return published }
        if let raw = rawPublished {
            comparisons.append(GrowthComparison(published: raw, recomputed: recomputed, tolerance: tolerance))
        }
        let first = min(published.start.ordinal, recomputed.start.ordinal)
        let last = max(published.end.ordinal, recomputed.end.ordinal)
        let start = Period(ordinal: first, frequency: published.frequency)!
        var values = [Double](repeating: .nan, count: last - first + 1)
        var notes: [Int: String] = [:]
        var coverage: [Int: Int] = [:]
        for i in values.indices {
            let p = start.advanced(by: i)!
            let pi = published.index(of: p), ri = recomputed.index(of: p)
            let pv = pi.map { published.values[$0] } ?? .nan
            let rv = ri.map { recomputed.values[$0] } ?? .nan
            if !pv.isNaN {
                values[i] = pv
                if !rv.isNaN, abs(pv - rv) > tolerance {
                    notes[i] = "published; recomputed \(formatPlain(rounded(rv))) differs by \(formatPlain(rounded(pv - rv))) points"
                } else if rv.isNaN, let ri, let reason = recomputed.notes[ri] {
                    // The recomputation is undefined here (zero or negative base, spans that differ): say why the
                    // published figure stands unchecked.
                    notes[i] = "published, not checked: " + reason
                } else if let pi, let note = published.notes[pi] {
                    notes[i] = note
                }
            } else if !rv.isNaN {
                values[i] = rv
                notes[i] = "recomputed (no published figure)"
                if let ri, let span = recomputed.coverage[ri] {
                    coverage[i] = span
                    notes[i] = "recomputed (no published figure); " + (recomputed.notes[ri] ?? "")
                }
            } else if let ri, let note = recomputed.notes[ri] {
                notes[i] = note
            }
        }
        return ObservationSeries(region: published.region, indicator: published.indicator, measure: measure,
                                 unit: published.unit, start: start, values: values, notes: notes, coverage: coverage)
    }

    private func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
