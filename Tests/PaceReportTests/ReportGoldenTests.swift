import Foundation
import PaceReport
import Testing

/// Golden tests of the rendered outputs of the small fixture case. Regenerate the goldens
/// after a deliberate change with `PACE_UPDATE_GOLDENS=1 swift test --filter ReportGolden`
/// (then read the diff before committing).
@Suite("Report goldens")
struct ReportGoldenTests {
    static let update = ProcessInfo.processInfo.environment["PACE_UPDATE_GOLDENS"] != nil

    func compare(_ actual: String, golden name: String) throws {
        if Self.update {
            try actual.write(toFile: ReportFixtures.path(name), atomically: true, encoding: .utf8)
        }
        let expected = try ReportFixtures.read(name)
        #expect(actual == expected, "differs from Tests/Fixtures/report/\(name)")
    }

    /// The ordered outline of an HTML report: section ids, h1–h3 headings (tags stripped,
    /// entities kept), and the number of `<svg` elements.
    static func outline(_ html: String) -> String {
        var lines: [String] = []
        let pattern = try! NSRegularExpression(pattern: "<section id=\"([^\"]*)\"|<h([123])>(.*?)</h\\2>")
        let ns = html as NSString
        for m in pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            if m.range(at: 1).location != NSNotFound {
                lines.append("section " + ns.substring(with: m.range(at: 1)))
            } else {
                let text = ns.substring(with: m.range(at: 3))
                    .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                lines.append("h" + ns.substring(with: m.range(at: 2)) + " " + text)
            }
        }
        lines.append("svg \(html.components(separatedBy: "<svg").count - 1)")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("Markdown of the small case equals the golden")
    func markdownGolden() throws {
        try compare(ReportFixtures.normalised(MarkdownRenderer.render(ReportFixtures.model)), golden: "small.report.md")
    }

    @Test("HTML outline (sections, headings, SVG count) of the small case equals the golden")
    func htmlStructureGolden() throws {
        let html = HTMLRenderer.render(ReportFixtures.model)
        try compare(Self.outline(html), golden: "small.report.outline.txt")
        // 2 indicator bar charts + 6 series charts.
        #expect(html.components(separatedBy: "<svg").count - 1 == 8)
    }

    @Test("HTML is self-contained: no network reference, no script, no external resource")
    func selfContained() {
        let html = HTMLRenderer.render(ReportFixtures.model).lowercased()
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.contains("@page { size: a4"))
    }

    @Test("Region names are escaped in HTML and Markdown; the raw name never appears")
    func escapedNames() {
        let model = ReportFixtures.model
        let html = HTMLRenderer.render(model)
        let raw = "North & \"Coast\" <N>"
        #expect(!html.contains(raw))
        #expect(!html.contains("<N>"))
        #expect(html.contains(Escaping.html(raw)))
        let md = MarkdownRenderer.render(model)
        #expect(!md.contains("<N>"))
        #expect(md.contains(Escaping.markdown(raw)))
    }

    @Test("HTML and Markdown show the same table cells")
    func sameNumbers() {
        let model = ReportFixtures.model
        let html = HTMLRenderer.render(model)
        let md = MarkdownRenderer.render(model)
        var tables = [model.lightCountTable, model.attentionTable, model.provenanceTable]
        tables += model.indicators.map(model.timeTaskTable)
        if let league = model.leagueTable { tables.append(league) }
        for t in tables {
            for row in t.rows {
                for cell in row where !cell.isEmpty {
                    #expect(html.contains(">" + Escaping.html(cell) + "<"), "HTML lacks \(cell)")
                    #expect(md.contains(Escaping.markdown(cell)), "Markdown lacks \(cell)")
                }
            }
        }
    }
}
