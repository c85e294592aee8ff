import Foundation
import Testing
@testable import PaceForecast

/// The estimation objective and its starting values against R forecast 8.20
/// (Tests/Fixtures/forecast/ets_r_forecast.json: `par`, `lik_minus2loglik`, `optimizer_start`).
@Suite("ETS objective and starting values")
struct ETSObjectiveTests {
    @Test("objective at R's optimum equals R's lik; starting values equal R's initparam/initstate",
          arguments: ETSFixture.seriesNames)
    func objectiveAndStart(series name: String) {
        let y = ETSFixture.y(name)
        let m = ETSFixture.period(name)
        let fixedSpecs = ETSFixture.series[name]!["fixed_specs"] as! [String: Any]
        for code in ETSFixture.specCodes {
            let entry = fixedSpecs[code] as! [String: Any]
            let spec = ETSFixture.spec(entry, period: m)
            let objective = ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none)
            let order = ["alpha", "beta", "gamma", "phi", "l", "b"] + (0..<max(m - 1, 0)).map { "s\($0)" }
            let par = entry["par"] as! [String: Any]
            let x = order.compactMap { par[$0] }.map { ETSFixture.double($0)! }
            #expect(x.count == objective.dimension)
            let value = x.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
            // R's lik at its optimum; 1e-12 relative (same arithmetic, different summation order).
            #expect(relativeError(value, ETSFixture.double(entry["lik_minus2loglik"])!) < 1e-12, "\(name) \(code)")
            let start = (entry["optimizer_start"] as! [String: Any])
            let merged = (start["par"] as! [String: Any]).merging(start["states"] as! [String: Any]) { a, _ in a }
            let rStart = order.compactMap { merged[$0] }.map { ETSFixture.double($0)! }
            // R's starting vector (initparam + initstate incl. classical decomposition): 1e-12 relative.
            #expect(maxRelativeError(objective.start(y, bounds: .standard), rStart, floor: 1e-3) < 1e-12, "\(name) \(code) start")
        }
    }

    @Test("outside the usual bounds or the admissible region the objective is +∞")
    func infeasible() {
        let y = ETSFixture.y("UKgas")
        let spec = try! ETSSpecification(parsing: "AAN")
        let objective = ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none)
        for x in [[1.2, 0.1, 120, 1], [0.3, 0.4, 120, 1], [0.00001, 0.000001, 120, 1]] as [[Double]] {
            #expect(x.withUnsafeBufferPointer { objective.value($0.baseAddress!) } == .infinity, "\(x)")
        }
        #expect([0.3, 0.1, 120, 1].withUnsafeBufferPointer { objective.value($0.baseAddress!) }.isFinite)
    }

    @Test("Schur–Cohn root test agrees with known polynomials")
    func schurCohn() {
        // (z − 0.5)(z + 0.9) = z² + 0.4z − 0.45: roots inside; (z − 1.1)(z + 0.2) = z² − 0.9z − 0.22: one outside.
        var inside: [Double] = [-0.45, 0.4, 1]
        var outside: [Double] = [-0.22, -0.9, 1]
        var scratch = [Double](repeating: 0, count: 4)
        #expect(ETSAdmissibility.allRootsInDisk(&inside, degree: 2, radius: 1, scratch: &scratch))
        #expect(!ETSAdmissibility.allRootsInDisk(&outside, degree: 2, radius: 1, scratch: &scratch))
    }
}
