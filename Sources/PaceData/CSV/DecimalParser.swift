#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to `Double`, correctly rounded.
///
/// Grammar: optional spaces, optional `+`/`-`, digits with an optional `.` (at least one digit
/// in all), optional exponent `e`/`E` with optional sign and digits, optional spaces. No hex,
/// no `inf`/`nan`, no thousands separators.
///
/// Fast path (Clinger 1990, "How to read floating point numbers accurately"): when the
/// significand has at most 19 digits and is at most 2⁵³, and the decimal exponent is within
/// ±22, the significand and the power of ten are both exact doubles and one IEEE
/// multiplication or division gives the correctly rounded result. Everything else goes to the
/// C library's `strtod`, which rounds correctly (glibc, Apple libc).
public enum DecimalParser {
    /// What a cell's text is.
    public enum Classification: Sendable, Equatable {
        case number(Double)
        /// Empty (after trimming spaces) or `NA`.
        case missing
        /// Not decimal number syntax.
        case notANumber
        /// `nan`, `inf`, `infinity` (any case, optional sign) or a number beyond ±1.8e308.
        case notFinite
    }

    /// The exact power of ten 10^k for 0 ≤ k ≤ 22 (a switch compiles to a constant table,
    /// with no global-initialisation check or array retain in the hot loop).
    @inline(__always) @usableFromInline
    static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// 10^k, exact, for 0 ≤ k ≤ 22 (for callers with fast paths of their own).
    @inlinable @inline(__always) public static func exactPowerOfTen(_ k: Int) -> Double { powerOfTen(k) }

    /// The fast path alone: the value when `p[0..<count]` is a plain decimal (no spaces) that
    /// Clinger's fast path handles exactly, otherwise `nil` (the caller then uses `classify`).
    @inline(__always)
    public static func parseFast(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        if n == 0 || n > 40 { return nil }
        var i = 0
        var negative = false
        if p[0] == 0x2D {
            negative = true
            i = 1
        } else if p[0] == 0x2B {
            i = 1
        }
        var mantissa: UInt64 = 0
        let intStart = i
        while i < n {
            let d = p[i] &- 0x30
            if d >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var digits = i - intStart
        var exponent = 0
        if i < n && p[i] == 0x2E {
            i += 1
            let fracStart = i
            while i < n {
                let d = p[i] &- 0x30
                if d >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            digits += i - fracStart
            exponent = fracStart - i
        }
        if digits == 0 || digits > 19 { return nil }
        if i < n {
            if p[i] | 0x20 != 0x65 { return nil }
            i += 1
            var expNegative = false
            if i < n && (p[i] == 0x2D || p[i] == 0x2B) {
                expNegative = p[i] == 0x2D
                i += 1
            }
            let expStart = i
            var e = 0
            while i < n {
                let d = p[i] &- 0x30
                if d >= 10 { return nil }
                e = e &* 10 &+ Int(d)
                i += 1
            }
            let expDigits = i - expStart
            if expDigits == 0 || expDigits > 4 { return nil }
            exponent += expNegative ? -e : e
        }
        if mantissa > 1 << 53 { return nil }
        // Exact (mantissa ≤ 2⁵³) and a single signed conversion instruction; the unsigned one
        // needs a branch for values ≥ 2⁶³.
        var value = Double(Int64(bitPattern: mantissa))
        if exponent < 0 {
            if exponent < -22 { return mantissa == 0 ? (negative ? -0.0 : 0.0) : nil }
            value /= powerOfTen(-exponent)
        } else if exponent > 0 {
            if exponent > 22 { return mantissa == 0 ? (negative ? -0.0 : 0.0) : nil }
            value *= powerOfTen(exponent)
        }
        return negative ? -value : value
    }

    /// Classifies a cell's (unquoted) text and parses it when it is a number.
    public static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Classification {
        guard let base = bytes.baseAddress else { return .missing }
        var s = 0
        var e = bytes.count
        while s < e && (base[s] == 0x20 || base[s] == 0x09) { s += 1 }
        while e > s && (base[e - 1] == 0x20 || base[e - 1] == 0x09) { e -= 1 }
        let n = e - s
        let p = base + s
        if n == 0 { return .missing }
        if n == 2 && p[0] == 0x4E && p[1] == 0x41 { return .missing }
        if let x = parseFast(p, count: n) { return .number(x) }
        guard isDecimal(p, count: n) else {
            return isNonFiniteWord(p, count: n) ? .notFinite : .notANumber
        }
        let x = withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double in
            let c = buffer.baseAddress!
            UnsafeMutableRawPointer(c).copyMemory(from: p, byteCount: n)
            c[n] = 0
            return strtod(c, nil)
        }
        return x.isFinite ? .number(x) : .notFinite
    }

    /// The finite value of `bytes`, or `nil` when it is missing, not a number or not finite.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if case .number(let x) = classify(bytes) { return x }
        return nil
    }

    /// The finite value of `text`, or `nil` when it is missing, not a number or not finite.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Whether `p[0..<n]` matches the decimal grammar (no spaces).
    static func isDecimal(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        var i = 0
        if i < n && (p[i] == 0x2D || p[i] == 0x2B) { i += 1 }
        var digits = 0
        while i < n && p[i] &- 0x30 < 10 { i += 1; digits += 1 }
        if i < n && p[i] == 0x2E {
            i += 1
            while i < n && p[i] &- 0x30 < 10 { i += 1; digits += 1 }
        }
        if digits == 0 { return false }
        if i < n && p[i] | 0x20 == 0x65 {
            i += 1
            if i < n && (p[i] == 0x2D || p[i] == 0x2B) { i += 1 }
            let expStart = i
            while i < n && p[i] &- 0x30 < 10 { i += 1 }
            if i == expStart { return false }
        }
        return i == n
    }

    /// `nan`, `inf` or `infinity` in any case, with an optional sign.
    static func isNonFiniteWord(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        var i = 0
        if i < n && (p[i] == 0x2D || p[i] == 0x2B) { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(start: p + i, count: n - i), as: UTF8.self).lowercased()
        return word == "nan" || word == "inf" || word == "infinity"
    }
}
