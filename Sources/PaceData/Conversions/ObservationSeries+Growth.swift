#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ObservationSeries {
    /// Year-on-year growth in % (SPEC §3): `yoy_t = 100·(x_t / x_{t−s} − 1)`, `s = n`.
    ///
    /// From `level`, `stock` or `index` values the result is `yoy`; from `ytd` values it is
    /// `ytd_yoy` (growth of the year-to-date value over the same span a year earlier).
    /// A result is missing, with a note, when the base is zero or negative, or when the two
    /// values cover different spans (a January–February level against a February one).
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` for growth series.
    public func yearOnYear() throws(ConversionError) -> ObservationSeries {
        guard measure.isAmount || measure == .index else {
            throw .wrongMeasure(series: label, found: measure, expected: "level, ytd, stock or index values")
        }
        return ratioGrowth(lag: frequency.periodsPerYear, measure: measure == .ytd ? .ytdYoy : .yoy) {
            100 * ($0 - 1)
        }
    }

    /// Growth over the previous period in %: `100·(x_t / x_{t−1} − 1)` (quarter-on-quarter for
    /// quarterly series, month-on-month for monthly ones; measure `qoq`).
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` unless level, stock or index.
    public func periodOnPeriod() throws(ConversionError) -> ObservationSeries {
        try requireSinglePeriodValues()
        return ratioGrowth(lag: 1, measure: .qoq) { 100 * ($0 - 1) }
    }

    /// Annualised growth over the previous period in %: `100·((x_t / x_{t−1})^n − 1)`
    /// (the seasonally adjusted annual rate when `x` is seasonally adjusted; measure `saar`).
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` unless level, stock or index.
    public func annualisedPeriodOnPeriod() throws(ConversionError) -> ObservationSeries {
        try requireSinglePeriodValues()
        let n = Double(frequency.periodsPerYear)
        return ratioGrowth(lag: 1, measure: .saar) { 100 * (pow($0, n) - 1) }
    }

    private func requireSinglePeriodValues() throws(ConversionError) {
        guard measure == .level || measure == .stock || measure == .index else {
            throw .wrongMeasure(series: label, found: measure, expected: "level, stock or index values")
        }
    }

    /// `transform(x_t / x_{t−lag})` where both values exist, cover the same number of periods and
    /// the base is positive.
    private func ratioGrowth(lag: Int, measure: Measure, _ transform: (Double) -> Double) -> ObservationSeries {
        var out = [Double](repeating: .nan, count: count)
        var notes: [Int: String] = [:]
        var coverage: [Int: Int] = [:]
        if lag < count {
            for i in lag..<count {
                let x = values[i], base = values[i - lag]
                guard !x.isNaN, !base.isNaN else { continue }
                let span = periodsCovered(at: i), baseSpan = periodsCovered(at: i - lag)
                if span != baseSpan {
                    notes[i] = "not comparable: \(period(at: i)) covers \(span) periods, \(period(at: i - lag)) covers \(baseSpan)"
                    continue
                }
                if !(base > 0) {
                    notes[i] = "no growth on a base of \(formatPlain(base)) in \(period(at: i - lag))"
                    continue
                }
                let g = transform(x / base)
                if g.isFinite { out[i] = g } else { notes[i] = "growth not defined (x = \(formatPlain(x)))" }
                if span > 1 {
                    coverage[i] = span
                    notes[i] = coverageNote(from: period(at: i).advanced(by: 1 - span)!, to: period(at: i))
                }
            }
        }
        return derived(measure: measure, values: out, notes: notes, coverage: coverage)
    }

    /// Two-year average growth in % from a growth series `g` (SPEC §3):
    /// `100·(sqrt((1 + g_t/100)(1 + g_{t−s}/100)) − 1)`, the growth rate that compounded over the
    /// two years gives the same total — used when the base year was abnormal (2020).
    /// Missing, with a note, where the product is not positive.
    ///
    /// - Throws: ``ConversionError/wrongMeasure(series:found:expected:)`` unless `yoy` or `ytd_yoy`
    ///   (an `index_prev_year_100` series is converted to `yoy` first).
    public func twoYearAverageGrowth() throws(ConversionError) -> ObservationSeries {
        let growth = try yearOnYearGrowthInput()
        let s = frequency.periodsPerYear
        var out = [Double](repeating: .nan, count: count)
        var notes: [Int: String] = [:]
        if s < count {
            for i in s..<count {
                let g = growth.values[i], g0 = growth.values[i - s]
                guard !g.isNaN, !g0.isNaN else { continue }
                let product = (1 + g / 100) * (1 + g0 / 100)
                if product > 0 {
                    out[i] = 100 * (product.squareRoot() - 1)
                } else {
                    notes[i] = "two-year growth not defined: the two years together fall by 100% or more"
                }
            }
        }
        for (i, note) in growth.notes where notes[i] == nil && !out[i].isNaN { notes[i] = note }
        return growth.derived(measure: .twoYear, values: out, notes: notes, coverage: growth.coverage)
    }

    /// Growth in % from a previous-year-index series (`index_prev_year_100`): `value − 100`.
    public func growthFromPreviousYearIndex() throws(ConversionError) -> ObservationSeries {
        guard measure == .previousYearIndex else {
            throw .wrongMeasure(series: label, found: measure, expected: "an index_prev_year_100 series")
        }
        var result = self
        result.measure = .yoy
        result.values = values.map { $0 - 100 }
        return result
    }

    /// The series as year-on-year growth (`yoy` or `ytd_yoy` as is; `index_prev_year_100` minus 100).
    func yearOnYearGrowthInput() throws(ConversionError) -> ObservationSeries {
        switch measure {
        case .yoy, .ytdYoy: return self
        case .previousYearIndex: return try growthFromPreviousYearIndex()
        default: throw .wrongMeasure(series: label, found: measure, expected: "yoy, ytd_yoy or index_prev_year_100")
        }
    }
}

/// A number in a note: shortest text that reads back to the same double.
func formatPlain(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(x)
}
