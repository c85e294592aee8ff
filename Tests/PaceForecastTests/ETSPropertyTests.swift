import PropertyBased
import Testing
@testable import PaceForecast

/// Properties of automatic ETS on generated series of every awkward shape a bureau's data can take:
/// trending and seasonal, random walks crossing zero, zeros, near-constant and constant series, one
/// outlier, alternating jumps, magnitudes from 10⁻⁹ to 10¹², lengths from 1 to 48, periods 1, 4 and 12.
/// No reference numbers here: the reference agreement is in ETSSelectionTests/ETSOptimumM3Tests; these
/// check what must hold for any input — either a refusal with a reason (``ETSError``) or a fit whose
/// numbers are finite and consistent.

/// A series of `count` values of one of seven shapes (`kind`), scaled by 10^`exponent`, driven by `noise` (in −1…1).
private func series(kind: Int, count: Int, exponent: Int, noise: [Double], period: Int) -> [Double] {
    let scale = pow10(exponent)
    var y = [Double](repeating: 0, count: count)
    var walk = 0.0
    for t in 0..<count {
        let e = noise[t % noise.count]
        let season = period > 1 ? 0.3 * Double((t % period) - period / 2) / Double(period) : 0
        switch kind {
        case 0: y[t] = scale * (1 + 0.02 * Double(t)) * (1 + season) * (1 + 0.1 * e)  // positive, trend and season
        case 1: walk += e; y[t] = scale * walk                                          // random walk through zero
        case 2: y[t] = e > 0.6 ? 0 : scale * (2 + e + season)                            // zeros among positives
        case 3: y[t] = scale * (1 + 1e-12 * e)                                           // constant up to rounding
        case 4: y[t] = t == count / 2 ? scale * 7 : scale                                // constant but one outlier
        case 5: y[t] = scale * (t % 2 == 0 ? 1 + e : -(1 + e))                           // alternating signs
        default: y[t] = scale                                                            // exactly constant
        }
    }
    return y
}

private func pow10(_ k: Int) -> Double {
    var x = 1.0
    for _ in 0..<abs(k) { x *= 10 }
    return k < 0 ? 1 / x : x
}

private let kinds = Gen.int(in: 0...6)
private let counts = Gen.int(in: 1...48)
private let exponents = Gen.int(in: -9...12)
/// Mostly ordinary magnitudes, sometimes near and beyond what the likelihood's squares can hold.
private let wideExponents = Gen.frequency((4, Gen.int(in: -9...12)), (1, Gen.int(in: -170...170)))
private let noises = Gen.double(in: -1...1).array(of: 48)
private let periods = Gen.int(in: 0...2)

