extension ObservationSeries {
    /// The implied index of growth-only data (SPEC §4): every period of the earliest year with a
    /// growth figure is 100, and each later period is the same period a year earlier times
    /// `1 + g/100`. The index starts at the first period of that year (even if the growth series
    /// starts later in it); a period whose own growth or year-earlier index is missing stays
    /// missing, and so does the chain after it. The earliest year's own growth figures are not
    /// used (they compare with the year before).
    ///
    /// From `yoy` the index is a single-period index; from `ytd_yoy` it indexes year-to-date
    /// values. `index_prev_year_100` values are read as growth `value − 100`.
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` for other measures.
    public func impliedIndex() throws(ConversionError) -> ObservationSeries {
        let growth = try yearOnYearGrowthInput()
        let s = frequency.periodsPerYear
        guard let first = growth.values.firstIndex(where: { !$0.isNaN }) else {
            return growth.derived(measure: .index, values: growth.values.map { _ in .nan })
        }
        let base = period(at: first).firstOfYear
        // Output index i is period base + i, which is growth index i + shift.
        let shift = base.ordinal - start.ordinal
        let total = count - shift
        var out = [Double](repeating: .nan, count: total)
        for i in 0..<min(s, total) { out[i] = 100 }
        if s < total {
            for i in s..<total {
                let j = i + shift
                guard j >= 0, j < count else { continue }
                let g = growth.values[j]
                let previous = out[i - s]
                if !g.isNaN, !previous.isNaN { out[i] = previous * (1 + g / 100) }
            }
        }
        var notes: [Int: String] = [:]
        for (j, note) in growth.notes where j - shift >= 0 && j - shift < total { notes[j - shift] = note }
        notes[0] = "base year \(base.year): each period = 100"
        var coverage: [Int: Int] = [:]
        ObservationSeries.markOutOfRange(&out, notes: &notes, coverage: &coverage)
        return ObservationSeries(region: region, indicator: indicator, measure: .index, unit: "",
                                 start: base, values: out, notes: notes)
    }
}
