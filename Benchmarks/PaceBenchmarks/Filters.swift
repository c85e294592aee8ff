import Benchmark
import PaceForecast

/// The work of ../shared/bench/hp_peers.py: the two-sided HP filter, λ = 1600, on a random walk.
func filterBenchmarks() {
    for n in [1_000, 100_000, 1_000_000] {
        nonisolated(unsafe) var y: [Double] = []
        Benchmark("HP filter: two-sided lambda 1600 n=\(n) (x1)",
                  configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3),
                                       setup: {
                                           var random = BenchmarkRandom(seed: 3)
                                           var level = 0.0
                                           y = (0..<n).map { _ in level += random.normal(); return level }
                                       })) { benchmark in
            blackHole(try HPFilter.trend(y, lambda: 1600))
        }
    }
}

/// ETS and STL on one quarterly series the size of UKgas (108 points): per-series costs that
/// multiply by the number of regions × indicators in a batch.
func seriesModelBenchmarks() {
    var random = BenchmarkRandom(seed: 5)
    let seasonal = [1.25, 0.75, 0.45, 1.05]
    var level = 150.0
    let y: [Double] = (0..<108).map { t in
        level *= 1.015
        return level * seasonal[t % 4] * (1 + 0.05 * random.normal())
    }
    Benchmark("ETS: fit ETS(M,A,M) on 108 quarters (x1)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        blackHole(try ETS.fit(y, specification: try ETSSpecification(parsing: "MAM", period: 4)))
    }
    Benchmark("ETS: automatic selection (ZZZ) on 108 quarters (x1)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        blackHole(try ETS.select(y, period: 4))
    }
    Benchmark("STL: robust, period 4, 108 quarters (x1)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        blackHole(try STL(period: 4, robust: true).decompose(y))
    }
}
