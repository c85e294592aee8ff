import Benchmark
import PaceRegression

/// The work of ../shared/bench/ols_peers.py: a quarterly trend + seasonal sized problem
/// (n 40, k 6 with the constant) with full inference, and n 1,000,000, k 10.
func regressionBenchmarks() {
    func design(n: Int, k: Int, seed: UInt64) -> (y: [Double], columns: [[Double]], names: [String]) {
        var random = BenchmarkRandom(seed: seed)
        let columns = (0..<(k - 1)).map { _ in (0..<n).map { _ in random.normal() } }
        let beta = (0..<k).map { _ in random.normal() }
        var y = [Double](repeating: beta[0], count: n)
        for j in 0..<(k - 1) { for i in 0..<n { y[i] += beta[j + 1] * columns[j][i] } }
        for i in 0..<n { y[i] += random.normal() }
        return (y, columns, (1..<k).map { "x\($0)" })
    }

    let small = design(n: 40, k: 6, seed: 7)
    // 1,000 fits per iteration; the README divides by 1,000.
    Benchmark("Regression: OLS n=40 k=6 full inference (x1000)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))) { benchmark in
        for _ in 0..<1000 {
            let model = RegressionModel(response: small.y, regressors: small.columns, names: small.names)
            let fit = try model.fit()
            // Everything `pace regress` reports.
            for c in fit.coefficients { blackHole(c.t); blackHole(c.p) }
            blackHole(try fit.confidenceIntervals(level: 0.95))
            blackHole(fit.rSquared); blackHole(fit.adjustedRSquared); blackHole(fit.fPValue)
            blackHole(fit.logLikelihood); blackHole(fit.aic); blackHole(fit.bic)
            blackHole(fit.durbinWatson); blackHole(fit.jarqueBera); blackHole(fit.conditionNumber)
        }
    }

    nonisolated(unsafe) var large: (y: [Double], columns: [[Double]], names: [String])?
    Benchmark("Regression: OLS n=1000000 k=10 (x1)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10),
                                   maxIterations: 10,
                                   setup: { large = design(n: 1_000_000, k: 10, seed: 11) },
                                   teardown: { large = nil })) { benchmark in
        let data = large!
        let fit = try RegressionModel(response: data.y, regressors: data.columns, names: data.names).fit()
        blackHole(fit.coefficients.map(\.p))
        blackHole(fit.rSquared)
    }
}
