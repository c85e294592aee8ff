/// What an observation's value measures (SPEC §2 and §3).
public enum Measure: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The value of that period alone (a flow: Q2 output). The default.
    case level
    /// The cumulative year-to-date value (January–March, January–June, …).
    case ytd
    /// The balance at the end of the period (loans, deposits, population).
    case stock
    /// Growth of the period's value over the same period a year earlier, in %.
    case yoy
    /// Growth of the year-to-date value over the same span a year earlier, in %.
    case ytdYoy = "ytd_yoy"
    /// Growth over the previous period (quarter-on-quarter, or month-on-month), in %.
    case qoq
    /// Growth over the previous period, annualised: `100·((x_t/x_{t−1})^n − 1)`, in %.
    case saar
    /// Two-year average growth `100·(sqrt((1+g_t/100)(1+g_{t−s}/100)) − 1)`, in %.
    case twoYear = "two_year"
    /// An implied index built from growth (SPEC §4): the earliest year's periods are 100.
    case index
    /// The period's value as an index with the same period a year earlier = 100 (the NBS
    /// "上年=100" presentation), so growth in % is `value − 100`.
    case previousYearIndex = "index_prev_year_100"

    public var description: String { rawValue }

    /// Measures read from data files, as listed in messages.
    public static let inputSpellings = "level, ytd, stock, yoy, ytd_yoy, qoq, saar, two_year, index or index_prev_year_100"

    /// Growth rates in % (yoy, ytd_yoy, qoq, saar, two_year).
    public var isGrowth: Bool {
        switch self {
        case .yoy, .ytdYoy, .qoq, .saar, .twoYear: true
        default: false
        }
    }

    /// Amounts that growth and year-to-date conversions start from (level, ytd, stock).
    public var isAmount: Bool { self == .level || self == .ytd || self == .stock }

    /// Every measure, in code order (see `code`).
    static let all: [Measure] = [.level, .ytd, .stock, .yoy, .ytdYoy, .qoq, .saar, .twoYear, .index, .previousYearIndex]
    private static let spellings: [[UInt8]] = all.map { Array($0.rawValue.utf8) }

    /// Parses a measure from raw bytes, ignoring ASCII case and surrounding spaces.
    public static func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Measure? {
        let bytes = raw.trimmingASCIISpaces()
        outer: for (k, spelling) in spellings.enumerated() where spelling.count == bytes.count {
            for i in 0..<bytes.count {
                let b = bytes[i]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != spelling[i] { continue outer }
            }
            return all[k]
        }
        return nil
    }
}
