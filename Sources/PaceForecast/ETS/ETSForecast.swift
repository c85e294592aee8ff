/// Forecasts of an ETS model h = 1…horizon steps after the last observation.
public struct ETSForecast: Sendable {
    /// How the intervals were obtained.
    public enum Method: Sendable, Hashable {
        /// Hyndman et al. (2008, ch. 6) analytical variances: class 1 (linear, additive error),
        /// class 2 (multiplicative error, linear mean), class 3 (multiplicative error and season).
        case analytical(forecastClass: Int)
        /// Quantiles (R's type 8) of simulated sample paths.
        case simulation(paths: Int, seed: UInt64)
    }

    public let horizon: Int
    /// Forecast mean E[y_{n+h}] (the centre of analytical intervals; for class 3 it includes σ² terms
    /// when h > m and then differs from ``pointForecast``). For simulation it is the point forecast, as in R.
    public let mean: [Double]
    /// Point forecasts of Hyndman et al. (2008, Table 2.1) from the final state.
    public let pointForecast: [Double]
    /// Forecast variances (analytical methods only).
    public let variance: [Double]?
    /// Interval levels in percent, e.g. [80, 95].
    public let levels: [Double]
    /// lower[i][h − 1] is the lower bound at levels[i].
    public let lower: [[Double]]
    public let upper: [[Double]]
    public let method: Method
}

/// Simulated future sample paths: `values[path * horizon + (h − 1)]`.
public struct ETSSamplePaths: Sendable {
    public let horizon: Int
    public let count: Int
    public let values: [Double]

    /// Path i (0-based) as a slice of `horizon` values.
    public func path(_ i: Int) -> ArraySlice<Double> { values[(i * horizon)..<((i + 1) * horizon)] }
}