@Suite("ETS: properties on generated series")
struct ETSPropertyTests {
    @Test("automatic selection refuses with a reason, or gives the lowest-AICc candidate with finite numbers, a consistent decomposition and nested intervals")
    func selectionIsSoundOrRefused() async {
        await propertyCheck(count: 300, input: kinds, counts, wideExponents, noises, periods) { kind, count, exponent, noise, p in
            let m = [1, 4, 12][p]
            let y = series(kind: kind, count: count, exponent: exponent, noise: noise, period: m)
            let context = "kind \(kind), n \(count), 1e\(exponent), m \(m)"
            let selection: ETSSelection
            do throws(ETSError) {
                selection = try ETS.select(y, period: m)
            } catch {
                // A refusal carries a message (the CLI prints it as it is); magnitudes the likelihood cannot
                // square are refused as such.
                #expect(!error.description.isEmpty, "\(context)")
                if let i = y.firstIndex(where: { $0 != 0 && !ETS.magnitudeRange.contains(abs($0)) }) {
                    #expect(error == .valueOutOfRange(index: i, value: y[i]), "\(context): \(error)")
                }
                return
            }
            #expect(y.allSatisfy { $0 == 0 || ETS.magnitudeRange.contains(abs($0)) }, "\(context): accepted")
            let best = selection.best
            let spec = best.specification
            // Multiplicative components only on strictly positive data.
            if spec.error == .multiplicative || spec.trend == .multiplicative || spec.season == .multiplicative {
                #expect(y.allSatisfy { $0 > 0 }, "\(context): \(spec) on data with a value ≤ 0")
            }
            #expect(best.count == y.count, "\(context)")
            #expect(best.logLikelihood.isFinite && best.aic.isFinite && best.bic.isFinite,
                    "\(context): \(spec) loglik \(best.logLikelihood) AIC \(best.aic)")
            // AICc is +∞ exactly where its correction is undefined (n − k − 1 ≤ 0: a constant series of 3 or 4 values).
            let k = best.parameterCount
            #expect(best.aicc.isFinite == (y.count - k - 1 > 0) && !best.aicc.isNaN, "\(context): AICc \(best.aicc), k \(k)")
            #expect(best.sigma2.isFinite && best.sigma2 >= 0, "\(context): σ² \(best.sigma2)")
            // The chosen model is the candidate with the lowest criterion (ties: the same value).
            let fitted = selection.candidates.compactMap(\.aicc)
            if !best.isConstantSeriesFit {
                #expect(!fitted.isEmpty, "\(context)")
                #expect(fitted.allSatisfy { best.aicc <= $0 }, "\(context): best \(best.aicc), candidates \(fitted)")
            }
            // Smoothing parameters inside [0, 1], φ inside (0, 1].
            let q = best.parameters
            #expect(q.alpha >= 0 && q.alpha <= 1, "\(context): α \(q.alpha)")
            if let b = q.beta { #expect(b >= 0 && b <= q.alpha + 1e-12, "\(context): β \(b) α \(q.alpha)") }
            if let g = q.gamma { #expect(g >= 0 && g <= 1 - q.alpha + 1e-12, "\(context): γ \(g) α \(q.alpha)") }
            if let phi = q.phi { #expect(phi > 0 && phi <= 1, "\(context): φ \(phi)") }
            // Fitted values and residuals rebuild the data: y = ŷ + e (A error) or ŷ(1 + e) (M error).
            for t in 0..<y.count {
                let rebuilt = spec.error == .additive ? best.fitted[t] + best.residuals[t]
                    : best.fitted[t] * (1 + best.residuals[t])
                let tolerance = 1e-9 * max(abs(y[t]), abs(best.fitted[t]), pow10(exponent) * 1e-3)
                #expect(abs(rebuilt - y[t]) <= tolerance, "\(context): t \(t) y \(y[t]) rebuilt \(rebuilt)")
                if abs(rebuilt - y[t]) > tolerance { break }
            }
            // Forecasts: finite means; intervals nest (95% around 80%) wherever they are defined.
            let h = max(2 * m, 6)
            let forecast: ETSForecast
            do throws(ETSError) {
                forecast = try best.forecast(horizon: h, simulationPaths: 400, seed: 7)
            } catch {
                Issue.record("\(context): forecast refused: \(error)")
                return
            }
            #expect(forecast.mean.count == h && forecast.pointForecast.allSatisfy(\.isFinite), "\(context)")
            for j in 0..<h {
                let lo80 = forecast.lower[0][j], hi80 = forecast.upper[0][j]
                let lo95 = forecast.lower[1][j], hi95 = forecast.upper[1][j]
                if lo80.isNaN { continue }  // every simulated path invalid (negative multiplicative trend)
                #expect(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95,
                        "\(context): \(spec) h \(j + 1): \(lo95) \(lo80) \(hi80) \(hi95)")
            }
            // A constant series: flat forecast at the constant, zero width.
            if best.isConstantSeriesFit {
                #expect(forecast.pointForecast.allSatisfy { $0 == y[0] }, "\(context)")
                #expect(forecast.lower[1].allSatisfy { $0 == y[0] } && forecast.upper[1].allSatisfy { $0 == y[0] }, "\(context)")
            }
        }
    }

    @Test("an explicit fit never ends worse than the likelihood at R's starting values, and evaluate() at its optimum reproduces it")
    func fitImprovesOnItsStart() async {
        let specs = ["ANN", "AAN", "AAdN", "MNN", "MAN", "MAdN", "ANA", "AAA", "MNM", "MAM", "MNA", "MAdM"]
        await propertyCheck(count: 120, input: Gen.int(in: 0...(specs.count - 1)), Gen.int(in: 13...40), exponents, noises) { s, count, exponent, noise in
            let m = specs[s].hasSuffix("N") ? 1 : 4
            let y = series(kind: 0, count: count, exponent: exponent, noise: noise, period: m)
            let spec = try! ETSSpecification(parsing: specs[s], period: m)
            let context = "\(specs[s]), n \(count), 1e\(exponent)"
            let fit: ETSFit
            do throws(ETSError) { fit = try ETS.fit(y, specification: spec) } catch {
                // Positive trending data of 13+ values: only too-short seasonal models may be refused.
                guard case .seriesTooShort = error else {
                    Issue.record("\(context): \(error)")
                    return
                }
                return
            }
            let objective = ETSObjective(y: y, spec: spec, bounds: .standard, fixed: .none)
            let start = objective.start(y, bounds: .standard)
            let startValue = start.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
            // R's objective lik = −2·loglik; the optimum's lik is at most the start's.
            let optimumValue = -2 * fit.logLikelihood
            if startValue.isFinite {
                #expect(optimumValue <= startValue + 1e-9 * abs(startValue), "\(context): optimum \(optimumValue) start \(startValue)")
            }
            let again = try! ETS.evaluate(y, specification: spec, parameters: fit.parameters)
            #expect(abs(again.logLikelihood - fit.logLikelihood) <= 1e-9 * abs(fit.logLikelihood), "\(context)")
        }
    }
}
