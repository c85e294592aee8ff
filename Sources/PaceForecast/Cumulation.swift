#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceRegression
import PaceStatistics

/// How forecasts of period levels add up to year-to-date values: the h-th forecast period's year-to-date value is
/// the sum of the forecast levels from the first forecast period of its year (or from the first forecast period,
/// plus ``base``, while the last observed year continues) through h.
///
/// Bureau data are mostly year-to-date cumulative values. Their period levels (the differences within each
/// year) are the series a time-series model describes; the year-to-date forecast is the sum of level forecasts,
/// and its interval is the interval of that sum — not of a model fitted to the cumulative values themselves.
public struct CumulationPlan: Sendable, Hashable {
    /// What the first forecast adds to: the last observed year-to-date value when the last observation is not
    /// the last period of its year, else 0.
    public var base: Double
    /// `restarts[h − 1]` is true when forecast step h is the first period of a year (the sum starts again there).
    public var restarts: [Bool]

    public init(base: Double, restarts: [Bool]) {
        self.base = base
        self.restarts = restarts
    }

    /// The plan after an observation at `lastPosition` (1…`periodsPerYear`) of its year with year-to-date value
    /// `lastYearToDate`, over `horizon` steps.
    public init(lastYearToDate: Double, lastPosition: Int, periodsPerYear n: Int, horizon: Int) {
        let continuing = lastPosition < n
        base = continuing ? lastYearToDate : 0
        restarts = horizon < 1 ? [] : (1...horizon).map { h in (lastPosition + h - 1) % n == 0 }
    }

    public var horizon: Int { restarts.count }

    /// The first step (1-based) of the year-to-date sum at step h, and whether ``base`` belongs to it.
    public func window(_ h: Int) -> (start: Int, includesBase: Bool) {
        var s = h
        while s > 1 && !restarts[s - 1] { s -= 1 }
        return (s, s == 1 && !restarts[0])
    }

    /// Year-to-date values of one path of level values (`levels.count` = horizon).
    public func cumulate<C: Collection>(_ levels: C) -> [Double] where C.Element == Double {
        var out: [Double] = []
        out.reserveCapacity(levels.count)
        var run = base
        for (i, v) in levels.enumerated() {
            if restarts[i] { run = 0 }
            run += v
            out.append(run)
        }
        return out
    }
}

/// Year-to-date forecasts built from a model of period levels (``CumulationPlan``).
public struct CumulativeForecast: Sendable {
    public enum Method: Sendable, Hashable {
        /// Exact: Gaussian (ETS class 1) or Student t (linear and quadratic trend regressions) sums.
        case analytical
        /// Quantiles (R's type 8) of the cumulated simulated paths.
        case simulation(paths: Int, seed: UInt64)
    }

    /// Year-to-date forecasts: the cumulated level means (for a log-linear trend, the median of the cumulated
    /// simulated paths, as its level forecasts are medians).
    public let mean: [Double]
    /// Interval levels in percent.
    public let levels: [Double]
    /// lower[i][h − 1] at levels[i].
    public let lower: [[Double]]
    public let upper: [[Double]]
    public let method: Method
}

extension CumulativeForecast {
    /// Quantile intervals (type 8) of cumulated paths (`values[path · horizon + h − 1]`); paths with a NaN value
    /// are left out. Returns the bounds and the per-step medians.
    static func quantiles(of values: [Double], paths: Int, horizon: Int, levels: [Double])
        -> (lower: [[Double]], upper: [[Double]], median: [Double])
    {
        var lower = levels.map { _ in [Double](repeating: .nan, count: horizon) }
        var upper = lower
        var median = [Double](repeating: .nan, count: horizon)
        var column: [Double] = []
        column.reserveCapacity(paths)
        for h in 0..<horizon {
            column.removeAll(keepingCapacity: true)
            for i in 0..<paths where !values[i * horizon + h].isNaN { column.append(values[i * horizon + h]) }
            guard !column.isEmpty else { continue }
            let q = OrderStatistics.quantilesType8(&column, [0.5] + OrderStatistics.intervalProbabilities(levels))
            median[h] = q[0]
            for li in levels.indices {
                lower[li][h] = q[1 + 2 * li]
                upper[li][h] = q[2 + 2 * li]
            }
        }
        return (lower, upper, median)
    }
}

