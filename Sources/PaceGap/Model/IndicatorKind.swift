/// What an indicator measures (SPEC §2, indicator metadata), which decides how its target is read.
public enum IndicatorKind: String, Sendable, Hashable, CaseIterable {
    /// A flow summed over the year (output, investment, revenue): annual total = Σ periods.
    case flow
    /// A balance at the end of each period (loans, deposits, population): the year ends at S_n.
    case stock
    /// A rate judged on its latest value (unemployment, CPI): only `max`/`min` targets apply.
    case rate
}
