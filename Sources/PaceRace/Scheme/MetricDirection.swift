/// Which way a metric is better: `higher` (the default: growth, progress, P(meet)) or
/// `lower` (a smaller value is better: unemployment, a price index, a shortfall).
public enum MetricDirection: String, Sendable, CaseIterable {
    case higher, lower
}
