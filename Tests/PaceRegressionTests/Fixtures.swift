import Foundation

/// Locates `Tests/Fixtures/<area>/<name>` by walking up from this file to the package root.
enum Fixtures {
    static func url(_ area: String, _ name: String) -> URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("Tests/Fixtures").appendingPathComponent(area).appendingPathComponent(name)
    }

    static func json(_ area: String, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(area, name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Values of the `value` column of a `series,period,value` CSV.
    static func csvValues(_ area: String, _ name: String) throws -> [Double] {
        let text = try String(contentsOf: url(area, name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            Double(line.split(separator: ",")[2])!
        }
    }
}

/// Relative closeness |a − b| ≤ tol·max(|b|, floor).
func close(_ a: Double, _ b: Double, rel tol: Double, floor: Double = 0) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tol * max(abs(b), floor)
}
