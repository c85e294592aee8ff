/// Renders a ``ReportModel`` as one self-contained HTML file: inline CSS and inline SVG, no
/// scripts, fonts, images or links to the network, laid out for A4 printing.
///
/// Sections, in order, each a `<section id=…>` with an `<h2>`: `summary` (lights),
/// `time-task` (per indicator: bars and table), `series` (per series: chart and caption),
/// `league` (only with a scheme), `provenance`.
public enum HTMLRenderer {
    public static func render(_ model: ReportModel) -> String {
        let e = Escaping.html
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"pace \(e(model.provenance.version))\">\n"
        out += "<title>\(e(model.title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(e(model.title))</h1>\n"
        out += "<p class=\"meta\">As of <strong>\(e(model.asOf))</strong> · projection method \(e(model.provenance.method)) · pace \(e(model.provenance.version))</p>\n</header>\n"

        // Lights.
        out += "<section id=\"summary\">\n<h2>Lights</h2>\n" + table(model.lightCountTable)
        if model.lights.attention.isEmpty {
            out += "<p>No row is red or yellow.</p>\n"
        } else {
            out += "<p>Rows that need attention (red, then yellow):</p>\n" + table(model.attentionTable)
        }
        out += "</section>\n"

        // Time and task.
        out += "<section id=\"time-task\">\n<h2>Time and task by indicator</h2>\n"
        out += "<p class=\"note\">Grey: share of the year elapsed (time account). Coloured: share of the target done (task account), in the row's light. The dashed line marks 100%.</p>\n"
        for panel in model.indicators {
            out += "<figure class=\"indicator\">\n<h3>\(e(panel.indicator))</h3>\n"
            out += SVGCharts.timeTaskBars(panel) + "\n" + table(model.timeTaskTable(panel)) + "</figure>\n"
        }
        out += "</section>\n"

        // Series.
        out += "<section id=\"series\">\n<h2>Series</h2>\n"
        out += "<p class=\"note\">Black: history; grey dashed: Hodrick–Prescott trend; blue: forecast fan (80% dark, 95% light); red dashed: target; square: year to date.</p>\n"
        for c in model.charts {
            out += "<figure class=\"chart\" id=\"\(c.anchor)\">\n<h3>\(e(c.region)) — \(e(c.indicator))"
            if let l = c.light { out += " <span class=\"light \(l.rawValue)\">\(l.rawValue)</span>" }
            out += "</h3>\n" + SVGCharts.seriesChart(c) + "\n"
            out += "<figcaption>\(e(model.chartSentence(c)))"
            for note in c.notes { out += " \(e(note))." }
            out += "</figcaption>\n</figure>\n"
        }
        if model.chartsOmitted > 0 {
            out += "<p class=\"note\">\(model.chartsOmitted) more series with a target are not charted (the first \(model.charts.count) are).</p>\n"
        }
        out += "</section>\n"

        // League table.
        if let league = model.league, let t = model.leagueTable {
            out += "<section id=\"league\">\n<h2>League table</h2>\n" + table(t)
            if let previous = league.previousAsOf {
                out += "<p class=\"note\">Rank changes are against \(e(previous)) (▲ up, ▼ down, = unchanged).</p>\n"
            }
            for note in league.notes { out += "<p class=\"note\">\(e(note)).</p>\n" }
            out += "</section>\n"
        }

        out += "<section id=\"provenance\">\n<h2>Provenance</h2>\n" + table(model.provenanceTable) + "</section>\n"
        out += "</body>\n</html>\n"
        return out
    }

    static func table(_ t: ReportTable) -> String {
        let e = Escaping.html
        var out = "<table>\n<thead><tr>"
        for (i, h) in t.header.enumerated() { out += t.numeric.contains(i) ? "<th class=\"num\">\(e(h))</th>" : "<th>\(e(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in t.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == t.lightColumn, !cell.isEmpty {
                    out += "<td><span class=\"light \(e(cell))\">\(e(cell))</span></td>"
                } else {
                    out += t.numeric.contains(i) ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static let css = """
        @page { size: A4; margin: 14mm 12mm; }
        html { background: #fff; color: #212121; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35; margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
        h1 { font-size: 18pt; margin: 0 0 2mm; }
        h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #bdbdbd; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        .meta, .note, figcaption { color: #424242; font-size: 9pt; }
        figure { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
        svg { display: block; width: 100%; height: auto; font-size: 11px; }
        svg .small { font-size: 10px; }
        table { border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 1mm 2.5mm; text-align: left; vertical-align: top; }
        th { border-bottom: 1.5px solid #757575; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .light { display: inline-block; padding: 0 2mm; border-radius: 2mm; border: 1px solid; font-size: 9pt; }
        .light.green { color: #1b5e20; background: #e8f5e9; border-color: #2e7d32; }
        .light.yellow { color: #6d4c00; background: #fff8e1; border-color: #f9a825; }
        .light.red { color: #b71c1c; background: #ffebee; border-color: #c62828; }
        .light.none { color: #424242; background: #f5f5f5; border-color: #9e9e9e; }
        #series, #league, #provenance { break-before: page; page-break-before: always; }
        @media print { body { padding: 0; max-width: none; } }

        """
}
