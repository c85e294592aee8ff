import Foundation
import Testing
@testable import PaceRegression

/// Invalid and degenerate input: every case is either a named error or a documented value.
@Suite("regression edge cases")
struct RegressionEdgeCaseTests {
    static let x1: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    static let x2: [Double] = [2, -1, 0, 3, 1, 5, -2, 4]
    static let y: [Double] = [1.1, 2.3, 2.9, 4.2, 4.8, 6.3, 6.8, 8.1]

    @Test("empty input is too few observations")
    func empty() {
        #expect(throws: RegressionError.tooFewObservations(n: 0, k: 2)) {
            try RegressionModel(response: [], regressors: [[]], names: ["x"]).fit()
        }
    }

    @Test("n ≤ k is too few observations (n = k and n < k)")
    func tooFew() {
        #expect(throws: RegressionError.tooFewObservations(n: 3, k: 3)) {
            try RegressionModel(response: [1, 2, 3], regressors: [[1, 2, 4], [0, 1, 0]], names: ["a", "b"]).fit()
        }
        #expect(throws: RegressionError.tooFewObservations(n: 2, k: 3)) {
            try RegressionModel(response: [1, 2], regressors: [[1, 2], [0, 1]], names: ["a", "b"]).fit()
        }
    }

    @Test("no parameters at all is a dimension error")
    func noParameters() {
        #expect(throws: RegressionError.self) {
            try RegressionModel(response: [1, 2], regressors: [], names: [], intercept: false).fit()
        }
    }

    @Test("shape mismatches are named")
    func shapes() {
        #expect(throws: RegressionError.dimensionMismatch("column 'x' has 3 values, 'y' has 8")) {
            try RegressionModel(response: Self.y, regressors: [[1, 2, 3]], names: ["x"]).fit()
        }
        #expect(throws: RegressionError.dimensionMismatch("1 regressor columns but 2 names")) {
            try RegressionModel(response: Self.y, regressors: [Self.x1], names: ["x", "z"]).fit()
        }
        #expect(throws: RegressionError.dimensionMismatch("2 weights for 8 observations")) {
            try RegressionModel(response: Self.y, regressors: [Self.x1], names: ["x"], weights: [1, 2]).fit()
        }
    }

    @Test("NaN and ±inf name the column and 1-based row", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(bad: Double) {
        var x = Self.x2
        x[4] = bad
        do {
            _ = try RegressionModel(response: Self.y, regressors: [Self.x1, x], names: ["x1", "x2"]).fit()
            Issue.record("expected an error")
        } catch let RegressionError.nonFinite(column, row, value) {
            #expect(column == "x2")
            #expect(row == 5)
            #expect(value.isNaN == bad.isNaN && (bad.isNaN || value == bad))
        } catch { Issue.record("unexpected \(error)") }
        var y = Self.y
        y[0] = bad
        #expect(throws: RegressionError.self) {
            try RegressionModel(response: y, regressors: [Self.x1], names: ["x1"], responseName: "gdp").fit()
        }
        do {
            _ = try RegressionModel(response: y, regressors: [Self.x1], names: ["x1"], responseName: "gdp").fit()
        } catch let RegressionError.nonFinite(column, row, _) {
            #expect(column == "gdp" && row == 1)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("values whose squares overflow or underflow (beyond 1e±150) are refused naming column and row; 0 and the range's ends are accepted",
          arguments: [1e200, -1e151, 1e-151, -1e-300, 5e-324])
    func outOfRange(bad: Double) throws {
        var y = Self.y
        y[2] = bad
        #expect(throws: RegressionError.outOfRange(column: "gdp", row: 3, value: bad)) {
            try RegressionModel(response: y, regressors: [Self.x1], names: ["x1"], responseName: "gdp").fit()
        }
        var x = Self.x2
        x[6] = bad
        #expect(throws: RegressionError.outOfRange(column: "x2", row: 7, value: bad)) {
            try RegressionModel(response: Self.y, regressors: [Self.x1, x], names: ["x1", "x2"]).fit()
        }
        // Before the check, y at 1e300 gave empty statistics and p = 1 without a word; at the range's ends
        // (and with zeros) the fit is finite and equals the unscaled fit scaled exactly (powers of two).
        let largest = Self.y.map(abs).max()!, smallest = Self.y.filter { $0 != 0 }.map(abs).min()!
        let up = Double(sign: .plus, exponent: Int(log2(1e150 / largest).rounded(.down)), significand: 1)
        let down = Double(sign: .plus, exponent: Int(log2(1e-150 / smallest).rounded(.up)), significand: 1)
        for scale in [up, down] {   // powers of two taking the data to the range's ends
            let scaled = Self.y.map { $0 * scale }
            let a = try RegressionModel(response: Self.y, regressors: [Self.x1], names: ["x1"]).fit()
            let b = try RegressionModel(response: scaled, regressors: [Self.x1], names: ["x1"]).fit()
            #expect(b.coefficients.map(\.estimate) == a.coefficients.map { $0.estimate * scale })
            #expect(b.coefficients.map(\.standardError) == a.coefficients.map { $0.standardError * scale })
            #expect(b.rSquared == a.rSquared)
        }
    }

    @Test("weights ≤ 0 or non-finite are refused with their row", arguments: [0.0, -1.0, .nan, .infinity])
    func badWeights(w: Double) {
        var weights = [Double](repeating: 1, count: 8)
        weights[2] = w
        do {
            _ = try RegressionModel(response: Self.y, regressors: [Self.x1], names: ["x"], weights: weights).fit()
            Issue.record("expected an error")
        } catch let RegressionError.invalidWeight(row, _) {
            #expect(row == 3)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("a constant column next to the intercept is named, never const",
          arguments: [RegressionModel.Solver.double, .extended, .normalEquations, .lapack])
    func constantColumn(solver: RegressionModel.Solver) {
        let c = [Double](repeating: 3.5, count: 8)
        #expect(throws: RegressionError.rankDeficient(columns: ["level"], rank: 2)) {
            try RegressionModel(response: Self.y, regressors: [Self.x1, c], names: ["x1", "level"])
                .fit(covariance: .classical, solver: solver)
        }
    }

    @Test("a collinear pair names the later column", arguments: [RegressionModel.Solver.double, .extended, .normalEquations, .lapack])
    func collinearPair(solver: RegressionModel.Solver) {
        let scaled = Self.x1.map { 0.1 * $0 }   // 0.1·x1 (inexact in binary: still detected)
        #expect(throws: RegressionError.rankDeficient(columns: ["x1tenth"], rank: 3)) {
            try RegressionModel(response: Self.y, regressors: [Self.x1, Self.x2, scaled],
                                names: ["x1", "x2", "x1tenth"]).fit(covariance: .classical, solver: solver)
        }
        // A linear combination of two columns and an all-zero column.
        let combo = zip(Self.x1, Self.x2).map { 2 * $0 - 0.3 * $1 }
        let zero = [Double](repeating: 0, count: 8)
        do {
            _ = try RegressionModel(response: Self.y, regressors: [Self.x1, combo, zero, Self.x2],
                                    names: ["x1", "combo", "zero", "x2"]).fit(covariance: .classical, solver: .extended)
            Issue.record("expected rank deficiency")
        } catch let RegressionError.rankDeficient(columns, rank) {
            #expect(columns == ["zero", "x2"])
            #expect(rank == 3)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("perfect fit (automatic path): R² = 1, σ = 0, t = ±∞, p = 0, F = ∞")
    func perfectFit() throws {
        let y = zip(Self.x1, Self.x2).map { 1 + 2 * $0 - 0.5 * $1 }   // exact in binary
        let fit = try RegressionModel(response: y, regressors: [Self.x1, Self.x2], names: ["x1", "x2"]).fit()
        #expect(fit.rSquared == 1)
        #expect(fit.adjustedRSquared == 1)
        #expect(fit.sigma == 0)
        #expect(fit.fStatistic == .infinity)
        #expect(fit.fPValue == 0)
        #expect(fit.logLikelihood == .infinity)
        for (c, expected) in zip(fit.coefficients, [1.0, 2, -0.5]) {
            #expect(abs(c.estimate - expected) <= 1e-15)  // refinement recovers exact data
            #expect(c.standardError == 0)
            #expect(c.t.isInfinite)
            #expect(c.p == 0)
        }
        let ci = try fit.confidenceIntervals(level: 0.95)
        #expect(ci.allSatisfy { $0.low == $0.high })
        // Documented: Durbin–Watson and Jarque–Bera are 0/0 for zero residuals.
        #expect(fit.durbinWatson.isNaN)
        #expect(fit.jarqueBera.skewness.isNaN)
        // Robust covariances of a perfect fit are 0 too.
        let hc3 = try RegressionModel(response: y, regressors: [Self.x1, Self.x2], names: ["x1", "x2"]).fit(covariance: .hc3)
        #expect(hc3.coefficients.allSatisfy { $0.standardError == 0 && $0.p == 0 })
    }

    @Test("perfect fit (LAPACK double path): residuals at rounding level, R² = 1 to rounding, no NaN")
    func perfectFitLAPACK() throws {
        let y = zip(Self.x1, Self.x2).map { 1 + 2 * $0 - 0.5 * $1 }
        let fit = try RegressionModel(response: y, regressors: [Self.x1, Self.x2], names: ["x1", "x2"])
            .fit(covariance: .classical, solver: .lapack)
        #expect(fit.rSquared >= 1 - 1e-15)
        #expect(fit.sigma <= 1e-13)   // double-precision rounding of |y| ≤ 17
        for (c, expected) in zip(fit.coefficients, [1.0, 2, -0.5]) {
            #expect(abs(c.estimate - expected) <= 1e-13)
            #expect(!c.t.isNaN && !c.p.isNaN)
        }
        #expect(!fit.fStatistic.isNaN && !fit.adjustedRSquared.isNaN)
    }

    @Test("an estimate of exactly 0 with se 0 has t = 0 and p = 1")
    func zeroOverZero() {
        let c = Coefficient(name: "b", estimate: 0, standardError: 0, degreesOfFreedom: 5)
        #expect(c.t == 0)
        #expect(c.p == 1)
    }

    @Test("invalid options: confidence level outside (0, 1), negative HAC lags")
    func options() throws {
        let model = RegressionModel(response: Self.y, regressors: [Self.x1], names: ["x"])
        let fit = try model.fit()
        for level in [0.0, 1.0, -0.5, 1.5, .nan] {
            #expect(throws: RegressionError.self) { try fit.confidenceIntervals(level: level) }
            #expect(throws: RegressionError.self) { try fit.predict(rows: [[1]], level: level) }
        }
        #expect(throws: RegressionError.self) { try model.fit(covariance: .hac(maxLags: -1, smallSampleCorrection: false)) }
        #expect(throws: RegressionError.dimensionMismatch("prediction row 1 has 2 values, expected 1")) {
            try fit.predict(rows: [[1, 2]])
        }
        #expect(throws: RegressionError.nonFinite(column: "x", row: 2, value: .infinity)) {
            try fit.predict(rows: [[1], [.infinity]])
        }
    }

    @Test("error messages name the input, the value and the constraint")
    func messages() {
        #expect(RegressionError.nonFinite(column: "x2", row: 5, value: .nan).description
            == "column 'x2' row 5 is not finite (found nan)")
        #expect(RegressionError.invalidWeight(row: 3, value: -1).description
            == "weight in row 3 must be positive and finite (found -1.0)")
        #expect(RegressionError.rankDeficient(columns: ["level"], rank: 2).description.contains("'level'"))
        #expect(RegressionError.invalidLevel(1.5).description.contains("1.5"))
    }

    @Test("HAC with zero lags equals HC0; intercept-only model has NaN F")
    func hacZeroLags() throws {
        let model = RegressionModel(response: Self.y, regressors: [Self.x1, Self.x2], names: ["x1", "x2"])
        let hac = try model.fit(covariance: .hac(maxLags: 0, smallSampleCorrection: false))
        let hc0 = try model.fit(covariance: .hc0)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(hac.covariance[i, j] - hc0.covariance[i, j]) <= 1e-15 * abs(hc0.covariance[i, i])) } }
        let only = try RegressionModel(response: Self.y, regressors: [], names: []).fit()
        #expect(only.fStatistic.isNaN)
        #expect(only.fPValue.isNaN)
        // The intercept-only estimate is the mean (exact data to rounding).
        let mean = Self.y.reduce(0, +) / 8
        #expect(abs(only.coefficients[0].estimate - mean) <= 1e-15 * mean)
    }
}

