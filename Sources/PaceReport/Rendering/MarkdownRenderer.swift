/// Renders a ``ReportModel`` as Markdown for pasting into documents: the same tables as the
/// HTML (lights, time and task per indicator, league table, provenance); each chart becomes
/// one sentence with its numbers.
public enum MarkdownRenderer {
    public static func render(_ model: ReportModel) -> String {
        var out = "# \(Escaping.markdown(model.title))\n\n"
        out += "As of \(Escaping.markdown(model.asOf)); projection method \(Escaping.markdown(model.provenance.method)).\n\n"

        out += "## Lights\n\n"
        out += table(model.lightCountTable) + "\n"
        if model.lights.attention.isEmpty {
            out += "No row is red or yellow.\n\n"
        } else {
            out += "Rows that need attention (red, then yellow):\n\n" + table(model.attentionTable) + "\n"
        }

        out += "## Time and task by indicator\n\n"
        for panel in model.indicators {
            out += "### \(Escaping.markdown(panel.indicator))\n\n" + table(model.timeTaskTable(panel)) + "\n"
        }

        out += "## Series\n\n"
        out += "Charts are in the HTML report; their numbers:\n\n"
        for c in model.charts { out += "- " + Escaping.markdown(model.chartSentence(c)) + "\n" }
        if model.chartsOmitted > 0 {
            out += "- \(model.chartsOmitted) more series with a target are not charted (the first \(model.charts.count) are).\n"
        }
        out += "\n"

        if let league = model.league, let t = model.leagueTable {
            out += "## League table\n\n" + table(t) + "\n"
            if let previous = league.previousAsOf {
                out += "Rank changes are against \(Escaping.markdown(previous)).\n\n"
            }
            for note in league.notes { out += Escaping.markdown(note) + ".\n\n" }
        }

        out += "## Provenance\n\n" + table(model.provenanceTable)
        return out
    }

    /// A pipe table; every cell escaped.
    static func table(_ t: ReportTable) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(Escaping.markdown).joined(separator: " | ") + " |\n" }
        var out = line(t.header)
        out += "|" + t.header.indices.map { t.numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in t.rows { out += line(row) }
        return out
    }
}
