import Foundation
import PaceLinearAlgebra
import Testing
@testable import PaceRegression

/// HC0–HC3, WLS (with and without intercept, classical/HC/HAC) and predictions against
/// statsmodels 0.15.0, computed by Tests/Fixtures/regression/make_statsmodels_extra.py (run with
/// /work/.venv-peers/bin/python) into statsmodels_extra.json. Core of that script:
///
///     y, X = log(value), [1, t, Q2, Q3, Q4]
///     res = sm.OLS(y, X).fit(cov_type="HC3")          # or WLS(y, X, weights=w), HAC maxlags 3
///     res.get_prediction(new).summary_frame(alpha=0.05)
@Suite("HC0–HC3, WLS and predictions vs statsmodels")
struct StatsmodelsExtraTests {
    static let tol = 1e-10

    static func cases() throws -> [String: [String: Any]] {
        try Fixtures.json("regression", "statsmodels_extra.json")["cases"] as! [String: [String: Any]]
    }

    static func check(_ fit: RegressionFit, _ ref: [String: Any], _ label: String,
                      predictions: [[Double]]?) throws {
        func near(_ a: Double, _ b: Double, _ what: String, rel: Double = tol, floor: Double = 0) {
            #expect(close(a, b, rel: rel, floor: floor), "\(label) \(what): \(a) vs statsmodels \(b)")
        }
        let params = ref["params"] as! [Double], bse = ref["bse"] as! [Double]
        let tv = ref["tvalues"] as! [Double], pv = ref["pvalues"] as! [Double]
        for j in 0..<fit.k {
            let c = fit.coefficients[j]
            near(c.estimate, params[j], "param \(j)")
            near(c.standardError, bse[j], "bse \(j)")
            near(c.t, tv[j], "t \(j)")
            near(c.p, pv[j], "p \(j)", rel: 1e-9)
        }
        let cov = ref["cov_params"] as! [[Double]]
        let big = (0..<fit.k).map { cov[$0][$0] }.max()!
        for i in 0..<fit.k { for j in 0..<fit.k { near(fit.covariance[i, j], cov[i][j], "cov[\(i),\(j)]", floor: 1e-6 * big) } }
        near(fit.rSquared, ref["rsquared"] as! Double, "R²")
        near(fit.adjustedRSquared, ref["rsquared_adj"] as! Double, "adj R²")
        near(fit.fStatistic, ref["fvalue"] as! Double, "F")
        near(fit.fPValue, ref["f_pvalue"] as! Double, "F p", rel: 1e-9)
        near(fit.logLikelihood, ref["llf"] as! Double, "llf")
        near(fit.aic, ref["aic"] as! Double, "aic")
        near(fit.bic, ref["bic"] as! Double, "bic")
        near(fit.residualSumOfSquares, ref["ssr"] as! Double, "ssr")
        near(fit.durbinWatson, ref["durbin_watson"] as! Double, "DW")
        let jb = ref["jarque_bera"] as! [Double]
        near(fit.jarqueBera.statistic, jb[0], "JB")
        near(fit.jarqueBera.pValue, jb[1], "JB p")
        near(fit.jarqueBera.skewness, jb[2], "skew")
        near(fit.jarqueBera.kurtosis, jb[3], "kurtosis")
        near(fit.conditionNumber, ref["condition_number"] as! Double, "condition number")
        let resid = ref["resid"] as! [Double], fitted = ref["fitted"] as! [Double]
        for i in 0..<fit.n {
            near(fit.residuals[i], resid[i], "resid[\(i)]", floor: fit.sigma)
            near(fit.fittedValues[i], fitted[i], "fitted[\(i)]")
        }
        for level in [0.95, 0.9] {
            let ci = ref["conf_int_\(level)"] as! [[Double]]
            let mine = try fit.confidenceIntervals(level: level)
            for j in 0..<fit.k {
                near(mine[j].low, ci[j][0], "CI\(level) low \(j)", floor: fit.coefficients[j].standardError)
                near(mine[j].high, ci[j][1], "CI\(level) high \(j)", floor: fit.coefficients[j].standardError)
            }
            guard let rows = predictions else { continue }
            let pr = ref["predict_\(level)"] as! [String: [Double]]
            let got = try fit.predict(rows: rows, level: level)
            for i in 0..<rows.count {
                near(got[i].mean, pr["mean"]![i], "pred mean \(i)")
                near(got[i].standardError, pr["mean_se"]![i], "pred se \(i)")
                near(got[i].confidenceLow, pr["mean_ci_lower"]![i], "pred CI low \(i)")
                near(got[i].confidenceHigh, pr["mean_ci_upper"]![i], "pred CI high \(i)")
                near(got[i].predictionLow, pr["obs_ci_lower"]![i], "pred PI low \(i)")
                near(got[i].predictionHigh, pr["obs_ci_upper"]![i], "pred PI high \(i)")
            }
        }
    }

