/// How a component (error, trend or season) enters an exponential-smoothing or
/// decomposition model: absent, added, or multiplied.
public enum Component: String, Sendable, Hashable, CaseIterable {
    case none = "N"
    case additive = "A"
    case multiplicative = "M"
}
