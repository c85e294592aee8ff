/// How the year-end outcome is projected (SPEC §4, `--method`).
public enum ProjectionMethod: String, Sendable, Hashable, CaseIterable {
    /// `Â = YTD_k / τ_seasonal`, with Student-t uncertainty from the historical shares.
    case share
    /// A log-linear trend with period dummies fitted to recent period values; the remaining
    /// periods are simulated from its prediction distribution.
    case trend
    /// Automatic ETS fitted to the period values; the remaining periods are simulated from
    /// sample paths of the fit (the default).
    case model
}
