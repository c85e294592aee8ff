import Foundation
import PaceGap
@testable import PaceReport
import Testing

@Suite("Report model")
struct ReportModelTests {
    @Test("Escaping: HTML turns & < > \" ' into references; Markdown backslash-escapes")
    func escaping() {
        #expect(Escaping.html("") == "")
        #expect(Escaping.html("A & \"B\" <C> 'd'") == "A &amp; &quot;B&quot; &lt;C&gt; &#39;d&#39;")
        #expect(Escaping.html("上海") == "上海")
        #expect(Escaping.markdown("a|b_c*<d>") == "a\\|b\\_c\\*\\<d\\>")
        // Line breaks shown as the plain table and the HTML report show them (`\n`, backslash escaped for Markdown).
        #expect(Escaping.markdown("line\nbreak") == "line\\\\nbreak")
        #expect(Escaping.markdown("a\r\nb") == "a\\\\r\\\\nb")
    }

    @Test("Escaping: HTML writes control characters visibly as messages do (\\t, \\u{1b}); none stays raw")
    func htmlControlCharacters() {
        // ESC, BEL, DEL and NEL (U+0085, a C1 control): backslash, u, braces, the code point in lowercase hex.
        #expect(Escaping.html("a\u{1B}[31mb\u{07}c\u{7F}d\u{85}e") == #"a\u{1b}[31mb\u{7}c\u{7f}d\u{85}e"#)
        #expect(Escaping.html("t\tn\nr\r") == #"t\tn\nr\r"#)
        // With the HTML escapes: each character on its own.
        #expect(Escaping.html("<\u{9B}>&") == #"&lt;\u{9b}&gt;&amp;"#)
        // U+00A0 (no-break space, just past C1) and U+007E are text.
        #expect(Escaping.html("\u{7E}\u{A0}") == "\u{7E}\u{A0}")
        // No scalar below U+0020 or in U+007F–U+009F survives, for every one of them.
        let codes: [UInt32] = Array(0...0x1F) + Array(0x7F...0x9F)
        let all = String(String.UnicodeScalarView(codes.map { Unicode.Scalar($0)! }))
        #expect(!Escaping.html(all).unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("Number formatting: nil, NaN and ±inf are empty; no negative zero; rounding")
    func formatting() {
        #expect(ReportText.fixed(nil, 1) == "")
        #expect(ReportText.fixed(.nan, 1) == "")
        #expect(ReportText.fixed(.infinity, 1) == "")
        #expect(ReportText.fixed(-.infinity, 2) == "")
        #expect(ReportText.fixed(-0.04, 1) == "0.0")
        #expect(ReportText.fixed(-1.25, 1) == "-1.3" || ReportText.fixed(-1.25, 1) == "-1.2")
        #expect(ReportText.fixed(12.345, 2) == "12.35" || ReportText.fixed(12.345, 2) == "12.34")
        #expect(ReportText.fixed(7, 0) == "7")
        #expect(ReportText.percent(0.4567) == "45.7")
        #expect(ReportText.points(1.24) == "+1.2")
        #expect(ReportText.points(-3) == "-3.0")
        #expect(ReportText.points(0) == "0.0")
        #expect(ReportText.rankChange(nil) == "")
        #expect(ReportText.rankChange(2) == "▲2")
        #expect(ReportText.rankChange(-1) == "▼1")
        #expect(ReportText.rankChange(0) == "=")
    }

    @Test("Slugs are ASCII, and distinct names give distinct slugs")
    func slugs() {
        let a = ReportText.slug("North & \"Coast\" <N>-investment")
        let b = ReportText.slug("North & Coast N-investment")
        #expect(a != b)
        #expect(a.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
        #expect(!ReportText.slug("").isEmpty)
    }

    @Test("Light summary counts every targeted row once; attention lists red before yellow")
    func lightSummary() {
        let model = ReportFixtures.model
        let l = model.lights
        let targeted = model.rows.filter { $0.type != nil }
        #expect(targeted.count == 6)
        #expect(l.green + l.yellow + l.red + l.unlit == targeted.count)
        #expect(l.red == targeted.filter { $0.light == .red }.count)
        #expect(l.yellow == targeted.filter { $0.light == .yellow }.count)
        #expect(l.attention.count == l.red + l.yellow)
        #expect(l.attention.map(\.light) == Array(repeating: Light.red, count: l.red) + Array(repeating: .yellow, count: l.yellow))
        // The fixture is made to have every light (make_small.py): red and green investment/revenue, one yellow.
        #expect(l.red > 0 && l.yellow > 0 && l.green > 0)
    }

    @Test("Empty rows: an empty summary, no panels, no charts")
    func emptyModel() {
        let l = LightSummary(rows: [])
        #expect(l.green == 0 && l.yellow == 0 && l.red == 0 && l.unlit == 0 && l.attention.isEmpty)
        let row = GapRow(region: "R", indicator: "i", year: 2024, asOf: "2024Q2", method: .share)
        #expect(LightSummary(rows: [row]).unlit == 0)  // no target: not counted
    }

    @Test("Time/task panels: one per indicator, one bar per region, shares from the rows")
    func panels() {
        let model = ReportFixtures.model
        #expect(model.indicators.map(\.indicator) == ReportFixtures.indicators)
        for panel in model.indicators {
            #expect(panel.bars.map(\.region) == ReportFixtures.regions)
            for bar in panel.bars {
                let row = model.rows.first { $0.region == bar.region && $0.indicator == panel.indicator }!
                #expect(bar.timeShare == row.timeShare && bar.taskShare == row.taskShare && bar.light == row.light)
            }
        }
    }

    @Test("Chart numbers: annual history from the data, growth target as a level, fan from the gap intervals")
    func chartNumbers() throws {
        let model = ReportFixtures.model
        let chart = try #require(model.charts.first { $0.region == "South" && $0.indicator == "investment" })
        #expect(chart.scale == .annualValue)
        #expect(chart.history.map(\.year) == Array(2016...2023))
        // A_2023 = the 2023Q4 ytd value, read straight from the fixture CSV.
        let data = try ReportFixtures.read("small_data.csv")
        let line = try #require(data.split(separator: "\n").first { $0.hasPrefix("South,investment,2023Q4,ytd,") })
        let a2023 = try #require(Double(line.split(separator: ",")[4]))
        #expect(chart.history.last?.value == a2023)
        // South's investment target is growth 7% (small_targets.csv): T = A_2023 · 1.07. Tolerance: rounding only.
        let target = try #require(chart.target)
        #expect(abs(target - a2023 * 1.07) <= 1e-9 * a2023)
        let row = model.rows.first { $0.region == "South" && $0.indicator == "investment" }!
        let fan = try #require(chart.fan)
        #expect(fan.year == 2024 && fan.center == row.projected && fan.lo95 == row.lo95 && fan.hi80 == row.hi80)
        #expect(fan.lo95 <= fan.lo80 && fan.lo80 <= fan.center && fan.center <= fan.hi80 && fan.hi80 <= fan.hi95)
        #expect(chart.yearToDate?.value == row.ytd)
        // HP trend over the 8 consecutive years; the HP trend preserves the mean (sum of cycle = 0).
        #expect(chart.trend.count == 8)
        let meanGap = zip(chart.trend, chart.history).map { $0.value - $1.value }.reduce(0, +)
        #expect(abs(meanGap) <= 1e-8 * a2023)
        // West's investment target is a level (70): drawn as given.
        let west = try #require(model.charts.first { $0.region == "West" && $0.indicator == "investment" })
        #expect(west.target == 70)
    }

    @Test("Chart cap: at most chartLimit charts, the rest counted")
    func chartCap() throws {
        var request = ReportFixtures.request(scheme: false)
        request.chartLimit = 4
        let model = try ReportBuilder.build(request)
        #expect(model.charts.count == 4 && model.chartsOmitted == 2)
        #expect(model.league == nil)
        request.chartLimit = 0
        let none = try ReportBuilder.build(request)
        #expect(none.charts.isEmpty && none.chartsOmitted == 6)
    }

    @Test("League table: every region ranked, rank changes against the period before")
    func league() throws {
        let league = try #require(ReportFixtures.model.league)
        #expect(league.previousAsOf == "2024Q1")
        #expect(Set(league.result.standings.map(\.region)) == Set(ReportFixtures.regions))
        #expect(league.result.standings.allSatisfy { $0.rankChange != nil })
    }

    @Test("Missing input files are refused with the file named")
    func missingFile() {
        var request = ReportFixtures.request()
        request.targetsPath = ReportFixtures.path("no_such_targets.csv")
        #expect { try ReportBuilder.build(request) } throws: { "\($0)".contains("no_such_targets.csv") }
    }
}

@Suite("Report charts of growth-only series")
struct GrowthOnlyChartTests {
    @Test("Growth-only row (no projected value): the fan is the row's growth bounds, the target is g")
    func growthOnlyFan() throws {
        var series = GapSeries(region: "C", indicator: "gdp", periodsPerYear: 4, firstYear: 2015, yearCount: 8)
        for y in 2015...2022 {
            for k in 1...4 where y < 2022 || k <= 2 {
                series.set(.ytdYoY, year: y, position: k, value: 6 + Double(y - 2015) * 0.1 + Double(k) * 0.01)
            }
        }
        var row = GapRow(region: "C", indicator: "gdp", year: 2022, asOf: "2022Q2", type: .growth, target: 5.5,
                         method: .share)
        row.ytdGrowth = 2.5
        row.projectedGrowth = 4.0
        row.lo80 = 1; row.hi80 = 7; row.lo95 = -1; row.hi95 = 9
        let chart = ReportBuilder.chart(for: row, series: series, historyYears: 10)
        #expect(chart.scale == .growth)
        #expect(chart.history.map(\.year) == Array(2015...2021))
        // Annual growth = ytd_yoy at Q4, as set above.
        #expect(chart.history.first?.value == 6.04)
        #expect(chart.target == 5.5)
        #expect(chart.yearToDate == SeriesChart.Point(year: 2022, value: 2.5))
        let fan = try #require(chart.fan)
        #expect(fan.center == 4 && fan.lo80 == 1 && fan.hi80 == 7 && fan.lo95 == -1 && fan.hi95 == 9)
    }

    @Test("No series and no history: notes instead of numbers, never a crash")
    func missingSeries() {
        let row = GapRow(region: "C", indicator: "x", year: 2022, asOf: "2022Q2", type: .growth, target: 5,
                         method: .share)
        let chart = ReportBuilder.chart(for: row, series: nil, historyYears: 10)
        #expect(chart.history.isEmpty && chart.fan == nil && !chart.notes.isEmpty)
        let empty = GapSeries(region: "C", indicator: "x", periodsPerYear: 4, firstYear: 2022, yearCount: 1)
        let c2 = ReportBuilder.chart(for: row, series: empty, historyYears: 10)
        #expect(c2.history.isEmpty && c2.fan == nil && c2.trend.isEmpty)
        #expect(HTMLRenderer.render(ReportModel(title: "t", asOf: "2022Q2",
            provenance: ReportProvenance(version: "v", method: "share", parameters: [], inputs: []),
            rows: [row], lights: LightSummary(rows: [row]), indicators: [], charts: [c2], chartsOmitted: 0,
            league: nil)).contains("no data to draw"))
    }
}
