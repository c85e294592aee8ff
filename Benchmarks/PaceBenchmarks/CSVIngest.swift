import Benchmark
import PaceData

/// The work of ../shared/bench/csv_peers.py: read the national panel (2.17 M rows, ~75 MB) and
/// parse its value column to doubles.
func csvBenchmarks() {
    Benchmark("CSV: read national panel + parse values (x1)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10),
                                   maxIterations: 20)) { benchmark in
        guard panelExists else { return }
        blackHole(try CSVDocument.benchmarkReadColumn(path: panelPath))
    }
}
