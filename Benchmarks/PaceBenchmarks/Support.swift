import Foundation

/// Deterministic pseudo-random normals (splitmix64 + Box–Muller) so every run fits the same data.
struct BenchmarkRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

/// The national panel written by ../shared/bench/gen_panel.py (Benchmarks/compare.sh makes it).
let panelDirectory = ProcessInfo.processInfo.environment["PACE_PANEL_DIR"] ?? "/tmp/pace-bench"
let panelPath = panelDirectory + "/panel.csv"
let targetsPath = panelDirectory + "/targets.csv"
var panelExists: Bool { FileManager.default.fileExists(atPath: panelPath) }
