import Foundation
import PaceLinearAlgebra

extension RegressionModel {
    /// Fits the model by least squares and computes full inference with `covariance`.
    ///
    /// - Throws: ``RegressionError`` — `dimensionMismatch`, `tooFewObservations` (n ≤ k, also
    ///   for empty input), `nonFinite` naming column and 1-based row, `invalidWeight`,
    ///   `rankDeficient` naming each column that is a linear combination of earlier ones (so a
    ///   constant regressor next to the intercept is named, never `const`), `invalidOption`.
    public func fit(covariance: CovarianceType = .classical) throws(RegressionError) -> RegressionFit {
        try validate()
        if case let .hac(lags, _) = covariance, lags < 0 {
            throw .invalidOption(name: "maxLags", value: "\(lags)", expected: "a non-negative integer")
        }
        let n = response.count, k = parameterCount
        let robust = covariance != .classical
        let core = n * k * k <= RegressionModel.extendedPrecisionLimit
            ? try solveExtended(needDesign: robust)
            : try solveLAPACK(needDesign: robust)
        let df = n - k
        let s2 = core.ssr / Double(df)
        var cov: Matrix
        if robust, let a = core.weightedDesign {
            cov = try RobustCovariance.covariance(
                type: covariance, design: a, residuals: core.weightedResiduals, bread: core.xtxInverse,
                inverseR: core.inverseR)
        } else {
            cov = core.xtxInverse
            cov.scale(by: s2)
        }
        let names = parameterNames
        var coefficients: [Coefficient] = []
        coefficients.reserveCapacity(k)
        for j in 0..<k {
            coefficients.append(Coefficient(
                name: names[j], estimate: core.beta[j], standardError: max(cov[j, j], 0).squareRoot(),
                degreesOfFreedom: robust ? nil : Double(df)))
        }
        let dfModel = intercept ? k - 1 : k
        var f = Double.nan
        if dfModel > 0 {
            if robust {
                f = waldF(beta: core.beta, covariance: cov, skipFirst: intercept)
            } else {
                let ess = core.tss - core.ssr
                if core.ssr > 0 {
                    f = (ess / Double(dfModel)) / s2
                } else if ess > 0 {
                    f = .infinity
                }
            }
        }
        var halfLogW = 0.0
        if let w = weights { for v in w { halfLogW += log(v) }; halfLogW /= 2 }
        var degree: Int? = nil
        if case .polynomial(_, let d) = terms { degree = d }
        return RegressionFit(
            parameterNames: names, n: n, k: k, hasIntercept: intercept, isWeighted: weights != nil,
            covarianceType: covariance, coefficients: coefficients, covariance: cov,
            normalizedCovariance: core.xtxInverse, fittedValues: core.fitted, residuals: core.residuals,
            weightedResiduals: core.weightedResiduals, residualSumOfSquares: core.ssr,
            totalSumOfSquares: core.tss, fStatistic: f, halfSumLogWeights: halfLogW,
            rFactor: core.rFactor, polynomialDegree: degree)
    }

    /// The estimates only — the cheapest fit (same numerics and validation as ``fit(covariance:)``
    /// but no covariance or diagnostics), for loops over many series.
    public func fitEstimates() throws(RegressionError) -> [Double] {
        try validate()
        let n = response.count, k = parameterCount
        return n * k * k <= RegressionModel.extendedPrecisionLimit
            ? try solveExtended(needDesign: false).beta
            : try solveLAPACK(needDesign: false).beta
    }

    /// Wald F = β̂ᵣᵀ Vᵣᵣ⁻¹ β̂ᵣ / q over the non-constant parameters.
    private func waldF(beta: [Double], covariance v: Matrix, skipFirst: Bool) -> Double {
        let idx = Array((skipFirst ? 1 : 0)..<beta.count)
        let q = idx.count
        var sub = Matrix(rows: q, columns: q)
        for (a, i) in idx.enumerated() { for (b, j) in idx.enumerated() { sub[a, b] = v[i, j] } }
        let br = idx.map { beta[$0] }
        guard let chol = try? Cholesky(sub), let x = try? chol.solve(br) else { return .nan }
        var s = 0.0
        for i in 0..<q { s += br[i] * x[i] }
        return s / Double(q)
    }
}
