#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceLinearAlgebra
import PaceStatistics

/// The result of fitting a ``RegressionModel``: estimates, inference and diagnostics.
///
/// Conventions (statsmodels 0.15 `OLS`/`WLS` results, which the tests check to 1e-10):
/// - n observations, k parameters (intercept included), `dfResidual` = n − k,
///   `dfModel` = k − 1 with an intercept, k without.
/// - Sums of squares are weighted for WLS: SSR = Σwᵢeᵢ²; TSS = Σwᵢ(yᵢ − ȳ_w)² when the model
///   contains a constant (ȳ_w the weighted mean) and the *uncentred* Σwᵢyᵢ² otherwise (as NIST's
///   NoInt certified R²). A constant is detected also when implicit (see ``hasConstant``).
/// - σ̂ = √(SSR/(n − k)).
/// - Perfect fit (SSR = 0): R² = 1, adjusted R² = 1, σ̂ = 0, standard errors 0, t = ±∞ and p = 0
///   (t = 0, p = 1 for an estimate of exactly 0), F = +∞, log-likelihood = +∞; Durbin–Watson and
///   the Jarque–Bera moments are 0/0 and reported as NaN.
public struct RegressionFit: Sendable {
    /// Parameter names, `const` first when there is an intercept.
    public var parameterNames: [String] { coefficients.map(\.name) }
    /// Number of observations n.
    public let n: Int
    /// Number of parameters k.
    public let k: Int
    /// Residual degrees of freedom n − k.
    public let dfResidual: Int
    /// Model degrees of freedom: k − 1 with an intercept, k without.
    public let dfModel: Int
    /// Whether the model has an explicit intercept `const`.
    public let hasIntercept: Bool
    /// Whether the model contains a constant, explicitly or implicitly (a combination of columns
    /// is constant, e.g. all four quarter dummies without intercept). As in statsmodels, this
    /// decides a centred R², dfModel = k − 1 and the adjusted R².
    public let hasConstant: Bool
    /// Whether the fit is weighted.
    public let isWeighted: Bool
    /// The covariance estimator used for standard errors.
    public let covarianceType: CovarianceType
    /// Estimates, standard errors, t (z) and p, in parameter order.
    public let coefficients: [Coefficient]
    /// Covariance matrix of the estimates (k × k) for `covarianceType`: σ̂²(AᵀA)⁻¹ for the
    /// classical type (formed when asked), the sandwich estimate otherwise.
    public var covariance: Matrix {
        if let robustCovariance { return robustCovariance }
        var c = normalizedCovariance
        c.scale(by: residualSumOfSquares / Double(dfResidual))
        return c
    }
    /// The robust (sandwich) covariance; nil for the classical type.
    let robustCovariance: Matrix?
    /// (AᵀA)⁻¹ (statsmodels' `normalized_cov_params`); classical covariance = σ̂²·this.
    public let normalizedCovariance: Matrix
    /// Fitted values Xβ̂.
    public let fittedValues: [Double]
    /// Residuals y − Xβ̂ (unweighted, statsmodels' `resid`).
    public let residuals: [Double]
    /// √wᵢ·eᵢ (statsmodels' `wresid`); equal to `residuals` for OLS.
    public let weightedResiduals: [Double]
    /// SSR = Σwᵢeᵢ².
    public let residualSumOfSquares: Double
    /// Centred (with intercept) or uncentred (without) weighted total sum of squares.
    public let totalSumOfSquares: Double
    /// σ̂ = √(SSR/(n − k)), the residual standard deviation.
    public let sigma: Double
    /// F statistic for "all slopes are zero": with classical covariance the ANOVA
    /// ((TSS − SSR)/dfModel)/(SSR/dfResidual); with a robust covariance the Wald statistic
    /// β̂ᵣᵀ Vᵣᵣ⁻¹ β̂ᵣ / q over the non-constant parameters (statsmodels' convention). NaN when
    /// dfModel = 0.
    public let fStatistic: Double
    /// ½ Σ log wᵢ (0 for OLS), part of the WLS log-likelihood.
    let halfSumLogWeights: Double
    /// R·D from the QR of the weighted design: its singular values are those of A.
    let rFactor: Matrix
    /// Degree of the polynomial terms, when the model was built by `polynomial`.
    let polynomialDegree: Int?

