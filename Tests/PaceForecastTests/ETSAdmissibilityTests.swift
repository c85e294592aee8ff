import Foundation
import Testing
@testable import PaceForecast

/// The admissibility test of seasonal models against R forecast 8.20's `admissible()`
/// (Tests/Fixtures/forecast/admissibility_r.csv, written by make_admissibility_r.R; SOURCE.md there).
@Suite("ETS admissibility of seasonal models")
struct ETSAdmissibilityTests {
    struct Point {
        var alpha: Double, beta: Double?, gamma: Double, phi: Double, m: Int, rAdmissible: Bool, rMaxRootMinusOne: Double
    }

    static let points: [Point] = {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/admissibility_r.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Point(alpha: Double(f[0])!, beta: Double(f[1]), gamma: Double(f[2])!, phi: Double(f[3])!, m: Int(f[4])!,
                         rAdmissible: f[5] == "1", rMaxRootMinusOne: Double(f[6])!)
        }
    }()

    func pace(_ p: Point) -> Bool {
        var work = [Double](repeating: 0, count: 2 * (p.m + 2))
        return ETSAdmissibility.isAdmissible(alpha: p.alpha, beta: p.beta ?? 0, gamma: p.gamma, phi: p.phi,
                                             hasTrend: p.beta != nil, m: p.m, work: &work)
    }

    @Test("Pace's decision equals R's wherever R's root modulus is not within 1e-9 of its tolerance")
    func agreesWithR() {
        #expect(Self.points.count == 500)
        var compared = 0, rejected = 0
        for p in Self.points where abs(p.rMaxRootMinusOne - 1e-10) > 1e-9 {
            #expect(pace(p) == p.rAdmissible, "\(p)")
            compared += 1
            if !p.rAdmissible { rejected += 1 }
        }
        // Both outcomes are exercised: the comparison is not vacuous.
        #expect(compared > 200 && rejected > 50, "\(compared) compared, \(rejected) rejected by R")
    }

    @Test("without trend P(1) = 0 exactly: points R decides by rounding noise are admissible (their other roots are inside)")
    func unitRootWithoutTrend() {
        var noise = 0, rRejected = 0
        for p in Self.points where abs(p.rMaxRootMinusOne - 1e-10) <= 1e-9 {
            #expect(p.beta == nil && p.phi == 1, "\(p)")   // only trendless undamped models reach R's tolerance zone
            // The roots other than 1: R's largest modulus is 1 ± 1e-9, so none is outside by more than that;
            // with α, γ > 0 and α + γ < 1 they lie at about (1 − α − γ)^(1/m) < 1.
            #expect(pace(p), "\(p)")
            noise += 1
            if !p.rAdmissible { rRejected += 1 }
        }
        #expect(noise > 100 && rRejected > 0, "\(noise) points in R's noise zone, \(rRejected) rejected by R")
    }

    @Test("aus_visnights VICEstCo, ETS(M,N,A): R's optimum is admissible and Pace's fit reaches at least R's log-likelihood")
    func vicEstCo() throws {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/aus_visnights_vicestco.csv")
        let y = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { Double($0.split(separator: ",")[2])! }
        #expect(y.count == 76)
        let spec = try ETSSpecification(parsing: "MNA", period: 4)
        // R 4.2.2 / forecast 8.20 ets(y, model = "MNA", damped = FALSE) (SOURCE.md).
        let rLoglik = -49.253891084504616
        let rPar = [2.2568399017907950e-4, 1.0006235808248525e-4, 1.75926139368683376,
                    -0.20615612244129941, -0.64363885379923003, -0.26787154308613331]
        let objective = ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none)
        let value = rPar.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
        // The objective is R's lik = −2·loglik (constants dropped): equal at R's optimum to 1e-12 relative.
        #expect(abs(value - (-2 * rLoglik)) <= 1e-12 * abs(2 * rLoglik), "\(value)")
        let fit = try ETS.fit(y, specification: spec)
        #expect(fit.logLikelihood >= rLoglik - 1e-6 * abs(rLoglik), "\(fit.logLikelihood)")
    }
}
