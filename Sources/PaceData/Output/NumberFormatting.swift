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

/// Writes the bytes of `formatNumber(x)` to `buffer` (room for at least 32 bytes) and returns
/// their count — the same text without building a `String`, for writers that print millions of
/// numbers.
///
/// Integers below 10¹⁵ (and ±0) are written digit by digit. Other plain-notation magnitudes
/// 10⁻³ ≤ |x| < 10¹⁵ (not powers of two) take an exact integer path: with x = m·2⁻ˢ
/// (2⁵² ≤ m < 2⁵³), the p-significant-digit rounding of x is
/// d_p = round(m·10ᵏ / 2ˢ), k = p − 1 − ⌊log₁₀|x|⌋, computed exactly in 128 bits. The shortest
/// round-trip digits (what `description` prints, choosing the closest when several are
/// shortest) are then
/// - d₁₅ without its trailing zeros when d₁₅·10⁻ᵏ reads back as x: no other decimal of at most
///   15 digits lies within half an ulp of x (they are at least 10⁻¹⁵·|x| apart);
/// - else d₁₆ when it reads back as x (the rounding interval is symmetric, so the closest
///   16-digit decimal reads back when any does, and the closest is the one printed);
/// - else d₁₇, which always reads back.
/// "Reads back" means within half an ulp of x (ties to even m): an exact 128-bit comparison of
/// 2d·2ˢ with (2m ± 1)·10ᵏ. An exact tie between two candidates and every other value go
/// through `formatNumber` itself.
public func formatNumber(_ x: Double, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    if let count = ShortestDigits.writePlain(x, to: buffer) { return count }
    var s = formatNumber(x)
    return s.withUTF8 { u in
        buffer.update(from: u.baseAddress!, count: u.count)
        return u.count
    }
}

enum ShortestDigits {
    /// "00", "01", …, "99" back to back.
    static let pairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// 10^k for k = 0…19 (a switch compiles to a constant table: no global initialisation).
    @inline(__always)
    static func power(_ k: Int) -> UInt64 {
        switch k {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

    /// The exact-path text of `x` written to `out`; nil (nothing written) when `x` needs the
    /// general path.
    @inline(__always)
    static func writePlain(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let a = abs(x)
        guard a < 1e15 else { return nil }
        if a == a.rounded(.towardZero) {
            // Integers (and ±0): "123.0" less its ".0".
            var at = 0
            if x.sign == .minus {
                out[0] = 0x2D
                at = 1
            }
            var v = UInt64(a)
            var count = 1
            while count < 15 && v >= power(count) { count += 1 }
            for j in stride(from: at + count - 1, through: at, by: -1) {
                out[j] = UInt8(truncatingIfNeeded: 0x30 &+ v % 10)
                v /= 10
            }
            return at + count
        }
        guard a >= 1e-3, a.significandBitPattern != 0 else { return nil }
        // E = ⌊log₁₀ a⌋ (checked below through the digit count of d_p).
        var e = 0
        if a >= 1 {
            while e < 14 && a >= Double(power(e + 1)) { e += 1 }
        } else {
            e = -1
            while e > -3 && a * Double(power(-e)) < 1 { e -= 1 }
        }
        let m = a.significandBitPattern | (1 << 52)
        let s = 1075 - Int(a.exponentBitPattern)  // a = m · 2⁻ˢ, 3 ≤ s ≤ 62 here
        guard s >= 3, s <= 62 else { return nil }
        var digits: UInt64 = 0
        var count = 0
        for p in 15...17 {
            let k = p - 1 - e
            guard k >= 0, k <= 19 else { return nil }
            let ten = power(k)
            // d = round(m·10ᵏ / 2ˢ): q = (high:low) >> s, r = low mod 2ˢ.
            let (high, low) = m.multipliedFullWidth(by: ten)
            guard high >> s == 0 else { return nil }
            let q = (high << (64 - s)) | (low >> s)
            let r = low & ((1 << s) - 1), half: UInt64 = 1 << (s - 1)
            guard r != half else { return nil }
            let d = r > half ? q + 1 : q
            guard d >= power(p - 1), d < power(p) else { return nil }
            if p == 17 {
                digits = d
                count = 17
                break
            }
            // d·10⁻ᵏ reads back as x iff it lies within half an ulp (2⁻ˢ⁻¹) of x, ties going
            // to even m: (2m − 1)·10ᵏ ≤ 2d·2ˢ ≤ (2m + 1)·10ᵏ, exactly, in 128 bits.
            let twice = 2 * d
            let scaled = (high: twice >> (64 - s), low: twice << s)
            let lower = (2 * m - 1).multipliedFullWidth(by: ten), upper = (2 * m + 1).multipliedFullWidth(by: ten)
            let inside = m & 1 == 0
                ? (lower.high, lower.low) <= (scaled.high, scaled.low) && (scaled.high, scaled.low) <= (upper.high, upper.low)
                : (lower.high, lower.low) < (scaled.high, scaled.low) && (scaled.high, scaled.low) < (upper.high, upper.low)
            if inside {
                digits = d
                count = p
                break
            }
        }
        while digits % 10 == 0 {
            digits /= 10
            count -= 1
        }
        // The digits at their place: sign, whole part (zero-padded), point, fraction.
        var at = 0
        if x < 0 {
            out[0] = 0x2D
            at = 1
        }
        let whole = e + 1  // digits before the point (≤ 0: "0." and −e − 1 zeros first)
        if whole <= 0 {
            out[at] = 0x30
            out[at + 1] = 0x2E
            at += 2
            for _ in 0..<(-whole) {
                out[at] = 0x30
                at += 1
            }
        }
        // The digits, written backwards two at a time from a table of the pairs 00…99; then
        // the point.
        let pairs = ShortestDigits.pairs.utf8Start
        var j = at + count - 1
        var rest = digits
        while j > at {
            let r = Int(truncatingIfNeeded: rest % 100)
            rest /= 100
            out[j] = pairs[2 * r + 1]
            out[j - 1] = pairs[2 * r]
            j -= 2
        }
        if j == at { out[at] = UInt8(truncatingIfNeeded: 0x30 &+ rest) }
        if whole > 0 && whole < count {
            var k = at + count
            while k > at + whole {
                out[k] = out[k - 1]
                k -= 1
            }
            out[at + whole] = 0x2E
            at += 1
        }
        at += count
        if whole > count {
            for _ in 0..<(whole - count) {
                out[at] = 0x30
                at += 1
            }
        }
        return at
    }
}

/// `x` rounded to `decimals` places in plain notation (no Foundation); "-0" is written "0"; empty for a value
/// that is not finite. Magnitudes whose digits do not fit 53 bits (|x|·10^decimals ≥ 9·10¹⁵) are written as
/// ``formatNumber(_:)`` writes them (shortest round trip, exponent form when long) instead of trapping.
public func formatFixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e15 else { return formatNumber(x) }
    let units = UInt64(scaled)
    let whole = units / UInt64(scale), frac = units % UInt64(scale)
    var s = (x < 0 && units != 0 ? "-" : "") + String(whole)
    if decimals > 0 {
        let f = String(frac)
        s += "." + String(repeating: "0", count: decimals - f.utf8.count) + f
    }
    return s
}
