import Foundation
import Testing
import PaceStatistics
@testable import PaceForecast

/// Year-to-date forecasts from models of period levels (`CumulationPlan`, `cumulativeForecast`). The references
/// are computed here independently: the ETS sums from the impulse responses of the textbook recursion
/// (Hyndman et al. 2008, Table 2.1, additive error), the trend sums from the regression's covariance matrix written
/// out as matrices, and the simulated paths against those exact distributions.
@Suite("Year-to-date cumulation of level forecasts")
struct CumulationTests {
    @Test("the plan restarts at each year's first period and adds the observed year-to-date value until then")
    func plan() {
        // Last observation: Q2 of its year, year-to-date 50.
        let p = CumulationPlan(lastYearToDate: 50, lastPosition: 2, periodsPerYear: 4, horizon: 7)
        #expect(p.base == 50)
        #expect(p.restarts == [false, false, true, false, false, false, true])
        #expect(p.cumulate([10, 11, 12, 13, 14, 15, 16]) == [60, 71, 12, 25, 39, 54, 16])
        #expect(p.window(2).start == 1 && p.window(2).includesBase)
        #expect(p.window(5).start == 3 && !p.window(5).includesBase)
        // Last observation at year end: nothing carries over.
        let q = CumulationPlan(lastYearToDate: 999, lastPosition: 12, periodsPerYear: 12, horizon: 3)
        #expect(q.base == 0 && q.restarts == [true, false, false])
        #expect(q.cumulate([1, 2, 3]) == [1, 3, 6])
        // Annual data: every step is a year of its own.
        let a = CumulationPlan(lastYearToDate: 7, lastPosition: 1, periodsPerYear: 1, horizon: 3)
        #expect(a.cumulate([1, 2, 3]) == [1, 2, 3])
    }

    /// ETS(A,Ad,A) at fixed parameters: the response of y_{n+j} to a unit shock at step i, by running the
    /// additive-error recursion with zero states (the responses do not depend on the states).
    static func impulseResponses(alpha: Double, beta: Double, gamma: Double, phi: Double, m: Int, horizon: Int) -> [[Double]] {
        var a = [[Double]](repeating: [Double](repeating: 0, count: horizon), count: horizon)
        for i in 0..<horizon {
            var l = 0.0, b = 0.0
            var s = [Double](repeating: 0, count: m)  // s[t mod m]: the seasonal state for step t
            for t in 0..<horizon {
                let yhat = l + phi * b + s[t % m]
                let e = t == i ? 1.0 : 0.0
                a[t][i] = yhat + e
                let lNew = l + phi * b + alpha * e
                b = phi * b + beta * e
                s[t % m] = s[t % m] + gamma * e
                l = lNew
            }
        }
        return a
    }

    @Test("ETS class 1: the sums' Gaussian intervals equal those of the impulse-response covariance (1e-12)")
    func etsClassOneExact() throws {
        let y = ETSFixture.y("UKgas")
        let spec = try ETSSpecification(error: .additive, trend: .additive, damped: true, season: .additive, period: 4)
        let params = ETSParameters(smoothingLevel: 0.3, smoothingTrend: 0.05, smoothingSeasonal: 0.2, dampingTrend: 0.9,
                                   initialLevel: 150, initialTrend: 2, initialSeasonal: [-20, 60, -10, -30])
        let fit = try ETS.evaluate(y, specification: spec, parameters: params)
        #expect(fit.forecastClass == 1)
        for lastPosition in [1, 3, 4] {
            let horizon = 11
            let plan = CumulationPlan(lastYearToDate: 123.5, lastPosition: lastPosition, periodsPerYear: 4, horizon: horizon)
            let f = try fit.cumulativeForecast(plan, levels: [80, 95])
            #expect(f.method == .analytical)
            let point = fit.pointForecasts(horizon: horizon)
            let a = Self.impulseResponses(alpha: 0.3, beta: 0.05, gamma: 0.2, phi: 0.9, m: 4, horizon: horizon)
            for h in 1...horizon {
                let w = plan.window(h)
                var mean = w.includesBase ? plan.base : 0
                for j in w.start...h { mean += point[j - 1] }
                var variance = 0.0
                for i in 0..<h {
                    var coefficient = 0.0
                    for j in w.start...h { coefficient += a[j - 1][i] }
                    variance += coefficient * coefficient
                }
                let sd = (fit.sigma2 * variance).squareRoot()
                #expect(abs(f.mean[h - 1] - mean) <= 1e-12 * abs(mean), "mean h=\(h) last=\(lastPosition)")
                for (li, level) in [80.0, 95].enumerated() {
                    let z = Normal.quantile(0.5 + level / 200)
                    #expect(abs(f.upper[li][h - 1] - (mean + z * sd)) <= 1e-12 * (abs(mean) + sd), "upper h=\(h)")
                    #expect(abs(f.lower[li][h - 1] - (mean - z * sd)) <= 1e-12 * (abs(mean) + sd), "lower h=\(h)")
                }
            }
        }
    }

