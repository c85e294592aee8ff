/// The period a gap analysis is made at: position `k` of `n` periods in `year`
/// (n = 1 annual, 4 quarterly, 12 monthly).
public struct AsOfPeriod: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    /// 1-based position in the year, 1…periodsPerYear.
    public var position: Int
    public var periodsPerYear: Int

    public init(year: Int, position: Int, periodsPerYear: Int) {
        self.year = year
        self.position = position
        self.periodsPerYear = periodsPerYear
    }

    /// The last month (1…12) the period covers.
    public var endMonth: Int { position * 12 / max(periodsPerYear, 1) }

    /// The position of this period's end in a calendar of `n` periods per year, or `nil`
    /// when the period does not end on a boundary of that calendar (e.g. May for a
    /// quarterly series). Annual series always use position 1 (the year is its own period).
    public func position(inYearOf n: Int) -> Int? {
        if n == 1 { return 1 }
        let months = endMonth
        guard n > 0, 12 % n == 0, months % (12 / n) == 0 else { return nil }
        return months / (12 / n)
    }

    /// SPEC §2 canonical spelling: `2024`, `2024Q1`, `2024-03`.
    public var description: String { AsOfPeriod.label(year: year, position: position, periodsPerYear: periodsPerYear) }

    /// The canonical label of position `k` of `n` in `year`.
    public static func label(year: Int, position k: Int, periodsPerYear n: Int) -> String {
        switch n {
        case 1: return String(year)
        case 4: return "\(year)Q\(k)"
        case 12: return k < 10 ? "\(year)-0\(k)" : "\(year)-\(k)"
        default: return "\(year)P\(k)of\(n)"
        }
    }

    /// Parses `2024`, `2024Q2` / `2024-Q2` / `2024q2`, `2024-03` / `2024M03` / `2024M3`.
    public init?(parsing text: String) {
        let s = Array(text.utf8)
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty, slice.count <= 4 else { return nil }
            var v = 0
            for c in slice {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard s.count >= 4, let y = number(s[0..<4]) else { return nil }
        var rest = s[4...]
        if rest.isEmpty { self.init(year: y, position: 1, periodsPerYear: 1); return }
        if rest.first == UInt8(ascii: "-"), rest.count >= 2,
           rest[rest.startIndex + 1] == UInt8(ascii: "Q") || rest[rest.startIndex + 1] == UInt8(ascii: "q") {
            rest = rest.dropFirst()
        }
        switch rest.first {
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            guard let q = number(rest.dropFirst()), (1...4).contains(q), rest.count == 2 else { return nil }
            self.init(year: y, position: q, periodsPerYear: 4)
        case UInt8(ascii: "-"):
            guard rest.count == 3, let m = number(rest.dropFirst()), (1...12).contains(m) else { return nil }
            self.init(year: y, position: m, periodsPerYear: 12)
        case UInt8(ascii: "M"), UInt8(ascii: "m"):
            guard let m = number(rest.dropFirst()), (1...12).contains(m) else { return nil }
            self.init(year: y, position: m, periodsPerYear: 12)
        default:
            return nil
        }
    }
}
