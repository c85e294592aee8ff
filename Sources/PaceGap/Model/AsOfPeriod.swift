import PaceData

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
        // Four digits, as ``Period`` writes (and reads) them: 0999Q1, not 999Q1.
        var digits = String(year)
        if year >= 0 { while digits.count < 4 { digits = "0" + digits } }
        switch n {
        case 1: return digits
        case 4: return "\(digits)Q\(k)"
        case 12: return k < 10 ? "\(digits)-0\(k)" : "\(digits)-\(k)"
        default: return "\(digits)P\(k)of\(n)"
        }
    }

    /// Parses a period as ``Period`` does (SPEC §2: `2024`, `2024Q2` / `2024-Q2` / `2024q2`, `2024-03` / `2024M03` /
    /// `2024M3`; years ``Period/years``, 0001–9999): one parser, so an as-of period is accepted exactly when a data
    /// cell with the same text is. `nil` otherwise (``Period/diagnose(_:)`` says why).
    public init?(parsing text: String) {
        guard let period = Period(text) else { return nil }
        self.init(period)
    }

    /// The as-of period of a ``Period``.
    public init(_ period: Period) {
        self.init(year: period.year, position: period.position, periodsPerYear: period.periodsPerYear)
    }
}
