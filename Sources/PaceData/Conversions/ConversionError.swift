/// Why a series cannot be converted as asked.
public enum ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The conversion needs another measure, e.g. `levelFromYearToDate` on a `level` series.
    case wrongMeasure(series: String, found: Measure, expected: String)
    /// Stocks (end-of-period balances) and rates have no year-to-date sum.
    case notCumulative(series: String, kind: String)

    public var description: String {
        switch self {
        case let .wrongMeasure(series, found, expected):
            "\(series): cannot convert a \(found.rawValue) series (expected \(expected))"
        case let .notCumulative(series, kind):
            "\(series): a \(kind) has no year-to-date sum (expected a flow: level or ytd)"
        }
    }
}

/// Rounds `x` to `decimals` places when known and safe: for a sum or difference of decimals
/// with that many places the exact result has them too, so this removes only binary rounding
/// error. `m / 10^d` with `m` an integer below 2^53 and `10^d` exact (d ≤ 15) is correctly
/// rounded, so the result is the double a parser gives for the decimal text.
@inlinable
func roundToDecimals(_ x: Double, _ decimals: Int?) -> Double {
    guard let d = decimals, d >= 0, d <= 15, x.isFinite else { return x }
    let scale = decimalScales[d]
    let m = (x * scale).rounded()
    guard abs(m) < 9_007_199_254_740_992 else { return x }
    return m / scale
}

@usableFromInline
let decimalScales: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

/// "covers 2024-01 to 2024-02": the note on a value that spans several periods.
func coverageNote(from first: Period, to last: Period) -> String {
    "covers \(first) to \(last)"
}
