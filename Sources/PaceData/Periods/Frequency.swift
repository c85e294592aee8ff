/// How often a series is observed: once, four times or twelve times per calendar year.
///
/// The raw value is the number of periods per year, `n` in SPEC §3 (so `s = n` is the
/// seasonal lag used by year-on-year growth).
public enum Frequency: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case annual = 1
    case quarterly = 4
    case monthly = 12

    /// `n`: 1, 4 or 12.
    @inlinable public var periodsPerYear: Int { rawValue }

    /// Number of calendar months one period spans: 12, 3 or 1.
    @inlinable public var monthsPerPeriod: Int { 12 / rawValue }

    public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .annual: "annual"
        case .quarterly: "quarterly"
        case .monthly: "monthly"
        }
    }
}
