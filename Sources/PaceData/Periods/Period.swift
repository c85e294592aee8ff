/// One calendar period: a year (`2024`), a quarter (`2024Q1`) or a month (`2024-03`).
///
/// A period is stored as its frequency and an *ordinal* `year·n + (k − 1)`, where `k` is its
/// position 1…n in the year, so the previous, next and same-period-last-year periods are
/// integer steps (`−1`, `+1`, `−n`). Years run from 1 to 9999 (four digits in text).
///
/// Ordering: periods of one frequency sort chronologically. Periods of different frequencies
/// (never in one series — see ``ObservationSet``) sort by the month they end in, then by
/// frequency, so `2024-03 < 2024Q1 < 2024-04` and the order is total and deterministic.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `year·n + (k − 1)`.
    public let ordinal: Int
    public let frequency: Frequency

    /// The smallest and largest year a period may have (four-digit years).
    public static let years: ClosedRange<Int> = 1...9999

    /// A period from its ordinal `year·n + (k − 1)`. Returns `nil` when the year falls
    /// outside ``years``.
    @inlinable
    public init?(ordinal: Int, frequency: Frequency) {
        let year = ordinal >= 0 ? ordinal / frequency.rawValue : -1
        guard Period.years.contains(year) else { return nil }
        self.ordinal = ordinal
        self.frequency = frequency
    }

    /// The `position`-th period (1-based) of `year` at `frequency`; `nil` when the year is
    /// outside ``years`` or the position outside 1…n.
    @inlinable
    public init?(year: Int, position: Int, frequency: Frequency) {
        guard Period.years.contains(year), (1...frequency.rawValue).contains(position) else { return nil }
        self.ordinal = year * frequency.rawValue + position - 1
        self.frequency = frequency
    }

    /// An annual period.
    @inlinable public static func year(_ year: Int) -> Period? {
        Period(year: year, position: 1, frequency: .annual)
    }
    /// A quarter, 1…4.
    @inlinable public static func quarter(_ year: Int, _ quarter: Int) -> Period? {
        Period(year: year, position: quarter, frequency: .quarterly)
    }
    /// A month, 1…12.
    @inlinable public static func month(_ year: Int, _ month: Int) -> Period? {
        Period(year: year, position: month, frequency: .monthly)
    }

    /// The calendar year.
    @inlinable public var year: Int { ordinal / frequency.rawValue }
    /// `k`, the position 1…n of the period in its year (quarter or month number; 1 for a year).
    @inlinable public var position: Int { ordinal % frequency.rawValue + 1 }
    /// `n`, the number of periods of this frequency in a year.
    @inlinable public var periodsPerYear: Int { frequency.rawValue }

    /// The period `count` steps later (earlier when negative); `nil` past the year range.
    @inlinable public func advanced(by count: Int) -> Period? {
        Period(ordinal: ordinal + count, frequency: frequency)
    }
    /// The period before this one (`2024Q1` → `2023Q4`).
    @inlinable public var previous: Period? { advanced(by: -1) }
    /// The period after this one (`2023-12` → `2024-01`).
    @inlinable public var next: Period? { advanced(by: 1) }
    /// The same period a year earlier, `t − s` with `s = n` (`2024Q2` → `2023Q2`).
    @inlinable public var yearEarlier: Period? { advanced(by: -frequency.rawValue) }
    /// The first period of this period's year (`2024-05` → `2024-01`).
    @inlinable public var firstOfYear: Period {
        Period(ordinal: ordinal - (position - 1), frequency: frequency)!
    }
    /// Number of steps from `self` to `other`; both must have the same frequency.
    @inlinable public func distance(to other: Period) -> Int {
        precondition(frequency == other.frequency, "distance between periods of different frequencies")
        return other.ordinal - ordinal
    }

    /// The month (1…12) the period ends in.
    @inlinable public var endMonth: Int { position * frequency.monthsPerPeriod }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.frequency == rhs.frequency { return lhs.ordinal < rhs.ordinal }
        let l = lhs.year * 12 + lhs.endMonth, r = rhs.year * 12 + rhs.endMonth
        if l != r { return l < r }
        return lhs.frequency > rhs.frequency
    }

    /// The canonical spelling: `2024`, `2024Q1`, `2024-03`.
    public var description: String {
        var digits = String(year)
        while digits.count < 4 { digits = "0" + digits }
        switch frequency {
        case .annual: return digits
        case .quarterly: return digits + "Q" + String(position)
        case .monthly: return digits + (position < 10 ? "-0" : "-") + String(position)
        }
    }
}
