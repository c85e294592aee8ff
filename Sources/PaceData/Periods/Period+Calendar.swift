extension Period {
    /// True for Gregorian leap years (divisible by 4, except centuries not divisible by 400).
    @inlinable public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in the period's calendar year: 365 or 366.
    @inlinable public var daysInYear: Int { Period.isLeapYear(year) ? 366 : 365 }

    /// Days from 1 January through the last day of the period, inclusive: the numerator of
    /// the `days` time account (SPEC §4). `2024Q1` → 91 (leap year), `2023Q1` → 90,
    /// `2024-12` and `2024` → 366.
    @inlinable public var daysElapsedInYear: Int {
        Period.cumulativeDays(throughMonth: endMonth, leap: Period.isLeapYear(year))
    }

    /// Days from 1 January through the end of `month` (1…12).
    @inlinable static func cumulativeDays(throughMonth month: Int, leap: Bool) -> Int {
        // Days before each month start in a common year, then the end of `month`.
        let cumulative = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)
        let value: Int
        switch month {
        case 1: value = cumulative.1
        case 2: value = cumulative.2
        case 3: value = cumulative.3
        case 4: value = cumulative.4
        case 5: value = cumulative.5
        case 6: value = cumulative.6
        case 7: value = cumulative.7
        case 8: value = cumulative.8
        case 9: value = cumulative.9
        case 10: value = cumulative.10
        case 11: value = cumulative.11
        default: value = cumulative.12
        }
        return value + (leap && month >= 2 ? 1 : 0)
    }

    /// The time share `k/n` of the calendar time account.
    @inlinable public var calendarShare: Double { Double(position) / Double(periodsPerYear) }

    /// The time share by days: days elapsed to the end of the period over days in the year.
    @inlinable public var dayShare: Double { Double(daysElapsedInYear) / Double(daysInYear) }
}

/// Where a period given in one frequency starts in a series of another (``Period/start(in:)``): the period of the
/// series it starts, or the period of the series it starts inside.
public enum PeriodStart: Sendable, Equatable {
    /// `p` starts this period of the series (2020-04 of a quarterly series is 2020Q2; 2020 is 2020Q1 or 2020-01).
    case starts(Period)
    /// `p` starts strictly inside this period of the series (2020-02 of a quarterly series, 2020Q2 of an annual one).
    case inside(Period)
}

extension Period {
    /// The period of `frequency` this period starts, by the calendar month it starts in: 2020Q2 of a monthly series is
    /// 2020-04, 2020-04 of a quarterly one 2020Q2, 2020 its first quarter or month — or, for a start that falls inside
    /// a period of `frequency` (2020-02 of a quarterly series), that period (``PeriodStart/inside(_:)``). How
    /// `pace forecast`, `filter hp` and `decompose` map `--from` to a series (as `pace forecast --break` maps a break).
    public func start(in frequency: Frequency) -> PeriodStart {
        if self.frequency == frequency { return .starts(self) }
        let month = endMonth - self.frequency.monthsPerPeriod   // 0…11, the month self starts in
        let period = Period(year: year, position: month / frequency.monthsPerPeriod + 1, frequency: frequency)!
        return month % frequency.monthsPerPeriod == 0 ? .starts(period) : .inside(period)
    }
}
