import Foundation
import PaceLinearAlgebra
import Testing
@testable import PaceRegression

/// OLS of log(value) on const, trend t = 1..n and quarter dummies Q2, Q3, Q4 for UKgas and
/// JohnsonJohnson, against statsmodels 0.15 (Tests/Fixtures/regression/ols_trend_seasonal.json,
/// copied from ../shared/reference): every field to 1e-10 relative, for classical covariance and
/// Newey–West HAC with 4 lags without and with the n/(n − k) correction.
@Suite("OLS trend + seasonal dummies vs statsmodels")
struct TrendSeasonalReferenceTests {
    static let tol = 1e-10
    static let order = ["const", "trend", "Q2", "Q3", "Q4"]

    static func model(csv: String) throws -> RegressionModel {
        let text = try String(contentsOf: Fixtures.url("regression", csv), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
        let y = rows.map { log(Double($0[2])!) }
        let quarter = rows.map { Int($0[1].last!.wholeNumberValue!) }
        let n = y.count
        let trend = (1...n).map(Double.init)
        let dummies = (2...4).map { q in quarter.map { $0 == q ? 1.0 : 0.0 } }
        return RegressionModel(response: y, regressors: [trend] + dummies, names: ["trend", "Q2", "Q3", "Q4"])
    }

    static func reference(_ series: String) throws -> [String: Any] {
        let root = try Fixtures.json("regression", "ols_trend_seasonal.json")
        return (root["results"] as! [String: Any])[series] as! [String: Any]
    }

    static func expectClose(_ a: Double, _ b: Double, _ what: String, rel: Double = tol, floor: Double = 0) {
        #expect(close(a, b, rel: rel, floor: floor), "\(what): \(a) vs statsmodels \(b)")
    }

    static func named(_ any: Any?) -> [Double] {
        let d = any as! [String: Double]
        return order.map { d[$0]! }
    }

    static func checkCovariance(_ m: Matrix, _ ref: Any?, _ what: String) {
        let rows = ref as! [[Double]]
        let scale = (0..<5).map { rows[$0][$0] }.max()!
        for i in 0..<5 {
            for j in 0..<5 {
                // Off-diagonal entries may be near 0: relative to the largest variance.
                let floor = 1e-6 * scale
                expectClose(m[i, j], rows[i][j], "\(what) cov[\(i),\(j)]", floor: floor)
            }
        }
    }

    @Test("classical fit: every field", arguments: [("UKgas", "uk_gas_quarterly.csv"),
                                                  ("JohnsonJohnson", "jj_earnings_quarterly.csv")])
    func classical(series: String, csv: String) throws {
        let ref = try Self.reference(series)
        let fit = try Self.model(csv: csv).fit()
        #expect(fit.parameterNames == Self.order)
        let params = Self.named(ref["params"]), bse = Self.named(ref["bse"])
        let tv = Self.named(ref["tvalues"]), pv = Self.named(ref["pvalues"])
        for j in 0..<5 {
            let c = fit.coefficients[j]
            Self.expectClose(c.estimate, params[j], "\(series) param \(c.name)")
            Self.expectClose(c.standardError, bse[j], "\(series) bse \(c.name)")
            Self.expectClose(c.t, tv[j], "\(series) t \(c.name)")
            // p-values span 1e-107…0.5; the t tail is computed to ~1e-12 relative.
            Self.expectClose(c.p, pv[j], "\(series) p \(c.name)", rel: 1e-9)
        }
        Self.checkCovariance(fit.covariance, ref["cov_params"], series)
        Self.expectClose(fit.rSquared, ref["rsquared"] as! Double, "R²")
        Self.expectClose(fit.adjustedRSquared, ref["rsquared_adj"] as! Double, "adj R²")
        Self.expectClose(fit.fStatistic, ref["fvalue"] as! Double, "F")
        Self.expectClose(fit.fPValue, ref["f_pvalue"] as! Double, "F p", rel: 1e-9)
        Self.expectClose(fit.logLikelihood, ref["llf"] as! Double, "llf")
        Self.expectClose(fit.aic, ref["aic"] as! Double, "aic")
        Self.expectClose(fit.bic, ref["bic"] as! Double, "bic")
        Self.expectClose(fit.residualSumOfSquares, ref["ssr"] as! Double, "ssr")
        Self.expectClose(fit.scale, ref["scale_sigma2"] as! Double, "σ²")
        Self.expectClose(fit.sigma, ref["sigma"] as! Double, "σ")
        #expect(Double(fit.dfModel) == ref["df_model"] as! Double)
        #expect(Double(fit.dfResidual) == ref["df_resid"] as! Double)
        Self.expectClose(fit.durbinWatson, ref["durbin_watson"] as! Double, "DW")
        let jb = ref["jarque_bera"] as! [String: Double]
        Self.expectClose(fit.jarqueBera.statistic, jb["stat"]!, "JB")
        Self.expectClose(fit.jarqueBera.pValue, jb["pvalue"]!, "JB p")
        Self.expectClose(fit.jarqueBera.skewness, jb["skew"]!, "JB skew")
        Self.expectClose(fit.jarqueBera.kurtosis, jb["kurtosis"]!, "JB kurtosis")
        Self.expectClose(fit.conditionNumber, ref["condition_number"] as! Double, "condition number")
        let fitted = ref["fitted"] as! [Double], resid = ref["resid"] as! [Double]
        #expect(fit.fittedValues.count == fitted.count)
        for i in 0..<fitted.count {
            Self.expectClose(fit.fittedValues[i], fitted[i], "fitted[\(i)]")
            // Residuals pass through 0: relative to σ (statsmodels' own resid carries ~1e-16·|y|).
            Self.expectClose(fit.residuals[i], resid[i], "resid[\(i)]", floor: fit.sigma)
        }
    }

    @Test("Newey–West HAC, 4 lags, without and with small-sample correction",
          arguments: [("UKgas", "uk_gas_quarterly.csv"), ("JohnsonJohnson", "jj_earnings_quarterly.csv")])
    func hac(series: String, csv: String) throws {
        let ref = try Self.reference(series)
        let model = try Self.model(csv: csv)
        for (key, corrected) in [("hac_nw4", false), ("hac_nw4_corrected", true)] {
            let block = ref[key] as! [String: Any]
            let fit = try model.fit(covariance: .hac(maxLags: 4, smallSampleCorrection: corrected))
            let bse = Self.named(block["bse"]), z = Self.named(block["z"])
            let p = Self.named(block["pvalues_normal"])
            for j in 0..<5 {
                let c = fit.coefficients[j]
                #expect(c.degreesOfFreedom == nil, "robust inference is normal")
                Self.expectClose(c.standardError, bse[j], "\(series) \(key) bse \(c.name)")
                Self.expectClose(c.t, z[j], "\(series) \(key) z \(c.name)")
                Self.expectClose(c.p, p[j], "\(series) \(key) p \(c.name)", rel: 1e-9)
            }
            Self.checkCovariance(fit.covariance, block["cov_params"], "\(series) \(key)")
        }
    }

    @Test("skewness, kurtosis, Jarque–Bera and Durbin–Watson are scale-free: residuals near 1e80 or 1e-80 give the unscaled values (m₄ overflowed to ∞, underflowed to 0)",
          arguments: [1e80, 1e-80, 1e140])
    func diagnosticsScaleFree(scale: Double) throws {
        let base = try Self.model(csv: "uk_gas_quarterly.csv")
        let scaled = RegressionModel(response: base.response.map { $0 * scale }, regressors: base.regressors,
                                     names: ["trend", "Q2", "Q3", "Q4"])
        let a = try base.fit(), b = try scaled.fit()
        #expect(close(b.sigma, a.sigma * scale, rel: 1e-12), "residuals scaled by \(scale)")
        let (ja, jb) = (a.jarqueBera, b.jarqueBera)
        for (x, y, what) in [(jb.skewness, ja.skewness, "skew"), (jb.kurtosis, ja.kurtosis, "kurtosis"),
                             (jb.statistic, ja.statistic, "JB"), (jb.pValue, ja.pValue, "JB p"),
                             (b.durbinWatson, a.durbinWatson, "DW")] {
            #expect(x.isFinite && close(x, y, rel: 1e-12), "\(what) at scale \(scale): \(x) vs unscaled \(y)")
        }
    }
}
