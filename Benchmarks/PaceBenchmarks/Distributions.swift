import Benchmark
import PaceStatistics

/// p-values are computed for every coefficient of every regression: keep them cheap.
func distributionBenchmarks() {
    Benchmark("Statistics: Student t two-sided p-value (df 34)",
              configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo)) { benchmark in
        let d = StudentT(degreesOfFreedom: 34)
        for i in benchmark.scaledIterations {
            blackHole(d.twoSidedPValue(Double(i % 50) * 0.1))
        }
    }
}