extension ETSFit {
    /// Year-to-date forecasts from this model of period levels (``CumulationPlan``). Class 1 models (additive
    /// error, linear states) get exact Gaussian intervals of the sums: with y_{n+j} − μ_j = ε_{n+j} +
    /// Σ_{i<j} c_{j−i} ε_{n+i} (c_j as in ``forecast(horizon:levels:simulationPaths:seed:)``), the sum over steps
    /// s…h has variance σ² Σ_{i≤h} a_i², a_i = 1[i ≥ s] + Σ_{j=max(i+1,s)}^{h} c_{j−i}. Other models: quantiles of
    /// `simulationPaths` cumulated sample paths. The mean is the cumulated forecast mean in both cases.
    public func cumulativeForecast(_ plan: CumulationPlan, levels: [Double] = [80, 95], simulationPaths: Int = 5000,
                                   seed: UInt64 = 20_240_101) throws(ETSError) -> CumulativeForecast {
        let horizon = plan.horizon
        guard horizon >= 1 else { throw .invalidForecastArgument("horizon must be ≥ 1, got \(horizon)") }
        for level in levels where !(level > 0 && level < 100) {
            throw .invalidForecastArgument("interval level must be in (0, 100), got \(level)")
        }
        let levelMean = forecastClass.map { analyticalMoments(horizon: horizon, forecastClass: $0).0 }
            ?? pointForecasts(horizon: horizon)
        let mean = plan.cumulate(levelMean)
        if forecastClass == 1 {
            let c = psiWeights(horizon: horizon)
            // C[k] = c_1 + … + c_k (C[0] = 0).
            var prefix = [Double](repeating: 0, count: horizon + 1)
            for k in 1..<(horizon + 1) { prefix[k] = prefix[k - 1] + (k < horizon ? c[k] : 0) }
            var sd = [Double](repeating: 0, count: horizon)
            for h in 1...horizon {
                let s = plan.window(h).start
                var v = 0.0
                for i in 1...h {
                    // Σ_{j = max(i+1, s)}^{h} c_{j−i} = C[h − i] − C[max(i+1, s) − 1 − i]
                    let from = max(i + 1, s)
                    let a = (i >= s ? 1 : 0) + prefix[h - i] - prefix[from - 1 - i]
                    v += a * a
                }
                sd[h - 1] = (sigma2 * v).squareRoot()
            }
            var lower: [[Double]] = [], upper: [[Double]] = []
            for level in levels {
                let z = Normal.quantile(0.5 + level / 200)
                lower.append((0..<horizon).map { mean[$0] - z * sd[$0] })
                upper.append((0..<horizon).map { mean[$0] + z * sd[$0] })
            }
            return CumulativeForecast(mean: mean, levels: levels, lower: lower, upper: upper, method: .analytical)
        }
        guard simulationPaths >= 1 else {
            throw .invalidForecastArgument("simulation needs at least 1 path, got \(simulationPaths)")
        }
        let paths = cumulativeSamplePaths(plan, count: simulationPaths, seed: seed)
        let q = CumulativeForecast.quantiles(of: paths.values, paths: simulationPaths, horizon: horizon, levels: levels)
        return CumulativeForecast(mean: mean, levels: levels, lower: q.lower, upper: q.upper,
                                  method: .simulation(paths: simulationPaths, seed: seed))
    }

    /// ``samplePaths(horizon:count:seed:)`` of the levels, each path cumulated by `plan` (a NaN level stays NaN
    /// from there to the end of its year).
    public func cumulativeSamplePaths(_ plan: CumulationPlan, count: Int, seed: UInt64) -> ETSSamplePaths {
        let h = plan.horizon
        let raw = samplePaths(horizon: h, count: count, seed: seed)
        var values = raw.values
        for p in 0..<raw.count {
            let c = plan.cumulate(raw.values[(p * h)..<((p + 1) * h)])
            for i in 0..<h { values[p * h + i] = c[i] }
        }
        return ETSSamplePaths(horizon: h, count: raw.count, values: values)
    }

    /// c_j, j = 1…horizon − 1 (index 0 unused): α + β(φ + … + φʲ) [trend] + γ·1[j mod m = 0] [season].
    func psiWeights(horizon: Int) -> [Double] {
        let spec = specification
        let alpha = parameters.smoothingLevel, beta = parameters.smoothingTrend ?? 0
        let gamma = parameters.smoothingSeasonal ?? 0, phi = parameters.dampingTrend ?? 1
        var c = [Double](repeating: 0, count: max(horizon, 1))
        var phiStar = 0.0, phiPower = 1.0
        for j in 1..<max(horizon, 1) {
            phiPower *= phi
            phiStar += phiPower
            var v = alpha
            if spec.hasTrend { v += beta * phiStar }
            if spec.hasSeason && j % spec.period == 0 { v += gamma }
            c[j] = v
        }
        return c
    }
}

