#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceStatistics

extension ETSFit {
    /// Point forecasts of Hyndman et al. (2008, Table 2.1) from the final state x_n:
    /// l + φ*_h b (A trend) | l·b^{φ*_h} (M trend), φ*_h = φ + … + φʰ (= h undamped), then + or ×
    /// the seasonal state s_{m − ((h−1) mod m)} of x_n.
    public func pointForecasts(horizon: Int) -> [Double] {
        let spec = specification
        let x = Array(finalState)
        let l = x[0]
        let b = spec.hasTrend ? x[1] : 0
        let k = spec.hasTrend ? 2 : 1
        let m = spec.period
        let phi = parameters.dampingTrend ?? 1
        var out = [Double](repeating: 0, count: max(horizon, 0))
        var phiStar = 0.0
        var phiPower = 1.0
        for h in 1...max(horizon, 1) where h <= horizon {
            phiPower *= phi
            phiStar += phiPower
            var f: Double
            switch spec.trend {
            case .none: f = l
            case .additive: f = l + phiStar * b
            case .multiplicative: f = l * pow(b, phiStar)
            }
            if spec.hasSeason {
                let s = x[k + (m - 1 - (h - 1) % m)]
                f = spec.season == .additive ? f + s : f * s
            }
            out[h - 1] = f
        }
        return out
    }

    /// The analytical class of Hyndman et al. (2008, ch. 6) for this model, or nil (simulate):
    /// 1 = additive error, trend N/A/Ad, season N/A; 2 = multiplicative error, same trend and season;
    /// 3 = multiplicative error and season, trend N/A/Ad.
    public var forecastClass: Int? {
        let s = specification
        guard s.trend != .multiplicative else { return nil }
        if s.season != .multiplicative { return s.error == .additive ? 1 : 2 }
        return s.error == .multiplicative ? 3 : nil
    }

    /// Forecast means and prediction intervals.
    ///
    /// Analytical classes (Hyndman et al. 2008, ch. 6; see ``forecastClass``):
    /// - class 1: var_h = σ²(1 + Σ_{j<h} c_j²), c_j = α + β(φ + … + φʲ) [trend] + γ·1[j mod m = 0] [season];
    /// - class 2: θ₁ = μ₁², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}, var_h = (1 + σ²)θ_h − μ_h²;
    /// - class 3: moments of w = z ⊗ x (level/trend x, seasonal z): μ_h = H₁M_hH₂ᵀ,
    ///   var_h = (1 + σ²)H₂₁V_hH₂₁ᵀ + σ²μ_h², with the Kronecker recursions of ch. 6.
    /// Intervals: μ_h ∓ z_{(1+level)/2}·√var_h. Other models (multiplicative trend, additive error with
    /// multiplicative season) use `simulationPaths` sample paths (``samplePaths(horizon:count:seed:)``),
    /// R's quantile type 8, and mean = point forecast.
    ///
    /// Where R forecast 8.20 departs from the textbook, Pace follows the textbook:
    /// - ETS(A,N,A)/ETS(M,N,A): 8.20 puts γ on the second seasonal state (G[3,1]) when there is no trend,
    ///   so its variances differ for h ≥ m; Pace uses c_j above (= forecast's later fix, commit 84689588).
    /// - ETS(M,Ad,M): 8.20's class 3 uses H₁ = (1, 1), F₁ = [[1, 1], [0, φ]], i.e. damps one step late;
    ///   Pace uses H₁ = (1, φ), F₁ = [[1, φ], [0, φ]], G₁ = [[α, αφ], [β, βφ]] (from l_t = (l + φb)(1 + αε),
    ///   b_t = φb + β(l + φb)ε), so μ_h equals the damped point forecast for h ≤ m.
    /// - 8.20's C point forecast sums φ*_h as φ + φ + … + φ^{h−1}; Pace uses φ + … + φʰ.
    public func forecast(horizon: Int, levels: [Double] = [80, 95], simulationPaths: Int = 5000,
                         seed: UInt64 = 20_240_101) throws(ETSError) -> ETSForecast {
        guard horizon >= 1 else { throw .invalidForecastArgument("horizon must be ≥ 1, got \(horizon)") }
        for level in levels where !(level > 0 && level < 100) {
            throw .invalidForecastArgument("interval level must be in (0, 100), got \(level)")
        }
        let point = pointForecasts(horizon: horizon)
        if let cls = forecastClass {
            let (mu, variance) = analyticalMoments(horizon: horizon, forecastClass: cls)
            var lower: [[Double]] = [], upper: [[Double]] = []
            for level in levels {
                let z = Normal.quantile(0.5 + level / 200)
                lower.append((0..<horizon).map { mu[$0] - z * variance[$0].squareRoot() })
                upper.append((0..<horizon).map { mu[$0] + z * variance[$0].squareRoot() })
            }
            return ETSForecast(horizon: horizon, mean: mu, pointForecast: point, variance: variance, levels: levels,
                               lower: lower, upper: upper, method: .analytical(forecastClass: cls))
        }
        guard simulationPaths >= 1 else {
            throw .invalidForecastArgument("simulation needs at least 1 path, got \(simulationPaths)")
        }
        let paths = samplePaths(horizon: horizon, count: simulationPaths, seed: seed)
        var lower: [[Double]] = levels.map { _ in [Double](repeating: 0, count: horizon) }
        var upper = lower
        var column: [Double] = []
        column.reserveCapacity(simulationPaths)
        for h in 0..<horizon {
            // Paths flagged NaN (negative multiplicative trend) are left out of the quantiles.
            column.removeAll(keepingCapacity: true)
            for i in 0..<simulationPaths where !paths.values[i * horizon + h].isNaN {
                column.append(paths.values[i * horizon + h])
            }
            guard !column.isEmpty else {
                for li in levels.indices { lower[li][h] = .nan; upper[li][h] = .nan }
                continue
            }
            let q = OrderStatistics.quantilesType8(&column, OrderStatistics.intervalProbabilities(levels))
            for li in levels.indices {
                lower[li][h] = q[2 * li]
                upper[li][h] = q[2 * li + 1]
            }
        }
        return ETSForecast(horizon: horizon, mean: point, pointForecast: point, variance: nil, levels: levels,
                           lower: lower, upper: upper, method: .simulation(paths: simulationPaths, seed: seed))
    }

