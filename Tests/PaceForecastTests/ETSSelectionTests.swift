import Foundation
import Testing
@testable import PaceForecast

/// Automatic selection against R forecast 8.20's `ets(y)` (Tests/Fixtures/forecast/ets_r_forecast.json:
/// `auto` and `auto_candidates`).
@Suite("ETS automatic selection")
struct ETSSelectionTests {
    @Test("in R's region (bounds .standard): AICc of the chosen model ≤ R's (1e-6 relative); so is every close candidate's",
          arguments: ETSFixture.seriesNames)
    func matchesOrBeatsR(series name: String) throws {
        let y = ETSFixture.y(name)
        let m = ETSFixture.period(name)
        let selection = try ETS.select(y, period: m, bounds: .standard)
        let auto = ETSFixture.series[name]!["auto"] as! [String: Any]
        let rAICc = ETSFixture.double(auto["aicc"])!
        let rSpec = ETSFixture.spec(auto, period: m)
        print("AUTO \(name): Pace \(selection.best.specification) AICc \(selection.best.aicc); R \(rSpec) AICc \(rAICc)")
        #expect(selection.best.aicc <= rAICc + 1e-6 * abs(rAICc))
        let rCandidates = ETSFixture.series[name]!["auto_candidates"] as! [String: Any]
        #expect(selection.candidates.filter { $0.failure == nil }.count == rCandidates.count)
        // Candidates with the best criterion (the polished one) is fully optimised: their AICc ≤ R's.
        for c in selection.candidates where c.failure == nil && c.aicc! <= selection.best.aicc {
            let r = rCandidates[c.specification.code] as! [String: Any]
            let rc = ETSFixture.double(r["aicc"])!
            #expect(c.aicc! <= rc + 1e-6 * abs(rc), "\(name) \(c.specification)")
        }
    }

    /// α₀ of R's and statsforecast's `initparam` with the default bounds: 10⁻⁴ + 0.2·(0.9999 − 10⁻⁴)/m_eff.
    static func startingAlpha(_ spec: ETSSpecification) -> Double {
        1e-4 + 0.2 * (0.9999 - 1e-4) / Double(spec.hasSeason ? spec.period : 1)
    }

