/// Why a text is not a period: the text found and what a period looks like.
public struct PeriodSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was read (as written, untrimmed).
    public var found: String
    /// What was expected instead, e.g. "a quarter 1–4".
    public var expected: String

    public var description: String {
        "not a period (found \(InputError.quote(found)), expected \(expected))"
    }
}

extension Period: LosslessStringConvertible {
    /// The spellings accepted, for messages.
    public static let syntaxDescription = "a period like 2024, 2024Q1 or 2024-03"

    /// Parses a period written as `2024`, `2024Q1`/`2024-Q1`/`2024q1`, or
    /// `2024-03`/`2024M03`/`2024M3`; `nil` when the text is not one.
    public init?(_ description: String) {
        var text = description
        guard let period = text.withUTF8({ Period.parse(bytes: $0) }) else { return nil }
        self = period
    }

    /// Parses a period, or throws a ``PeriodSyntaxError`` saying what was expected.
    public init(parsing text: String) throws(PeriodSyntaxError) {
        guard let period = Period(text) else { throw Period.diagnose(text) }
        self = period
    }

    /// The parser on raw UTF-8 bytes, used on every row of a data file: no allocation.
    /// Leading and trailing spaces and tabs are ignored. Accepts exactly the spellings of
    /// SPEC §2 (four-digit years 0001–9999; quarters 1–4; months 01–12, or 1–12 after `M`).
    @inlinable
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        let length = hi - lo
        guard length >= 4, length <= 7 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int {
            let d = Int(bytes[lo + i]) &- 0x30
            return (d >= 0 && d <= 9) ? d : -1
        }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3)
        guard d0 >= 0, d1 >= 0, d2 >= 0, d3 >= 0 else { return nil }
        let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3
        guard year >= 1 else { return nil }
        if length == 4 { return Period(year: year, position: 1, frequency: .annual) }
        let c4 = bytes[lo + 4] | 0x20  // ASCII lower case for letters
        switch length {
        case 6:
            let d = digit(5)
            guard d >= 1 else { return nil }
            if c4 == 0x71 /* q */ { return Period(year: year, position: d, frequency: .quarterly) }
            if c4 == 0x6D /* m */ { return Period(year: year, position: d, frequency: .monthly) }
            return nil
        case 7:
            if bytes[lo + 4] == 0x2D /* - */ {
                if bytes[lo + 5] | 0x20 == 0x71 {
                    let d = digit(6)
                    guard d >= 1 else { return nil }
                    return Period(year: year, position: d, frequency: .quarterly)
                }
            } else if c4 != 0x6D {
                return nil
            }
            let m1 = digit(5), m2 = digit(6)
            guard m1 >= 0, m2 >= 0 else { return nil }
            return Period(year: year, position: m1 * 10 + m2, frequency: .monthly)
        default:
            return nil
        }
    }

    /// Says why `text` is not a period (slow path, for messages only).
    public static func diagnose(_ text: String) -> PeriodSyntaxError {
        let trimmed = Array(text.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed()
            .drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed())
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var expected = syntaxDescription
        if trimmed.count >= 4, trimmed.prefix(4).allSatisfy(isDigit) {
            let rest = Array(trimmed.dropFirst(4))
            let year = Int(String(decoding: trimmed.prefix(4), as: UTF8.self)) ?? 0
            let lowered = rest.map { $0 | 0x20 }
            if year == 0 {
                expected = "a year 0001–9999"
            } else if lowered.first == 0x71 || (lowered.count >= 2 && rest[0] == 0x2D && lowered[1] == 0x71) {
                expected = "a quarter 1–4, as in 2024Q1"
            } else if lowered.first == 0x6D {
                expected = "a month 1–12, as in 2024M3 or 2024M03"
            } else if rest.first == 0x2D, rest.count <= 3 {
                expected = "a two-digit month 01–12, as in 2024-03"
            }
        }
        return PeriodSyntaxError(found: text, expected: expected)
    }
}

extension Period {
    /// Appends the canonical spelling (`2024`, `2024Q1`, `2024-03`) as UTF-8, without building a
    /// String: for writers that print millions of periods.
    @inlinable
    public func appendCanonical(to buffer: inout [UInt8]) {
        let y = year, k = position
        var scratch: UInt64 = 0
        let count: Int = withUnsafeMutableBytes(of: &scratch) { b in
            b[0] = UInt8(truncatingIfNeeded: 0x30 + y / 1000 % 10)
            b[1] = UInt8(truncatingIfNeeded: 0x30 + y / 100 % 10)
            b[2] = UInt8(truncatingIfNeeded: 0x30 + y / 10 % 10)
            b[3] = UInt8(truncatingIfNeeded: 0x30 + y % 10)
            switch frequency {
            case .annual:
                return 4
            case .quarterly:
                b[4] = 0x51
                b[5] = UInt8(truncatingIfNeeded: 0x30 + k)
                return 6
            case .monthly:
                b[4] = 0x2D
                b[5] = UInt8(truncatingIfNeeded: 0x30 + k / 10)
                b[6] = UInt8(truncatingIfNeeded: 0x30 + k % 10)
                return 7
            }
        }
        withUnsafeBytes(of: &scratch) { buffer.append(contentsOf: $0[0..<count]) }
    }
}
