import Foundation

/// Loads the fixture files of the filter and decomposition tests from `Tests/Fixtures/forecast/`.
enum FilterFixtures {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fixtures/forecast")
    }()

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The values of one series of a `series,period,value` CSV, in file order.
    static func csvSeries(_ file: String, series: String) throws -> [Double] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line -> Double? in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return f.count == 3 && f[0] == series ? Double(f[2]) : nil
        }
    }

    static func doubles(_ any: Any?) -> [Double] {
        (any as! [Any]).map { ($0 as! NSNumber).doubleValue }
    }

    /// max_i |a_i − b_i| / max(|b_i|, floor); equal elements count as 0 (also 0 vs 0); NaN
    /// anywhere else gives NaN, which fails every `<` comparison.
    static func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 0) -> Double {
        precondition(a.count == b.count)
        var worst = 0.0
        for (x, y) in zip(a, b) where x != y {
            let d = abs(x - y) / max(abs(y), floor)
            if d.isNaN { return .nan }
            worst = max(worst, d)
        }
        return worst
    }
}
