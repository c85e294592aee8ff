import Benchmark

let benchmarks: @Sendable () -> Void = {
    distributionBenchmarks()
    regressionBenchmarks()
    csvBenchmarks()
    filterBenchmarks()
    seriesModelBenchmarks()
    m3Benchmarks()
}
