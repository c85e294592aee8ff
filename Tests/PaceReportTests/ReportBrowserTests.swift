import Foundation
import PaceReport
import Testing

/// Headless Chromium: finds `chromium` or `chromium-browser` on PATH.
enum Chromium {
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for dir in dirs {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    static let inCI: Bool = {
        let ci = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !ci.isEmpty && ci != "false" && ci != "0"
    }()

    /// Runs chromium headless with `arguments` (a fresh profile, no sandbox, no GPU), killed
    /// after 120 s; returns standard output.
    static func run(_ arguments: [String], profile: URL) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", path!, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // Not readDataToEndOfFile(): it traps when read(2) is interrupted by a signal (EINTR).
        while true {
            let n = buffer.withUnsafeMutableBytes { read(out.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking
    /// the signature.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }
}

/// Renders the small report in a real browser. Outside CI without chromium these tests are
/// skipped (there is nothing to render with); with CI set they run and fail without it.
@Suite("Report in a browser", .serialized,
       .enabled(if: Chromium.path != nil || Chromium.inCI,
                "chromium (or chromium-browser) is not on PATH and CI is unset: browser rendering not checked"))
struct ReportBrowserTests {
    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("Screenshot is an A4-proportioned 1240×1754 PNG, far from blank")
    func screenshot() throws {
        let chromium = try #require(Chromium.path, "CI is set but chromium/chromium-browser is not on PATH")
        _ = chromium
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.html")
        try HTMLRenderer.render(ReportFixtures.model).write(to: report, atomically: true, encoding: .utf8)
        let blank = dir.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>"
            .write(to: blank, atomically: true, encoding: .utf8)

        var sizes: [Int] = []
        for (page, png) in [(report, "report.png"), (blank, "blank.png")] {
            let shot = dir.appendingPathComponent(png)
            let run = try Chromium.run(["--screenshot=\(shot.path)", "--window-size=1240,1754", page.absoluteString],
                                       profile: dir.appendingPathComponent("profile-\(png)"))
            #expect(run.status == 0, "chromium exit status \(run.status)")
            let data = try Data(contentsOf: shot)
            let size = try #require(Chromium.pngSize(data), "\(png) is not a PNG")
            #expect(size.width == 1240 && size.height == 1754)
            sizes.append(data.count)
        }
        // A blank page compresses to a few kB; the report's text, tables and charts to far more.
        #expect(sizes[0] > 10 * sizes[1], "report PNG \(sizes[0]) bytes vs blank \(sizes[1]) bytes")
    }

    @Test("The rendered DOM holds every region, indicator and light, and every SVG")
    func dom() throws {
        _ = try #require(Chromium.path, "CI is set but chromium/chromium-browser is not on PATH")
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.html")
        let model = ReportFixtures.model
        try HTMLRenderer.render(model).write(to: report, atomically: true, encoding: .utf8)
        let run = try Chromium.run(["--dump-dom", report.absoluteString], profile: dir.appendingPathComponent("profile"))
        #expect(run.status == 0)
        let dom = String(decoding: run.stdout, as: UTF8.self)
        // The serialised DOM escapes text: undo the entities before looking for raw names.
        let text = dom.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        for region in ReportFixtures.regions { #expect(text.contains(region), "DOM lacks region \(region)") }
        for indicator in ReportFixtures.indicators { #expect(text.contains(indicator), "DOM lacks \(indicator)") }
        for row in model.rows {
            guard let light = row.light else { continue }
            #expect(text.contains("<span class=\"light \(light.rawValue)\">\(light.rawValue)</span>"))
        }
        #expect(dom.components(separatedBy: "<svg").count - 1 == 8)
        #expect(dom.contains("id=\"provenance\""))
        // Nothing the parser could have turned into an element from a region name.
        #expect(!dom.contains("<n>"))
    }
}
