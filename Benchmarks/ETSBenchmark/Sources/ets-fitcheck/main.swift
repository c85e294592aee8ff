// usage: ets-fitcheck M3_FILE.csv PERIOD R_MODELS.csv
// Pace's maximum-likelihood fit (`ETS.fit`, R's usual region) of every model R fitted in scripts/ets_r_models.R,
// on the same training series; prints per fit the two log-likelihoods and a summary: how many of Pace's optima fall
// short of R's by more than 1e-6 relative (issue 5's criterion for the reference fits), and by how much.
import Foundation
import M3Format
import PaceForecast

let args = CommandLine.arguments
let period = Int(args[2])!
let train = try M3Set(contentsOfFile: args[1]).train
let rText = try String(contentsOfFile: args[3], encoding: .utf8)
var total = 0, short = 0, failed = 0, better = 0
var worst: [(String, String, Double, Double)] = []
print("series_id,model,r_loglik,pace_loglik,relative_shortfall")
for line in rText.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    let id = f[0], code = f[1]
    guard let rLoglik = Double(f[2]), let y = train[id] else { continue }
    total += 1
    guard let spec = try? ETSSpecification(parsing: code, period: code.hasSuffix("N") ? 1 : period) else { failed += 1; continue }
    let fit: ETSFit
    do { fit = try ETS.fit(y, specification: spec) } catch {
        failed += 1; print("\(id),\(code),\(rLoglik),error: \(error)"); continue
    }
    let shortfall = (rLoglik - fit.logLikelihood) / abs(rLoglik)
    if shortfall > 1e-6 { short += 1; worst.append((id, code, rLoglik, fit.logLikelihood)) }
    if shortfall < -1e-6 { better += 1 }
    print("\(id),\(code),\(rLoglik),\(fit.logLikelihood),\(shortfall)")
}
FileHandle.standardError.write("fits \(total): Pace below R by > 1e-6 relative in \(short), above in \(better), not fitted \(failed)\n".data(using: .utf8)!)
for w in worst.sorted(by: { ($0.2 - $0.3) > ($1.2 - $1.3) }).prefix(15) {
    FileHandle.standardError.write("  \(w.0) \(w.1): R \(w.2) Pace \(w.3)\n".data(using: .utf8)!)
}
