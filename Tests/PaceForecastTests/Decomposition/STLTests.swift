import Foundation
import Testing
@testable import PaceForecast

/// |a − b| ≤ tol · max(|b|, floor) for every element.
private func close(_ a: [Double], _ b: [Double], _ tol: Double, floor: Double = 0) -> Bool {
    FilterFixtures.maxRelativeDifference(a, b, floor: floor) <= tol
}

private func quarterly(_ n: Int) -> [Double] {
    let pattern: [Double] = [6, -2, -7, 3]
    return (0..<n).map { i -> Double in
        let t = Double(i)
        return 50 + 0.4 * t + pattern[i % 4] + sin(t * 1.7)
    }
}

/// An STL specification from a statsmodels configuration dictionary.
private func spec(_ cfg: [String: Any], robust: Bool, inner: Int, outer: Int,
                  transform: SeriesTransform = .none) -> STL {
    func int(_ key: String) -> Int { cfg[key] as! Int }
    return STL(period: int("period"), seasonalWindow: int("seasonal"), seasonalDegree: int("seasonal_deg"),
               trendWindow: int("trend"), trendDegree: int("trend_deg"), lowPassWindow: int("low_pass"),
               lowPassDegree: int("low_pass_deg"), seasonalJump: int("seasonal_jump"),
               trendJump: int("trend_jump"), lowPassJump: int("low_pass_jump"), robust: robust,
               innerIterations: inner, outerIterations: outer, transform: transform)
}

@Suite("STL decomposition")
struct STLTests {
    // MARK: edge cases

