import Testing
@testable import PaceForecast

/// `ETS.fit` with an explicit specification on a constant series. The reference is the series itself: a model that
/// reproduces a constant exactly has every error zero, so σ² = 0 and its predictive distribution is a point mass at
/// the constant (mean = lower = upper = c at every horizon); and automatic selection's answer for a constant series,
/// which the explicit level-only specifications must match.
@Suite("ETS.fit of a constant series")
struct ETSConstantSpecificationTests {
    @Test("ETS(A,N,N) and ETS(M,N,N) fit a constant of 3–7 values exactly, as automatic selection does (was: ANN needed 7)",
          arguments: [3, 4, 5, 6, 7, 12])
    func levelOnlyModels(_ n: Int) throws {
        let c = 5.0
        let y = [Double](repeating: c, count: n)
        let auto = try ETS.select(y, period: 4).best
        for code in ["ANN", "MNN"] {
            let fit = try ETS.fit(y, specification: ETSSpecification(parsing: code, period: 4))
            #expect(fit.specification.code == code)
            #expect(fit.isConstantSeriesFit && fit.sigma2 == 0, "\(code) n \(n)")
            // The same parameters and states as automatic selection's constant fit.
            #expect(fit.parameters.smoothingLevel == auto.parameters.smoothingLevel)
            #expect(fit.parameters.initialLevel == c)
            let f = try fit.forecast(horizon: 5, levels: [80, 95])
            let g = try auto.forecast(horizon: 5, levels: [80, 95])
            #expect(f.mean == [Double](repeating: c, count: 5), "\(code) n \(n): \(f.mean)")
            #expect(f.lower == [[Double]](repeating: f.mean, count: 2) && f.upper == f.lower, "\(code) n \(n)")
            #expect(f.mean == g.mean && f.lower == g.lower && f.upper == g.upper)
            // Year-to-date sums of the levels: the constant cumulated, zero width (MNN's are simulated with σ = 0).
            let plan = CumulationPlan(lastYearToDate: 2 * c, lastPosition: 2, periodsPerYear: 4, horizon: 4)
            let cum = try fit.cumulativeForecast(plan, levels: [95], simulationPaths: 200, seed: 1)
            #expect(cum.mean == [3 * c, 4 * c, c, 2 * c] && cum.lower[0] == cum.mean && cum.upper[0] == cum.mean, "\(code)")
        }
    }

    @Test("models with a trend or a season are refused on a constant series whatever its length (β, γ, φ would be arbitrary)")
    func otherModelsRefused() throws {
        for n in [3, 5, 9, 20] {
            let y = [Double](repeating: 5, count: n)
            for code in ["AAN", "AAdN", "MAN", "ANA", "MNM"] {
                let spec = try ETSSpecification(parsing: code, period: 4)
                #expect(throws: ETSError.constantSeries(model: spec.description, value: 5), "\(code) n \(n)") {
                    try ETS.fit(y, specification: spec)
                }
            }
        }
    }

    @Test("too short: two equal values name the constant minimum 3; a varying or a non-level model its own minimum")
    func tooShort() throws {
        let ann = try ETSSpecification(parsing: "ANN")
        #expect(throws: ETSError.seriesTooShort(model: "ETS(A,N,N) of a constant series", count: 2, required: 3)) {
            try ETS.fit([5, 5], specification: ann)
        }
        #expect(throws: ETSError.seriesTooShort(model: "ETS(M,N,N) of a constant series", count: 1, required: 3)) {
            try ETS.fit([5], specification: ETSSpecification(parsing: "MNN"))
        }
        #expect(throws: ETSError.seriesTooShort(model: "ETS(A,A,N)", count: 2, required: 9)) {
            try ETS.fit([5, 5], specification: ETSSpecification(parsing: "AAN"))
        }
        // Non-constant short series keep R's minimum n > npars + 4 (7 for ETS(A,N,N)).
        for n in 3...6 {
            let y = (0..<n).map { 5 + Double($0 % 2) }
            #expect(throws: ETSError.seriesTooShort(model: "ETS(A,N,N)", count: n, required: 7)) {
                try ETS.fit(y, specification: ann)
            }
        }
        // ETS(M,N,N) on a constant ≤ 0 is refused for its sign, before anything else.
        #expect(throws: ETSError.nonPositiveValue(model: "ETS(M,N,N)", index: 0, value: -2)) {
            try ETS.fit([-2, -2, -2, -2], specification: ETSSpecification(parsing: "MNN"))
        }
        // A constant series of zeros under ETS(A,N,N): the constant fit too.
        #expect(try ETS.fit([0, 0, 0], specification: ann).isConstantSeriesFit)
    }
}
