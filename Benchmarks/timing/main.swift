// Quick local timing check (not part of the test suite): Benchmarks/timing/run.sh.
// Times are process CPU time (the build machine is shared), per fit, with full inference read.
import Foundation
import PaceRegression

func now() -> Double { var ts = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 }

var rng = SystemRandomNumberGenerator()
func normal() -> Double {
    let u = Double.random(in: 1e-12..<1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
}

func bench(n: Int, k: Int, reps: Int, cov: CovarianceType = .classical, estimatesOnly: Bool = false) throws {
    let cols = (0..<(k - 1)).map { _ in (0..<n).map { _ in normal() } }
    let y = (0..<n).map { i in cols.indices.reduce(1.0) { $0 + Double($1 + 1) * cols[$1][i] } + normal() }
    let model = RegressionModel(response: y, regressors: cols, names: (1..<k).map { "x\($0)" })
    var sink = 0.0
    let t0 = now()
    for _ in 0..<reps {
        if estimatesOnly { sink += try model.fitEstimates()[0] } else {
            let f = try model.fit(covariance: cov)
            sink += f.coefficients[1].p + f.rSquared + f.fPValue + f.aic + f.durbinWatson + f.jarqueBera.pValue
        }
    }
    let dt = (now() - t0) / Double(reps)
    print("n=\(n) k=\(k) cov=\(cov) estimatesOnly=\(estimatesOnly): \(String(format: "%.3g", dt * 1e6)) µs per fit (sink \(sink.isFinite))")
}

func benchDesign(n: Int, k: Int, reps: Int) throws {
    let cols = (0..<(k - 1)).map { _ in (0..<n).map { _ in normal() } }
    let y = (0..<n).map { i in cols.indices.reduce(1.0) { $0 + Double($1 + 1) * cols[$1][i] } + normal() }
    let design = try RegressionDesign(regressors: cols, names: (1..<k).map { "x\($0)" })
    var sink = 0.0
    let t0 = now()
    for _ in 0..<reps {
        let f = try design.fit(response: y)
        sink += f.coefficients[1].p + f.rSquared + f.fPValue + f.aic + f.durbinWatson + f.jarqueBera.pValue
    }
    print("prepared design n=\(n) k=\(k): \(String(format: "%.3g", (now() - t0) / Double(reps) * 1e6)) µs per fit (\(sink.isFinite))")
}

try benchDesign(n: 40, k: 6, reps: 20000)
try bench(n: 40, k: 6, reps: 20000)
try bench(n: 40, k: 6, reps: 20000, estimatesOnly: true)
try bench(n: 40, k: 6, reps: 20000, cov: .hc3)
try bench(n: 1_000_000, k: 10, reps: 3)
try bench(n: 1_000_000, k: 10, reps: 2, cov: .hac(maxLags: 4, smallSampleCorrection: false))
