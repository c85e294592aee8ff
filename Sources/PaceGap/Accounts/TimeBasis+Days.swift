/// The `days` time account: days elapsed to the end of a month over days in the year
/// (Gregorian calendar, leap years included).
extension TimeBasis {
    /// Days before the start of each month in a common year; index 12 is 365.
    static let cumulativeDays: [Int] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

    /// Gregorian leap year: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 365 or 366.
    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// Days from 1 January to the end of month `endMonth` (1…12) of `year`, inclusive.
    public static func daysElapsed(year: Int, throughMonth endMonth: Int) -> Int {
        let m = Swift.min(Swift.max(endMonth, 0), 12)
        return cumulativeDays[m] + (isLeapYear(year) && m >= 2 ? 1 : 0)
    }

    /// τ_days = days elapsed to the end of month `endMonth` / days in the year.
    public static func dayShare(year: Int, throughMonth endMonth: Int) -> Double {
        Double(daysElapsed(year: year, throughMonth: endMonth)) / Double(daysInYear(year))
    }
}
