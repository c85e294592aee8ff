#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Starting values of R forecast's `ets()` (its internal `initparam()` and `initstate()`), used as the
/// Nelder–Mead start. Only starting values: every initial state is then estimated.
enum ETSInitialization {
    /// α₀ = lower₁ + 0.2(upper₁ − lower₁)/m_eff (m_eff = m for seasonal models, else 1);
    /// β₀ = lower₂ + 0.1(min(upper₂, α) − lower₂); γ₀ = lower₃ + 0.05(min(upper₃, 1 − α) − lower₃);
    /// φ₀ = lower₄ + 0.99(upper₄ − lower₄). Fixed values replace the start and tighten the others' bounds.
    static func smoothingStart(spec: ETSSpecification, bounds: ETSBounds, fixed: ETSFixedSmoothing)
        -> (alpha: Double, beta: Double, gamma: Double, phi: Double)
    {
        var lower = bounds.lower, upper = bounds.upper
        let mEff = Double(spec.hasSeason ? spec.period : 1)
        if let b = fixed.beta { lower.alpha = max(b, lower.alpha) }
        if let g = fixed.gamma { upper.alpha = min(1 - g, upper.alpha) }
        var alpha: Double
        if let a = fixed.alpha { alpha = a } else {
            alpha = lower.alpha + 0.2 * (upper.alpha - lower.alpha) / mEff
            if alpha > 1 || alpha < 0 { alpha = lower.alpha + 2e-3 }
        }
        var beta = 0.0
        if spec.hasTrend {
            if let b = fixed.beta { beta = b } else {
                let up = min(upper.beta, alpha)
                beta = lower.beta + 0.1 * (up - lower.beta)
                if beta < 0 || beta > alpha { beta = alpha - 1e-3 }
            }
        }
        var gamma = 0.0
        if spec.hasSeason {
            if let g = fixed.gamma { gamma = g } else {
                let up = min(upper.gamma, 1 - alpha)
                gamma = lower.gamma + 0.05 * (up - lower.gamma)
                if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 1e-3 }
            }
        }
        var phi = 1.0
        if spec.damped {
            if let p = fixed.phi { phi = p } else {
                phi = lower.phi + 0.99 * (upper.phi - lower.phi)
                if phi < 0 || phi > 1 { phi = upper.phi - 1e-3 }
            }
        }
        return (alpha, beta, gamma, phi)
    }

    /// Initial states (l₀, b₀, s₀…s_{m−2}) as in R's `initstate()`:
    /// seasonal figure from a classical decomposition (n ≥ 3m) or from the residuals of a regression
    /// on a linear trend and one Fourier pair (n < 3m); level and trend from the seasonally adjusted
    /// first max(10, 2m) observations (mean, or least-squares line).
    /// Returns the level, trend (0 if none) and the m − 1 free seasonal states (s₁…s_{m−1} of x₀).
    static func states(y: [Double], spec: ETSSpecification) -> (level: Double, trend: Double, seasonal: [Double]) {
        let n = y.count
        let m = spec.period
        var ysa = y
        var seasonalFree: [Double] = []
        if spec.hasSeason {
            let multiplicative = spec.season == .multiplicative
            var seasonal = [Double](repeating: 0, count: n)
            if n < 3 * m {
                // y ~ 1 + t + sin(2πt/m) + cos(2πt/m)   (sin dropped when m = 2)
                var columns: [[Double]] = [
                    [Double](repeating: 1, count: n), (1...n).map { Double($0) },
                ]
                if m != 2 { columns.append((1...n).map { sinPi(2 * Double($0) / Double(m)) }) }
                columns.append((1...n).map { cosPi(2 * Double($0) / Double(m)) })
                let coef = leastSquares(columns: columns, y: y)
                for i in 0..<n {
                    let line = coef[0] + coef[1] * Double(i + 1)
                    seasonal[i] = multiplicative ? y[i] / line : y[i] - line
                }
            } else {
                seasonal = classicalSeasonal(y, period: m, multiplicative: multiplicative)
            }
            // s0 = seasonal[m-1], s1 = seasonal[m-2], …, s_{m-2} = seasonal[1]
            seasonalFree = (1..<m).reversed().map { seasonal[$0] }
            if multiplicative {
                seasonalFree = seasonalFree.map { max($0, 0.01) }
                let sum = seasonalFree.reduce(0, +)
                if sum > Double(m) {
                    let denom = seasonalFree.reduce(0) { $0 + $1 + 0.01 }
                    seasonalFree = seasonalFree.map { $0 / denom }
                }
                for i in 0..<n { ysa[i] = y[i] / max(seasonal[i], 0.01) }
            } else {
                for i in 0..<n { ysa[i] = y[i] - seasonal[i] }
            }
        }
        let maxn = min(max(10, 2 * (spec.hasSeason ? m : 1)), n)
        switch spec.trend {
        case .none:
            let level = ysa[0..<maxn].reduce(0, +) / Double(maxn)
            return (level, 0, seasonalFree)
        case .additive:
            let (a, b) = line(ysa, maxn)
            if abs(a + b) < 1e-8 { return (a * (1 + 1e-3), b * (1 - 1e-3), seasonalFree) }
            return (a, b, seasonalFree)
        case .multiplicative:
            let (a, b) = line(ysa, maxn)
            var l0 = a + b
            if abs(l0) < 1e-8 { l0 = 1e-7 }
            var b0 = (a + 2 * b) / l0
            l0 = l0 / b0
            if abs(b0) > 1e10 { b0 = b0 < 0 ? -1e10 : 1e10 }
            if l0 < 1e-8 || b0 < 1e-8 {
                l0 = max(ysa[0], 1e-3)
                b0 = max(ysa[1] / ysa[0], 1e-3)
            }
            return (l0, b0, seasonalFree)
        }
    }

    /// Least-squares line through (t, x[t−1]), t = 1…k: (intercept, slope).
    static func line(_ x: [Double], _ k: Int) -> (Double, Double) {
        let kd = Double(k)
        let tMean = (kd + 1) / 2
        var xMean = 0.0
        for i in 0..<k { xMean += x[i] }
        xMean /= kd
        var sxy = 0.0, sxx = 0.0
        for i in 0..<k {
            let dt = Double(i + 1) - tMean
            sxy += dt * (x[i] - xMean)
            sxx += dt * dt
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (xMean - slope * tMean, slope)
    }

    /// Seasonal component of the classical decomposition (R `stats::decompose`): centred moving average
    /// of order m (2×m for even m), detrended series, per-position means over the cycles, centred
    /// (minus the mean / divided by the mean); position 0 is the first observation.
    static func classicalSeasonal(_ y: [Double], period m: Int, multiplicative: Bool) -> [Double] {
        let n = y.count
        var weights: [Double]
        if m % 2 == 0 {
            weights = [0.5] + [Double](repeating: 1, count: m - 1) + [0.5]
        } else {
            weights = [Double](repeating: 1, count: m)
        }
        weights = weights.map { $0 / Double(m) }
        let half = weights.count / 2
        var sums = [Double](repeating: 0, count: m)
        var counts = [Int](repeating: 0, count: m)
        if n > 2 * half {
            for i in half..<(n - half) {
                var trend = 0.0
                for (k, w) in weights.enumerated() { trend += w * y[i - half + k] }
                let detrended = multiplicative ? y[i] / trend : y[i] - trend
                sums[i % m] += detrended
                counts[i % m] += 1
            }
        }
        var figure = (0..<m).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : (multiplicative ? 1 : 0) }
        let mean = figure.reduce(0, +) / Double(m)
        figure = figure.map { multiplicative ? $0 / mean : $0 - mean }
        return (0..<n).map { figure[$0 % m] }
    }

    /// Small dense least squares by Householder QR (columns as arrays, n ≥ columns).
    static func leastSquares(columns: [[Double]], y: [Double]) -> [Double] {
        let n = y.count, k = columns.count
        var a = columns  // a[j][i]
        var b = y
        for j in 0..<k {
            var norm = 0.0
            for i in j..<n { norm += a[j][i] * a[j][i] }
            norm = norm.squareRoot()
            if norm == 0 { continue }
            let alpha = a[j][j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for i in j..<n { v[i] = a[j][i] }
            v[j] -= alpha
            var vv = 0.0
            for i in j..<n { vv += v[i] * v[i] }
            if vv == 0 { continue }
            for c in j..<k {
                var dot = 0.0
                for i in j..<n { dot += v[i] * a[c][i] }
                let f = 2 * dot / vv
                for i in j..<n { a[c][i] -= f * v[i] }
            }
            var dot = 0.0
            for i in j..<n { dot += v[i] * b[i] }
            let f = 2 * dot / vv
            for i in j..<n { b[i] -= f * v[i] }
        }
        var x = [Double](repeating: 0, count: k)
        for j in stride(from: k - 1, through: 0, by: -1) {
            var s = b[j]
            for c in (j + 1)..<k { s -= a[c][j] * x[c] }
            x[j] = a[j][j] != 0 ? s / a[j][j] : 0
        }
        return x
    }

    private static func sinPi(_ x: Double) -> Double { sin(Double.pi * x) }
    private static func cosPi(_ x: Double) -> Double { cos(Double.pi * x) }
}
