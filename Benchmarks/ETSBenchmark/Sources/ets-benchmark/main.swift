// usage: ets-benchmark M3_FILE.csv PERIOD [MAX_SERIES] [AGGREGATE]
// Fits automatic ETS (ETS.select, R's ets() rules) to each series' train part, forecasts the test
// horizon, prints JSON: mean sMAPE, mean MASE (definitions of shared/bench/ets_peers.py), the wall
// seconds and the process CPU seconds of the fitting and forecasting only (CSV parsing excluded).
// AGGREGATE k > 1 sums k consecutive values (e.g. monthly → quarterly with PERIOD 4) for a proxy set.
// Environment: ETS_THREADS=k uses ETS.selectBatch(threads: k) over all series (default: ETS.select
// one series at a time); ETS_POLISH_MARGIN, ETS_SCREENING_TOLERANCE, ETS_SECOND_START_MARGIN set the search-effort knobs;
// ETS_REGION=usual selects in R's usual region (ETSBounds.standard) instead of the default ETSBounds.capped;
// ETS_SEARCH=full selects with ETSSelectionSearch.full (every candidate fully optimised) instead of .screened.
import Foundation
import M3Format
import PaceForecast
import PaceLinearAlgebra

// As the pace CLI does at start-up: OpenBLAS's idle worker threads would otherwise busy-wait
// through the run (~60 ms of CPU on M3 yearly, counted in cpu_s) although ETS gives them no work.
BLASThreads.stopIdleWorkers()

let args = CommandLine.arguments
guard args.count >= 3, let period = Int(args[2]) else {
    FileHandle.standardError.write("usage: ets-benchmark M3_FILE.csv PERIOD [MAX_SERIES] [AGGREGATE]\n".data(using: .utf8)!)
    exit(2)
}
let maxSeries = args.count > 3 ? Int(args[3]) ?? Int.max : Int.max
let aggregate = args.count > 4 ? Int(args[4]) ?? 1 : 1
let data = try M3Set(contentsOfFile: args[1], aggregate: aggregate)
let environment = ProcessInfo.processInfo.environment
let polishMargin = environment["ETS_POLISH_MARGIN"].flatMap(Double.init) ?? ETS.defaultPolishMargin
let screeningTolerance = environment["ETS_SCREENING_TOLERANCE"].flatMap(Double.init)  // nil: the library's rule
let secondStartMargin = environment["ETS_SECOND_START_MARGIN"].flatMap(Double.init) ?? ETS.defaultSecondStartMargin
let threads = environment["ETS_THREADS"].flatMap(Int.init)
// ETS_REGION=usual searches R's usual region (bounds .standard) instead of the default .capped.
let bounds: ETSBounds = environment["ETS_REGION"] == "usual" ? .standard : .capped
let search = environment["ETS_SEARCH"].flatMap(ETSSelectionSearch.init(rawValue:)) ?? .screened
let ids = Array(data.ids.prefix(maxSeries))
let trains = ids.map { data.train[$0]! }, tests = ids.map { data.test[$0]! }

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
let wall0 = DispatchTime.now().uptimeNanoseconds, cpu0 = cpuSeconds()
var fits: [ETSFit?] = []
var forecasts: [[Double]?] = []
var evaluations = 0
if let threads {
    let selections = ETS.selectBatch(trains, period: period, bounds: bounds, polishMargin: polishMargin,
                                     screeningTolerance: screeningTolerance, secondStartMargin: secondStartMargin, search: search,
                                     threads: threads)
    for (i, s) in selections.enumerated() {
        let fit = try? s.get().best
        fits.append(fit)
        forecasts.append(try? fit?.forecast(horizon: tests[i].count, levels: []).mean)
        evaluations += (try? s.get().candidates.reduce(0) { $0 + $1.evaluations }) ?? 0
    }
} else {
    for i in ids.indices {
        let s = try? ETS.select(trains[i], period: period, bounds: bounds, polishMargin: polishMargin, screeningTolerance: screeningTolerance,
                            secondStartMargin: secondStartMargin, search: search)
        let fit = s?.best
        fits.append(fit)
        forecasts.append(try? fit?.forecast(horizon: tests[i].count, levels: []).mean)
        evaluations += s?.candidates.reduce(0) { $0 + $1.evaluations } ?? 0
    }
}
let wall = Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9, cpu = cpuSeconds() - cpu0
var smape = 0.0, mase = 0.0, count = 0
var models: [String: Int] = [:]
var dump = "series_id,model,aicc,loglik,smape,mase,par,fc\n"
for i in ids.indices {
    guard let fit = fits[i], let f = forecasts[i] else {
        FileHandle.standardError.write("ets-benchmark: \(ids[i]): no fit\n".data(using: .utf8)!)
        continue
    }
    let r = ETSAccuracy.score(train: trains[i], test: tests[i], forecast: f, period: period)
    smape += r.smape; mase += r.mase; count += 1
    let q = fit.parameters
    let par = [q.smoothingLevel, q.smoothingTrend ?? .nan, q.smoothingSeasonal ?? .nan, q.dampingTrend ?? .nan, q.initialLevel]
        + (q.initialTrend.map { [$0] } ?? []) + q.initialSeasonal
    dump += "\(ids[i]),\(fit.specification.code),\(fit.aicc),\(fit.logLikelihood),\(r.smape),\(r.mase),"
        + par.map { String($0) }.joined(separator: " ") + "," + f.map { String($0) }.joined(separator: " ") + "\n"
    models[fit.specification.description, default: 0] += 1
}
// ETS_DUMP=FILE writes one line per series: id, chosen model, AICc, log-likelihood, sMAPE, MASE,
// parameters (α β γ φ l₀ b₀ s…, nan when absent) and forecasts (space-separated).
if let path = environment["ETS_DUMP"] { try dump.write(toFile: path, atomically: true, encoding: .utf8) }
let top = models.sorted { $0.value > $1.value }.prefix(5).map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
print("{\"peer\": \"Pace ETS.select\", \"threads\": \(threads ?? 1), \"series\": \(count), \"mean_smape\": \(smape / Double(count)), \"mean_mase\": \(mase / Double(count)), \"wall_s\": \(wall), \"cpu_s\": \(cpu), \"cpu_ms_per_series\": \(cpu / Double(count) * 1000), \"evaluations_per_series\": \(Double(evaluations) / Double(count)), \"models\": {\(top)}}")
