// usage: ets-diagnose M3_FILE.csv PERIOD AGGREGATE PEER.csv
// Per series: Pace's selection (capped region unless ETS_REGION=usual), the peer's chosen model (statsforecast's
// peers_dump.py CSV: components and par = α β γ φ l₀ b₀ s…), the AICc Pace computes at the peer's parameters,
// and Pace's own AICc for the peer's model. Non-seasonal peer models only for the evaluation (others: nan).
// Prints CSV: series_id,pace_model,pace_aicc,peer_model,peer_aicc,pace_at_peer_params_aicc,pace_own_aicc_peer_model
import Foundation
import M3Format
import PaceForecast

let args = CommandLine.arguments
let period = Int(args[2])!, aggregate = Int(args[3])!
let data = try M3Set(contentsOfFile: args[1], aggregate: aggregate)
var peer: [String: (model: String, aicc: Double, par: [Double])] = [:]
let ptext = try String(contentsOfFile: args[4], encoding: .utf8)
for line in ptext.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false)
    let c = Array(f[1])
    let code = String(c[0]) + String(c[1]) + (c[3] == "D" ? "d" : "") + String(c[2])
    peer[String(f[0])] = (code, Double(f[2])!, f[5].split(separator: " ").map { Double($0) ?? .nan })
}
let bounds: ETSBounds = ProcessInfo.processInfo.environment["ETS_REGION"] == "usual" ? .standard : .capped
print("series_id,pace_model,pace_aicc,peer_model,peer_aicc,pace_at_peer_params_aicc,pace_own_aicc_peer_model,pace_full_fit_aicc_peer_model")
for id in data.ids {
    let y = data.train[id]!
    guard let p = peer[id], let s = try? ETS.select(y, period: period, bounds: bounds) else { continue }
    var atPeer = Double.nan
    if let spec = try? ETSSpecification(parsing: p.model, period: period), !spec.code.hasSuffix("A") && !spec.code.hasSuffix("M") {
        let q = p.par
        let params = ETSParameters(smoothingLevel: q[0], smoothingTrend: spec.trend != .none ? q[1] : nil,
                                   dampingTrend: spec.damped ? q[3] : nil, initialLevel: q[4],
                                   initialTrend: spec.trend != .none ? q[5] : nil)
        atPeer = (try? ETS.evaluate(y, specification: spec, parameters: params).aicc) ?? .nan
    }
    let own = s.candidates.first { $0.specification.code == p.model }?.aicc ?? .nan
    var full = Double.nan
    if let spec = try? ETSSpecification(parsing: p.model, period: period) { full = (try? ETS.fit(y, specification: spec, bounds: bounds).aicc) ?? .nan }
    print("\(id),\(s.best.specification.code),\(s.best.aicc),\(p.model),\(p.aicc),\(atPeer),\(own),\(full)")
}
