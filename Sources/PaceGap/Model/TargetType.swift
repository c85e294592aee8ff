/// The kind of an annual target (SPEC §2, targets CSV).
public enum TargetType: String, Sendable, Hashable, CaseIterable {
    /// Annual growth in % over last year; met when annual growth ≥ target.
    case growth
    /// Annual total (flow) or year-end balance (stock); met when value ≥ target.
    case level
    /// A ceiling judged on the latest value; met when value ≤ target.
    case max
    /// A floor judged on the latest value; met when value ≥ target.
    case min
}
