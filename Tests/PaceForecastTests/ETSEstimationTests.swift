import Foundation
import Testing
@testable import PaceForecast

/// Maximum-likelihood fits against R forecast 8.20 (Tests/Fixtures/forecast/ets_r_forecast.json).
/// Optimisers differ (R hits its 2000-evaluation cap on 20 fits), so the contract is: Pace's optimum
/// is at least as good as R's, log-likelihood ≥ R's − 1e-6·|R's|.
@Suite("ETS estimation against R")
struct ETSEstimationTests {
    @Test("own optimum ≥ R's log-likelihood on every reference fit", arguments: ETSFixture.seriesNames)
    func optimumAtLeastR(series name: String) throws {
        let y = ETSFixture.y(name)
        let m = ETSFixture.period(name)
        let fixedSpecs = ETSFixture.series[name]!["fixed_specs"] as! [String: Any]
        for code in ETSFixture.specCodes {
            guard let entry = fixedSpecs[code] as? [String: Any] else { continue }
            let spec = ETSFixture.spec(entry, period: m)
            let fit = try ETS.fit(y, specification: spec)
            let rLogLik = ETSFixture.double(entry["loglik"])!
            #expect(fit.logLikelihood >= rLogLik - 1e-6 * abs(rLogLik),
                    "\(name) \(code): Pace \(fit.logLikelihood) R \(rLogLik) evals \(fit.evaluations)")
            print("FIT \(name) \(code) pace \(fit.logLikelihood) R \(rLogLik) diff \(fit.logLikelihood - rLogLik) evals \(fit.evaluations)")
            // Information criteria follow from the likelihood with R's parameter count.
            let rAICc = ETSFixture.double(entry["aicc"])!
            let rLik = ETSFixture.double(entry["lik_minus2loglik"])!
            #expect(abs((fit.aicc - rAICc) - (-2 * fit.logLikelihood - rLik)) < 1e-6 * abs(rAICc), "\(name) \(code) AICc count")
        }
    }
}
