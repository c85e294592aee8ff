import Foundation
import Testing
@testable import PaceForecast

/// Cross-check with statsmodels 0.15 ETSModel (Tests/Fixtures/forecast/ets_holtwinters.json):
/// its ETS(A,A,A) recursion is Hyndman et al.'s, so at its parameters Pace must reproduce its fitted
/// values, and its full Gaussian log-likelihood −n/2·(log(2π·SSE/n) + 1) from Pace's SSE.
/// (Its ETS(M,A,M) seasonal update is Holt–Winters', not Hyndman's, and is not compared.)
@Suite("ETS against statsmodels")
struct ETSStatsmodelsTests {
    @Test("ETS(A,A,A) at statsmodels' parameters: fitted values 1e-9, llf 1e-10", arguments: ["UKgas", "JohnsonJohnson"])
    func additive(series name: String) throws {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/ets_holtwinters.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let result = (json["results"] as! [String: Any])[name] as! [String: Any]
        let aaa = result["ETS_AAA"] as! [String: Any]
        let p = aaa["params"] as! [String: Any]
        let d = { (k: String) in ETSFixture.double(p[k])! }
        // initial_seasonal.k = s_{-k}; Pace's initial seasonal states are s₁…sₘ = s₀, s₋₁, …, s₁₋ₘ.
        let parameters = ETSParameters(
            smoothingLevel: d("smoothing_level"), smoothingTrend: d("smoothing_trend"),
            smoothingSeasonal: d("smoothing_seasonal"), initialLevel: d("initial_level"), initialTrend: d("initial_trend"),
            initialSeasonal: (0..<4).map { d("initial_seasonal.\($0)") })
        let y = ETSFixture.y(name)
        let fit = try ETS.evaluate(y, specification: ETSSpecification(parsing: "AAA", period: 4), parameters: parameters)
        #expect(maxRelativeError(fit.fitted, ETSFixture.doubles(aaa["fitted"])) < 1e-9)
        let n = Double(y.count)
        let sse = fit.mse * n
        #expect(relativeError(sse, ETSFixture.double(aaa["sse"])!) < 1e-9)
        let llf = -n / 2 * (log(2 * Double.pi * sse / n) + 1)
        #expect(relativeError(llf, ETSFixture.double(aaa["llf"])!) < 1e-10)
        // Pace's (R's) log-likelihood drops the constants: llf = logLik − n/2·(log(2π/n) + 1).
        #expect(relativeError(fit.logLikelihood - n / 2 * (log(2 * Double.pi / n) + 1), llf) < 1e-10)
    }
}
