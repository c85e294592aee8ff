import Benchmark
import Foundation
import PaceForecast

/// The work of ../shared/bench/hp_peers.py: the two-sided HP filter, λ = 1600, on a random walk.
func filterBenchmarks() {
    for n in [1_000, 10_000, 100_000, 1_000_000] {
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

/// The work of ../shared/bench/ets_peers.py on M3 yearly: automatic ETS (`ETS.select`, one thread) on the training part
/// of all 645 series (../shared/datasets/m3/m3_yearly.csv, or $PACE_SHARED/datasets/m3/m3_yearly.csv; skipped when
/// absent). Benchmarks/ETSBenchmark adds the accuracy and the two-thread batch.
func m3Benchmarks() {
    let shared = ProcessInfo.processInfo.environment["PACE_SHARED"] ?? "../shared"
    let path = shared + "/datasets/m3/m3_yearly.csv"
    nonisolated(unsafe) var series: [[Double]] = []
    Benchmark("ETS: automatic selection, M3 yearly, 645 series (x1)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 20,
                                   setup: { series = m3TrainingSeries(path) })) { benchmark in
        for y in series { blackHole(try? ETS.select(y, period: 1)) }
    }
}

/// The `train` values of each series of an M3-format file (series_id,t,value,split), in file order; empty when the
/// file cannot be read.
func m3TrainingSeries(_ path: String) -> [[Double]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var order: [String] = []
    var values: [String: [Double]] = [:]
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        guard f.count >= 4, f[3] == "train", let v = Double(f[2]) else { continue }
        let id = String(f[0])
        if values[id] == nil { order.append(id) }
        values[id, default: []].append(v)
    }
    return order.map { values[$0]! }
}