    @Test("a series shorter than two seasons is refused")
    func tooShort() {
        #expect(throws: FilterError.tooShort(method: "STL", count: 7, minimum: 8,
                                             reason: "two full seasons of period 4")) {
            try STL(period: 4).decompose(quarterly(7))
        }
        #expect(throws: FilterError.self) { try STL(period: 4).decompose([]) }
        #expect(throws: FilterError.self) { try STL(period: 12).decompose(quarterly(23)) }
    }

    @Test("NaN and infinity are refused naming the index")
    func nonFinite() {
        for bad in [Double.nan, .infinity] {
            var y = quarterly(20)
            y[13] = bad
            #expect(throws: FilterError.nonFinite(index: 13, value: bad)) { try STL(period: 4).decompose(y) }
        }
    }

    @Test("log STL refuses non-positive data naming the index and value")
    func logNonPositive() {
        var y = quarterly(20)
        y[9] = -1.5
        #expect(throws: FilterError.nonPositive(index: 9, value: -1.5, method: "the log transform")) {
            try STL(period: 4, transform: .log).decompose(y)
        }
    }

    @Test("invalid settings are refused with the parameter named")
    func invalidSettings() {
        let y = quarterly(40)
        let bad: [(STL, String)] = [
            (STL(period: 1), "period"), (STL(period: 4, seasonalWindow: 8), "seasonalWindow"),
            (STL(period: 4, seasonalWindow: 1), "seasonalWindow"), (STL(period: 4, trendWindow: 10), "trendWindow"),
            (STL(period: 4, trendWindow: 3), "trendWindow"), (STL(period: 4, lowPassWindow: 3), "lowPassWindow"),
            (STL(period: 4, seasonalDegree: 2), "seasonalDegree"), (STL(period: 4, trendDegree: -1), "trendDegree"),
            (STL(period: 4, trendJump: 0), "trendJump"), (STL(period: 4, innerIterations: 0), "innerIterations"),
            (STL(period: 4, robust: true, outerIterations: -1), "outerIterations"),
        ]
        for (spec, name) in bad {
            do {
                _ = try spec.decompose(y)
                Issue.record("\(name): expected an error")
            } catch let FilterError.invalidParameter(parameter, _, _) {
                #expect(parameter == name)
            } catch {
                Issue.record("\(name): unexpected \(error)")
            }
        }
    }

    @Test("a constant series has a constant trend, zero seasonal and zero remainder")
    func constant() throws {
        let d = try STL(period: 4, robust: true).decompose([Double](repeating: 7, count: 24))
        // Loess reproduces constants; rounding leaves ~1e-14.
        #expect(d.trend.allSatisfy { abs($0 - 7) < 1e-12 })
        #expect(d.seasonal.allSatisfy { abs($0) < 1e-12 })
        #expect(d.remainder.allSatisfy { abs($0) < 1e-12 })
    }

    @Test("default windows and iterations follow statsmodels")
    func defaults() {
        // statsmodels 0.15 STL: trend 9 / low_pass 5 for period 4 (as in the reference file's
        // config), 23 / 13 for period 12 with seasonal 7.
        #expect(STL(period: 4).resolvedTrendWindow == 9 && STL(period: 4).resolvedLowPassWindow == 5)
        #expect(STL(period: 12).resolvedTrendWindow == 23 && STL(period: 12).resolvedLowPassWindow == 13)
        #expect(STL(period: 7).resolvedLowPassWindow == 9)
        #expect(STL(period: 4).resolvedInnerIterations == 5 && STL(period: 4).resolvedOuterIterations == 0)
        #expect(STL(period: 4, robust: true).resolvedInnerIterations == 2)
        #expect(STL(period: 4, robust: true).resolvedOuterIterations == 15)
    }

    // MARK: reference

    @Test("statsmodels STL, period 4, robust and non-robust (1e-9)", arguments: ["UKgas__log", "unadjusted__none"])
    func reference(key: String) throws {
        // Reference: Tests/Fixtures/forecast/stl_period4_robust.json (statsmodels 0.15).
        let json = try FilterFixtures.json("stl_period4_robust.json")
        let r = (json["results"] as! [String: Any])[key] as! [String: Any]
        let config = r["config"] as! [String: Any]
        let x = FilterFixtures.doubles(r["x"])
        let scale = x.map(abs).max()!
        let explicit = spec(config, robust: true, inner: r["inner_iter"] as! Int, outer: r["outer_iter"] as! Int)
        // The explicit configuration is the default one.
        #expect(explicit == STL(period: 4, robust: true).with(explicitWindows: true))
        let d = try STL(period: 4, robust: true).decompose(x)
        // Measured: trend ≤ 8e-14, seasonal ≤ 2.4e-11, weights ≤ 1.1e-10 relative.
        #expect(close(d.trend, FilterFixtures.doubles(r["trend"]), 1e-9))
        #expect(close(d.seasonal, FilterFixtures.doubles(r["seasonal"]), 1e-9))
        #expect(close(d.weights!, FilterFixtures.doubles(r["robustness_weights"]), 1e-9))
        // The remainder can be ~1e-13 where a point has weight 0: compare on the scale of x.
        #expect(close(d.remainder, FilterFixtures.doubles(r["resid"]), 1e-9, floor: scale))

        let nr = r["nonrobust_inner5"] as! [String: Any]
        let e = try STL(period: 4).decompose(x)
        #expect(close(e.trend, FilterFixtures.doubles(nr["trend"]), 1e-9))
        #expect(close(e.seasonal, FilterFixtures.doubles(nr["seasonal"]), 1e-9))
        #expect(close(e.remainder, FilterFixtures.doubles(nr["resid"]), 1e-9, floor: scale))
        #expect(e.weights! == [Double](repeating: 1, count: x.count))
    }

    @Test("log STL of the raw UKgas series equals the reference computed on log values")
    func logTransform() throws {
        // Reference: stl_period4_robust.json, UKgas__log (x = log of uk_gas_quarterly.csv).
        let json = try FilterFixtures.json("stl_period4_robust.json")
        let r = (json["results"] as! [String: Any])["UKgas__log"] as! [String: Any]
        let raw = try FilterFixtures.csvSeries("uk_gas_quarterly.csv", series: "UKgas")
        let d = try STL(period: 4, robust: true, transform: .log).decompose(raw)
        #expect(d.transform == .log)
        #expect(close(d.trend, FilterFixtures.doubles(r["trend"]), 1e-9))
        #expect(close(d.seasonal, FilterFixtures.doubles(r["seasonal"]), 1e-9))
        let adjusted = d.seasonallyAdjusted(raw)
        for i in raw.indices { #expect(abs(adjusted[i] - raw[i] / exp(d.seasonal[i])) <= 1e-12 * raw[i]) }
    }

    @Test("statsmodels STL with jumps, degree 0, windows longer than the series (1e-9)",
          arguments: ["air_log_jumps", "air_deg0", "gas_long_windows"])
    func extraConfigurations(name: String) throws {
        // Reference: Tests/Fixtures/forecast/decomposition_statsmodels.json, computed with
        // statsmodels 0.15 by make_decomposition_references.py in the same directory.
        let json = try FilterFixtures.json("decomposition_statsmodels.json")
        let c = (json["stl"] as! [[String: Any]]).first { $0["name"] as! String == name }!
        let cfg = c["config"] as! [String: Any]
        let file = c["series"] as! String == "air" ? ("air_passengers_monthly.csv", "AirPassengers")
                                                   : ("uk_gas_quarterly.csv", "UKgas")
        let raw = try FilterFixtures.csvSeries(file.0, series: file.1)
        let isLog = c["log"] as! Bool
        let stl = spec(cfg, robust: cfg["robust"] as! Bool, inner: c["inner_iter"] as! Int,
                       outer: c["outer_iter"] as! Int, transform: isLog ? .log : .none)
        let d = try stl.decompose(raw)
        let scale = raw.map { isLog ? log($0) : $0 }.map(abs).max()!
        #expect(close(d.trend, FilterFixtures.doubles(c["trend"]), 1e-9))
        #expect(close(d.seasonal, FilterFixtures.doubles(c["seasonal"]), 1e-9, floor: 1e-6 * scale))
        #expect(close(d.remainder, FilterFixtures.doubles(c["resid"]), 1e-9, floor: scale))
        #expect(close(d.weights!, FilterFixtures.doubles(c["weights"]), 1e-9))
    }

    // MARK: invariants

    @Test("trend + seasonal + remainder reproduces y; weights lie in [0, 1]")
    func additivity() throws {
        var y = quarterly(60)
        y[17] += 40   // an outlier
        for robust in [false, true] {
            let d = try STL(period: 4, robust: robust).decompose(y)
            for i in y.indices { #expect(abs(d.trend[i] + d.seasonal[i] + d.remainder[i] - y[i]) <= 2 * y[i].ulp) }
            #expect(d.weights!.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(d.definedRange == 0..<60)
        }
        // The robust fit gives the outlier a small weight.
        #expect(try STL(period: 4, robust: true).decompose(y).weights![17] < 0.1)
    }

    @Test("one huge outlier: the additive components dwarf the data and cancel (flagged where the value can no longer be read back); logs and ratios are not flagged")
    func cancellingComponents() throws {
        // 30 quarterly values near 100, one 1e300 (as statsmodels, the components are then ~1e285…1e299).
        var y = quarterly(30).map { $0 + 50 }
        y[13] = 1e300
        let decompositions = [try STL(period: 4, robust: true).decompose(y), try STL(period: 4).decompose(y),
                              try ClassicalDecomposition(period: 4).decompose(y)]
        for d in decompositions {
            let flagged = d.cancellingIndices(of: y)
            #expect(flagged.count >= 25 && !flagged.contains(13), "\(d.method) \(flagged)")
            // True where it says so: at a flagged period with both trend and remainder defined, trend + seasonal +
            // remainder misses the value by at least half of it (it rounds to 0 or to a multiple of the components'
            // ulp); at the outlier it is the value.
            for t in flagged where d.trend[t].isFinite && d.remainder[t].isFinite {
                #expect(abs(d.trend[t] + d.seasonal[t] + d.remainder[t] - y[t]) >= 0.5 * abs(y[t]), "\(d.method) \(t)")
            }
            #expect(abs(d.trend[13] + d.seasonal[13] + d.remainder[13] - y[13]) <= 1e-10 * y[13])
        }
        // On logs and as ratios the outlier stays local: nothing is flagged.
        #expect(try STL(period: 4, robust: true, transform: .log).decompose(y).cancellingIndices(of: y).isEmpty)
        #expect(try ClassicalDecomposition(period: 4, model: .multiplicative).decompose(y).cancellingIndices(of: y).isEmpty)
        // Ordinary data, also around zero (the scale is the median |value|, not each value): nothing.
        let plain = quarterly(30)
        #expect(try STL(period: 4, robust: true).decompose(plain).cancellingIndices(of: plain).isEmpty)
        let centred = plain.map { $0 - 60 }
        #expect(try STL(period: 4).decompose(centred).cancellingIndices(of: centred).isEmpty)
        #expect(try ClassicalDecomposition(period: 4).decompose(centred).cancellingIndices(of: centred).isEmpty)
    }
}

extension STL {
    /// The same specification with the default windows and iterations written out.
    func with(explicitWindows: Bool) -> STL {
        var s = self
        s.trendWindow = resolvedTrendWindow
        s.lowPassWindow = resolvedLowPassWindow
        s.innerIterations = resolvedInnerIterations
        s.outerIterations = resolvedOuterIterations
        return s
    }
}
