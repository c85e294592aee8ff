import Foundation
import Testing
@testable import PaceForecast

/// Recursion, likelihood, fitted values, residuals and states at R's own parameters.
/// Reference: Tests/Fixtures/forecast/ets_r_forecast.json (R 4.2.2, forecast 8.20).
@Suite("ETS recursion at R's parameters")
struct ETSRecursionTests {
    @Test("every series × specification × fixed-parameter check reproduces R to 1e-9 relative")
    func reproducesR() throws {
        var checked = 0
        for (name, label, entry) in ETSFixture.allEntries {
            let y = ETSFixture.y(name)
            let spec = ETSFixture.spec(entry, period: ETSFixture.period(name))
            let parameters = ETSFixture.parameters(entry, spec: spec)
            let fit = try ETS.evaluate(y, specification: spec, parameters: parameters)
            let lik = ETSFixture.double(entry["lik_minus2loglik"])!
            #expect(relativeError(-2 * fit.logLikelihood, lik) < 1e-9, "\(name) \(label) lik \(-2 * fit.logLikelihood) vs \(lik)")
            let fitted = ETSFixture.doubles(entry["fitted"])
            #expect(maxRelativeError(fit.fitted, fitted) < 1e-9, "\(name) \(label) fitted")
            // residuals can be near zero: relative to the residual scale
            let residuals = ETSFixture.doubles(entry["residuals"])
            let scale = residuals.map(abs).max()!
            #expect(maxRelativeError(fit.residuals, residuals, floor: scale) < 1e-9, "\(name) \(label) residuals")
            if let rows = entry["states"] as? [Any] {
                let states = rows.flatMap { row -> [Double] in
                    if let r = row as? [Any] { return ETSFixture.doubles(r) }
                    return [ETSFixture.double(row) ?? .nan]
                }
                #expect(maxRelativeError(fit.states, states, floor: 1e-6) < 1e-9, "\(name) \(label) states")
            }
            let finalState = entry["final_state"] as! [String: Any]
            let names = (entry["initstate_names"] as? [String]) ?? [entry["initstate_names"] as! String]
            #expect(maxRelativeError(Array(fit.finalState), names.map { ETSFixture.double(finalState[$0])! }, floor: 1e-6) < 1e-9,
                    "\(name) \(label) final state")
            let mse = ETSFixture.double(entry["mse"])!
            #expect(relativeError(fit.mse, mse) < 1e-9, "\(name) \(label) mse")
            checked += 1
        }
        #expect(checked >= 4 * 14 + 2 * 18)
    }
}
