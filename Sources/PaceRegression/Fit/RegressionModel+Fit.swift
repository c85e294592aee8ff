#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceLinearAlgebra

extension RegressionModel {
    /// Fits the model by least squares and computes full inference with `covariance`.
    ///
    /// - Throws: ``RegressionError`` — `dimensionMismatch`, `tooFewObservations` (n ≤ k, also
    ///   for empty input), `nonFinite` naming column and 1-based row, `invalidWeight`,
    ///   `rankDeficient` naming each column that is a linear combination of earlier ones (so a
    ///   constant regressor next to the intercept is named, never `const`), `invalidOption`.
    public func fit(covariance: CovarianceType = .classical) throws(RegressionError) -> RegressionFit {
        try fit(covariance: covariance, solver: .automatic)
    }

    /// Which least-squares kernel to use (tests force each one).
    enum Solver { case automatic, double, extended, normalEquations, lapack }

    /// Chooses the kernel: for n·k² ≤ ``extendedPrecisionLimit`` double-precision Householder
    /// with a refinement check, falling back to extended precision; above, corrected semi-normal
    /// equations when well conditioned, falling back to LAPACK's blocked QR.
    func solve(_ solver: Solver, needDesign: Bool) throws(RegressionError) -> LeastSquaresCore {
        let n = response.count, k = parameterCount
        switch solver {
        case .extended: return try solveExtended(needDesign: needDesign)
        case .lapack: return try solveLAPACK(needDesign: needDesign)
        case .normalEquations:
            if let core = try solveNormalEquations(needDesign: needDesign) { return core }
            return try solveLAPACK(needDesign: needDesign)
        case .double, .automatic:
            if solver == .automatic && n * k * k > RegressionModel.extendedPrecisionLimit {
                if let core = try solveNormalEquations(needDesign: needDesign) { return core }
                return try solveLAPACK(needDesign: needDesign)
            }
            if let core = try solveDouble(needDesign: needDesign) { return core }
            return try solveExtended(needDesign: needDesign)
        }
    }

    func fit(covariance: CovarianceType, solver: Solver) throws(RegressionError) -> RegressionFit {
        try validate()
        if case let .hac(lags, _) = covariance, lags < 0 {
            throw .invalidOption(name: "maxLags", value: "\(lags)", expected: "a non-negative integer")
        }
        let core = try solve(solver, needDesign: covariance != .classical)
        return try assemble(core, covariance: covariance)
    }

    /// Inference on top of a solved core: covariance, coefficients, F.
    func assemble(_ core: LeastSquaresCore, covariance: CovarianceType) throws(RegressionError) -> RegressionFit {
        let n = response.count, k = parameterCount
        let robust = covariance != .classical
        let df = n - k
        let s2 = core.ssr / Double(df)
        // Classical: standard errors from the diagonal of σ̂²(AᵀA)⁻¹ (the full matrix is formed
        // only when asked for); robust: the sandwich.
        var robustCovariance: Matrix? = nil
        if robust {
            guard let a = core.weightedDesign else { throw .numerical("no design kept for the robust covariance") }
            robustCovariance = try RobustCovariance.covariance(
                type: covariance, design: a, residuals: core.weightedResiduals, bread: core.xtxInverse,
                inverseR: core.inverseR)
        }
        let variances = robustCovariance ?? core.xtxInverse
        let varianceScale = robustCovariance == nil ? s2 : 1
        var coefficients: [Coefficient] = []
        coefficients.reserveCapacity(k)
        for j in 0..<k {
            let name = intercept ? (j == 0 ? "const" : names[j - 1]) : names[j]
            coefficients.append(Coefficient(
                name: name, estimate: core.beta[j],
                standardError: max(variances[j, j] * varianceScale, 0).squareRoot(),
                degreesOfFreedom: robust ? nil : Double(df)))
        }
        let dfModel = core.hasConstant ? k - 1 : k
        var f = Double.nan
        if dfModel > 0 {
            if robust {
                // statsmodels: NaN when the constant is only implicit (no column to exclude).
                if intercept {
                    f = waldF(beta: core.beta, covariance: variances, skipFirst: true)
                } else if !core.hasConstant {
                    f = waldF(beta: core.beta, covariance: variances, skipFirst: false)
                }
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
            n: n, k: k, hasIntercept: intercept, hasConstant: core.hasConstant,
            isWeighted: weights != nil,
            covarianceType: covariance, coefficients: coefficients, robustCovariance: robustCovariance,
            normalizedCovariance: core.xtxInverse, fittedValues: core.fitted, residuals: core.residuals,
            weightedResiduals: core.weightedResiduals, residualSumOfSquares: core.ssr,
            totalSumOfSquares: core.tss, fStatistic: f, halfSumLogWeights: halfLogW,
            rFactor: core.rFactor, polynomialDegree: degree)
    }

    /// The estimates only — the cheapest fit (same numerics and validation as ``fit(covariance:)``
    /// but no covariance or diagnostics), for loops over many series.
    public func fitEstimates() throws(RegressionError) -> [Double] {
        try validate()
        return try solve(.automatic, needDesign: false).beta
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