    @Test("capped region (default of select): every candidate has β ≤ α₀ and γ ≤ 1 − α₀, where R's optima exceed α₀",
          arguments: ["realgdp", "JohnsonJohnson"])
    func cappedRegion(series name: String) throws {
        let y = ETSFixture.y(name)
        let m = ETSFixture.period(name)
        let selection = try ETS.select(y, period: m)
        let rCandidates = ETSFixture.series[name]!["auto_candidates"] as! [String: Any]
        #expect(selection.candidates.filter { $0.failure == nil }.count == rCandidates.count)
        let best = selection.best.parameters, a0Best = Self.startingAlpha(selection.best.specification)
        if let beta = best.beta { #expect(beta <= a0Best) }
        if let gamma = best.gamma { #expect(gamma <= 1 - a0Best) }
        for c in selection.candidates where c.failure == nil {
            let fit = try ETS.fit(y, specification: c.specification, bounds: .capped)
            let a0 = Self.startingAlpha(c.specification)
            if let beta = fit.parameters.beta { #expect(beta <= a0, "\(name) \(c.specification)") }
            if let gamma = fit.parameters.gamma { #expect(gamma <= 1 - a0, "\(name) \(c.specification)") }
        }
        // The cap binds on these series: R's usual-region optima (ets_r_forecast.json fixed_specs) have β > α₀
        // (realgdp ETS(A,Ad,N) β = 0.359 > 0.20006; JohnsonJohnson ETS(M,A,A) β = 0.0636 > 0.05009).
        let code = name == "realgdp" ? "AAdN" : "MAA"
        let entry = (ETSFixture.series[name]!["fixed_specs"] as! [String: Any])[code] as! [String: Any]
        let spec = ETSFixture.spec(entry, period: m)
        let rBeta = ETSFixture.double(entry["beta"])!
        #expect(rBeta > Self.startingAlpha(spec))
        let usual = try ETS.fit(y, specification: spec, bounds: .standard)
        let capped = try ETS.fit(y, specification: spec, bounds: .capped)
        #expect(capped.parameters.beta! <= Self.startingAlpha(spec))
        // The capped region is a subset of the usual one: its optimum cannot beat the usual optimum
        // (1e-9 relative for rounding) …
        #expect(capped.logLikelihood <= usual.logLikelihood + 1e-9 * abs(usual.logLikelihood))
        // … and it is at least as good as the usual optimum with β moved onto the cap (a feasible point).
        var onCap = usual.parameters
        onCap.smoothingTrend = Self.startingAlpha(spec)
        let projected = try ETS.evaluate(y, specification: spec, parameters: onCap)
        #expect(capped.logLikelihood >= projected.logLikelihood - 1e-9 * abs(projected.logLikelihood))
        print("CAPPED \(name) \(spec): β usual \(usual.parameters.beta!) capped \(capped.parameters.beta!); loglik usual \(usual.logLikelihood) capped \(capped.logLikelihood) projected \(projected.logLikelihood)")
    }

    @Test("multiplicative models are skipped on non-positive data; seasonality needs m > 1")
    func restrictions() throws {
        var y = ETSFixture.y("UKgas")
        y[5] = 0
        let selection = try ETS.select(y, period: 4)
        #expect(selection.candidates.allSatisfy { $0.specification.error == .additive && $0.specification.season != .multiplicative })
        #expect(selection.candidates.count == 6)  // ANN ANA AAdN AAdA AAN AAA
        let yearly = try ETS.select(ETSFixture.y("realgdp"), period: 1)
        #expect(yearly.candidates.allSatisfy { $0.specification.season == .none })
        #expect(yearly.candidates.count == 6)  // A/M × (N, Ad, A)
        // An explicit multiplicative request on non-positive data is refused with the index and value.
        #expect(throws: ETSError.nonPositiveValue(model: "ETS(M,N,N)", index: 5, value: 0)) {
            try ETS.fit(y, specification: ETSSpecification(parsing: "MNN"))
        }
        #expect(throws: ETSError.self) { try ETS.select(y, period: 4, pattern: ETSModelPattern(parsing: "MZZ")) }
    }

    @Test("a pattern restricts the search: 'AZN' with damping chosen")
    func pattern() throws {
        let p = try ETSModelPattern(parsing: "AZN")
        let s = try ETS.select(ETSFixture.y("realgdp"), period: 4, pattern: p)
        #expect(s.candidates.map(\.specification.code) == ["ANN", "AAdN", "AAN"])
    }

    @Test("a pattern fixing a season needs a seasonal period: refused once, also for a constant series")
    func seasonalPatternWithoutPeriod() throws {
        let trending = (0..<20).map { 100 + 3 * Double($0) + Double($0 % 3) }
        for code in ["ZZA", "ZZM", "AZA"] {
            let p = try ETSModelPattern(parsing: code)
            for y in [trending, [Double](repeating: 7, count: 20)] {
                #expect(throws: ETSError.invalidSpecification("the pattern \(p) asks for a seasonal component, but the seasonal period is 1")) {
                    try ETS.select(y, period: 1, pattern: p)
                }
            }
        }
        #expect(try ETS.select(trending, period: 1, pattern: ETSModelPattern(parsing: "ZZN")).best.specification.period == 1)
    }
}

@Suite("ETS input errors and edge cases")
struct ETSErrorTests {
    @Test("NaN and infinite values are refused with their index")
    func nonFinite() {
        var y = ETSFixture.y("UKgas")
        y[17] = .nan
        #expect(throws: ETSError.self) { try ETS.select(y, period: 4) }
        do { _ = try ETS.fit(y, specification: ETSSpecification(parsing: "ANN")); Issue.record("no error") } catch {
            guard case .nonFiniteValue(let index, _) = error else { Issue.record("\(error)"); return }
            #expect(index == 17)
            #expect(error.description.contains("index 17"))
        }
        y[17] = .infinity
        #expect(throws: ETSError.nonFiniteValue(index: 17, value: .infinity)) { try ETS.select(y, period: 4) }
    }

    @Test("too-short series: the message gives the numbers")
    func tooShort() throws {
        let y = Array(ETSFixture.y("UKgas").prefix(10))
        // ETS(A,A,A), m = 4: npars = 2 + 2 + 4 = 8, R needs n > 8 + 4 → 13.
        let error = ETSError.seriesTooShort(model: "ETS(A,A,A) with period 4", count: 10, required: 13)
        #expect(throws: error) { try ETS.fit(y, specification: ETSSpecification(parsing: "AAA", period: 4)) }
        #expect(error.description == "ETS(A,A,A) with period 4 needs at least 13 observations, the series has 10")
        #expect(throws: ETSError.self) { try ETS.select([], period: 1) }
        #expect(throws: ETSError.self) { try ETS.select([1, 2, 3], period: 1) }
        // Short seasonal data: selection falls back to the models the data allow.
        let s = try ETS.select(y, period: 4)
        #expect(s.best.specification.season == .none)
    }

    @Test("constant series: ETS(A,N,N), no NaN, flat forecasts with zero width")
    func constant() throws {
        let y = [Double](repeating: 5, count: 20)
        let s = try ETS.select(y, period: 4)
        let fit = s.best
        #expect(fit.specification.code == "ANN")
        #expect(fit.isConstantSeriesFit)
        #expect(fit.logLikelihood.isFinite && fit.aicc.isFinite && fit.sigma2 == 0)
        let fc = try fit.forecast(horizon: 4)
        #expect(fc.mean == [5, 5, 5, 5])
        #expect(fc.lower[1] == [5, 5, 5, 5] && fc.upper[1] == [5, 5, 5, 5])
        #expect(throws: ETSError.constantSeries(model: "ETS(A,A,N)", value: 5)) {
            try ETS.fit(y, specification: ETSSpecification(parsing: "AAN"))
        }
        // Short constant series get the constant fit too (R checks constancy before length); fewer than 3
        // values are refused with the requirement named.
        let short = try ETS.select([7, 7, 7, 7, 7], period: 4).best
        #expect(short.isConstantSeriesFit && short.specification.code == "ANN")
        #expect(try short.forecast(horizon: 2).mean == [7, 7])
        #expect(try ETS.select([7, 7, 7], period: 1).best.isConstantSeriesFit)
        #expect(throws: ETSError.selectionTooShort(pattern: "ZZZ", period: 1, count: 2, constant: true, required: 7,
                                                   smallestModel: "ETS(A,N,N)")) {
            try ETS.select([7, 7], period: 1)
        }
        // nearly constant: no crash, finite results
        var z = y
        z[7] = 5.000001
        let near = try ETS.select(z, period: 4).best
        #expect(near.logLikelihood.isFinite && !near.fitted.contains { $0.isNaN })
    }

    @Test("a series too short for every candidate: one error naming the fewest observations that fit, true at the boundary (was the first candidate's minimum, 3 or 7)")
    func selectionMinimumIsTheBoundary() throws {
        // Varying, positive, no exact fit: 100 + 3t + a wiggle of period 5.
        func varying(_ n: Int) -> [Double] {
            var y: [Double] = []
            for t in 0..<n { y.append(100 + 3 * Double(t) + Double((t * 7) % 5)) }
            return y
        }
        let cases: [(Int, String)] = [(1, "ZZZ"), (1, "ZAZ"), (1, "MZN"), (4, "ZZZ"), (4, "ZZA"), (4, "ZAdZ"),
                                      (12, "ZZZ"), (12, "ZZM"), (12, "AAA")]
        for (m, code) in cases {
            let pattern = try ETSModelPattern(parsing: code)
            let smallest = try #require(ETS.selectionMinimumObservations(period: m, pattern: pattern))
            let n = smallest.observations
            // Just too short: the error names this minimum and model.
            #expect(throws: ETSError.selectionTooShort(pattern: pattern.description, period: m, count: n - 1, constant: false,
                                                       required: n, smallestModel: smallest.model.description),
                    "m \(m) \(code)") { try ETS.select(varying(n - 1), period: m, pattern: pattern) }
            // Long enough: the smallest model is fitted (the only candidate of that length).
            let s = try ETS.select(varying(n), period: m, pattern: pattern)
            #expect(s.candidates.contains { $0.failure == nil }, "m \(m) \(code)")
            #expect(s.best.specification.minimumObservations <= n, "m \(m) \(code)")
            // A constant series: from 3 values on, whatever the pattern's minimum.
            #expect(throws: ETSError.selectionTooShort(pattern: pattern.description, period: m, count: 2, constant: true,
                                                       required: n, smallestModel: smallest.model.description)) {
                try ETS.select([5, 5], period: m, pattern: pattern)
            }
            #expect(try ETS.select([5, 5, 5], period: m, pattern: pattern).best.isConstantSeriesFit)
        }
        #expect(ETS.selectionMinimumObservations(period: 1)?.observations == 7)
        #expect(ETS.selectionMinimumObservations(period: 4, pattern: try ETSModelPattern(parsing: "ZZA"))?.observations == 11)
        #expect(ETS.selectionMinimumObservations(period: 12, pattern: try ETSModelPattern(parsing: "ZAZ"))?.observations == 9)
        // Models that need positive data are left out for data that is not: MZZ then has no candidate.
        #expect(ETS.selectionMinimumObservations(period: 1, pattern: try ETSModelPattern(parsing: "MZZ"), positiveData: false) == nil)
        let error = ETSError.selectionTooShort(pattern: "ZZZ", period: 4, count: 5, constant: false, required: 7,
                                               smallestModel: "ETS(A,N,N)")
        #expect(error.description == "automatic ETS selection needs at least 7 observations (the minimum of its smallest candidate, "
                + "ETS(A,N,N); 3 if every value is the same), the series has 5")
    }

    @Test("no model fitted: one line grouping the candidates by reason (was every candidate's full message, often the same six times)")
    func noModelFittedGroupsReasons() throws {
        // Period 52 is beyond seasonal ETS (m ≤ 24): every seasonal candidate fails for the same reason.
        var y: [Double] = []
        for t in 0..<120 { y.append(100 + Double(t) + 5 * sin(Double(t))) }
        do {
            _ = try ETS.select(y, period: 52, pattern: try ETSModelPattern(parsing: "ZZA"))
            Issue.record("expected a failure")
        } catch {
            guard case .noModelFitted(let pattern, let failures) = error else { Issue.record("\(error)"); return }
            #expect(pattern == "ZZA")
            #expect(failures.count == 6 && Set(failures.map(\.reason)).count == 1)
            #expect(error.description == "no ETS model could be fitted: all 6 candidates failed: seasonal models need 2 ≤ m ≤ 24 "
                    + "and n > m (m = 52, n = 120): ETS(A,N,A), ETS(A,Ad,A), ETS(A,A,A), ETS(M,N,A), ETS(M,Ad,A), ETS(M,A,A)")
        }
        // Several reasons: each once, with its models and their particulars.
        let failures = [ETSCandidateFailure(model: "ETS(M,N,N)", error: .startingValuesInfeasible(model: "ETS(M,N,N)")),
                        ETSCandidateFailure(model: "ETS(A,N,A)", error: .seriesTooShort(model: "ETS(A,N,A) with period 4", count: 9, required: 11)),
                        ETSCandidateFailure(model: "ETS(M,A,N)", error: .startingValuesInfeasible(model: "ETS(M,A,N)")),
                        ETSCandidateFailure(model: "ETS(A,A,A)", error: .seriesTooShort(model: "ETS(A,A,A) with period 4", count: 9, required: 13))]
        #expect(ETSError.noModelFitted(pattern: "ZZZ", failures: failures).description
                == "no ETS model could be fitted: all 4 candidates failed, for 2 reasons: the likelihood is not finite at the starting "
                + "values: ETS(M,N,N), ETS(M,A,N); too few observations (the series has 9): ETS(A,N,A) (needs 11), ETS(A,A,A) (needs 13)")
        #expect(ETSError.noModelFitted(pattern: "AMN", failures: []).description
                == "no ETS model could be fitted: no candidate model matches AMN for this series")
    }

    @Test("model strings parse as R writes them; bad ones are refused with a reason")
    func parsing() throws {
        let s = try ETSSpecification(parsing: "MAdM", period: 12)
        #expect(s.error == .multiplicative && s.trend == .additive && s.damped && s.season == .multiplicative && s.period == 12)
        #expect(s.description == "ETS(M,Ad,M)" && s.code == "MAdM")
        #expect(try ETSSpecification(parsing: "ANN").period == 1)
        let z = try ETSModelPattern(parsing: "ZZZ")
        #expect(z == .automatic)
        #expect(try ETSModelPattern(parsing: "AZdN").damped == true)
        for bad in ["", "AN", "NNN", "ANdN", "AXN", "AAAA", "ann"] {
            #expect(throws: ETSError.self, "\(bad)") { try ETSModelPattern(parsing: bad) }
        }
        #expect(throws: ETSError.self) { try ETSSpecification(parsing: "ZZZ") }
        #expect(throws: ETSError.self) { try ETSSpecification(parsing: "ANA", period: 1) }
        #expect(throws: ETSError.self) { try ETSSpecification(error: .none) }
    }

    @Test("fixed smoothing parameters: only the states are estimated; optimum ≥ R's (UKgas, AirPassengers)")
    func fixedSmoothing() throws {
        for name in ["UKgas", "AirPassengers"] {
            let checks = ETSFixture.series[name]!["fixed_parameter_checks"] as! [String: Any]
            for key in ["fixed_smoothing_MAM", "fixed_smoothing_AAA", "fixed_smoothing_MAdM"] {
                let entry = checks[key] as! [String: Any]
                let spec = ETSFixture.spec(entry, period: ETSFixture.period(name))
                let fixed = ETSFixedSmoothing(alpha: ETSFixture.double(entry["alpha"]), beta: ETSFixture.double(entry["beta"]),
                                              gamma: ETSFixture.double(entry["gamma"]), phi: ETSFixture.double(entry["phi"]))
                let fit = try ETS.fit(ETSFixture.y(name), specification: spec, fixed: fixed)
                let rLogLik = ETSFixture.double(entry["loglik"])!
                #expect(fit.logLikelihood >= rLogLik - 1e-6 * abs(rLogLik), "\(name) \(key)")
                #expect(fit.parameters.smoothingLevel == fixed.alpha)
                // R counts only the estimated states in k: AIC − lik = 2k.
                let rK = (ETSFixture.double(entry["aic"])! - ETSFixture.double(entry["lik_minus2loglik"])!) / 2
                #expect(Double(fit.parameterCount) == rK, "\(name) \(key) k")
            }
        }
    }

    @Test("evaluate refuses parameters that do not match the specification")
    func mismatchedParameters() throws {
        let y = ETSFixture.y("UKgas")
        let aan = try ETSSpecification(parsing: "AAN")
        #expect(throws: ETSError.self) {
            try ETS.evaluate(y, specification: aan, parameters: ETSParameters(smoothingLevel: 0.3, initialLevel: 100))
        }
        #expect(throws: ETSError.parameterOutOfRange(name: "α", value: .infinity, constraint: "must be finite")) {
            try ETS.evaluate(y, specification: ETSSpecification(parsing: "ANN"),
                             parameters: ETSParameters(smoothingLevel: .infinity, initialLevel: 100))
        }
        let ana = try ETSSpecification(parsing: "ANA", period: 4)
        #expect(throws: ETSError.self) {
            try ETS.evaluate(y, specification: ana, parameters: ETSParameters(smoothingLevel: 0.3, smoothingSeasonal: 0.1,
                                                                              initialLevel: 100, initialSeasonal: [1, 2]))
        }
    }
}
