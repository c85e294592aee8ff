import Dispatch
import PaceData
import PaceStatistics

/// The target-gap analysis of SPEC §4 for one as-of period: time, task and progress
/// accounts, growth view, required pace, and the projection of the year-end outcome.
///
/// Build one analyser per run (it caches the Student-t quantiles the projection needs) and
/// call ``rows(for:targets:)`` for each series; every call is independent and allocation-light
/// (a few microseconds per series with the `share` method; the `model` method's ETS selection
/// and simulation take milliseconds), so a caller may stream series through it.
public struct GapAnalyzer: Sendable {
    public let options: GapOptions
    /// t_{0.90, ν} and t_{0.975, ν} for ν = 0…m−1 (index 0 unused).
    let quantile80: [Double]
    let quantile95: [Double]
    /// The as-of label (index 0) and, at index n ∈ {1, 2, 3, 4, 6, 12}, its label at n periods
    /// per year when the as-of period ends one: made once, not on every row.
    let asOfLabels: [String?]

    /// - Throws: `GapError.invalidOption` for a history shorter than one year, an as-of position outside its year, or fewer
    ///   than 2 simulation paths.
    public init(options: GapOptions) throws(GapError) {
        guard options.historyYears >= 1, options.historyYears <= 100 else {
            throw .invalidOption(name: "--years", value: String(options.historyYears), expected: "an integer from 1 to 100")
        }
        let n = options.asOf.periodsPerYear
        guard [1, 2, 3, 4, 6, 12].contains(n), options.asOf.position >= 1, options.asOf.position <= n else {
            throw .invalidOption(name: "--as-of", value: options.asOf.description,
                                 expected: "a year, quarter or month")
        }
        guard options.simulationPaths >= 2 else {
            throw .invalidOption(name: "paths", value: String(options.simulationPaths), expected: "at least 2")
        }
        self.options = options
        var q80 = [Double.nan], q95 = [Double.nan]
        for df in 1..<Swift.max(options.historyYears, 2) {
            let t = StudentT(degreesOfFreedom: Double(df))
            q80.append(t.quantile(0.90))
            q95.append(t.quantile(0.975))
        }
        quantile80 = q80
        quantile95 = q95
        var labels = [String?](repeating: nil, count: 13)
        labels[0] = options.asOf.description
        for n in [1, 2, 3, 4, 6, 12] {
            if let k = options.asOf.position(inYearOf: n) {
                labels[n] = AsOfPeriod.label(year: options.asOf.year, position: k, periodsPerYear: n)
            }
        }
        asOfLabels = labels
    }

    /// The rows of one series: one per target (in the order given; only targets of the as-of
    /// year count), or a single row noting that the series has no target.
    public func rows(for series: GapSeries, targets: [GapTarget]) -> [GapRow] {
        var out: [GapRow] = []
        var any = false
        for target in targets where target.year == options.asOf.year {
            out.append(row(for: series, target: target))
            any = true
        }
        if !any { out.append(row(for: series, target: nil)) }
        return out
    }

    /// The row of a target whose region × indicator has no data: everything empty but the
    /// target, with a note.
    public func row(missingDataFor target: GapTarget) -> GapRow {
        var row = GapRow(region: target.region, indicator: target.indicator, year: target.year,
                         asOf: options.asOf.description, type: target.type, target: target.target,
                         stretch: target.stretch, method: options.method)
        row.notes.append("no data for \(target.region) × \(target.indicator)")
        return row
    }
}

/// Runs the gap analysis over a panel: one row per target of the as-of year, in series
/// order; a series without target and a target without series each get a row with a note
/// (neither is dropped). Targets are matched to series by region and indicator.
public func analyse(series: [GapSeries], targets: [GapTarget], options: GapOptions) throws(GapError) -> [GapRow] {
    try GapAnalyzer(options: options).analyse(series: series, targets: targets)
}

extension GapAnalyzer {
    /// The rows of a panel: see ``analyse(series:targets:options:)``. Targets listed in the
    /// same order as the series are matched without hashing; others through a dictionary.
    public func analyse(series: [GapSeries], targets: [GapTarget]) -> [GapRow] {
        if let rows = analyse(series: series, targets: targets, inOrder: true) { return rows }
        return analyse(series: series, targets: targets, inOrder: false)!
    }

