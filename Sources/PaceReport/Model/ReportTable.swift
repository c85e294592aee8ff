/// A table of formatted cells, built once from the model and written by both renderers, so
/// the HTML and the Markdown show the same digits.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// Right-aligned (numeric) columns.
    public var numeric: Set<Int>
    /// The column holding a light name (`green`/`yellow`/`red`), styled in HTML.
    public var lightColumn: Int?

    public init(header: [String], rows: [[String]] = [], numeric: Set<Int> = [], lightColumn: Int? = nil) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
        self.lightColumn = lightColumn
    }
}

extension ReportModel {
    /// Lights summary: one row per light with its count.
    public var lightCountTable: ReportTable {
        ReportTable(header: ["Light", "Rows"],
                    rows: [["red", String(lights.red)], ["yellow", String(lights.yellow)],
                           ["green", String(lights.green)], ["none", String(lights.unlit)]],
                    numeric: [1], lightColumn: 0)
    }

    /// The red and yellow rows.
    public var attentionTable: ReportTable {
        var t = ReportTable(header: ["Region", "Indicator", "Light", "Time %", "Task %", "Progress pp",
                                     "Growth gap pp", "P(meet) %"],
                            numeric: [3, 4, 5, 6, 7], lightColumn: 2)
        for r in lights.attention {
            t.rows.append([r.region, r.indicator, r.light?.rawValue ?? "", ReportText.percent(r.timeShare),
                           ReportText.percent(r.taskShare), ReportText.points(r.progressPP),
                           ReportText.points(r.growthGapPP), ReportText.percent(r.pMeet)])
        }
        return t
    }

    /// One indicator's time and task shares by region.
    public func timeTaskTable(_ panel: IndicatorPanel) -> ReportTable {
        var t = ReportTable(header: ["Region", "Time %", "Task %", "Progress pp", "Light"],
                            numeric: [1, 2, 3], lightColumn: 4)
        for b in panel.bars {
            t.rows.append([b.region, ReportText.percent(b.timeShare), ReportText.percent(b.taskShare),
                           ReportText.points(b.progressPP), b.light?.rawValue ?? ""])
        }
        return t
    }

    /// The league table: place, change since the previous period, points, each indicator's place.
    public var leagueTable: ReportTable? {
        guard let league else { return nil }
        let entries = league.result.scheme.entries
        var header = ["Rank", "Change", "Region", "Points"]
        header += entries.map { "\($0.indicator) (\($0.metric))" }
        header += ["Gap ahead", "Notes"]
        var t = ReportTable(header: header, numeric: Set(0..<(header.count - 1)).subtracting([2]))
        for s in league.result.standings {
            var row = [String(s.rank), ReportText.rankChange(s.rankChange), s.region, ReportText.fixed(s.points, 2)]
            row += s.indicators.map { $0.rank.map(String.init) ?? "" }
            row += [ReportText.fixed(s.gapAhead, 2), s.notes.joined(separator: "; ")]
            t.rows.append(row)
        }
        return t
    }

    /// The provenance block as a two-column table.
    public var provenanceTable: ReportTable {
        var t = ReportTable(header: ["Item", "Value"])
        t.rows.append(["version", "pace " + provenance.version])
        t.rows.append(["as_of", asOf])
        t.rows.append(["method", provenance.method])
        for p in provenance.parameters { t.rows.append([p.name, p.value]) }
        for i in provenance.inputs { t.rows.append(["input \(i.role)", "\(i.source) (\(i.hash))"]) }
        return t
    }

    /// One sentence per chart for outputs without charts (Markdown).
    public func chartSentence(_ c: SeriesChart) -> String {
        var s = "\(c.region) — \(c.indicator) (\(c.scale.rawValue)): "
        if let last = c.history.last { s += "\(last.year) \(ReportText.compact(last.value))" } else { s += "no history" }
        if let y = c.yearToDate { s += "; year to date \(ReportText.compact(y.value))" }
        if let f = c.fan {
            s += "; \(f.year) forecast \(ReportText.compact(f.center)) (80% \(ReportText.compact(f.lo80))–\(ReportText.compact(f.hi80)), "
            s += "95% \(ReportText.compact(f.lo95))–\(ReportText.compact(f.hi95)); \(f.source))"
        }
        if let t = c.target { s += "; target \(ReportText.compact(t))" }
        if let l = c.light { s += "; light \(l.rawValue)" }
        return s + "."
    }
}
