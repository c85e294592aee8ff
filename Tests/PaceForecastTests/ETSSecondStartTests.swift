import Foundation
import Testing
@testable import PaceForecast

/// The second start of automatic selection (mirrored α, ``ETS/mirroredSmoothingStart(_:objective:)``) and its
/// window (`secondStartMargin`). Data: Tests/Fixtures/forecast/m3_yearly_sample.csv (two M3 yearly series, see
/// SOURCE.md there) and the R reference series.
@Suite("ETS selection: second start")
struct ETSSecondStartTests {
    /// Training part of an M3 series from the sample fixture.
    static func m3Train(_ id: String) -> [Double] {
        let url = ETSFixture.root.appendingPathComponent("Tests/Fixtures/forecast/m3_yearly_sample.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line -> Double? in
            let f = line.split(separator: ",")
            return f[0] == id && f[3] == "train" ? Double(f[2]) : nil
        }
    }

    @Test("mirrored start: α₀′ = u₁ − (α₀ − l₁), β₀ and γ₀ by R's rule at α₀′ within the caps; states as R's")
    func mirroredStartValues() throws {
        let y = ETSFixture.y("AirPassengers")
        for (code, m) in [("AAN", 1), ("AAdN", 1), ("MNN", 1), ("AAA", 4), ("MAM", 12), ("MAdM", 12), ("ANA", 12)] {
            let spec = try ETSSpecification(parsing: code, period: m)
            for bounds in [ETSBounds.capped, .standard] {
                let o = ETSObjective(y: y, spec: spec, bounds: bounds, fixed: .none)
                let start = o.start(y, bounds: bounds)
                var x = start
                ETS.mirroredSmoothingStart(&x, objective: o)
                let alpha = 0.9999 - (ETSSelectionTests.startingAlpha(spec) - 1e-4)
                #expect(abs(x[o.iAlpha] - alpha) < 1e-15, "\(code) \(bounds.region)")
                if o.iBeta >= 0 {
                    #expect(abs(x[o.iBeta] - (1e-4 + 0.1 * (min(o.upper.beta, alpha) - 1e-4))) < 1e-15)
                    #expect(x[o.iBeta] <= min(alpha, o.upper.beta))
                }
                if o.iGamma >= 0 {
                    #expect(abs(x[o.iGamma] - (1e-4 + 0.05 * (min(o.upper.gamma, 1 - alpha) - 1e-4))) < 1e-15)
                    #expect(x[o.iGamma] <= 1 - alpha)
                }
                if o.iPhi >= 0 { #expect(x[o.iPhi] == start[o.iPhi]) }
                #expect(Array(x[o.iLevel...]) == Array(start[o.iLevel...]), "initial states unchanged")
                // The start is feasible (finite objective) for every model, seasonal monthly ones included.
                #expect(x.withUnsafeBufferPointer { o.value($0.baseAddress!) }.isFinite, "\(code) m=\(m) \(bounds.region)")
            }
        }
    }

    @Test("bimodal likelihood in α (M3 N0010, N0063): the second start finds the α ≈ 1 optimum R's start misses",
          arguments: [("N0010", "AAN"), ("N0063", "MAN")])
    func secondStartFindsOtherMode(series id: String, model code: String) throws {
        let y = Self.m3Train(id)
        #expect(y.count == 14)  // M3 yearly: 20 values, the last 6 are the test part
        let single = try ETS.select(y, period: 1, secondStartMargin: -.infinity)
        let both = try ETS.select(y, period: 1)
        let a = single.candidates.first { $0.specification.code == code }!
        let b = both.candidates.first { $0.specification.code == code }!
        // A higher likelihood (by more than 0.5 log-likelihood units here) at the other end of α's range.
        #expect(b.logLikelihood! > a.logLikelihood! + 0.5, "\(id) \(code): \(b.logLikelihood!) vs \(a.logLikelihood!)")
        #expect(b.evaluations > a.evaluations)
        // R's single start (what the selection without a second start ran) stays in the small-α mode; ETS.fit,
        // which also runs from the mirrored start, reaches the α ≈ 1 mode as the selection's second start does.
        let spec = try ETSSpecification(parsing: code)
        let fromRStart = try ETS.estimateVector(y, spec: spec, bounds: .capped, fixed: .none).fit
        #expect(fromRStart.parameters.alpha < 0.5)
        #expect(fromRStart.logLikelihood < b.logLikelihood! - 0.5)
        let refit = try ETS.fit(y, specification: ETSSpecification(parsing: code), bounds: .capped)
        #expect(refit.parameters.alpha > 0.5)
        #expect(refit.logLikelihood >= b.logLikelihood! - 1e-9 * abs(b.logLikelihood!))
    }

    @Test("window: -∞ = one start for every candidate, +∞ = two for every candidate; default only close ones")
    func window() throws {
        for name in ["realgdp", "UKgas"] {
            let y = ETSFixture.y(name)
            let m = ETSFixture.period(name)
            let off = try ETS.select(y, period: m, secondStartMargin: -.infinity)
            let all = try ETS.select(y, period: m, secondStartMargin: .infinity)
            let def = try ETS.select(y, period: m)
            #expect(def.candidates.count == off.candidates.count)
            for i in off.candidates.indices where off.candidates[i].failure == nil {
                // Every candidate gets more evaluations with the second start.
                #expect(all.candidates[i].evaluations > off.candidates[i].evaluations, "\(name) \(off.candidates[i].specification)")
                #expect(def.candidates[i].evaluations >= off.candidates[i].evaluations)
            }
            // Candidates far from the best (more than 2 above it with either setting) are untouched by the default.
            for i in off.candidates.indices where off.candidates[i].failure == nil
                && off.candidates[i].aicc! > off.best.aicc + 10 && def.candidates[i].aicc! > def.best.aicc + 10 {
                #expect(def.candidates[i].aicc == off.candidates[i].aicc)
                #expect(def.candidates[i].evaluations == off.candidates[i].evaluations)
            }
            // The chosen fit of the default is never worse than the single start's by more than polishing noise
            // would allow: with the same chosen model its likelihood is at least as high.
            if def.best.specification == off.best.specification {
                #expect(def.best.logLikelihood >= off.best.logLikelihood - 1e-6 * abs(off.best.logLikelihood))
            }
        }
    }

    @Test("selectBatch passes the window on: equal to select with the same secondStartMargin")
    func batchPassesWindow() throws {
        let series = [ETSFixture.y("realgdp"), Self.m3Train("N0010"), Self.m3Train("N0063")]
        for margin in [-Double.infinity, 2] {
            let batch = ETS.selectBatch(series, period: 1, secondStartMargin: margin, threads: 2).map(ETSBatchTests.signature)
            for (i, y) in series.enumerated() {
                let direct: Result<ETSSelection, ETSError>
                do { direct = .success(try ETS.select(y, period: 1, secondStartMargin: margin)) } catch { direct = .failure(error) }
                #expect(ETSBatchTests.signature(direct) == batch[i], "series \(i), margin \(margin)")
            }
        }
    }
}