    /// New rows (trend, Q2, Q3, Q4) for the four quarters after the sample.
    static func newRows(firstTrend: Int) -> [[Double]] {
        (0..<4).map { i in [Double(firstTrend + i)] + (2...4).map { ((i % 4) + 1) == $0 ? 1.0 : 0.0 } }
    }

    @Test("UKgas OLS with classical and HC0–HC3 covariance, predictions")
    func hc() throws {
        let model = try TrendSeasonalReferenceTests.model(csv: "uk_gas_quarterly.csv")
        let cases = try Self.cases()
        let types: [(String, CovarianceType)] = [("nonrobust", .classical), ("HC0", .hc0), ("HC1", .hc1),
                                                  ("HC2", .hc2), ("HC3", .hc3)]
        for (key, type) in types {
            try Self.check(try model.fit(covariance: type), cases["UKgas_OLS_\(key)"]!, key,
                           predictions: Self.newRows(firstTrend: 109))
        }
    }

    static func jjWeighted(intercept: Bool) throws -> RegressionModel {
        let base = try TrendSeasonalReferenceTests.model(csv: "jj_earnings_quarterly.csv")
        let n = base.response.count
        let w = (0..<n).map { 1.0 + Double($0 % 5) / 2 }
        if intercept {
            return RegressionModel(response: base.response, regressors: base.regressors, names: base.names, weights: w)
        }
        let trend = base.regressors[0]
        let q1 = (0..<n).map { i in (1...3).allSatisfy { base.regressors[$0][i] == 0 } ? 1.0 : 0.0 }
        return RegressionModel(response: base.response, regressors: [trend, q1] + base.regressors[1...],
                               names: ["trend", "Q1", "Q2", "Q3", "Q4"], intercept: false, weights: w)
    }

    @Test("JohnsonJohnson WLS: classical, HC1, HC3, HAC(3, corrected), predictions")
    func wls() throws {
        let model = try Self.jjWeighted(intercept: true)
        let cases = try Self.cases()
        let types: [(String, CovarianceType)] = [("JJ_WLS_nonrobust", .classical), ("JJ_WLS_HC1", .hc1),
                                                  ("JJ_WLS_HC3", .hc3),
                                                  ("JJ_WLS_HAC3", .hac(maxLags: 3, smallSampleCorrection: true))]
        for (key, type) in types {
            let fit = try model.fit(covariance: type)
            #expect(fit.isWeighted)
            try Self.check(fit, cases[key]!, key, predictions: Self.newRows(firstTrend: 85))
        }
    }

    @Test("WLS without intercept but all four quarter dummies: implicit constant, centred R² (statsmodels rule)")
    func wlsNoIntercept() throws {
        let fit = try Self.jjWeighted(intercept: false).fit()
        #expect(!fit.hasIntercept)
        #expect(fit.hasConstant)
        #expect(fit.dfModel == 4)
        try Self.check(fit, try Self.cases()["JJ_WLS_noint"]!, "noint", predictions: nil)
    }
}
