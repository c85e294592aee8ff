extension ObservationSeries {
    /// Single-period levels from cumulative year-to-date values (SPEC §3):
    /// `level_k = ytd_k − ytd_{k−1}`, `level_1 = ytd_1`, within each calendar year.
    ///
    /// When earlier values of the year are missing — the usual monthly series with no January
    /// because January and February are released together — the level is the difference from
    /// the last year-to-date value of the same year (or the year-to-date value itself when there
    /// is none), covers all the periods since, and says so: ``coverage`` holds the number of
    /// periods and ``notes`` "covers 2024-01 to 2024-02". The periods without a value stay
    /// missing. Differences are rounded to the source's decimal places (see ``decimals``).
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` unless the measure is `ytd`.
    public func levelFromYearToDate() throws(ConversionError) -> ObservationSeries {
        guard measure == .ytd else { throw .wrongMeasure(series: label, found: measure, expected: "a ytd series") }
        let n = frequency.periodsPerYear
        var out = [Double](repeating: .nan, count: count)
        var notes: [Int: String] = [:]
        var coverage: [Int: Int] = [:]
        var last = -1  // index of the last value seen this year, −1 when none
        let decimals = effectiveDecimals
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                var position = start.ordinal % n  // 0-based position in the year
                for i in 0..<v.count {
                    if position == 0 { last = -1 }
                    let x = v[i]
                    if x.isNaN, hasRow(at: i) { notes[i] = "missing in the source" }
                    if !x.isNaN {
                        let span: Int
                        if last >= 0 {
                            o[i] = roundToDecimals(x - v[last], decimals)
                            span = i - last
                        } else {
                            o[i] = x
                            span = position + 1
                        }
                        if span > 1 {
                            coverage[i] = span
                            notes[i] = coverageNote(from: period(at: i).advanced(by: 1 - span)!, to: period(at: i))
                        }
                        last = i
                    }
                    position += 1
                    if position == n { position = 0 }
                }
            }
        }
        return derived(measure: .level, values: out, notes: notes, coverage: coverage, decimals: decimals)
    }

    /// Cumulative year-to-date values from single-period levels: the running sum within each
    /// calendar year (SPEC §3), rounded to the source's decimal places.
    ///
    /// A level that covers several periods (``coverage``) counts for all of them, so
    /// ytd → level → ytd gives back the year-to-date values even with January missing. A
    /// year-to-date value is missing when any period of the year up to it has no level; such
    /// values carry a note naming the first period without one.
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` unless the measure is
    ///   `level`; ``ConversionError/notCumulative(series:kind:)`` for a `stock`.
    public func yearToDateFromLevel() throws(ConversionError) -> ObservationSeries {
        if measure == .stock { throw .notCumulative(series: label, kind: "stock") }
        guard measure == .level else { throw .wrongMeasure(series: label, found: measure, expected: "a level series") }
        let n = frequency.periodsPerYear
        var out = [Double](repeating: .nan, count: count)
        var notes: [Int: String] = [:]
        var sum = 0.0
        let decimals = effectiveDecimals
        // `covered` = index through which the year is fully summed; the year starts covered
        // through the period before its first. `hole` = first period of the year with no level.
        var covered = 0
        var hole: Int? = nil
        var position = start.ordinal % n
        for i in 0..<count {
            if position == 0 || i == 0 {
                covered = i - position - 1
                sum = 0
                hole = nil
            }
            let x = values[i]
            if x.isNaN, hasRow(at: i) { notes[i] = "missing in the source" }
            if !x.isNaN {
                let firstCovered = i - periodsCovered(at: i) + 1
                if hole == nil, firstCovered == covered + 1 {
                    sum = roundToDecimals(sum + x, decimals)
                    covered = i
                    out[i] = sum
                } else {
                    if hole == nil { hole = covered + 1 }
                    let missing = start.advanced(by: hole!).map(String.init(describing:)) ?? "an earlier period"
                    notes[i] = "year-to-date unknown: no level for \(missing)"
                }
            }
            position += 1
            if position == n { position = 0 }
        }
        return derived(measure: .ytd, values: out, notes: notes, decimals: decimals)
    }
}
