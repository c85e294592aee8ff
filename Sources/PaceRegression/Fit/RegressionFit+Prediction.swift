import PaceLinearAlgebra
import PaceStatistics

/// A prediction of the mean response at new regressor values, with intervals.
public struct Prediction: Sendable, Hashable {
    /// x₀ᵀβ̂.
    public let mean: Double
    /// √(x₀ᵀ V x₀), V the fit's covariance of the estimates.
    public let standardError: Double
    /// Confidence interval for the mean response.
    public let confidenceLow: Double
    public let confidenceHigh: Double
    /// Prediction interval for a new observation: half-width q·√(se² + σ̂²/w₀).
    public let predictionLow: Double
    public let predictionHigh: Double
}

extension RegressionFit {
    /// Predictions at new rows (statsmodels' `get_prediction(...).summary_frame(alpha)`).
    ///
    /// - Parameters:
    ///   - rows: each row holds the regressor values in the model's order *without* the
    ///     intercept (for a polynomial model: just x; the powers are formed here).
    ///   - level: interval level in (0, 1), e.g. 0.95; q from t(n − k) for classical covariance,
    ///     N(0, 1) for robust ones.
    ///   - weights: weights of the new observations for the prediction interval (default 1,
    ///     as statsmodels): observation variance σ̂²/w₀.
    public func predict(rows: [[Double]], level: Double = 0.95, weights: [Double]? = nil)
        throws(RegressionError) -> [Prediction]
    {
        guard level > 0, level < 1 else { throw .invalidLevel(level) }
        if let w = weights {
            guard w.count == rows.count else {
                throw .dimensionMismatch("\(w.count) prediction weights for \(rows.count) rows")
            }
            for (i, v) in w.enumerated() where !(v.isFinite && v > 0) { throw .invalidWeight(row: i + 1, value: v) }
        }
        let regressorNames = hasIntercept ? Array(parameterNames.dropFirst()) : parameterNames
        let expected = polynomialDegree == nil ? regressorNames.count : 1
        let q = (coefficients.first ?? Coefficient(name: "", estimate: 0, standardError: 0,
                                                   degreesOfFreedom: Double(dfResidual)))
            .criticalValue(level: level)
        let beta = estimates
        var out: [Prediction] = []
        out.reserveCapacity(rows.count)
        var z = [Double](repeating: 0, count: k)
        for (r, row) in rows.enumerated() {
            guard row.count == expected else {
                throw .dimensionMismatch("prediction row \(r + 1) has \(row.count) values, expected \(expected)")
            }
            for (j, v) in row.enumerated() where !v.isFinite {
                throw .nonFinite(column: polynomialDegree == nil ? regressorNames[j] : (regressorNames.first ?? "x"),
                                 row: r + 1, value: v)
            }
            var c = 0
            if hasIntercept { z[0] = 1; c = 1 }
            if let d = polynomialDegree {
                let x = ExtendedDouble(row[0])
                for p in 1...max(d, 1) where p <= d {
                    z[c] = Double(ExtendedPolynomial.power(x, p))
                    c += 1
                }
            } else {
                for v in row { z[c] = v; c += 1 }
            }
            var mean = 0.0
            for j in 0..<k { mean += z[j] * beta[j] }
            var variance = 0.0
            for i in 0..<k {
                var s = 0.0
                for j in 0..<k { s += covariance[i, j] * z[j] }
                variance += z[i] * s
            }
            let se = max(variance, 0).squareRoot()
            let seObs = (se * se + scale / (weights?[r] ?? 1)).squareRoot()
            out.append(Prediction(mean: mean, standardError: se, confidenceLow: mean - q * se,
                                  confidenceHigh: mean + q * se, predictionLow: mean - q * seObs,
                                  predictionHigh: mean + q * seObs))
        }
        return out
    }
}
