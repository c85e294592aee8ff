/// Consecutive period values of a series ending at an as-of period (the input of the model
/// projection).
struct PeriodHistory: Sendable {
    var values: [Double]
    var startYear: Int
    var startPosition: Int
    /// True when a combined January–February figure was split into two months.
    var splitJanuaryFebruary: Bool
}