    /// Hyndman & Fan (1996) type 8 sample quantile (median-unbiased), R's default in `forecast.ets`
    /// simulation intervals. `x` is sorted ascending, non-empty, without NaN.
    static func quantileType8(sorted x: [Double], _ p: Double) -> Double {
        let n = Double(x.count)
        let h = (n + 1.0 / 3.0) * p + 1.0 / 3.0
        let lo = h.rounded(.down)
        if lo < 1 { return x[0] }
        if lo >= n { return x[x.count - 1] }
        let i = Int(lo) - 1
        return x[i] + (h - lo) * (x[i + 1] - x[i])
    }

    /// Seeded, deterministic sample paths of y_{n+1…n+h}: ε ~ N(0, σ²) from ``ETSRandom`` (same seed →
    /// same paths on every machine), y = ŷ + ε (additive error) or ŷ(1 + ε) (multiplicative), the state
    /// updated by the model's own recursion.
    public func samplePaths(horizon: Int, count: Int, seed: UInt64) -> ETSSamplePaths {
        let spec = specification
        let h = max(horizon, 0), paths = max(count, 0)
        var values = [Double](repeating: 0, count: h * paths)
        let x = Array(finalState)
        let m = spec.period
        let k = spec.hasTrend ? 2 : 1
        var initialRing = [Double](repeating: 0, count: max(m, 1))
        // ring[i] = seasonal state applied to y_{n+1+i} = column s_{m−i}
        if spec.hasSeason { for i in 0..<m { initialRing[i] = x[k + m - 1 - i] } }
        let sigma = sigma2.squareRoot()
        var rng = ETSRandom(seed: seed)
        let alpha = parameters.smoothingLevel, beta = parameters.smoothingTrend ?? 0
        let gamma = parameters.smoothingSeasonal ?? 0, phi = parameters.dampingTrend ?? 1
        let betaOverAlpha = spec.hasTrend ? beta / alpha : 0
        var ring = initialRing
        for p in 0..<paths {
            var l = x[0], b = spec.hasTrend ? x[1] : 0
            for i in 0..<ring.count { ring[i] = initialRing[i] }
            var j = 0
            for t in 0..<h {
                let sOld = spec.hasSeason ? ring[j] : 0
                let eps = sigma * rng.normal()
                var flag = false
                // ŷ first (state-only), then y, then the update.
                let yhat = Self.oneStep(spec, l: l, b: b, sOld: sOld, phi: phi)
                let y = spec.error == .additive ? yhat + eps : yhat * (1 + eps)
                let r = Self.update(spec, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha,
                                    gamma: gamma, phi: phi, flag: &flag)
                values[p * h + t] = flag ? .nan : y
                l = r.l; b = r.b
                if spec.hasSeason { ring[j] = r.s; j += 1; if j == m { j = 0 } }
            }
        }
        return ETSSamplePaths(horizon: h, count: paths, values: values)
    }

