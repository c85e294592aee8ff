/// Region × indicator, the key that joins targets to series.
public struct SeriesKey: Hashable, Sendable {
    public var region: String
    public var indicator: String
    public init(region: String, indicator: String) {
        self.region = region
        self.indicator = indicator
    }
}
