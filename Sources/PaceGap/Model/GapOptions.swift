import PaceForecast

/// The parameters of a gap analysis (SPEC §4 and the `pace gap` options).
public struct GapOptions: Sendable, Hashable {
    /// The as-of period; series of another frequency use the period ending at the same month.
    public var asOf: AsOfPeriod
    /// How the time account τ is measured.
    public var timeBasis: TimeBasis
    /// m: how many recent complete years feed the seasonal shares, the share projection's
    /// uncertainty and the trend fit (default 3).
    public var historyYears: Int
    /// Abnormal years left out of the history (e.g. 2020); earlier years take their place.
    public var excludedYears: Set<Int>
    public var method: ProjectionMethod
    /// Lights for the progress account π (default green ≥ 0, yellow ≥ −5).
    public var progressLights: LightThresholds
    /// Lights for the growth gap when there is no task share (default green ≥ 0, yellow ≥ −1).
    public var growthLights: LightThresholds
    /// Seed of the trend and model methods' simulations (deterministic for a given seed).
    public var seed: UInt64
    /// Number of simulated sample paths of the trend and model methods.
    public var simulationPaths: Int
    /// The parameter region of the `model` method's automatic ETS selection (default
    /// ``ETSBounds/capped``, as `pace forecast`; ``ETSBounds/standard`` is R's).
    public var etsBounds: ETSBounds

    public init(asOf: AsOfPeriod, timeBasis: TimeBasis = .calendar, historyYears: Int = 3,
                excludedYears: Set<Int> = [], method: ProjectionMethod = .model,
                progressLights: LightThresholds = .progress, growthLights: LightThresholds = .growthGap,
                seed: UInt64 = 1, simulationPaths: Int = 2000, etsBounds: ETSBounds = .capped) {
        self.asOf = asOf
        self.timeBasis = timeBasis
        self.historyYears = historyYears
        self.excludedYears = excludedYears
        self.method = method
        self.progressLights = progressLights
        self.growthLights = growthLights
        self.seed = seed
        self.simulationPaths = simulationPaths
        self.etsBounds = etsBounds
    }
}