    static func oneStep(_ spec: ETSSpecification, l: Double, b: Double, sOld: Double, phi: Double) -> Double {
        var q = l
        switch spec.trend {
        case .none: break
        case .additive: q = l + phi * b
        case .multiplicative: q = l * (abs(phi - 1) < 1e-10 ? b : pow(b, phi))
        }
        switch spec.season {
        case .none: return q
        case .additive: return q + sOld
        case .multiplicative: return q * sOld
        }
    }

    static func update(_ spec: ETSSpecification, y: Double, l: Double, b: Double, sOld: Double, alpha: Double,
                       beta: Double, betaOverAlpha: Double, gamma: Double, phi: Double, flag: inout Bool)
        -> (yhat: Double, l: Double, b: Double, s: Double)
    {
        switch (spec.trend, spec.season) {
        case (.none, .none): return ETSRecursion.step(_KindN.self, _KindN.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.none, .additive): return ETSRecursion.step(_KindN.self, _KindA.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.none, .multiplicative): return ETSRecursion.step(_KindN.self, _KindM.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.additive, .none): return ETSRecursion.step(_KindA.self, _KindN.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.additive, .additive): return ETSRecursion.step(_KindA.self, _KindA.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.additive, .multiplicative): return ETSRecursion.step(_KindA.self, _KindM.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.multiplicative, .none): return ETSRecursion.step(_KindM.self, _KindN.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.multiplicative, .additive): return ETSRecursion.step(_KindM.self, _KindA.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        case (.multiplicative, .multiplicative): return ETSRecursion.step(_KindM.self, _KindM.self, y: y, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha, gamma: gamma, phi: phi, flag: &flag)
        }
    }

    /// (μ_h, var_h), h = 1…horizon, for analytical class 1, 2 or 3.
    func analyticalMoments(horizon: Int, forecastClass cls: Int) -> ([Double], [Double]) {
        let s2 = sigma2
        if cls == 3 { return classThree(horizon: horizon) }
        let mu = pointForecasts(horizon: horizon)
        let c = psiWeights(horizon: horizon)
        var variance = [Double](repeating: 0, count: horizon)
        if cls == 1 {
            var sum = 0.0
            for h in 1...horizon {
                if h > 1 { sum += c[h - 1] * c[h - 1] }
                variance[h - 1] = s2 * (1 + sum)
            }
        } else {
            var theta = [Double](repeating: 0, count: horizon + 1)
            for h in 1...horizon {
                var t = mu[h - 1] * mu[h - 1]
                if h > 1 { for j in 1..<h { t += s2 * c[j] * c[j] * theta[h - j] } }
                theta[h] = t
                variance[h - 1] = (1 + s2) * t - mu[h - 1] * mu[h - 1]
            }
        }
        return (mu, variance)
    }

    /// Class 3 (multiplicative error and season): x_t = (F₁ + G₁ε)x_{t−1} (level, trend),
    /// z_t = (F₂ + G₂ε)z_{t−1} (seasonal states), y = (H₁x)(H₂z)(1 + ε). With w = vec(x zᵀ) = z ⊗ x:
    /// w_t = (F₂₁ + εK + ε²G₂₁)w_{t−1}, F₂₁ = F₂ ⊗ F₁, G₂₁ = G₂ ⊗ G₁, K = G₂ ⊗ F₁ + F₂ ⊗ G₁, so
    /// M ← F₁MF₂ᵀ + σ²G₁MG₂ᵀ and, with E ε⁴ = 3σ⁴,
    /// V ← F₂₁VF₂₁ᵀ + σ²(F₂₁VG₂₁ᵀ + G₂₁VF₂₁ᵀ + K(V + wwᵀ)Kᵀ) + σ⁴G₂₁(3V + 2wwᵀ)G₂₁ᵀ (w = vec M).
    func classThree(horizon: Int) -> ([Double], [Double]) {
        let spec = specification
        let s2 = sigma2
        let alpha = parameters.smoothingLevel, beta = parameters.smoothingTrend ?? 0
        let gamma = parameters.smoothingSeasonal ?? 0, phi = parameters.dampingTrend ?? 1
        let m = spec.period
        let x = Array(finalState)
        let a = spec.hasTrend ? 2 : 1  // size of the level/trend block
        // F1, G1, H1 (a × a), row-major
        let F1: [Double] = a == 1 ? [1] : [1, phi, 0, phi]
        let G1: [Double] = a == 1 ? [alpha] : [alpha, alpha * phi, beta, beta * phi]
        let H1: [Double] = a == 1 ? [1] : [1, phi]
        // F2: z_t[0] = z_{t-1}[m-1], z_t[i] = z_{t-1}[i-1]; G2[0][m-1] = gamma; H2 = e_{m-1}
        var F2 = [Double](repeating: 0, count: m * m)
        F2[m - 1] = 1
        for i in 1..<m { F2[i * m + i - 1] = 1 }
        var G2 = [Double](repeating: 0, count: m * m)
        G2[m - 1] = gamma
        let d = a * m
        func kron(_ A: [Double], _ ra: Int, _ B: [Double], _ rb: Int) -> [Double] {
            let r = ra * rb
            var out = [Double](repeating: 0, count: r * r)
            for i in 0..<ra { for j in 0..<ra where A[i * ra + j] != 0 {
                let aij = A[i * ra + j]
                for k in 0..<rb { for l in 0..<rb { out[(i * rb + k) * r + j * rb + l] = aij * B[k * rb + l] } }
            } }
            return out
        }
        let F21 = kron(F2, m, F1, a)
        let G21 = kron(G2, m, G1, a)
        let K = zip(kron(G2, m, F1, a), kron(F2, m, G1, a)).map { $0 + $1 }
        func mul(_ A: [Double], _ B: [Double], transposeB: Bool = false) -> [Double] {
            var out = [Double](repeating: 0, count: d * d)
            for i in 0..<d { for k in 0..<d {
                let aik = A[i * d + k]
                if aik == 0 { continue }
                for j in 0..<d { out[i * d + j] += aik * (transposeB ? B[j * d + k] : B[k * d + j]) }
            } }
            return out
        }
        func sandwich(_ A: [Double], _ X: [Double], _ B: [Double]) -> [Double] { mul(mul(A, X), B, transposeB: true) }
        func matvec(_ A: [Double], _ v: [Double]) -> [Double] {
            (0..<d).map { i in var s = 0.0; for j in 0..<d { s += A[i * d + j] * v[j] }; return s }
        }
        // w = vec(x zᵀ) with x = (l, b), z = (s1…sm): w[j*a + i] = x_i z_j (column-major vec, z ⊗ x).
        var w = [Double](repeating: 0, count: d)
        for j in 0..<m { for i in 0..<a { w[j * a + i] = x[i] * x[a + j] } }
        var V = [Double](repeating: 0, count: d * d)
        // H21 = H2 ⊗ H1 picks z_{m−1}: indices (m−1)·a + i with weights H1[i].
        var mu = [Double](repeating: 0, count: horizon)
        var variance = [Double](repeating: 0, count: horizon)
        for h in 0..<horizon {
            var mh = 0.0
            for i in 0..<a { mh += H1[i] * w[(m - 1) * a + i] }
            var hv = 0.0
            for i in 0..<a { for j in 0..<a { hv += H1[i] * H1[j] * V[((m - 1) * a + i) * d + (m - 1) * a + j] } }
            mu[h] = mh
            variance[h] = (1 + s2) * hv + s2 * mh * mh
            if h == horizon - 1 { break }
            var ww = [Double](repeating: 0, count: d * d)
            for i in 0..<d { for j in 0..<d { ww[i * d + j] = w[i] * w[j] } }
            let VplusWW = zip(V, ww).map { $0 + $1 }
            let three = zip(V, ww).map { 3 * $0 + 2 * $1 }
            let t1 = sandwich(F21, V, F21)
            let t2 = sandwich(F21, V, G21)
            let t3 = sandwich(G21, V, F21)
            let t4 = sandwich(K, VplusWW, K)
            let t5 = sandwich(G21, three, G21)
            for i in 0..<(d * d) { V[i] = t1[i] + s2 * (t2[i] + t3[i] + t4[i]) + s2 * s2 * t5[i] }
            let fw = matvec(F21, w), gw = matvec(G21, w)
            for i in 0..<d { w[i] = fw[i] + s2 * gw[i] }
        }
        return (mu, variance)
    }
}
