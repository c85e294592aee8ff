import PaceGap

/// Inline SVG drawings of the model's numbers (no scripts, no external references).
enum SVGCharts {
    static func color(_ light: Light?) -> String {
        switch light {
        case .green?: return "#2e7d32"
        case .yellow?: return "#f9a825"
        case .red?: return "#c62828"
        case nil: return "#9e9e9e"
        }
    }

    static func n(_ x: Double) -> String { ReportText.fixed(x, 1) }

    /// Time share (grey) over task share (coloured by light) per region, 0–100% with a mark at 100%.
    static func timeTaskBars(_ panel: IndicatorPanel) -> String {
        let labelWidth = 190.0, barWidth = 380.0, rowHeight = 28.0, top = 24.0
        let width = labelWidth + barWidth + 110
        let height = top + rowHeight * Double(panel.bars.count) + 8
        var maxShare = 1.0
        for b in panel.bars {
            for v in [b.timeShare, b.taskShare] { if let v, v.isFinite { maxShare = max(maxShare, min(v, 2)) } }
        }
        func x(_ share: Double) -> Double { labelWidth + barWidth * max(0, min(share, maxShare)) / maxShare }
        var s = "<svg class=\"bars\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"time and task shares for \(Escaping.html(panel.indicator))\">"
        s += "<rect x=\"\(n(labelWidth))\" y=\"4\" width=\"10\" height=\"8\" fill=\"#b0b0b0\"/><text x=\"\(n(labelWidth + 14))\" y=\"12\" class=\"small\">time share</text>"
        s += "<rect x=\"\(n(labelWidth + 90))\" y=\"4\" width=\"10\" height=\"8\" fill=\"#2e7d32\"/><text x=\"\(n(labelWidth + 104))\" y=\"12\" class=\"small\">task share (colour = light)</text>"
        let full = x(1)
        s += "<line x1=\"\(n(full))\" y1=\"\(n(top - 4))\" x2=\"\(n(full))\" y2=\"\(n(height - 4))\" stroke=\"#555\" stroke-dasharray=\"3 2\"/>"
        for (i, b) in panel.bars.enumerated() {
            let y = top + rowHeight * Double(i)
            s += "<text x=\"\(n(labelWidth - 6))\" y=\"\(n(y + 15))\" text-anchor=\"end\">\(Escaping.html(b.region))</text>"
            if let t = b.timeShare, t.isFinite {
                s += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 3))\" width=\"\(n(x(t) - labelWidth))\" height=\"9\" fill=\"#b0b0b0\"/>"
            }
            if let k = b.taskShare, k.isFinite {
                s += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 13))\" width=\"\(n(x(k) - labelWidth))\" height=\"9\" fill=\"\(color(b.light))\"/>"
            }
            func pct(_ x: Double?) -> String { let t = ReportText.percent(x); return t.isEmpty ? "n/a" : t + "%" }
            let label = "\(pct(b.timeShare)) / \(pct(b.taskShare))"
            s += "<text x=\"\(n(labelWidth + barWidth + 6))\" y=\"\(n(y + 15))\" class=\"small\">\(Escaping.html(label))</text>"
        }
        return s + "</svg>"
    }

    /// History (line with dots), HP trend (dashed), forecast fan (80% darker inside 95%), the
    /// target (red dashed line) and the year-to-date value (hollow square).
    static func seriesChart(_ c: SeriesChart) -> String {
        let width = 640.0, height = 250.0, left = 70.0, right = 20.0, top = 14.0, bottom = 34.0
        var years: [Int] = c.history.map(\.year)
        var values: [Double] = c.history.map(\.value) + c.trend.map(\.value)
        if let f = c.fan { years.append(f.year); values += [f.lo95, f.hi95, f.center] }
        if let y = c.yearToDate { years.append(y.year); values.append(y.value) }
        if let t = c.target { values.append(t) }
        values = values.filter(\.isFinite)
        var s = "<svg class=\"series\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(Escaping.html(c.region + " " + c.indicator))\">"
        guard let y0 = years.min(), let y1 = years.max(), var lo = values.min(), var hi = values.max() else {
            return s + "<text x=\"20\" y=\"40\">no data to draw</text></svg>"
        }
        if hi == lo { hi += max(1, abs(hi) * 0.1); lo -= max(1, abs(lo) * 0.1) }
        let pad = (hi - lo) * 0.08
        lo -= pad; hi += pad
        let span = Double(max(y1 - y0, 1))
        func px(_ year: Int) -> Double { left + (width - left - right) * (Double(year - y0) + (y1 == y0 ? 0.5 : 0)) / span }
        func py(_ v: Double) -> Double { top + (height - top - bottom) * (hi - v) / (hi - lo) }

        // Axes and grid.
        for tick in ticks(lo, hi) {
            s += "<line x1=\"\(n(left))\" y1=\"\(n(py(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(py(tick)))\" stroke=\"#e0e0e0\"/>"
            s += "<text x=\"\(n(left - 6))\" y=\"\(n(py(tick) + 4))\" text-anchor=\"end\" class=\"small\">\(ReportText.compact(tick))</text>"
        }
        let step = max(1, (y1 - y0 + 7) / 8)
        var year = y0
        while year <= y1 {
            s += "<text x=\"\(n(px(year)))\" y=\"\(n(height - bottom + 16))\" text-anchor=\"middle\" class=\"small\">\(year)</text>"
            year += step
        }
        s += "<line x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\" stroke=\"#555\"/>"

        // Fan from the last history point.
        if let f = c.fan {
            let fx = px(f.year)
            if let last = c.history.last {
                let lx = px(last.year), ly = py(last.value)
                s += "<polygon class=\"fan95\" points=\"\(n(lx)),\(n(ly)) \(n(fx)),\(n(py(f.hi95))) \(n(fx)),\(n(py(f.lo95)))\" fill=\"#bbdefb\"/>"
                s += "<polygon class=\"fan80\" points=\"\(n(lx)),\(n(ly)) \(n(fx)),\(n(py(f.hi80))) \(n(fx)),\(n(py(f.lo80)))\" fill=\"#64b5f6\"/>"
                s += "<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(fx))\" y2=\"\(n(py(f.center)))\" stroke=\"#1565c0\" stroke-dasharray=\"4 2\"/>"
            } else {
                s += "<rect class=\"fan95\" x=\"\(n(fx - 6))\" y=\"\(n(py(f.hi95)))\" width=\"12\" height=\"\(n(py(f.lo95) - py(f.hi95)))\" fill=\"#bbdefb\"/>"
                s += "<rect class=\"fan80\" x=\"\(n(fx - 6))\" y=\"\(n(py(f.hi80)))\" width=\"12\" height=\"\(n(py(f.lo80) - py(f.hi80)))\" fill=\"#64b5f6\"/>"
            }
            s += "<circle cx=\"\(n(fx))\" cy=\"\(n(py(f.center)))\" r=\"3\" fill=\"#1565c0\"/>"
        }
        if !c.trend.isEmpty {
            s += "<polyline class=\"trend\" fill=\"none\" stroke=\"#757575\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\" points=\""
            s += c.trend.map { "\(n(px($0.year))),\(n(py($0.value)))" }.joined(separator: " ") + "\"/>"
        }
        if !c.history.isEmpty {
            s += "<polyline class=\"history\" fill=\"none\" stroke=\"#212121\" stroke-width=\"2\" points=\""
            s += c.history.map { "\(n(px($0.year))),\(n(py($0.value)))" }.joined(separator: " ") + "\"/>"
            for p in c.history { s += "<circle cx=\"\(n(px(p.year)))\" cy=\"\(n(py(p.value)))\" r=\"2.5\" fill=\"#212121\"/>" }
        }
        if let t = c.target {
            s += "<line class=\"target\" x1=\"\(n(left))\" y1=\"\(n(py(t)))\" x2=\"\(n(width - right))\" y2=\"\(n(py(t)))\" stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"/>"
            s += "<text x=\"\(n(left + 4))\" y=\"\(n(py(t) - 4))\" class=\"small\" fill=\"#c62828\">target \(ReportText.compact(t))</text>"
        }
        if let y = c.yearToDate {
            s += "<rect class=\"ytd\" x=\"\(n(px(y.year) - 4))\" y=\"\(n(py(y.value) - 4))\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"\(color(c.light))\" stroke-width=\"2\"/>"
            s += "<text x=\"\(n(px(y.year) - 8))\" y=\"\(n(py(y.value) + 4))\" text-anchor=\"end\" class=\"small\">year to date</text>"
        }
        return s + "</svg>"
    }

    /// About five round tick values covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 5
        guard raw > 0, raw.isFinite else { return [] }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var out: [Double] = []
        var t = (lo / step).rounded(.up) * step
        while t <= hi && out.count < 12 {
            out.append(t)
            t += step
        }
        return out
    }
}
