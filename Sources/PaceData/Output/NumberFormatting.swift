/// The shortest decimal text that reads back as exactly `x`, in a form both CSV readers and
/// JSON parsers accept; the empty string (a missing value in CSV) when `x` is NaN or ±∞.
///
/// Built on Swift's `description`, which prints the shortest digit string that round-trips
/// (Steele & White / Ryū-style shortest representation): plain notation for magnitudes in
/// [2⁻⁴, 2⁵³) and `d.ddde±XX` otherwise (both valid JSON numbers, since JSON allows leading
/// zeros in exponents). A trailing `.0` is dropped (`5.0` → `5`); `-0.0` prints as `-0`.
/// `DecimalParser.parse(formatNumber(x)) == x` for every finite `x`, bit for bit.
/// JSON output uses `null` instead of the empty string (see `JSONWriter`).
public func formatNumber(_ x: Double) -> String {
    guard x.isFinite else { return "" }
    var s = x.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}

/// `formatNumber` for integers: plain decimal digits.
public func formatNumber(_ n: Int) -> String { String(n) }