    /// With `inOrder`, returns nil when the order-based matching left a target unmatched
    /// although a series with its key exists (its targets were not adjacent).
    func analyse(series: [GapSeries], targets: [GapTarget], inOrder: Bool) -> [GapRow]? {
        guard let plan = matchPlan(series: series, targets: targets, inOrder: inOrder) else { return nil }
        return rows(for: plan, series: series, targets: targets)
    }

    /// Which rows to make, in output order: (series index, target index), −1 for none.
    func matchPlan(series: [GapSeries], targets: [GapTarget], inOrder: Bool) -> [(series: Int32, target: Int32)]? {
        let year = options.asOf.year
        let current = targets.indices.filter { targets[$0].year == year }
        var used = [Bool](repeating: false, count: targets.count)
        var byKey: [SeriesKey: [Int]]? = nil
        var plan: [(series: Int32, target: Int32)] = []
        plan.reserveCapacity(Swift.max(series.count, current.count))
        var cursor = 0
        for si in series.indices {
            var matched = false
            // Fast path: the next unused targets are this series' (same order as the data).
            // (`series[si]` is read field by field: binding the element would copy the series.)
            while inOrder, cursor < current.count, targets[current[cursor]].indicator == series[si].indicator,
                  targets[current[cursor]].region == series[si].region {
                let i = current[cursor]
                if !used[i] {
                    plan.append((Int32(si), Int32(i)))
                    used[i] = true
                }
                cursor += 1
                matched = true
            }
            if !matched {
                if byKey == nil {
                    var map: [SeriesKey: [Int]] = [:]
                    map.reserveCapacity(current.count)
                    for i in current { map[SeriesKey(region: targets[i].region, indicator: targets[i].indicator), default: []].append(i) }
                    byKey = map
                }
                if let indices = byKey![SeriesKey(region: series[si].region, indicator: series[si].indicator)] {
                    for i in indices where !used[i] {
                        plan.append((Int32(si), Int32(i)))
                        used[i] = true
                        matched = true
                    }
                }
                if !matched { plan.append((Int32(si), -1)) }
            }
        }
        let unmatched = current.filter { !used[$0] }
        if inOrder && !unmatched.isEmpty {
            let keys = Set(series.map { SeriesKey(region: $0.region, indicator: $0.indicator) })
            if unmatched.contains(where: { keys.contains(SeriesKey(region: targets[$0].region, indicator: targets[$0].indicator)) }) {
                return nil
            }
        }
        for i in unmatched { plan.append((-1, Int32(i))) }
        return plan
    }

    /// The rows of a plan; large plans (any plan of two rows or more with the `model` method,
    /// whose ETS fits dominate) are computed on two threads. Rows are independent and each
    /// simulation is seeded per series, so the output does not depend on the thread count.
    func rows(for plan: [(series: Int32, target: Int32)], series: [GapSeries], targets: [GapTarget]) -> [GapRow] {
        // Series and targets are read in place through buffer pointers (subscripting the
        // arrays from the closures would copy each series, retaining its arrays).
        series.withUnsafeBufferPointer { seriesBuffer in
            targets.withUnsafeBufferPointer { targetBuffer in
                let s = SendableBuffer(seriesBuffer), t = SendableBuffer(targetBuffer)
                @Sendable func make(_ entry: (series: Int32, target: Int32)) -> GapRow {
                    if entry.series < 0 { return row(missingDataFor: t.buffer[Int(entry.target)]) }
                    return entry.target >= 0 ? row(for: s.buffer[Int(entry.series)], target: t.buffer[Int(entry.target)])
                        : row(for: s.buffer[Int(entry.series)], target: nil)
                }
                let count = plan.count
                guard count >= (options.method == .model ? 2 : 8192) else { return plan.map(make) }
                return [GapRow](unsafeUninitializedCapacity: count) { buffer, initialized in
                    // Tens of megabytes filled once: huge pages, far fewer page faults.
                    LargeAllocation.adviseHugePages(UnsafeMutableRawPointer(buffer.baseAddress!),
                                                    bytes: count * MemoryLayout<GapRow>.stride)
                    let out = SendablePointer(buffer.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: 2) { part in
                        let range = part == 0 ? 0..<(count / 2) : (count / 2)..<count
                        for i in range { (out.pointer + i).initialize(to: make(plan[i])) }
                    }
                    initialized = count
                }
            }
        }
    }
}
