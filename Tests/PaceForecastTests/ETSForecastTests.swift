import Foundation
import Testing
@testable import PaceForecast

/// Forecast means and intervals at R's parameters, against R forecast 8.20
/// (Tests/Fixtures/forecast/ets_r_forecast.json, `fixed_specs.*.forecast`, h = 8 quarterly / 18 monthly).
@Suite("ETS forecasts")
struct ETSForecastTests {
    static func fitAtR(_ name: String, _ code: String) throws -> (ETSFit, [String: Any]) {
        let entry = (ETSFixture.series[name]!["fixed_specs"] as! [String: Any])[code] as! [String: Any]
        let spec = ETSFixture.spec(entry, period: ETSFixture.period(name))
        let fit = try ETS.evaluate(ETSFixture.y(name), specification: spec,
                                   parameters: ETSFixture.parameters(entry, spec: spec))
        return (fit, entry["forecast"] as! [String: Any])
    }

    static func bands(_ f: [String: Any], _ key: String) -> [[Double]] {
        let b = f[key] as! [String: Any]
        return [ETSFixture.doubles(b["80"]), ETSFixture.doubles(b["95"])]
    }

    @Test("classes 1–3 match R's means, variances and 80/95% intervals (1e-9 relative)",
          arguments: ETSFixture.seriesNames)
    func analyticalMatchesR(series name: String) throws {
        for code in ["ANN", "AAN", "AAdN", "AAA", "AAdA", "MNN", "MAN", "MAA", "MAM", "MNM"] {
            let (fit, f) = try Self.fitAtR(name, code)
            #expect(abs(fit.sigma2 - ETSFixture.double((ETSFixture.series[name]!["fixed_specs"] as! [String: Any])[code].flatMap { ($0 as! [String: Any])["sigma2"] })!) < 1e-9 * fit.sigma2)
            let h = (f["h"] as! NSNumber).intValue
            let fc = try fit.forecast(horizon: h, levels: [80, 95])
            #expect(fc.method == .analytical(forecastClass: f["interval_method"] as! String == "class1" ? 1 : (f["interval_method"] as! String == "class2" ? 2 : 3)))
            #expect(maxRelativeError(fc.mean, ETSFixture.doubles(f["mean"])) < 1e-9, "\(name) \(code) mean")
            #expect(maxRelativeError(fc.variance!, ETSFixture.doubles(f["variance"])) < 1e-9, "\(name) \(code) variance")
            let lower = Self.bands(f, "lower"), upper = Self.bands(f, "upper")
            let scale = ETSFixture.doubles(f["mean"]).map(abs).max()!
            for i in 0..<2 {
                #expect(maxRelativeError(fc.lower[i], lower[i], floor: scale) < 1e-9, "\(name) \(code) lower \(i)")
                #expect(maxRelativeError(fc.upper[i], upper[i], floor: scale) < 1e-9, "\(name) \(code) upper \(i)")
            }
            // Point forecasts: Hyndman et al. (2008) values given by the file (R's C routine has a damped-sum bug).
            #expect(maxRelativeError(fc.pointForecast, ETSFixture.doubles(f["point_forecast_theory"]), floor: scale) < 1e-9,
                    "\(name) \(code) point forecast")
        }
    }

    @Test("ETS(A,N,A) and ETS(M,N,A) variances follow the textbook (the file's upstream-fixed values), not 8.20",
          arguments: ETSFixture.seriesNames)
    func seasonalNoTrendTextbook(series name: String) throws {
        for code in ["ANA", "MNA"] {
            let (fit, f) = try Self.fitAtR(name, code)
            let fc = try fit.forecast(horizon: (f["h"] as! NSNumber).intValue)
            let scale = ETSFixture.doubles(f["mean"]).map(abs).max()!
            #expect(maxRelativeError(fc.mean, ETSFixture.doubles(f["mean"])) < 1e-9, "\(name) \(code) mean")
            #expect(maxRelativeError(fc.variance!, ETSFixture.doubles(f["variance_upstream_fixed"])) < 1e-9,
                    "\(name) \(code) variance")
            let lower = Self.bands(f, "lower_upstream_fixed"), upper = Self.bands(f, "upper_upstream_fixed")
            for i in 0..<2 {
                #expect(maxRelativeError(fc.lower[i], lower[i], floor: scale) < 1e-9, "\(name) \(code) lower")
                #expect(maxRelativeError(fc.upper[i], upper[i], floor: scale) < 1e-9, "\(name) \(code) upper")
            }
            // and they are not 8.20's values (the documented departure; small when γ is small)
            #expect(maxRelativeError(fc.variance!, ETSFixture.doubles(f["variance"])) > 1e-12)
        }
    }

    @Test("ETS(M,Ad,M): means follow the textbook damped point forecast (8.20 damps one step late)",
          arguments: ETSFixture.seriesNames)
    func dampedMultiplicativeSeasonTextbook(series name: String) throws {
        let (fit, f) = try Self.fitAtR(name, "MAdM")
        let h = (f["h"] as! NSNumber).intValue
        let m = ETSFixture.period(name)
        let fc = try fit.forecast(horizon: h)
        let theory = ETSFixture.doubles(f["point_forecast_theory"])
        #expect(maxRelativeError(fc.pointForecast, theory) < 1e-9, "\(name) point")
        // For h ≤ m the class-3 mean has no σ² terms and equals the point forecast.
        #expect(maxRelativeError(Array(fc.mean.prefix(m)), Array(theory.prefix(m))) < 1e-9, "\(name) mean")
        #expect(relativeError(fc.mean[0], ETSFixture.doubles(f["mean"])[0]) > 1e-6)  // differs from 8.20
    }

    @Test("intervals are nested around the mean; widths grow for a random walk")
    func nesting() throws {
        for name in ETSFixture.seriesNames {
            for code in ETSFixture.specCodes {
                let (fit, f) = try Self.fitAtR(name, code)
                let fc = try fit.forecast(horizon: (f["h"] as! NSNumber).intValue, levels: [50, 80, 95, 99])
                for h in 0..<fc.horizon {
                    for i in 1..<4 {
                        #expect(fc.lower[i][h] < fc.lower[i - 1][h] && fc.upper[i][h] > fc.upper[i - 1][h])
                    }
                    #expect(fc.lower[0][h] < fc.mean[h] && fc.mean[h] < fc.upper[0][h])
                }
            }
        }
    }

    @Test("simulated quantiles converge to the analytical intervals (ETS(A,A,N), 20 000 paths, 2%)")
    func simulationConverges() throws {
        let (fit, _) = try Self.fitAtR("realgdp", "AAN")
        let fc = try fit.forecast(horizon: 8, levels: [80, 95])
        let paths = fit.samplePaths(horizon: 8, count: 20_000, seed: 7)
        for h in 0..<8 {
            var column = (0..<paths.count).map { paths.values[$0 * 8 + h] }
            column.sort()
            let half = (fc.upper[1][h] - fc.lower[1][h]) / 2
            // quantile error of 20 000 draws ≈ 0.6% of the half-width at 2.5%: 2% tolerance.
            #expect(abs(ETSFit.quantileType8(sorted: column, 0.025) - fc.lower[1][h]) < 0.02 * half)
            #expect(abs(ETSFit.quantileType8(sorted: column, 0.975) - fc.upper[1][h]) < 0.02 * half)
            #expect(abs(ETSFit.quantileType8(sorted: column, 0.1) - fc.lower[0][h]) < 0.02 * half)
        }
    }

    @Test("class-3 textbook variance for ETS(M,Ad,M) agrees with simulation (30 000 paths, 3%)")
    func classThreeDampedBySimulation() throws {
        let (fit, _) = try Self.fitAtR("UKgas", "MAdM")
        let fc = try fit.forecast(horizon: 8)
        let paths = fit.samplePaths(horizon: 8, count: 30_000, seed: 11)
        for h in 0..<8 {
            let column = (0..<paths.count).map { paths.values[$0 * 8 + h] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count - 1)
            #expect(abs(mean - fc.mean[h]) < 0.01 * fc.mean[h], "h=\(h + 1) mean \(mean) vs \(fc.mean[h])")
            #expect(abs(variance - fc.variance![h]) < 0.03 * fc.variance![h], "h=\(h + 1) var \(variance) vs \(fc.variance![h])")
        }
    }

    @Test("models without an analytical class are simulated: AAM, seeded and reproducible")
    func simulatedModels() throws {
        let y = ETSFixture.y("UKgas")
        let fit = try ETS.fit(y, specification: ETSSpecification(parsing: "AAM", period: 4))
        #expect(fit.forecastClass == nil)
        let a = try fit.forecast(horizon: 6, simulationPaths: 2000, seed: 3)
        let b = try fit.forecast(horizon: 6, simulationPaths: 2000, seed: 3)
        #expect(a.lower == b.lower && a.upper == b.upper)
        #expect(a.method == .simulation(paths: 2000, seed: 3))
        #expect(a.mean == fit.pointForecasts(horizon: 6))
        for h in 0..<6 { #expect(a.lower[1][h] < a.lower[0][h] && a.upper[0][h] < a.upper[1][h]) }
    }

    @Test("sample paths: same seed → same bits; different seed → different paths")
    func pathsDeterministic() throws {
        let (fit, _) = try Self.fitAtR("UKgas", "MAM")
        let a = fit.samplePaths(horizon: 5, count: 10, seed: 99)
        let b = fit.samplePaths(horizon: 5, count: 10, seed: 99)
        let c = fit.samplePaths(horizon: 5, count: 10, seed: 100)
        #expect(a.values == b.values)
        #expect(a.values != c.values)
        #expect(a.path(3).count == 5)
    }

    @Test("xoshiro256** seeded by splitmix64 matches a reference implementation; normals are sane")
    func generator() {
        // Reference: the published xoshiro256** and splitmix64 algorithms evaluated in Python (big ints), seed 42.
        var rng = ETSRandom(seed: 42)
        #expect(rng.next() == 1_546_998_764_402_558_742)
        #expect(rng.next() == 6_990_951_692_964_543_102)
        #expect(rng.next() == 12_544_586_762_248_559_009)
        var g = ETSRandom(seed: 1)
        var s = 0.0, s2 = 0.0
        let n = 200_000
        for _ in 0..<n { let z = g.normal(); s += z; s2 += z * z }
        #expect(abs(s / Double(n)) < 0.01)  // sd of the mean ≈ 0.0022
        #expect(abs(s2 / Double(n) - 1) < 0.015)  // sd ≈ 0.0032
        for x in [1e-300, 0.1, 0.5, 1, 1.5, 2, 10, 12345.678, 1e300] {
            #expect(abs(ETSRandom.portableLog(x) - log(x)) <= 4e-16 * max(1, abs(log(x))), "\(x)")
        }
    }

    @Test("forecast arguments are validated")
    func arguments() throws {
        let (fit, _) = try Self.fitAtR("UKgas", "ANN")
        #expect(throws: ETSError.self) { try fit.forecast(horizon: 0) }
        #expect(throws: ETSError.self) { try fit.forecast(horizon: 3, levels: [100]) }
        #expect(throws: ETSError.self) { try fit.forecast(horizon: 3, levels: [-5]) }
    }
}
