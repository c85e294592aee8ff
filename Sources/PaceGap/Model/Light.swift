/// The traffic light of a gap row (SPEC §4, progress account).
public enum Light: String, Sendable, Hashable, CaseIterable {
    case green
    case yellow
    case red
}

/// Where the lights change (SPEC §4). A value `v` is green when `v ≥ green`, yellow when
/// `yellow ≤ v < green` and red below `yellow`.
public struct LightThresholds: Sendable, Hashable {
    /// Lower bound of green, in points (default 0).
    public var green: Double
    /// Lower bound of yellow, in points (default −5 for the progress account, −1 for the
    /// growth gap). Values below it are red.
    public var yellow: Double

    public init(green: Double = 0, yellow: Double) {
        self.green = green
        self.yellow = yellow
    }

    /// The SPEC default for the progress account π: green ≥ 0, yellow ≥ −5, red below.
    public static let progress = LightThresholds(green: 0, yellow: -5)
    /// The SPEC default for the growth gap (growth data only): green ≥ 0, yellow ≥ −1, red below.
    public static let growthGap = LightThresholds(green: 0, yellow: -1)

    /// The light for `value`; `nil` when the value is NaN.
    @inlinable
    public func light(for value: Double) -> Light? {
        if value.isNaN { return nil }
        if value >= green { return .green }
        if value >= yellow { return .yellow }
        return .red
    }
}
