import Foundation
@testable import PaceForecast

/// Loads `Tests/Fixtures/forecast/<name>` (copied from shared/reference, see SOURCE.md there).
enum ETSFixture {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    /// R forecast 8.20 reference (`ets_r_forecast.json`).
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = root.appendingPathComponent("Tests/Fixtures/forecast/ets_r_forecast.json")
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static var series: [String: [String: Any]] { r["series"] as! [String: [String: Any]] }
    static let seriesNames = ["UKgas", "JohnsonJohnson", "AirPassengers", "realgdp"]
    static let specCodes = ["ANN", "AAN", "AAdN", "AAA", "AAdA", "MNN", "MAN", "MAA", "MAM", "MAdM", "MNM", "ANA", "MNA"]

    static func y(_ name: String) -> [Double] { doubles(series[name]!["y"]) }
    static func period(_ name: String) -> Int { (series[name]!["frequency"] as! NSNumber).intValue }

    static func double(_ v: Any?) -> Double? {
        if let n = v as? NSNumber { return n.doubleValue }
        if let s = v as? String { return s == "Inf" ? .infinity : (s == "-Inf" ? -.infinity : Double(s)) }
        return nil
    }
    static func doubles(_ v: Any?) -> [Double] { (v as! [Any]).map { double($0) ?? .nan } }

    /// Specification of an R result entry.
    static func spec(_ entry: [String: Any], period: Int) -> ETSSpecification {
        let c = entry["components"] as! [String: Any]
        return try! ETSSpecification(
            error: Component(rawValue: c["error"] as! String)!, trend: Component(rawValue: c["trend"] as! String)!,
            damped: (c["damped"] as! NSNumber).boolValue, season: Component(rawValue: c["season"] as! String)!,
            period: period)
    }

    /// Parameters of an R result entry (smoothing parameters + `initstate`).
    static func parameters(_ entry: [String: Any], spec: ETSSpecification) -> ETSParameters {
        let init_ = entry["initstate"] as! [String: Any]
        let names = (entry["initstate_names"] as? [String]) ?? [(entry["initstate_names"] as! String)]
        let values = names.map { double(init_[$0])! }
        return ETSParameters(
            smoothingLevel: double(entry["alpha"])!, smoothingTrend: double(entry["beta"]),
            smoothingSeasonal: double(entry["gamma"]), dampingTrend: double(entry["phi"]),
            initialLevel: values[0], initialTrend: spec.hasTrend ? values[1] : nil,
            initialSeasonal: spec.hasSeason ? Array(values.suffix(spec.period)) : [])
    }

    /// Every (series, label, entry) with R results: fixed specs, auto, fixed-parameter checks.
    static var allEntries: [(series: String, label: String, entry: [String: Any])] {
        var out: [(String, String, [String: Any])] = []
        for name in seriesNames {
            let s = series[name]!
            out.append((name, "auto", s["auto"] as! [String: Any]))
            for code in specCodes { if let e = (s["fixed_specs"] as! [String: Any])[code] as? [String: Any] { out.append((name, code, e)) } }
            if let checks = s["fixed_parameter_checks"] as? [String: Any] {
                for (k, v) in checks.sorted(by: { $0.key < $1.key }) { out.append((name, k, v as! [String: Any])) }
            }
        }
        return out
    }
}

func relativeError(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return abs(a - b) / max(abs(b), 1e-300)
}

/// Largest relative error over two arrays, with an absolute floor `scale` for values near zero.
func maxRelativeError(_ a: [Double], _ b: [Double], floor: Double = 0) -> Double {
    precondition(a.count == b.count, "length mismatch \(a.count) vs \(b.count)")
    var worst = 0.0
    for (x, y) in zip(a, b) {
        let e = abs(x - y) / max(abs(y), floor, 1e-300)
        if !(e <= worst) { worst = e.isNaN ? .infinity : e }
    }
    return worst
}
