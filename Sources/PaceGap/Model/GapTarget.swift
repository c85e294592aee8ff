/// One annual target (SPEC §2, targets CSV: `region,indicator,year,type,target[,stretch]`).
public struct GapTarget: Sendable, Hashable {
    public var region: String
    public var indicator: String
    public var year: Int
    public var type: TargetType
    /// Growth in % (`growth`), an annual total or year-end balance (`level`), or a bound
    /// on the latest value (`max`, `min`).
    public var target: Double
    /// The optional higher "strive for" figure, same units as `target`.
    public var stretch: Double?

    public init(region: String, indicator: String, year: Int, type: TargetType, target: Double,
                stretch: Double? = nil) {
        self.region = region
        self.indicator = indicator
        self.year = year
        self.type = type
        self.target = target
        self.stretch = stretch
    }
}