    @Test("simulated cumulated paths converge to the exact class 1 intervals (200,000 paths, within 2.5% of the sd: about 4 standard errors of a 97.5% quantile)")
    func simulationConverges() throws {
        let y = ETSFixture.y("UKgas")
        let spec = try ETSSpecification(error: .additive, trend: .additive, season: .additive, period: 4)
        let params = ETSParameters(smoothingLevel: 0.4, smoothingTrend: 0.02, smoothingSeasonal: 0.3,
                                   initialLevel: 150, initialTrend: 2, initialSeasonal: [-20, 60, -10, -30])
        let fit = try ETS.evaluate(y, specification: spec, parameters: params)
        let plan = CumulationPlan(lastYearToDate: 400, lastPosition: 2, periodsPerYear: 4, horizon: 6)
        let exact = try fit.cumulativeForecast(plan, levels: [80, 95])
        let count = 200_000
        let paths = fit.cumulativeSamplePaths(plan, count: count, seed: 7)
        let q = CumulativeForecast.quantiles(of: paths.values, paths: count, horizon: 6, levels: [80, 95])
        for h in 0..<6 {
            let sd = (exact.upper[1][h] - exact.mean[h]) / Normal.quantile(0.975)
            #expect(abs(q.median[h] - exact.mean[h]) < 0.025 * sd, "median h=\(h + 1)")
            for li in 0..<2 {
                #expect(abs(q.lower[li][h] - exact.lower[li][h]) < 0.025 * sd, "lower h=\(h + 1)")
                #expect(abs(q.upper[li][h] - exact.upper[li][h]) < 0.025 * sd, "upper h=\(h + 1)")
            }
        }
        // Multiplicative models are simulated; the same seed gives the same intervals.
        let mSpec = try ETSSpecification(error: .multiplicative, trend: .additive, season: .multiplicative, period: 4)
        let mFit = try ETS.fit(y, specification: mSpec)
        let f1 = try mFit.cumulativeForecast(plan, levels: [80], simulationPaths: 3000, seed: 11)
        let f2 = try mFit.cumulativeForecast(plan, levels: [80], simulationPaths: 3000, seed: 11)
        #expect(f1.method == .simulation(paths: 3000, seed: 11))
        #expect(f1.lower == f2.lower && f1.upper == f2.upper)
        for h in 0..<6 { #expect(f1.lower[0][h] < f1.mean[h] && f1.mean[h] < f1.upper[0][h]) }
    }

    @Test("linear and quadratic trends: Student t intervals of the sums from the covariance matrix (1e-10)")
    func trendExact() throws {
        let y = ETSFixture.y("UKgas")
        for shape in [TrendModel.Shape.linear, .quadratic] {
            let model = TrendModel(shape: shape, seasonalPeriod: 4, seasonOffset: 0, breaks: [])
            let fit = try model.fit(y)
            let plan = CumulationPlan(lastYearToDate: 321, lastPosition: 1, periodsPerYear: 4, horizon: 9)
            let f = try fit.cumulativeForecast(plan, levels: [80, 95])
            #expect(f.method == .analytical)
            let r = fit.regression
            let n = fit.observationCount
            let rows = (n..<(n + 9)).map { [1] + model.row(index: $0) }
            let beta = r.estimates
            let s2 = r.sigma * r.sigma
            let t = StudentT(degreesOfFreedom: Double(r.dfResidual))
            for h in 1...9 {
                let w = plan.window(h)
                // a = Σ_{j ∈ window} x_j; Var(sum) = s²(aᵀ(XᵀX)⁻¹a + k).
                var a = [Double](repeating: 0, count: r.k)
                for j in w.start...h { for c in 0..<r.k { a[c] += rows[j - 1][c] } }
                var quad = 0.0
                for i in 0..<r.k { for j in 0..<r.k { quad += a[i] * r.normalizedCovariance[i, j] * a[j] } }
                let k = Double(h - w.start + 1)
                let sd = (s2 * (quad + k)).squareRoot()
                let mean = (w.includesBase ? plan.base : 0) + zip(a, beta).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(f.mean[h - 1] - mean) <= 1e-10 * abs(mean), "\(shape) mean h=\(h)")
                for (li, level) in [80.0, 95].enumerated() {
                    let q = t.quantile(0.5 + level / 200)
                    #expect(abs(f.upper[li][h - 1] - (mean + q * sd)) <= 1e-10 * abs(mean), "\(shape) upper h=\(h)")
                    #expect(abs(f.lower[li][h - 1] - (mean - q * sd)) <= 1e-10 * abs(mean), "\(shape) lower h=\(h)")
                }
            }
        }
    }

