#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceForecast
import PaceRegression

extension GapAnalyzer {
    /// The `trend` projection: a log-linear trend with period dummies,
    /// `log x_t = β₀ + β₁·t + Σ_{j≥2} γ_j·[period(t) = j] + ε_t`, fitted by OLS to the period
    /// values of the last m complete years (excluded years left out) and of the as-of year
    /// through k. The remaining periods are simulated from the fit's predictive distribution
    /// (σ² drawn as σ̂²·ν/χ²_ν, then β ~ N(β̂, σ²(XᵀX)⁻¹) and ε ~ N(0, σ²), ν = n − p — the
    /// multivariate-t predictive of the regression), with a generator seeded by `seed` and
    /// the series' region and indicator (deterministic and independent of row order).
    /// Each path's year-end value is `YTD_k + Σ remaining periods` (stock: the simulated
    /// year-end balance). The point is the median path, the bounds are path quantiles, and
    /// P(meet) the share of paths reaching the target.
    func trendProjection(_ s: GapSeries, position k: Int, current: Double, base: Double, stock: Bool,
                         goal: Double, goalStretch: Double, notes: inout [String]) -> Projection {
        let n = s.periodsPerYear
        let year = options.asOf.year
        // Period values: flow levels (ytd differences), stock balances.
        func periodValue(_ y: Int, _ j: Int) -> Double { s.periodValue(year: y, position: j, stock: stock) }
        var years: [Int] = []
        var y = year - 1
        while years.count < options.historyYears && y >= s.firstYear {
            if !options.excludedYears.contains(y) { years.append(y) }
            y -= 1
        }
        years.reverse()
        var response: [Double] = [], time: [Double] = []
        var dummies = [[Double]](repeating: [], count: max(n - 1, 0))
        var skippedNonPositive = false
        func add(_ y: Int, _ j: Int) {
            let v = periodValue(y, j)
            guard !v.isNaN else { return }
            guard v > 0 else { skippedNonPositive = true; return }
            response.append(log(v))
            time.append(Double((y - year) * n + j))
            for d in 0..<(n - 1) { dummies[d].append(j == d + 2 ? 1 : 0) }
        }
        for y in years { for j in 1...n { add(y, j) } }
        for j in 1...k { add(year, j) }
        if skippedNonPositive { notes.append("trend: periods with values ≤ 0 left out of the log fit") }
        let parameters = n + 1  // const, t, n − 1 dummies
        guard response.count >= parameters + 2 else {
            notes.append("no trend projection: \(response.count) period values for \(parameters) parameters")
            return .undefined
        }
        // Drop dummies of positions never observed (they would make the design singular).
        var names = ["t"], columns = [time]
        var dummyIndex: [Int?] = [Int?](repeating: nil, count: n + 1)
        for d in 0..<(n - 1) where dummies[d].contains(1) {
            dummyIndex[d + 2] = columns.count
            names.append("period\(d + 2)")
            columns.append(dummies[d])
        }
        let fit: RegressionFit
        do {
            fit = try RegressionModel(response: response, regressors: columns, names: names).fit()
        } catch {
            notes.append("no trend projection: \(error)")
            return .undefined
        }
        let p = fit.k, df = fit.dfResidual
        guard df >= 1, fit.sigma.isFinite else {
            notes.append("no trend projection: no residual degrees of freedom")
            return .undefined
        }
        // Remaining positions need an estimated dummy (or be position 1).
        var rows: [[Double]] = []
        for j in (k + 1)...n {
            var x = [Double](repeating: 0, count: p)
            x[0] = 1
            x[1] = Double(j)
            if j >= 2 {
                guard let c = dummyIndex[j] else {
                    notes.append("no trend projection: no past value for period \(j)")
                    return .undefined
                }
                x[c + 1] = 1
            }
            rows.append(x)
        }
        // Cholesky factor of (XᵀX)⁻¹ (normalised covariance), so β = β̂ + σ·L·z.
        let chol = fit.normalizedCovarianceFactor
        let beta = fit.estimates
        let sigmaHat = fit.sigma
        var generator = ETSRandom(seed: SeriesSeed.derive(region: s.region, indicator: s.indicator,
                                                          seed: options.seed, salt: 0x9E37_79B9_7F4A_7C15))
        let paths = options.simulationPaths
        var outcomes = [Double](repeating: 0, count: paths)
        var z = [Double](repeating: 0, count: p)
        var draw = [Double](repeating: 0, count: p)
        for path in 0..<paths {
            var chi2 = 0.0
            for _ in 0..<df { let e = generator.normal(); chi2 += e * e }
            let sigma = sigmaHat * (Double(df) / chi2).squareRoot()
            for i in 0..<p { z[i] = generator.normal() }
            for i in 0..<p {
                var v = 0.0
                for l in 0...i { v += chol[i * p + l] * z[l] }
                draw[i] = beta[i] + sigma * v
            }
            var total = stock ? 0 : current
            for x in rows {
                var mean = 0.0
                for i in 0..<p { mean += x[i] * draw[i] }
                let value = exp(mean + sigma * generator.normal())
                if stock { total = value } else { total += value }
            }
            outcomes[path] = total
        }
        return Projection(outcomes: &outcomes, goal: goal, goalStretch: goalStretch)
    }
}
