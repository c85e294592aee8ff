import PaceData

extension GapSeries {
    /// The gap-analysis panel of an observation file: one series per (region, indicator), in
    /// order of first appearance, holding its `level`, `ytd`, `stock`, `yoy` and `ytd_yoy`
    /// measures over the years they cover. The kind comes from `metadata` (flow when not
    /// listed). Other measures (qoq, saar, two_year, index…) are not used by the analysis and
    /// are left out; a measure of another frequency than the group's first is left out with a
    /// note on the series.
    public static func panel(from set: ObservationSet, metadata: IndicatorMetadata = IndicatorMetadata()) -> [GapSeries] {
        var out: [GapSeries] = []
        for group in set.groupedByIndicator() {
            var members: [(ObservationSeries, GapSeries.Measure)] = []
            var notes: [String] = []
            var frequency: Frequency?
            for i in group {
                let s = set.series[i]
                guard s.measure.gapMeasure != nil, !s.values.isEmpty else { continue }
                if let f = frequency, f != s.frequency {
                    notes.append("\(s.measure) left out: \(s.frequency) while the other measures are \(f)")
                    continue
                }
                frequency = s.frequency
                members.append((s, s.measure.gapMeasure!))
            }
            guard let frequency, let first = members.first?.0 else { continue }
            let n = frequency.periodsPerYear
            var firstYear = first.start.year, lastYear = first.end.year
            for (s, _) in members {
                firstYear = Swift.min(firstYear, s.start.year)
                lastYear = Swift.max(lastYear, s.end.year)
            }
            let kind: IndicatorKind
            switch metadata.kind(of: first.indicator) {
            case .flow: kind = .flow
            case .stock: kind = .stock
            case .rate: kind = .rate
            }
            var g = GapSeries(region: first.region, indicator: first.indicator, periodsPerYear: n, kind: kind,
                              firstYear: firstYear, yearCount: lastYear - firstYear + 1)
            g.notes = notes
            let count = g.yearCount * n
            for (s, measure) in members {
                var values = [Double](repeating: .nan, count: count)
                let offset = s.start.ordinal - firstYear * n
                s.values.withUnsafeBufferPointer { source in
                    values.withUnsafeMutableBufferPointer { target in
                        for i in 0..<source.count { target[offset + i] = source[i] }
                    }
                }
                g[measure] = values
            }
            out.append(g)
        }
        return out
    }
}

extension PaceData.Measure {
    /// The gap analysis' view of an observation measure; `nil` for measures it does not use.
    var gapMeasure: GapSeries.Measure? {
        switch self {
        case .level: return .level
        case .ytd: return .ytd
        case .stock: return .stock
        case .yoy: return .yoy
        case .ytdYoy: return .ytdYoY
        default: return nil
        }
    }
}
