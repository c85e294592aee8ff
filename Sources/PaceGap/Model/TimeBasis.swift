/// How the time account τ — the share of the year elapsed by the as-of period — is measured
/// (SPEC §4).
public enum TimeBasis: String, Sendable, Hashable, CaseIterable {
    /// `k/n`: periods elapsed over periods in the year.
    case calendar
    /// Days elapsed to the end of period k over days in the year.
    case days
    /// The mean share of the annual total normally done by period k over recent complete years.
    case seasonal
}
