import Foundation
import Testing
import PaceStatistics
@testable import PaceForecast

/// Sample paths of trend regressions (`TrendFit.samplePaths`). References, computed here independently of Pace's
/// regression code: the design matrix is written out from the model's definition (intercept, t, t², seasonal dummies
/// of positions 2…m, level-shift dummies), β̂ and (XᵀX)⁻¹ come from the normal equations solved by Gauss–Jordan
/// elimination in this file, σ̂² = RSS/(n − k); the predictive distribution of the future values (log values for
/// log-linear) is then the textbook regression prediction — jointly Student t with n − k degrees of freedom, centre
/// X₀β̂, scale σ̂²(I + X₀(XᵀX)⁻¹X₀ᵀ) — whose margins are ŷ ± t·σ̂√(1 + x₀ᵀ(XᵀX)⁻¹x₀) (Student t quantiles and density
/// from PaceStatistics, checked against scipy in PaceStatisticsTests). Monte Carlo tolerances are stated per test.
@Suite("trend model sample paths")
struct TrendSamplePathsTests {
    /// A short quarterly series (n = 16: few residual degrees of freedom, so coefficient uncertainty and the
    /// correlation between horizons are large) with trend, season, a level shift at index 10 and pseudo-noise.
    static let y: [Double] = (0..<16).map { i in
        let t = Double(i + 1)
        let season: [Double] = [0, 6, -4, 3]
        return 100 + 2.5 * t + season[i % 4] + (i >= 10 ? 8 : 0) + 3 * sin(1.7 * t * t) + 2 * cos(5.1 * t)
    }

    static let models: [TrendModel] = [
        TrendModel(shape: .linear, seasonalPeriod: 4, seasonOffset: 1, breaks: [10]),
        TrendModel(shape: .quadratic),
        TrendModel(shape: .logLinear, seasonalPeriod: 4, seasonOffset: 1),
    ]

    /// Row i (0-based) of the design, written from the model's definition (R tslm's trend t = i + 1).
    static func designRow(_ m: TrendModel, _ i: Int) -> [Double] {
        let t = Double(i + 1)
        var r: [Double] = [1, t]
        if m.shape == .quadratic { r.append(t * t) }
        if let p = m.seasonalPeriod {
            let position = (i + m.seasonOffset) % p + 1
            for s in 2...p { r.append(position == s ? 1 : 0) }
        }
        for b in m.breaks { r.append(i >= b ? 1 : 0) }
        return r
    }

    /// The inverse of a small symmetric positive definite matrix by Gauss–Jordan elimination with partial pivoting.
    static func inverse(_ a: [[Double]]) -> [[Double]] {
        let k = a.count
        var m = a.enumerated().map { i, row in row + (0..<k).map { $0 == i ? 1.0 : 0.0 } }
        for c in 0..<k {
            let p = (c..<k).max { abs(m[$0][c]) < abs(m[$1][c]) }!
            m.swapAt(c, p)
            let d = m[c][c]
            for j in 0..<(2 * k) { m[c][j] /= d }
            for r in 0..<k where r != c {
                let f = m[r][c]
                if f != 0 { for j in 0..<(2 * k) { m[r][j] -= f * m[c][j] } }
            }
        }
        return m.map { Array($0[k...]) }
    }

