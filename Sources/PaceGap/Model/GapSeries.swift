/// One region × indicator, as the gap analysis needs it: dense per-year arrays of each
/// measure (SPEC §2), NaN where a value is missing.
///
/// Every measure array is either empty (the measure is absent) or holds
/// `yearCount × periodsPerYear` values, year-major: the value of position k (1-based) of
/// year y sits at `(y − firstYear)·n + (k − 1)`.
public struct GapSeries: Sendable {
    /// The SPEC §2 measures a series may carry.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// The value of the period alone (a flow), or the period's value of a rate.
        case level
        /// Cumulative year-to-date value.
        case ytd
        /// Balance at the end of the period.
        case stock
        /// Growth of the period's value over the same period a year earlier, in %.
        case yoy
        /// Growth of the year-to-date value over the same span a year earlier, in %.
        case ytdYoY = "ytd_yoy"
    }

    public var region: String
    public var indicator: String
    /// 1 (annual), 4 (quarterly) or 12 (monthly).
    public var periodsPerYear: Int
    public var kind: IndicatorKind
    public var firstYear: Int
    public var yearCount: Int
    public var level: [Double]
    public var ytd: [Double]
    public var stock: [Double]
    public var yoy: [Double]
    public var ytdYoY: [Double]
    /// Optional shares w_j of each period in a typical year's total (Σ = 1), used for
    /// growth-only data: the base year of the implied index and the weights of the
    /// required-growth formula. `nil` means equal weights (and the output says so).
    public var periodWeights: [Double]?
    /// Remarks about how the series was assembled (e.g. a measure of another frequency left
    /// out); they are copied into every row of the series.
    public var notes: [String] = []

    /// An empty series covering `firstYear ..< firstYear + yearCount`; fill it with `set`.
    public init(region: String, indicator: String, periodsPerYear: Int, kind: IndicatorKind = .flow,
                firstYear: Int, yearCount: Int) {
        self.region = region
        self.indicator = indicator
        self.periodsPerYear = periodsPerYear
        self.kind = kind
        self.firstYear = firstYear
        self.yearCount = yearCount
        self.level = []
        self.ytd = []
        self.stock = []
        self.yoy = []
        self.ytdYoY = []
        self.periodWeights = nil
    }

    /// The last year covered.
    public var lastYear: Int { firstYear + yearCount - 1 }

    /// The values of one measure.
    public subscript(measure: Measure) -> [Double] {
        get {
            switch measure {
            case .level: return level
            case .ytd: return ytd
            case .stock: return stock
            case .yoy: return yoy
            case .ytdYoY: return ytdYoY
            }
        }
        set {
            switch measure {
            case .level: level = newValue
            case .ytd: ytd = newValue
            case .stock: stock = newValue
            case .yoy: yoy = newValue
            case .ytdYoY: ytdYoY = newValue
            }
        }
    }

    /// Stores `value` for position `k` (1-based) of `year`, allocating the measure's array on
    /// first use. Values outside the covered years or positions are ignored (returns false).
    @discardableResult
    public mutating func set(_ measure: Measure, year: Int, position k: Int, value: Double) -> Bool {
        let n = periodsPerYear
        guard year >= firstYear, year < firstYear + yearCount, k >= 1, k <= n else { return false }
        let index = (year - firstYear) * n + (k - 1)
        switch measure {
        case .level: GapSeries.store(&level, index, value, yearCount * n)
        case .ytd: GapSeries.store(&ytd, index, value, yearCount * n)
        case .stock: GapSeries.store(&stock, index, value, yearCount * n)
        case .yoy: GapSeries.store(&yoy, index, value, yearCount * n)
        case .ytdYoY: GapSeries.store(&ytdYoY, index, value, yearCount * n)
        }
        return true
    }

    private static func store(_ array: inout [Double], _ index: Int, _ value: Double, _ count: Int) {
        if array.isEmpty { array = [Double](repeating: .nan, count: count) }
        array[index] = value
    }

    /// The stored value (NaN when absent) of `measure` at position k of `year`.
    @inlinable
    public func value(_ measure: Measure, year: Int, position k: Int) -> Double {
        switch measure {
        case .level: return GapSeries.read(level, year - firstYear, k, periodsPerYear)
        case .ytd: return GapSeries.read(ytd, year - firstYear, k, periodsPerYear)
        case .stock: return GapSeries.read(stock, year - firstYear, k, periodsPerYear)
        case .yoy: return GapSeries.read(yoy, year - firstYear, k, periodsPerYear)
        case .ytdYoY: return GapSeries.read(ytdYoY, year - firstYear, k, periodsPerYear)
        }
    }

    @inlinable
    static func read(_ array: [Double], _ yearOffset: Int, _ k: Int, _ n: Int) -> Double {
        let i = yearOffset * n + (k - 1)
        guard yearOffset >= 0, k >= 1, k <= n, i < array.count else { return .nan }
        return array[i]
    }
}