    @Test("log-linear trend: the simulated joint t draws reproduce each step's exact prediction interval")
    func logLinearMarginals() throws {
        let y = ETSFixture.y("UKgas")
        let model = TrendModel(shape: .logLinear, seasonalPeriod: 4, seasonOffset: 0, breaks: [])
        let fit = try model.fit(y)
        // Every step restarts (annual plan): the cumulated paths are the level draws themselves.
        let horizon = 5
        let plan = CumulationPlan(base: 0, restarts: [Bool](repeating: true, count: horizon))
        let count = 200_000
        let f = try fit.cumulativeForecast(plan, levels: [80, 95], simulationPaths: count, seed: 3)
        #expect(f.method == .simulation(paths: count, seed: 3))
        for (li, level) in [80.0, 95].enumerated() {
            let exact = try fit.forecast(horizon: horizon, level: level / 100)
            for h in 0..<horizon {
                // Compare on the log scale: quantiles within 1% of the log interval's half-width.
                let half = (log(exact[h].upper) - log(exact[h].lower)) / 2
                #expect(abs(log(f.lower[li][h]) - log(exact[h].lower)) < 0.01 * half, "lower \(level) h=\(h + 1)")
                #expect(abs(log(f.upper[li][h]) - log(exact[h].upper)) < 0.01 * half, "upper \(level) h=\(h + 1)")
                #expect(abs(log(f.mean[h]) - log(exact[h].point)) < 0.01 * half, "median h=\(h + 1)")
            }
        }
        // Cumulated: each year-to-date value is at least the sum of its window's lowest draws, and the paths
        // of a second seed agree within Monte Carlo error.
        let quarterly = CumulationPlan(lastYearToDate: 0, lastPosition: 4, periodsPerYear: 4, horizon: 4)
        let g1 = try fit.cumulativeForecast(quarterly, levels: [80], simulationPaths: 50_000, seed: 1)
        let g2 = try fit.cumulativeForecast(quarterly, levels: [80], simulationPaths: 50_000, seed: 2)
        for h in 0..<4 {
            #expect(abs(g1.mean[h] - g2.mean[h]) < 0.01 * (g1.upper[0][h] - g1.lower[0][h]))
            if h > 0 { #expect(g1.mean[h] > g1.mean[h - 1]) }
        }
    }

    @Test("gamma draws have the right mean and variance (shape 0.5, 3, 40)")
    func gammaMoments() {
        var rng = ETSRandom(seed: 99)
        for a in [0.5, 3.0, 40.0] {
            let n = 200_000
            var s = 0.0, s2 = 0.0
            for _ in 0..<n { let g = rng.gamma(shape: a); s += g; s2 += g * g }
            let mean = s / Double(n), variance = s2 / Double(n) - mean * mean
            #expect(abs(mean - a) < 5 * (a / Double(n)).squareRoot(), "shape \(a) mean \(mean)")
            #expect(abs(variance / a - 1) < 0.03, "shape \(a) variance \(variance)")
        }
    }
}
