import Foundation
import Testing
import PaceRegression
@testable import PaceForecast

@Suite("trend models")
struct TrendModelTests {
    private static func growing(_ n: Int) -> [Double] {
        (0..<n).map { i -> Double in
            let t = Double(i + 1)
            let seasonal: [Double] = [1.05, 0.97, 0.92, 1.06]
            return 100 * exp(0.02 * t) * seasonal[i % 4] * (1 + 0.01 * sin(2.3 * t))
        }
    }

    // MARK: edge cases

    @Test("too few observations for the coefficients are refused")
    func tooShort() {
        #expect(throws: FilterError.tooShort(method: "the linear trend model", count: 2, minimum: 3,
                                             reason: "more observations than its 2 coefficients")) {
            try TrendModel(shape: .linear).fit([1, 2])
        }
        #expect(throws: FilterError.self) { try TrendModel(shape: .quadratic, seasonalPeriod: 4).fit(Self.growing(6)) }
        #expect(throws: FilterError.self) { try TrendModel.select([]) }
    }

    @Test("NaN, and non-positive values in a log-linear model, are refused naming the index")
    func badValues() {
        var y = Self.growing(20)
        y[6] = .nan
        #expect(throws: FilterError.nonFinite(index: 6, value: .nan)) { try TrendModel(shape: .linear).fit(y) }
        #expect(throws: FilterError.nonFinite(index: 6, value: .nan)) { try TrendModel.select(y) }
        y[6] = -2
        #expect(throws: FilterError.nonPositive(index: 6, value: -2, method: "the log-linear trend")) {
            try TrendModel(shape: .logLinear).fit(y)
        }
    }

    @Test("magnitudes least squares cannot square (beyond 1e±150) are refused by the linear shapes; the log-linear one fits them",
          arguments: [1e200, 1e-200])
    func extremeMagnitudes(scale: Double) throws {
        let y = Self.growing(20).map { $0 * scale }
        for shape in [TrendModel.Shape.linear, .quadratic] {
            #expect(throws: RegressionError.outOfRange(column: "y", row: 1, value: y[0])) {
                try TrendModel(shape: shape).fit(y)
            }
        }
        // Selection keeps the shape that can be fitted; its intervals are finite and of positive width
        // (before the check, linear fits at 1e-200 had zero-width intervals and at 1e200 none).
        let best = try TrendModel.select(y).best
        #expect(best.model.shape == .logLinear)
        for f in try best.forecast(horizon: 3) {
            #expect(f.lower.isFinite && f.upper.isFinite && f.lower < f.point && f.point < f.upper)
        }
    }

    @Test("breaks outside 1..<n, duplicated breaks and a period below 2 are refused")
    func badSettings() {
        let y = Self.growing(20)
        for b in [0, 20, -1] {
            #expect(throws: FilterError.self) { try TrendModel(shape: .linear, breaks: [b]).fit(y) }
        }
        #expect(throws: FilterError.self) { try TrendModel(shape: .linear, breaks: [5, 5]).fit(y) }
        #expect(throws: FilterError.self) { try TrendModel(shape: .linear, seasonalPeriod: 1).fit(y) }
        #expect(throws: FilterError.self) { try TrendModel(shape: .linear).fit(y).forecast(horizon: -1) }
        #expect(throws: FilterError.self) { try TrendModel(shape: .linear).fit(y).forecast(horizon: 2, level: 1) }
    }

    @Test("a constant series: linear trend with zero slope, zero-width intervals")
    func constant() throws {
        let f = try TrendModel(shape: .linear).fit([Double](repeating: 3, count: 10))
        #expect(abs(f.regression.estimates[1]) < 1e-14)
        let fc = try f.forecast(horizon: 2)
        #expect(fc.allSatisfy { abs($0.point - 3) < 1e-12 && abs($0.upper - $0.lower) < 1e-10 })
    }

    // MARK: reference

    @Test("statsmodels OLS trend fits and prediction intervals (1e-9)",
          arguments: ["ukgas_loglinear_seasonal", "air_quadratic_seasonal_break", "realgdp_linear_break"])
    func reference(name: String) throws {
        // Reference: Tests/Fixtures/forecast/trend_statsmodels.json, computed with statsmodels
        // 0.15 OLS/get_prediction by make_trend_references.py; the UKgas coefficients equal
        // ../shared/reference/ols_trend_seasonal.json.
        let json = try FilterFixtures.json("trend_statsmodels.json")
        let c = (json["cases"] as! [[String: Any]]).first { $0["name"] as! String == name }!
        let y = try FilterFixtures.csvSeries(c["csv"] as! String, series: c["series"] as! String)
        let shape = TrendModel.Shape(rawValue: c["shape"] as! String)!
        let model = TrendModel(shape: shape, seasonalPeriod: c["period"] as? Int, breaks: c["breaks"] as! [Int])
        let fit = try model.fit(y)
        #expect(FilterFixtures.maxRelativeDifference(fit.regression.estimates, FilterFixtures.doubles(c["params"])) < 1e-9)
        #expect(FilterFixtures.maxRelativeDifference(fit.regression.coefficients.map(\.standardError),
                                                     FilterFixtures.doubles(c["bse"])) < 1e-9)
        // Log-likelihood: statsmodels' is on the scale of the regression's response.
        let llf = c["llf"] as! Double
        let jacobian = shape == .logLinear ? y.map { log($0) }.reduce(0, +) : 0
        #expect(abs(fit.logLikelihood - (llf - jacobian)) < 1e-9 * abs(llf - jacobian))
        let p = Double(fit.regression.k + 1), n = Double(y.count)
        let aicc = -2 * (llf - jacobian) + 2 * p + 2 * p * (p + 1) / (n - p - 1)
        #expect(abs(fit.aicc - aicc) < 1e-9 * abs(aicc))

        let h = c["horizon"] as! Int, level = c["level"] as! Double
        let fc = try fit.forecast(horizon: h, level: level)
        let mean = FilterFixtures.doubles(c["pred_mean"]), se = FilterFixtures.doubles(c["pred_se"])
        let lower = FilterFixtures.doubles(c["obs_lower"]), upper = FilterFixtures.doubles(c["obs_upper"])
        let sigma = c["sigma"] as! Double
        for i in 0..<h {
            #expect(fc[i].index == y.count + i)
            if shape == .logLinear {
                // Back-transformed: exp of the log-scale point and bounds; the lognormal mean.
                #expect(abs(fc[i].point - exp(mean[i])) <= 1e-9 * exp(mean[i]))
                #expect(abs(fc[i].lower - exp(lower[i])) <= 1e-9 * exp(lower[i]))
                #expect(abs(fc[i].upper - exp(upper[i])) <= 1e-9 * exp(upper[i]))
                let m = exp(mean[i] + (se[i] * se[i] + sigma * sigma) / 2)
                #expect(abs(fc[i].lognormalMean! - m) <= 1e-9 * m)
            } else {
                #expect(abs(fc[i].point - mean[i]) <= 1e-9 * abs(mean[i]))
                #expect(abs(fc[i].lower - lower[i]) <= 1e-9 * abs(lower[i]))
                #expect(abs(fc[i].upper - upper[i]) <= 1e-9 * abs(upper[i]))
                #expect(fc[i].lognormalMean == nil)
            }
        }
    }

    // MARK: behaviour

    @Test("selection by AICc prefers the log-linear seasonal model for seasonal exponential growth")
    func selection() throws {
        let y = Self.growing(48)
        let s = try TrendModel.select(y, seasonalPeriod: 4, breaks: [30])
        // 3 shapes × {no season, season} × {no break, break}.
        #expect(s.ranked.count == 12)
        #expect(s.best.model.shape == .logLinear && s.best.model.seasonalPeriod == 4)
        #expect(zip(s.ranked, s.ranked.dropFirst()).allSatisfy { $0.aicc <= $1.aicc })
        // Non-positive data: log-linear candidates are left out, others still ranked.
        var z = y
        z[3] = -1
        let t = try TrendModel.select(z)
        #expect(t.ranked.allSatisfy { $0.model.shape != .logLinear } && t.ranked.count == 2)
    }

    @Test("season offset shifts the dummies; break dummies mark a level shift")
    func designRows() {
        let m = TrendModel(shape: .quadratic, seasonalPeriod: 4, seasonOffset: 2, breaks: [3])
        #expect(m.regressorNames == ["trend", "trend^2", "season2", "season3", "season4", "break@3"])
        // Observation 0 is at position 3 (season3); observation 2 at position 1 (baseline).
        #expect(m.row(index: 0) == [1, 1, 0, 1, 0, 0])
        #expect(m.row(index: 2) == [3, 9, 0, 0, 0, 0])
        #expect(m.row(index: 3) == [4, 16, 1, 0, 0, 1])
    }

    @Test("exact fits (residuals at rounding level) have ℓ = +∞, AICc −∞, and selection takes the fewest coefficients")
    func exactFits() throws {
        // Constant, quarterly: every shape with and without dummies fits exactly; the plain linear
        // trend (2 coefficients) must win, not whichever candidate rounding favours.
        let constant = [Double](repeating: 5, count: 12)
        let c = try TrendModel.select(constant, seasonalPeriod: 4).best
        #expect(c.isExactFit && c.aicc == -.infinity && c.model.shape == .linear && c.model.seasonalPeriod == nil)
        #expect(try c.forecast(horizon: 2).allSatisfy { abs($0.point - 5) < 1e-12 })
        // An exact line: linear (2) before quadratic (3), both exact.
        let line = (0..<10).map { 1 + 3 * Double($0) }
        let l = try TrendModel.select(line).best
        #expect(l.isExactFit && l.model.shape == .linear)
        // Exact growth at 10%: only the log-linear shape is exact, and it wins.
        let growth = (0..<10).map { 100 * pow(1.1, Double($0)) }
        let g = try TrendModel.select(growth).best
        #expect(g.isExactFit && g.model.shape == .logLinear)
        #expect(!(try TrendModel(shape: .linear).fit(growth)).isExactFit)
        // Noise far below any published precision but far above rounding is data, not an exact fit.
        let noisy = line.enumerated().map { $0.element + ($0.offset % 2 == 0 ? 1e-9 : -1e-9) }
        let nf = try TrendModel(shape: .linear).fit(noisy)
        #expect(!nf.isExactFit && nf.aicc.isFinite)
    }

    @Test("selection below 5 observations is refused: AICc of the smallest candidate (p = 3) needs n > p + 1")
    func selectionTooShort() throws {
        for n in 1..<TrendModel.minimumSelectionCount {
            let y = (0..<n).map { 100 + Double($0 * $0) }
            #expect(throws: FilterError.tooShort(method: "trend selection by AICc", count: n, minimum: 5,
                                                 reason: "AICc of the smallest candidate, 2 coefficients and σ, needs n > p + 1")) {
                try TrendModel.select(y)
            }
        }
        let five = try TrendModel.select([100, 101, 103, 106, 110]).best
        #expect(five.aicc.isFinite)
    }

    @Test("a series that is exactly linear is forecast exactly")
    func exactLine() throws {
        let y = (0..<12).map { 2 + 0.5 * Double($0 + 1) }
        let fc = try TrendModel(shape: .linear).fit(y).forecast(horizon: 3)
        for (h, f) in fc.enumerated() { #expect(abs(f.point - (2 + 0.5 * Double(12 + h + 1))) < 1e-12) }
    }
}
