import Foundation
import Testing
@testable import PaceRegression

/// A prepared design must give the same fit as `RegressionModel.fit` for every response.
@Suite("prepared design for many responses")
struct RegressionDesignTests {
    @Test("same results as RegressionModel on UKgas and JohnsonJohnson (classical and HC3)")
    func sameAsModel() throws {
        let uk = try TrendSeasonalReferenceTests.model(csv: "uk_gas_quarterly.csv")
        let design = try RegressionDesign(regressors: uk.regressors, names: uk.names)
        #expect(design.parameterNames == ["const", "trend", "Q2", "Q3", "Q4"])
        // A second response on the same calendar: JohnsonJohnson truncated/padded to 108 rows is
        // not meaningful; use UKgas reversed as another series.
        for y in [uk.response, Array(uk.response.reversed())] {
            for cov in [CovarianceType.classical, .hc3] {
                let a = try design.fit(response: y, covariance: cov)
                let b = try RegressionModel(response: y, regressors: uk.regressors, names: uk.names).fit(covariance: cov)
                for j in 0..<5 {
                    #expect(close(a.coefficients[j].estimate, b.coefficients[j].estimate, rel: 1e-13))
                    #expect(close(a.coefficients[j].standardError, b.coefficients[j].standardError, rel: 1e-12))
                }
                #expect(close(a.rSquared, b.rSquared, rel: 1e-13))
                #expect(close(a.durbinWatson, b.durbinWatson, rel: 1e-12))
            }
            let est = try design.estimates(response: y)
            #expect(close(est[1], try design.fit(response: y).coefficients[1].estimate, rel: 1e-15))
        }
    }

    @Test("design errors at init, response errors at fit")
    func errors() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        #expect(throws: RegressionError.rankDeficient(columns: ["c"], rank: 2)) {
            try RegressionDesign(regressors: [x, [Double](repeating: 7, count: 5)], names: ["x", "c"])
        }
        #expect(throws: RegressionError.tooFewObservations(n: 2, k: 2)) {
            try RegressionDesign(regressors: [[1, 2]], names: ["x"])
        }
        let d = try RegressionDesign(regressors: [x], names: ["x"])
        #expect(throws: RegressionError.nonFinite(column: "y", row: 3, value: .infinity)) {
            try d.fit(response: [1, 2, .infinity, 4, 5])
        }
        #expect(throws: RegressionError.self) { try d.fit(response: [1, 2]) }
    }

    @Test("an ill-conditioned response falls back to the accurate path (NIST Wampler5 design)")
    func fallback() throws {
        let root = try Fixtures.json("nist", "nist_strd_linear.json")
        let ds = (root["datasets"] as! [String: Any])["Wampler5"] as! [String: Any]
        let data = ds["data"] as! [[Double]]
        let x = data.map { $0[1] }
        let y = data.map { $0[0] }
        let design = try RegressionDesign(regressors: (1...5).map { p in x.map { pow($0, Double(p)) } },
                                          names: (1...5).map { "x^\($0)" })
        let fit = try design.fit(response: y)
        // Certified: all coefficients 1 (powers of integers are exact in double here).
        for c in fit.coefficients { #expect(NISTAccuracyTests.lre(c.estimate, 1) >= 9, "\(c.name) \(c.estimate)") }
    }
}