    /// The independent reference: centre X₀β̂, the scale matrix S = I + X₀VX₀ᵀ (V = (XᵀX)⁻¹), σ̂ and ν = n − k,
    /// on the scale the model is fitted on (log y for log-linear).
    static func reference(_ m: TrendModel, horizon: Int) -> (centre: [Double], scale: [[Double]], sigma: Double, nu: Double) {
        let n = y.count
        let response = m.shape == .logLinear ? y.map { log($0) } : y
        let x = (0..<n).map { designRow(m, $0) }
        let k = x[0].count
        var xtx = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var xty = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for a in 0..<k {
                xty[a] += x[i][a] * response[i]
                for b in 0..<k { xtx[a][b] += x[i][a] * x[i][b] }
            }
        }
        let v = inverse(xtx)
        let beta = (0..<k).map { a in (0..<k).reduce(0.0) { $0 + v[a][$1] * xty[$1] } }
        func dot(_ p: [Double], _ q: [Double]) -> Double { zip(p, q).reduce(0) { $0 + $1.0 * $1.1 } }
        let rss = (0..<n).reduce(0.0) { s, i in let e = response[i] - dot(x[i], beta); return s + e * e }
        let x0 = (n..<(n + horizon)).map { designRow(m, $0) }
        let vx = x0.map { row in (0..<k).map { a in dot(v[a], row) } }
        let scale = (0..<horizon).map { i in (0..<horizon).map { j in (i == j ? 1 : 0) + dot(x0[i], vx[j]) } }
        return (x0.map { dot($0, beta) }, scale, (rss / Double(n - k)).squareRoot(), Double(n - k))
    }

    /// The paths on the fitted scale (log for log-linear), column h.
    static func column(_ paths: [Double], _ h: Int, horizon: Int, log logScale: Bool) -> [Double] {
        stride(from: h, to: paths.count, by: horizon).map { logScale ? log(paths[$0]) : paths[$0] }
    }

    @Test("the independent reference agrees with forecast()'s intervals (1e-9): both describe the same prediction")
    func referenceMatchesIntervals() throws {
        for m in Self.models {
            let fit = try m.fit(Self.y)
            let r = Self.reference(m, horizon: 6)
            let t = StudentT(degreesOfFreedom: r.nu)
            let f = try fit.forecast(horizon: 6, level: 0.9)
            for h in 0..<6 {
                let half = t.quantile(0.95) * r.sigma * r.scale[h][h].squareRoot()
                let lo = r.centre[h] - half, hi = r.centre[h] + half
                let (flo, fhi) = m.shape == .logLinear ? (log(f[h].lower), log(f[h].upper)) : (f[h].lower, f[h].upper)
                #expect(abs(flo - lo) <= 1e-9 * max(1, abs(lo)) && abs(fhi - hi) <= 1e-9 * max(1, abs(hi)),
                        "\(m.shape) h \(h + 1): \(flo) \(lo) \(fhi) \(hi)")
            }
        }
    }

    @Test("path quantiles converge to the Student t prediction quantiles at every horizon (100,000 paths, within 5 Monte Carlo standard errors)")
    func quantilesConverge() throws {
        let count = 100_000, horizon = 6
        for m in Self.models {
            let fit = try m.fit(Self.y)
            let paths = fit.samplePaths(horizon: horizon, count: count, seed: 20_240_101)
            #expect(paths.count == count * horizon)
            let r = Self.reference(m, horizon: horizon)
            let t = StudentT(degreesOfFreedom: r.nu)
            for h in 0..<horizon {
                var c = Self.column(paths, h, horizon: horizon, log: m.shape == .logLinear)
                c.sort()
                let s = r.sigma * r.scale[h][h].squareRoot()
                for p in [0.025, 0.1, 0.5, 0.9, 0.975] {
                    let exact = r.centre[h] + t.quantile(p) * s
                    let sample = c[Int((Double(count) * p).rounded()) - 1]
                    // Standard error of a sample p-quantile: √(p(1 − p)/N) / f(q_p), f the density there (the t
                    // density scaled by s). 5 standard errors: a chance miss ~6e-7 per comparison.
                    let se = (p * (1 - p) / Double(count)).squareRoot() / (t.pdf(t.quantile(p)) / s)
                    #expect(abs(sample - exact) < 5 * se, "\(m.shape) h \(h + 1) p \(p): \(sample) vs \(exact) (se \(se))")
                }
            }
        }
    }

    @Test("the sample correlation between horizons matches I + X₀(XᵀX)⁻¹X₀ᵀ (100,000 paths, within 6 standard errors of an elliptical correlation)")
    func correlationAcrossHorizons() throws {
        let count = 100_000, horizon = 6
        for m in Self.models {
            let fit = try m.fit(Self.y)
            let paths = fit.samplePaths(horizon: horizon, count: count, seed: 99)
            let r = Self.reference(m, horizon: horizon)
            let columns = (0..<horizon).map { Self.column(paths, $0, horizon: horizon, log: m.shape == .logLinear) }
            let means = columns.map { $0.reduce(0, +) / Double(count) }
            func covariance(_ i: Int, _ j: Int) -> Double {
                var s = 0.0
                for p in 0..<count { s += (columns[i][p] - means[i]) * (columns[j][p] - means[j]) }
                return s / Double(count - 1)
            }
            // A multivariate t's correlation is its scale matrix's. For an elliptical distribution the sample
            // correlation's asymptotic variance is (1 + κ)(1 − ρ²)²/N, κ = 2/(ν − 4) its kurtosis parameter
            // (Muirhead 1982, §1.6; ν > 4 here).
            let kappa = 2 / (r.nu - 4)
            var largest = 0.0
            for i in 0..<horizon {
                for j in (i + 1)..<horizon {
                    let rho = r.scale[i][j] / (r.scale[i][i] * r.scale[j][j]).squareRoot()
                    largest = max(largest, rho)
                    let sample = covariance(i, j) / (covariance(i, i) * covariance(j, j)).squareRoot()
                    let se = ((1 + kappa) / Double(count)).squareRoot() * (1 - rho * rho)
                    #expect(abs(sample - rho) < 6 * se, "\(m.shape) h \(i + 1),\(j + 1): \(sample) vs \(rho) (se \(se))")
                }
            }
            // The check has power: paths with independent steps (ρ = 0) would fail it.
            #expect(largest > 0.2, "\(m.shape): largest implied correlation \(largest)")
        }
    }

    @Test("seeded: the same seed gives the same paths, another seed others; a longer run extends a shorter one; the ytd paths cumulate the same draws")
    func reproducible() throws {
        for m in Self.models {
            let fit = try m.fit(Self.y)
            let a = fit.samplePaths(horizon: 5, count: 50, seed: 7)
            #expect(a == fit.samplePaths(horizon: 5, count: 50, seed: 7))
            #expect(a != fit.samplePaths(horizon: 5, count: 50, seed: 8))
            #expect(Array(fit.samplePaths(horizon: 5, count: 200, seed: 7).prefix(250)) == a)
            let plan = CumulationPlan(lastYearToDate: 300, lastPosition: 2, periodsPerYear: 4, horizon: 5)
            let ytd = fit.cumulativeSamplePaths(plan, count: 50, seed: 7)
            for p in 0..<50 {
                #expect(Array(ytd[(p * 5)..<(p * 5 + 5)]) == plan.cumulate(a[(p * 5)..<(p * 5 + 5)]), "\(m.shape) path \(p)")
            }
        }
        #expect(try TrendModel(shape: .linear).fit(Self.y).samplePaths(horizon: 0, count: 5, seed: 1).isEmpty)
    }

    @Test("an exact fit (σ̂ = 0) gives paths on the fitted line")
    func exactFit() throws {
        let line = (0..<10).map { 3 + 2 * Double($0) }
        let fit = try TrendModel(shape: .linear).fit(line)
        let paths = fit.samplePaths(horizon: 3, count: 20, seed: 1)
        for p in 0..<20 {
            for h in 0..<3 {
                let expected = 3 + 2 * Double(10 + h)
                #expect(abs(paths[p * 3 + h] - expected) <= 1e-9 * expected, "path \(p) h \(h + 1): \(paths[p * 3 + h])")
            }
        }
    }
}