extension TrendFit {
    /// Year-to-date forecasts from this trend regression of period levels (``CumulationPlan``).
    ///
    /// - Linear and quadratic: exact Student t intervals of each sum. The sum of k future levels has mean
    ///   (Σx_j)ᵀβ̂ and variance (Σx_j)ᵀV(Σx_j) + kσ̂², which is the prediction of the average row x̄ for an
    ///   observation of weight k (variance σ̂²/k), scaled by k.
    /// - Log-linear: the future log levels are jointly Student t (mean X₀β̂, scale σ̂²(I + X₀(XᵀX)⁻¹X₀ᵀ),
    ///   n − k degrees of freedom); `simulationPaths` seeded draws are exponentiated and cumulated, and the
    ///   forecast is the median of the cumulated paths (as the level forecasts are medians), the bounds their
    ///   quantiles.
    public func cumulativeForecast(_ plan: CumulationPlan, levels: [Double] = [80, 95], simulationPaths: Int = 5000,
                                   seed: UInt64 = 20_240_101) throws -> CumulativeForecast {
        let horizon = plan.horizon
        for level in levels where !(level > 0 && level < 100) {
            throw FilterError.invalidParameter(name: "level", value: "\(level)", constraint: "strictly between 0 and 100")
        }
        let n = observationCount
        let rows = (n..<(n + horizon)).map { model.row(index: $0) }
        if model.shape == .logLinear {
            let paths = cumulativeSamplePaths(plan, count: simulationPaths, seed: seed)
            let q = CumulativeForecast.quantiles(of: paths, paths: simulationPaths, horizon: horizon, levels: levels)
            return CumulativeForecast(mean: q.median, levels: levels, lower: q.lower, upper: q.upper,
                                      method: .simulation(paths: simulationPaths, seed: seed))
        }
        var mean = [Double](repeating: 0, count: horizon)
        var lower = levels.map { _ in [Double](repeating: 0, count: horizon) }
        var upper = lower
        let width = rows.first?.count ?? 0
        for h in 1...max(horizon, 1) where horizon >= 1 {
            let w = plan.window(h)
            let k = h - w.start + 1
            var average = [Double](repeating: 0, count: width)
            for j in w.start...h { for c in 0..<width { average[c] += rows[j - 1][c] } }
            for c in 0..<width { average[c] /= Double(k) }
            let base = w.includesBase ? plan.base : 0
            let predictions = try levels.map { level in
                try regression.predict(rows: [average], level: level / 100, weights: [Double(k)])[0]
            }
            let centre = try predictions.first ?? regression.predict(rows: [average], weights: [Double(k)])[0]
            mean[h - 1] = base + Double(k) * centre.mean
            for (li, p) in predictions.enumerated() {
                lower[li][h - 1] = base + Double(k) * p.predictionLow
                upper[li][h - 1] = base + Double(k) * p.predictionHigh
            }
        }
        return CumulativeForecast(mean: mean, levels: levels, lower: lower, upper: upper, method: .analytical)
    }

    /// Seeded joint draws of the future levels from the regression's predictive distribution (Student t with
    /// n − k degrees of freedom; exponentiated for the log-linear shape), cumulated by `plan`:
    /// `values[path · horizon + h − 1]`.
    public func cumulativeSamplePaths(_ plan: CumulationPlan, count: Int, seed: UInt64) -> [Double] {
        let horizon = plan.horizon
        let n = observationCount
        let r = regression
        let k = r.k
        let beta = r.estimates
        // β̂ + σ·L·z: L the Cholesky factor of (XᵀX)⁻¹.
        let lower = r.normalizedCovarianceFactor
        // Full design rows (intercept first when the regression has one).
        let design: [[Double]] = (n..<(n + horizon)).map { (r.hasIntercept ? [1] : []) + model.row(index: $0) }
        let centre = design.map { row in zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 } }
        let sigma = r.sigma
        let nu = Double(r.dfResidual)
        var rng = ETSRandom(seed: seed)
        var values = [Double](repeating: 0, count: count * horizon)
        var z = [Double](repeating: 0, count: k), u = [Double](repeating: 0, count: k)
        var path = [Double](repeating: 0, count: horizon)
        for p in 0..<count {
            let w = rng.gamma(shape: nu / 2) * 2  // χ²_ν
            let scale = w > 0 ? sigma * (nu / w).squareRoot() : .infinity
            for i in 0..<k { z[i] = rng.normal() }
            for i in 0..<k {
                var s = 0.0
                for j in 0...i { s += lower[i * k + j] * z[j] }
                u[i] = s
            }
            for h in 0..<horizon {
                var d = 0.0
                for i in 0..<k { d += design[h][i] * u[i] }
                let x = centre[h] + scale * (d + rng.normal())
                path[h] = model.shape == .logLinear ? exp(x) : x
            }
            let c = plan.cumulate(path)
            for h in 0..<horizon { values[p * horizon + h] = c[h] }
        }
        return values
    }
}

extension ETSRandom {
    /// Gamma(shape, 1) (Marsaglia & Tsang 2000; shape < 1 by Gamma(shape + 1)·U^{1/shape}).
    public mutating func gamma(shape a: Double) -> Double {
        guard a > 0 else { return 0 }
        if a < 1 {
            let g = gamma(shape: a + 1)
            var u = uniform()
            while u == 0 { u = uniform() }
            return g * exp(Self.portableLog(u) / a)
        }
        let d = a - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let t = 1 + c * x
            if t <= 0 { continue }
            let v = t * t * t
            var u = uniform()
            while u == 0 { u = uniform() }
            if Self.portableLog(u) < 0.5 * x * x + d - d * v + d * Self.portableLog(v) { return d * v }
        }
    }
}