    init(n: Int, k: Int, hasIntercept: Bool, hasConstant: Bool, isWeighted: Bool,
         covarianceType: CovarianceType, coefficients: [Coefficient], robustCovariance: Matrix?,
         normalizedCovariance: Matrix, fittedValues: [Double], residuals: [Double],
         weightedResiduals: [Double], residualSumOfSquares: Double, totalSumOfSquares: Double,
         fStatistic: Double, halfSumLogWeights: Double, rFactor: Matrix, polynomialDegree: Int?) {
        self.n = n
        self.k = k
        self.dfResidual = n - k
        self.dfModel = hasConstant ? k - 1 : k
        self.hasIntercept = hasIntercept
        self.hasConstant = hasConstant
        self.isWeighted = isWeighted
        self.covarianceType = covarianceType
        self.coefficients = coefficients
        self.robustCovariance = robustCovariance
        self.normalizedCovariance = normalizedCovariance
        self.fittedValues = fittedValues
        self.residuals = residuals
        self.weightedResiduals = weightedResiduals
        self.residualSumOfSquares = residualSumOfSquares
        self.totalSumOfSquares = totalSumOfSquares
        self.sigma = (residualSumOfSquares / Double(n - k)).squareRoot()
        self.fStatistic = fStatistic
        self.halfSumLogWeights = halfSumLogWeights
        self.rFactor = rFactor
        self.polynomialDegree = polynomialDegree
    }

    /// The estimates β̂ in parameter order.
    public var estimates: [Double] { coefficients.map(\.estimate) }

    /// The standard errors in parameter order.
    public var standardErrors: [Double] { coefficients.map(\.standardError) }

    /// σ̂² = SSR/(n − k) (statsmodels' `scale`).
    public var scale: Double { sigma * sigma }

    /// Confidence intervals β̂ ∓ q·se at `level`, q from t(n − k) (classical) or N(0, 1) (robust).
    public func confidenceIntervals(level: Double = 0.95) throws(RegressionError) -> [(low: Double, high: Double)] {
        guard level > 0, level < 1 else { throw .invalidLevel(level) }
        // Every coefficient shares the reference distribution: one quantile serves them all.
        guard let first = coefficients.first else { return [] }
        let q = first.criticalValue(level: level)
        return coefficients.map { ($0.estimate - q * $0.standardError, $0.estimate + q * $0.standardError) }
    }

    /// R² = 1 − SSR/TSS (centred TSS with an intercept, uncentred without); 1 when TSS = 0.
    public var rSquared: Double {
        totalSumOfSquares > 0 ? 1 - residualSumOfSquares / totalSumOfSquares : 1
    }

    /// Adjusted R² = 1 − (n − c)/(n − k) · (1 − R²), c = 1 with an intercept, 0 without.
    public var adjustedRSquared: Double {
        let c = hasConstant ? 1.0 : 0.0
        return 1 - (Double(n) - c) / Double(dfResidual) * (1 - rSquared)
    }

    /// P(F(dfModel, n − k) > F).
    public var fPValue: Double {
        if fStatistic.isNaN || dfModel == 0 { return .nan }
        if fStatistic == .infinity { return 0 }
        return FisherF(numeratorDegreesOfFreedom: Double(dfModel),
                       denominatorDegreesOfFreedom: Double(dfResidual)).survival(fStatistic)
    }

    /// Gaussian log-likelihood at the estimates with σ² profiled out:
    /// ℓ = −n/2 (log 2π + log(SSR/n) + 1) + ½ Σ log wᵢ. +∞ for a perfect fit.
    public var logLikelihood: Double {
        let nn = Double(n)
        if residualSumOfSquares == 0 { return .infinity }
        return -nn / 2 * (log(2 * Double.pi) + log(residualSumOfSquares / nn) + 1) + halfSumLogWeights
    }

    /// AIC = −2ℓ + 2k, with k the number of coefficients (σ not counted — statsmodels'
    /// convention; R's `AIC()` counts σ and is larger by 2).
    public var aic: Double { -2 * logLikelihood + 2 * Double(k) }

    /// BIC = −2ℓ + k log n, k as for ``aic`` (R's `BIC()` adds log n).
    public var bic: Double { -2 * logLikelihood + Double(k) * log(Double(n)) }
}
