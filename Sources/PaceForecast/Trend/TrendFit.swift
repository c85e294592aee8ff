#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceRegression

/// A fitted ``TrendModel``: the regression, fitted values in the units of y, information
/// criteria on the scale of y, and forecasts.
public struct TrendFit: Sendable {
    /// The specification that was fitted.
    public let model: TrendModel
    /// n.
    public let observationCount: Int
    /// The OLS fit (of log y for the log-linear model): coefficients, standard errors, R², ….
    public let regression: RegressionFit
    /// Fitted values in the units of y (exp of the log-scale fit — a median — for log-linear).
    public let fittedValues: [Double]
    /// Gaussian log-likelihood on the scale of y (Jacobian-adjusted for log-linear).
    public let logLikelihood: Double
    /// AIC = −2ℓ + 2(k + 1).
    public let aic: Double
    /// AICc = AIC + 2p(p + 1)/(n − p − 1), p = k + 1; +∞ when n ≤ p + 1.
    public let aicc: Double

    /// Largest root-mean-square residual, relative to the largest |response|, that counts as
    /// an exact fit (``isExactFit``): rounding, not data.
    public static let exactFitTolerance = 1e-12

    /// True when the residuals are at the level of rounding (a constant series, an exact line):
    /// ℓ is then +∞, AIC and AICc −∞ (when defined), and the intervals have (nearly) zero width.
    public var isExactFit: Bool { logLikelihood == .infinity }

    /// Forecasts for the `horizon` periods after the sample, with prediction intervals at
    /// `level` (in (0, 1)). See ``TrendModel`` for the log-linear back-transformation.
    public func forecast(horizon: Int, level: Double = 0.95) throws -> [TrendForecast] {
        guard horizon >= 0 else {
            throw FilterError.invalidParameter(name: "horizon", value: "\(horizon)", constraint: "at least 0")
        }
        guard level > 0 && level < 1 else {
            throw FilterError.invalidParameter(name: "level", value: "\(level)", constraint: "strictly between 0 and 1")
        }
        if horizon == 0 { return [] }
        let n = observationCount
        let rows = (n..<(n + horizon)).map { model.row(index: $0) }
        let predictions = try regression.predict(rows: rows, level: level)
        let sigma2 = regression.sigma * regression.sigma
        return predictions.enumerated().map { h, p in
            if model.shape == .logLinear {
                let s2 = p.standardError * p.standardError + sigma2
                return TrendForecast(index: n + h, point: exp(p.mean), lower: exp(p.predictionLow),
                                     upper: exp(p.predictionHigh), level: level,
                                     lognormalMean: exp(p.mean + s2 / 2))
            }
            return TrendForecast(index: n + h, point: p.mean, lower: p.predictionLow, upper: p.predictionHigh,
                                 level: level, lognormalMean: nil)
        }
    }
}

/// One forecast of a trend model.
public struct TrendForecast: Sendable, Hashable {
    /// 0-based index of the forecast period (n for the first period after the sample).
    public let index: Int
    /// The point forecast: the regression mean, or exp of it (the median) for log-linear.
    public let point: Double
    /// Prediction interval bounds in the units of y.
    public let lower: Double
    public let upper: Double
    /// The interval's level.
    public let level: Double
    /// For log-linear models, the mean of the lognormal forecast distribution,
    /// exp(μ̂ + (se² + σ̂²)/2); nil otherwise.
    public let lognormalMean: Double?
}

/// Trend models ranked by AICc, best first.
public struct TrendSelection: Sendable {
    /// All fitted candidates, smallest AICc first.
    public let ranked: [TrendFit]
    /// The candidate with the smallest AICc.
    public var best: TrendFit { ranked[0] }
}
