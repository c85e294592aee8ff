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

    @Test("non-seasonal models: every point of the usual region is admissible, so the objective's shortcut loses nothing")
    func nonseasonalUsualRegionAdmissible() {
        // The shortcut (ETSObjective.admissibleByBounds) skips R's admissibility test where α, β, φ ∈ [0, 1] and β ≤ α;
        // here the test itself is run on a grid over that region, its corners included.
        let grid = [0.0, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.98, 0.9999, 1]
        var work = [Double](repeating: 0, count: 8)
        var checked = 0
        for alpha in grid {
            for beta in grid where beta <= alpha {
                for phi in grid {
                    for hasTrend in [false, true] {
                        #expect(ETSAdmissibility.isAdmissible(alpha: alpha, beta: hasTrend ? beta : 0, gamma: nil, phi: phi,
                                                              hasTrend: hasTrend, m: 1, work: &work), "\(alpha) \(beta) \(phi)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 2 * 9 * 45)
        // The shortcut applies to the standard bounds of non-seasonal models only.
        for (code, period, expected) in [("ANN", 1, true), ("AAdN", 1, true), ("MAN", 1, true), ("AAA", 4, false)] {
            let spec = try! ETSSpecification(parsing: code, period: period)
            #expect(ETSObjective(y: ETSFixture.y("UKgas"), spec: spec, bounds: .standard, fixed: .none).admissibleByBounds == expected)
        }
        // A fixed φ outside [0, 1] (admissible only by R's test, which refuses it) turns the shortcut off.
        let damped = try! ETSSpecification(parsing: "AAdN")
        #expect(!ETSObjective(y: ETSFixture.y("UKgas"), spec: damped, bounds: .standard,
                              fixed: ETSFixedSmoothing(phi: 1.2)).admissibleByBounds)
    }

    @Test("seasonal models without trend: all of Q's roots are inside the unit circle for 0 ≤ α ≤ 1, 0 < γ < 2 − α, so the usual region is admissible and the objective skips the test")
    func trendlessSeasonalUsualRegionAdmissible() {
        // The theorem in ETSAdmissibility (Q(z) = z^m + α(z^{m−1} + … + z) + α + γ − 1): checked on random points
        // of the region, its corners and γ up to (2 − α)(1 − 10⁻⁶), for several periods; just beyond γ = 2 − α some
        // root is outside (the bound is sharp, so this check can fail). R's full rule (isAdmissible) agrees inside.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func uniform(_ lo: Double, _ hi: Double) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return lo + (hi - lo) * Double(state >> 11) * 0x1p-53
        }
        func q(_ alpha: Double, _ gamma: Double, _ m: Int) -> [Double] {
            [alpha + gamma - 1] + [Double](repeating: alpha, count: m - 1) + [1]
        }
        func inside(_ c: [Double], radius: Double) -> Bool {
            var a = c, scratch = c
            return a.withUnsafeMutableBufferPointer { ap in
                scratch.withUnsafeMutableBufferPointer { sp in
                    ETSAdmissibility.allRootsInDisk(ap.baseAddress!, degree: c.count - 1, radius: radius, scratch: sp.baseAddress!)
                }
            }
        }
        var checked = 0
        for m in [2, 3, 4, 5, 7, 12, 24, 52] {
            var points: [(Double, Double)] = [(0, 1e-4), (0, 1.9), (1, 1e-4), (1, 0.999), (1e-4, 1e-4), (0.9999, 1e-4), (0.5, 0.5)]
            for _ in 0..<400 {
                let alpha = uniform(0, 1)
                let gamma = [uniform(1e-4, 1 - alpha), uniform(0, 2 - alpha), (2 - alpha) * (1 - 1e-6), uniform(1e-8, 1e-4)][checked % 4]
                points.append((alpha, gamma))
                checked += 1
            }
            var work = [Double](repeating: 0, count: 2 * (m + 2))
            for (alpha, gamma) in points where gamma > 0 {
                #expect(inside(q(alpha, gamma, m), radius: 1), "m \(m) α \(alpha) γ \(gamma)")
                #expect(ETSAdmissibility.isAdmissible(alpha: alpha, beta: 0, gamma: gamma, phi: 1, hasTrend: false, m: m, work: &work),
                        "m \(m) α \(alpha) γ \(gamma)")
                let beyond = (2 - alpha) * 1.01
                #expect(!inside(q(alpha, beyond, m), radius: 1), "m \(m) α \(alpha) γ \(beyond)")
            }
        }
        #expect(checked == 8 * 400)
        // The shortcut: seasonal models without trend in the usual region, with or without the caps; not when γ may
        // be 0 (roots on the circle) or a fixed pair has γ > 1 − α; never for trended seasonal models.
        let y = ETSFixture.y("UKgas")
        for code in ["ANA", "MNA", "MNM"] {
            let spec = try! ETSSpecification(parsing: code, period: 4)
            #expect(ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none).admissibleByBounds, "\(code)")
            #expect(ETSObjective(y: y, spec: spec, bounds: .capped, fixed: .none).admissibleByBounds, "\(code)")
            #expect(ETSObjective(y: y, spec: spec, bounds: .standard, fixed: ETSFixedSmoothing(gamma: 0.2)).admissibleByBounds)
            #expect(ETSObjective(y: y, spec: spec, bounds: .standard, fixed: ETSFixedSmoothing(alpha: 0.3, gamma: 0.6)).admissibleByBounds)
            #expect(!ETSObjective(y: y, spec: spec, bounds: .standard, fixed: ETSFixedSmoothing(gamma: 0)).admissibleByBounds)
            #expect(!ETSObjective(y: y, spec: spec, bounds: .standard, fixed: ETSFixedSmoothing(alpha: 0.6, gamma: 0.5)).admissibleByBounds)
            let zeroFloor = ETSBounds(lower: (1e-4, 1e-4, 0, 0.8), upper: ETSBounds.standard.upper)
            #expect(!ETSObjective(y: y, spec: spec, bounds: zeroFloor, fixed: .none).admissibleByBounds, "\(code)")
        }
        for code in ["AAA", "MAdM", "MAM"] {
            let spec = try! ETSSpecification(parsing: code, period: 4)
            #expect(!ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none).admissibleByBounds, "\(code)")
        }
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

    /// Coefficients (increasing powers) of Π(z − rₖ) over real roots and conjugate pairs ρe^{±iθ}.
    static func polynomial(real: [Double], pairs: [(modulus: Double, angle: Double)]) -> [Double] {
        var p: [Double] = [1]
        func times(_ q: [Double]) {
            var out = [Double](repeating: 0, count: p.count + q.count - 1)
            for (i, a) in p.enumerated() { for (j, b) in q.enumerated() { out[i + j] += a * b } }
            p = out
        }
        for r in real { times([-r, 1]) }
        for (rho, theta) in pairs { times([rho * rho, -2 * rho * cos(theta), 1]) }
        return p
    }

    @Test("Schur–Cohn root test at degree 13 (m = 12): roots placed by construction, inside, outside, near the radius")
    func schurCohnDegree13() {
        let pairs: [(modulus: Double, angle: Double)] = [(0.97, 0.3), (0.9, 1.1), (0.8, 2.0), (0.95, 2.8), (0.6, 0.7)]
        var scratch = [Double](repeating: 0, count: 14)
        // 13 roots of modulus ≤ 0.99: inside the unit disk.
        var a = Self.polynomial(real: [0.99, -0.5, 0.2], pairs: pairs)
        #expect(a.count == 14 && ETSAdmissibility.allRootsInDisk(&a, degree: 13, radius: 1, scratch: &scratch))
        // One real root at 1.01, or one conjugate pair at modulus 1.02: outside.
        a = Self.polynomial(real: [1.01, -0.5, 0.2], pairs: pairs)
        #expect(!ETSAdmissibility.allRootsInDisk(&a, degree: 13, radius: 1, scratch: &scratch))
        a = Self.polynomial(real: [0.99, -0.5, 0.2], pairs: pairs.dropLast() + [(1.02, 0.7)])
        #expect(!ETSAdmissibility.allRootsInDisk(&a, degree: 13, radius: 1, scratch: &scratch))
        // Root at −(1 + 10⁻⁶): outside radius 1, inside radius 1 + 10⁻⁵ (the radius scaling is applied).
        a = Self.polynomial(real: [-(1 + 1e-6), -0.5, 0.2], pairs: pairs)
        var b = a
        #expect(!ETSAdmissibility.allRootsInDisk(&a, degree: 13, radius: 1, scratch: &scratch))
        #expect(ETSAdmissibility.allRootsInDisk(&b, degree: 13, radius: 1 + 1e-5, scratch: &scratch))
        // Large scale (leading coefficient 2⁴⁰): the test is scale-invariant.
        a = Self.polynomial(real: [0.99, -0.5, 0.2], pairs: pairs).map { $0 * 0x1p40 }
        #expect(ETSAdmissibility.allRootsInDisk(&a, degree: 13, radius: 1, scratch: &scratch))
    }

    @Test("cutoff: exact value below it, ≥ cutoff above it; Nelder–Mead iterates unchanged",
          arguments: ["ANN", "AAdN", "AAA", "AAdA", "ANA", "MAM"])
    func cutoff(code: String) {
        let y = ETSFixture.y("UKgas")
        let spec = try! ETSSpecification(parsing: code, period: 4)
        let objective = ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none)
        let start = objective.start(y, bounds: .standard)
        let exact = start.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
        #expect(exact.isFinite)
        for cutoff in [exact - 50, exact - 1e-9, exact + 1e-9, exact + 50, -1e10, 1e35] {
            let v = start.withUnsafeBufferPointer { objective.value($0.baseAddress!, cutoff: cutoff) }
            if exact < cutoff { #expect(v == exact, "\(code) \(cutoff)") } else { #expect(v >= cutoff, "\(code) \(cutoff)") }
        }
        // The same search with and without cutoffs: bit-identical optimum and evaluation count.
        var nm = NelderMead()
        nm.relativeTolerance = 1e-7
        let steps = [Double](repeating: 0.05, count: start.count).enumerated().map { $0.offset < objective.smoothingCount ? $0.element : 1 }
        let with = nm.minimize(start: start, steps: steps) { objective.value($0, cutoff: $1) }!
        let without = nm.minimize(start: start, steps: steps) { x, _ in objective.value(x) }!
        #expect(with.x.map(\.bitPattern) == without.x.map(\.bitPattern) && with.value.bitPattern == without.value.bitPattern)
        #expect(with.evaluations == without.evaluations && with.status == without.status)
    }

    @Test("admissibility is tested after the recursion: an inadmissible point within the bounds is +∞ without a cutoff, and obeys the cutoff's contract with one",
          arguments: ["AAdA", "MAdM", "AAN", "MAdN"])
    func admissibilityAfterRecursion(code: String) {
        let y = ETSFixture.y("UKgas")
        let spec = try! ETSSpecification(parsing: code, period: 4)
        // Seasonal damped models: R's usual bounds, points drawn from the corner α → 1, β → α, φ small, where
        // the usual region holds inadmissible points. Non-seasonal models: α and β up to 1.99 (the bounds then no
        // longer imply admissibility, so the test runs), where β > (1 + φ)(2 − α) is inadmissible.
        let wide = ETSBounds(lower: ETSBounds.standard.lower, upper: (1.99, 1.99, 0.9999, 0.98))
        let bounds = spec.hasSeason ? ETSBounds.standard : wide
        let objective = ETSObjective(y: y, spec: spec, bounds: bounds, fixed: .none)
        #expect(!objective.admissibleByBounds)
        let start = objective.start(y, bounds: bounds)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform(_ lo: Double, _ hi: Double) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return lo + (hi - lo) * Double(state >> 11) * 0x1p-53
        }
        var inadmissible = 0, admissible = 0
        for _ in 0..<2000 {
            var x = start
            let alpha = spec.hasSeason ? uniform(0.95, 0.9999) : uniform(1e-4, 1.99)
            x[objective.iAlpha] = alpha
            if objective.iBeta >= 0 { x[objective.iBeta] = spec.hasSeason ? uniform(0.9 * alpha, alpha) : uniform(1e-4, alpha) }
            if objective.iGamma >= 0 { x[objective.iGamma] = uniform(1e-4, 1 - alpha) }
            if objective.iPhi >= 0 { x[objective.iPhi] = spec.hasSeason ? uniform(0.8, 0.9) : uniform(0.8, 0.98) }
            let p = x.withUnsafeBufferPointer { objective.smoothing($0.baseAddress!) }
            var work = [Double](repeating: 0, count: 2 * (spec.period + 3))
            let isAdmissible = ETSAdmissibility.isAdmissible(alpha: p.alpha, beta: p.beta,
                                                             gamma: spec.hasSeason ? p.gamma : nil, phi: p.phi,
                                                             hasTrend: spec.hasTrend, m: spec.period, work: &work)
            let exact = x.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
            if !isAdmissible {
                inadmissible += 1
                #expect(exact == .infinity, "\(code) \(x)")
                // Any value ≥ the cutoff may come back (the caller rejects the point either way), never one below.
                for cutoff in [-1e10, 0, 500, 1e35, .infinity] {
                    let v = x.withUnsafeBufferPointer { objective.value($0.baseAddress!, cutoff: cutoff) }
                    #expect(v >= cutoff, "\(code) \(x) \(cutoff)")
                }
            } else if exact.isFinite {
                admissible += 1
                for cutoff in [exact - 1, exact + 1e-9, .infinity] {
                    let v = x.withUnsafeBufferPointer { objective.value($0.baseAddress!, cutoff: cutoff) }
                    if exact < cutoff { #expect(v == exact, "\(code) \(x)") } else { #expect(v >= cutoff, "\(code) \(x)") }
                }
            }
        }
        // Both kinds of point occur (otherwise the test proves nothing).
        #expect(inadmissible >= 20 && admissible >= 20, "\(code): \(inadmissible) inadmissible, \(admissible) admissible")
    }

    @Test("Nelder–Mead: the SIMD path for n ≤ 8 repeats the general loop bit for bit (values, points, counts, status)")
    func smallSimplexMatchesGeneral() throws {
        // Rosenbrock-like valleys with an infeasible half-space (+∞, as the ETS bounds give) and the cutoff contract
        // honoured loosely (+∞ above the cutoff), in 1…8 dimensions, from several starts and tolerances.
        func valley(_ x: UnsafePointer<Double>, _ n: Int, _ cutoff: Double) -> Double {
            if x[0] < -0.5 { return .infinity }
            let a: Double = x[0] - 0.3
            var v: Double = a * a
            var i = 1
            while i < n {
                let d: Double = x[i] - x[i - 1] * x[i - 1]
                let w: Double = 0.01 * Double(i)
                v += 10 * d * d + w * x[i] * x[i]
                i += 1
            }
            return v < cutoff ? v : .infinity
        }
        var checked = 0
        for n in 1...8 {
            for (k, tolerance) in [1e-7, 1.490116119384765625e-08, 1e-12].enumerated() {
                var nm = NelderMead()
                nm.relativeTolerance = tolerance
                nm.maxEvaluations = k == 2 ? 300 : 2000  // the last one stops at the cap
                var start: [Double] = []
                var spread: [Double] = []
                for i in 0..<n {
                    let offset: Double = 0.1 * Double((i * 7 + k) % 5)
                    start.append(0.2 + offset - 0.15 * Double(i % 2))
                    spread.append(i == 0 ? 0 : 0.05 * Double(i))
                }
                let common = [Double](repeating: 0.1 * Double(k + 1), count: n)
                for steps in [common, spread] {
                    let general = nm.minimizeGeneral(start: start, steps: steps) { valley($0, n, $1) }
                    let small = n <= 4
                        ? nm.minimizeSmall(SIMD4<Double>.self, start: start, steps: steps) { valley($0, n, $1) }
                        : nm.minimizeSmall(SIMD8<Double>.self, start: start, steps: steps) { valley($0, n, $1) }
                    let g = try #require(general), s = try #require(small)
                    let gx: [UInt64] = g.x.map { $0.bitPattern }, sx: [UInt64] = s.x.map { $0.bitPattern }
                    #expect(gx == sx, "n \(n) tol \(tolerance)")
                    #expect(g.value.bitPattern == s.value.bitPattern && g.evaluations == s.evaluations && g.status == s.status,
                            "n \(n) tol \(tolerance): \(g.value) \(s.value) \(g.evaluations) \(s.evaluations) \(g.status) \(s.status)")
                    checked += 1
                }
            }
        }
        #expect(checked == 48)
        // An infeasible start: both refuse.
        let nm = NelderMead()
        #expect(nm.minimizeGeneral(start: [-1, 0], steps: [0.1, 0.1]) { valley($0, 2, $1) } == nil)
        #expect(nm.minimizeSmall(SIMD4<Double>.self, start: [-1, 0], steps: [0.1, 0.1]) { valley($0, 2, $1) } == nil)
    }

    @Test("screening tolerance nil: 1e-7 for a non-seasonal search, 1e-5 with seasonal candidates")
    func defaultScreeningRule() throws {
        let yearly = ETSFixture.y("realgdp")
        #expect(ETSBatchTests.signature(try ETS.select(yearly, period: 1))
            == ETSBatchTests.signature(try ETS.select(yearly, period: 1, screeningTolerance: ETS.screeningToleranceNonseasonal)))
        #expect(ETSBatchTests.signature(try ETS.select(yearly, period: 1))
            != ETSBatchTests.signature(try ETS.select(yearly, period: 1, screeningTolerance: ETS.screeningToleranceSeasonal)))
        let quarterly = ETSFixture.y("UKgas")
        #expect(ETSBatchTests.signature(try ETS.select(quarterly, period: 4))
            == ETSBatchTests.signature(try ETS.select(quarterly, period: 4, screeningTolerance: ETS.screeningToleranceSeasonal)))
        #expect(ETSBatchTests.signature(try ETS.select(quarterly, period: 4))
            != ETSBatchTests.signature(try ETS.select(quarterly, period: 4, screeningTolerance: ETS.screeningToleranceNonseasonal)))
    }
}
