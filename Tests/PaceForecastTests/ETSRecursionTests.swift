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

    /// lik of one pass with outputs (level form, ``ETSRecursion``'s `loop`) and without (the search's
    /// one-step-forecast form for trend N/A, `searchLoop`).
    static func likBothForms(_ y: [Double], _ spec: ETSSpecification, _ q: ETSParameters) -> (level: Double, search: Double) {
        let m = spec.period, n = y.count
        let recursion = ETSRecursion(spec)
        func pass(_ withOutput: Bool) -> Double {
            var ring = [Double](repeating: 0, count: max(m, 1))
            if spec.season != .none { for i in 0..<m { ring[i] = q.initialSeasonal[m - 1 - i] } }
            var fitted = [Double](repeating: 0, count: n)
            return y.withUnsafeBufferPointer { yp in
                ring.withUnsafeMutableBufferPointer { r in
                    fitted.withUnsafeMutableBufferPointer { f in
                        recursion.run(y: yp.baseAddress!, count: n, alpha: q.smoothingLevel, beta: q.smoothingTrend ?? 0,
                                      gamma: q.smoothingSeasonal ?? 0, phi: q.dampingTrend ?? 1, level: q.initialLevel,
                                      trend: q.initialTrend ?? 0, seasonal: r.baseAddress!,
                                      output: withOutput ? ETSRecursionOutput(fitted: f.baseAddress) : nil).lik
                    }
                }
            }
        }
        return (pass(true), pass(false))
    }

    @Test("the search's likelihood pass equals the level form to 1e-12 and R to 1e-9 on every reference fit")
    func searchFormAgrees() throws {
        var checked = 0
        for (name, label, entry) in ETSFixture.allEntries {
            let y = ETSFixture.y(name)
            let spec = ETSFixture.spec(entry, period: ETSFixture.period(name))
            let parameters = ETSFixture.parameters(entry, spec: spec)
            let lik = ETSFixture.double(entry["lik_minus2loglik"])!  // R 4.2.2, forecast 8.20
            let r = Self.likBothForms(y, spec, parameters)
            #expect(relativeError(r.search, r.level) < 1e-12, "\(name) \(label) \(r.search) vs \(r.level)")
            #expect(relativeError(r.search, lik) < 1e-9, "\(name) \(label) \(r.search) vs R \(lik)")
            checked += 1
        }
        #expect(checked >= 4 * 14 + 2 * 18)
    }

    @Test("search form: R's guards (zero multiplicative seasonal state) and zero data as in the level form")
    func searchFormGuards() throws {
        let y: [Double] = [5, 7, 6, 8, 5.5, 7.5, 6.5, 8.5, 6, 8, 7, 9, 6.5, 8.5, 7.5, 9.5]
        // A zero seasonal state: p = 10¹⁰ in both forms (R's guard), so both give the same (huge) lik.
        for error in [Component.additive, .multiplicative] {
            for (trend, damped) in [(Component.none, false), (.additive, false), (.additive, true)] {
                let spec = try ETSSpecification(error: error, trend: trend, damped: damped, season: .multiplicative, period: 4)
                let q = ETSParameters(smoothingLevel: 0.3, smoothingTrend: trend == .none ? nil : 0.1, smoothingSeasonal: 0.2,
                                      dampingTrend: damped ? 0.9 : nil, initialLevel: 7,
                                      initialTrend: trend == .none ? nil : 0.1, initialSeasonal: [0, 1.5, 1.2, 1.3])
                let r = Self.likBothForms(y, spec, q)
                #expect(r.level.isNaN == r.search.isNaN, "\(spec)")
                if !r.level.isNaN { #expect(relativeError(r.search, r.level) < 1e-9, "\(spec) \(r.search) vs \(r.level)") }
            }
        }
        // A level of zero with a constant series at zero: additive error, e = 0 ⇒ Σe² = 0, lik = −∞ in both.
        let zeros = [Double](repeating: 0, count: 10)
        let spec = try ETSSpecification(error: .additive)
        let r = Self.likBothForms(zeros, spec, ETSParameters(smoothingLevel: 0.5, initialLevel: 0))
        #expect(r.level == -.infinity && r.search == -.infinity)
    }
}
