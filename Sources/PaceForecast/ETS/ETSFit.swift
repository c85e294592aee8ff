/// A fitted ETS model: immutable, `Sendable`, everything needed to report and forecast.
///
/// Likelihood convention (R forecast 8.20, Hyndman et al. 2008 §5.2 with constants dropped):
/// `logLikelihood` = −½·lik, lik = n·log Σeₜ² (+ 2Σlog|ŷₜ| for multiplicative error), so it is
/// *not* the full Gaussian log-likelihood. With k = (estimated smoothing parameters) + (free initial
/// states: l₀, b₀, m − 1 seasonal) + 1 (σ²): AIC = lik + 2k, BIC = lik + k·log n,
/// AICc = AIC + 2k(k + 1)/(n − k − 1) (+∞ when n − k − 1 ≤ 0).
/// σ² = Σeₜ²/(n − n_p), n_p = number of smoothing parameters (fixed or estimated) + free initial states.
public struct ETSFit: Sendable {
    public let specification: ETSSpecification
    public let parameters: ETSParameters
    /// Number of observations n.
    public let count: Int
    /// −½·lik (constants dropped, as R's `fit$loglik`).
    public let logLikelihood: Double
    public let aic: Double
    public let aicc: Double
    public let bic: Double
    /// k of the information criteria.
    public let parameterCount: Int
    /// σ², variance of the (relative, for multiplicative error) one-step errors.
    public let sigma2: Double
    /// Mean of (yₜ − ŷₜ)² on the data scale (R's `fit$mse`).
    public let mse: Double
    /// One-step-ahead fitted values ŷₜ.
    public let fitted: [Double]
    /// eₜ = yₜ − ŷₜ (additive error) or (yₜ − ŷₜ)/ŷₜ (multiplicative error).
    public let residuals: [Double]
    /// The (n + 1) × p states, row-major; row 0 = x₀, row t = state after yₜ; columns (l, b, s₁…sₘ).
    public let states: [Double]
    /// Columns of a state row: p.
    public let stateLength: Int
    /// Nelder–Mead function evaluations (0 when the parameters were given).
    public let evaluations: Int
    /// False if an optimiser run stopped at its evaluation cap.
    public let converged: Bool

    /// Row t of ``states`` (0…n).
    public func state(at t: Int) -> ArraySlice<Double> {
        states[(t * stateLength)..<((t + 1) * stateLength)]
    }
    /// x_n = (l, b, s₁…sₘ) after the last observation: the forecast origin.
    public var finalState: ArraySlice<Double> { state(at: count) }
    /// True for a fit of a constant series (σ² = 0, likelihood clamped at R's bound).
    public var isConstantSeriesFit: Bool { sigma2 == 0 && mse == 0 }
}
