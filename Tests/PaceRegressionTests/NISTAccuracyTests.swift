import Foundation
import Testing
@testable import PaceRegression

/// NIST StRD linear least-squares problems (data and certified values from
/// Tests/Fixtures/nist/nist_strd_linear.json, parsed from NIST's .dat files). Every certified
/// coefficient, standard error, residual SD and R² must have at least 9 correct digits:
/// LRE = −log10(|est − cert|/|cert|) ≥ 9, capped at 15; for a certified 0 the absolute error is
/// used (Wampler1/2 are exact fits: certified σ = 0 and se = 0).
@Suite("NIST StRD linear regression accuracy")
struct NISTAccuracyTests {
    static let datasets = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
                           "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]

    static func lre(_ estimate: Double, _ certified: Double) -> Double {
        let err = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
        if err == 0 { return 15 }
        return min(15, -log10(err))
    }

    /// Builds the model NIST specifies for each dataset.
    static func model(_ name: String, _ data: [[Double]], parameters: Int) -> RegressionModel {
        let y = data.map { $0[0] }
        switch name {
        case "NoInt1", "NoInt2":
            return RegressionModel(response: y, regressors: [data.map { $0[1] }], names: ["x"], intercept: false)
        case "Norris":
            return RegressionModel(response: y, regressors: [data.map { $0[1] }], names: ["x"])
        case "Longley":
            let cols = (1...6).map { j in data.map { $0[j] } }
            return RegressionModel(response: y, regressors: cols, names: (1...6).map { "x\($0)" })
        default:  // polynomial y = Σ_{j=0}^{d} B_j x^j
            return RegressionModel.polynomial(response: y, x: data.map { $0[1] }, degree: parameters - 1)
        }
    }

    @Test("every certified value has ≥ 9 correct digits (LRE table printed)")
    func certifiedValues() throws {
        let root = try Fixtures.json("nist", "nist_strd_linear.json")
        let sets = root["datasets"] as! [String: Any]
        var lines = ["dataset    value      LRE"]
        var worst = 15.0
        for name in Self.datasets {
            let ds = sets[name] as! [String: Any]
            let cert = ds["certified"] as! [String: Any]
            let b = cert["B"] as! [Double]
            let se = cert["se_B"] as! [Double]
            let sd = cert["residual_sd"] as! Double
            let r2 = cert["r_squared"] as! Double
            let data = ds["data"] as! [[Double]]
            let fit = try Self.model(name, data, parameters: b.count).fit()
            var values: [(String, Double)] = []
            for j in 0..<b.count {
                values.append(("B\(j)", Self.lre(fit.coefficients[j].estimate, b[j])))
                values.append(("se(B\(j))", Self.lre(fit.coefficients[j].standardError, se[j])))
            }
            values.append(("sigma", Self.lre(fit.sigma, sd)))
            values.append(("R2", Self.lre(fit.rSquared, r2)))
            for (label, l) in values {
                lines.append(name.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
                             + label.padding(toLength: 10, withPad: " ", startingAt: 0)
                             + String(format: " %5.2f", l))
                #if arch(x86_64)
                #expect(l >= 9, "\(name) \(label): only \(l) correct digits")
                #else
                // No 80-bit type on this architecture (ExtendedDouble = Double): Filip is out of
                // reach of double precision; require 9 digits everywhere else.
                if name != "Filip" { #expect(l >= 9, "\(name) \(label): only \(l) correct digits") }
                #endif
                worst = min(worst, l)
            }
        }
        lines.append("minimum LRE over all certified values: \(String(format: "%.2f", worst))")
        print(lines.joined(separator: "\n"))
    }
}