@Suite("polynomial models")
struct PolynomialModelTests {
    @Test("names, exact quadratic fit, predictions from x alone")
    func quadratic() throws {
        let x: [Double] = [-2, -1, 0, 1, 2, 3, 4]
        let y = x.map { 1 - 0.5 * $0 + 0.25 * $0 * $0 }   // exact in binary
        let model = RegressionModel.polynomial(response: y, x: x, degree: 2, name: "t")
        #expect(model.parameterNames == ["const", "t", "t^2"])
        #expect(model.regressors[1] == x.map { $0 * $0 })
        let fit = try model.fit()
        for (c, e) in zip(fit.coefficients, [1.0, -0.5, 0.25]) { #expect(abs(c.estimate - e) <= 1e-15) }
        let p = try fit.predict(rows: [[5], [0.5]], level: 0.9)
        #expect(abs(p[0].mean - (1 - 2.5 + 6.25)) <= 1e-14)
        #expect(abs(p[1].mean - (1 - 0.25 + 0.0625)) <= 1e-14)
        #expect(throws: RegressionError.self) { try fit.predict(rows: [[1, 1]]) }
        do {
            _ = try RegressionModel.polynomial(response: y, x: [.nan] + x.dropFirst(), degree: 2, name: "t").fit()
            Issue.record("expected an error")
        } catch let RegressionError.nonFinite(column, row, value) {
            #expect(column == "t" && row == 1 && value.isNaN)
        } catch { Issue.record("unexpected \(error)") }
    }
}
