// usage: ets-benchmark M3_FILE.csv PERIOD [MAX_SERIES] [AGGREGATE]
// Fits automatic ETS (ETS.select, R's ets() rules) to each series' train part, forecasts the test
// horizon, prints JSON: mean sMAPE, mean MASE (definitions of shared/bench/ets_peers.py) and seconds.
// AGGREGATE k > 1 sums k consecutive values (e.g. monthly → quarterly with PERIOD 4) for a proxy set.
import Foundation
import PaceForecast

let args = CommandLine.arguments
guard args.count >= 3, let period = Int(args[2]) else {
    FileHandle.standardError.write("usage: ets-benchmark M3_FILE.csv PERIOD [MAX_SERIES] [AGGREGATE]\n".data(using: .utf8)!)
    exit(2)
}
let maxSeries = args.count > 3 ? Int(args[3]) ?? Int.max : Int.max
let aggregate = args.count > 4 ? Int(args[4]) ?? 1 : 1
let text = try String(contentsOfFile: args[1], encoding: .utf8)
var order: [String] = []
var train: [String: [Double]] = [:], test: [String: [Double]] = [:]
for line in text.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",")
    guard f.count >= 4, let v = Double(f[2]) else { continue }
    let id = String(f[0])
    if train[id] == nil { order.append(id); train[id] = []; test[id] = [] }
    if f[3] == "train" { train[id]!.append(v) } else { test[id]!.append(v) }
}
func aggregated(_ x: [Double]) -> [Double] {
    guard aggregate > 1 else { return x }
    return stride(from: x.count % aggregate, to: x.count, by: aggregate).map { x[$0..<($0 + aggregate)].reduce(0, +) }
}
// Search-effort knobs of ETS.select (defaults = the library's): ETS_POLISH_MARGIN, ETS_SCREENING_TOLERANCE.
let environment = ProcessInfo.processInfo.environment
let polishMargin = environment["ETS_POLISH_MARGIN"].flatMap(Double.init) ?? 0
let screeningTolerance = environment["ETS_SCREENING_TOLERANCE"].flatMap(Double.init) ?? 1e-5
var smape = 0.0, mase = 0.0, count = 0, seconds = 0.0
var models: [String: Int] = [:]
for id in order.prefix(maxSeries) {
    let tr = aggregated(train[id]!), te = aggregated(test[id]!)
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let fit = try ETS.select(tr, period: period, polishMargin: polishMargin,
                                 screeningTolerance: screeningTolerance).best
        let forecast = try fit.forecast(horizon: te.count, levels: []).mean
        seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let r = ETSAccuracy.score(train: tr, test: te, forecast: forecast, period: period)
        smape += r.smape; mase += r.mase; count += 1
        models[fit.specification.description, default: 0] += 1
    } catch {
        FileHandle.standardError.write("ets-benchmark: \(id): \(error)\n".data(using: .utf8)!)
    }
}
let top = models.sorted { $0.value > $1.value }.prefix(5).map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
print("{\"peer\": \"Pace ETS.select\", \"series\": \(count), \"mean_smape\": \(smape / Double(count)), \"mean_mase\": \(mase / Double(count)), \"sum_s\": \(seconds), \"ms_per_series\": \(seconds / Double(count) * 1000), \"models\": {\(top)}}")
