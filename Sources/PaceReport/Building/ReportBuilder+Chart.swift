import PaceForecast
import PaceGap

extension SeriesChart {
    /// λ of the Hodrick–Prescott trend on annual values (Backus–Kehoe's 100 for annual data;
    /// Ravn–Uhlig's rescaling of 1600 would give 6.25).
    public static let trendLambda = 100.0
}

extension ReportBuilder {
    /// One series' chart. The y axis is the annual value (year-end year-to-date value of a
    /// flow, year-end balance of a stock) when the series has levels, annual growth when it
    /// has growth data only, and the year-end value for a rate or a `max`/`min` target.
    ///
    /// - History: the complete years from `row.year − historyYears` to `row.year − 1` (and
    ///   `row.year` itself when the as-of period is the last of the year).
    /// - Trend: HP (λ = 100) over the last run of consecutive years, when it has ≥ 4 of them.
    /// - Fan: the gap row's 80%/95% intervals of the year-end value (converted to growth
    ///   through the row's projected growth for growth-only series); without them ETS
    ///   (automatic selection, AICc) on the consecutive annual values, one year ahead.
    /// - Target: a level target as given; a growth target g as `A_{Y−1}·(1 + g/100)` on the
    ///   value axis, or g itself on the growth axis.
    static func chart(for row: GapRow, series: GapSeries?, historyYears: Int) -> SeriesChart {
        var chart = SeriesChart(region: row.region, indicator: row.indicator, scale: .annualValue, history: [],
                                trend: [], fan: nil, target: nil, yearToDate: nil, light: row.light, notes: [])
        guard let s = series else {
            chart.notes.append("no data for this series")
            return chart
        }
        let n = s.periodsPerYear
        let year = row.year
        let hasLevels = !s.ytd.isEmpty || !s.level.isEmpty || !s.stock.isEmpty
        let value: (Int) -> Double
        if row.type == .max || row.type == .min || s.kind == .rate {
            chart.scale = .value
            value = { s.boundValue(year: $0, position: n) }
        } else if hasLevels {
            chart.scale = .annualValue
            value = s.kind == .stock ? { s.balance(year: $0, position: n) } : { s.flowYearToDate(year: $0, position: n) }
        } else {
            chart.scale = .growth
            value = { y in
                let v = s.value(.ytdYoY, year: y, position: n)
                return v.isNaN && n == 1 ? s.value(.yoy, year: y, position: 1) : v
            }
        }

        let complete = AsOfPeriod(parsing: row.asOf).map { $0.position == $0.periodsPerYear } ?? false
        let first = max(s.firstYear, year - max(1, historyYears))
        let last = complete ? year : year - 1
        if first <= last {
            for y in first...last {
                let v = value(y)
                if v.isFinite { chart.history.append(.init(year: y, value: v)) }
            }
        }
        if chart.history.isEmpty { chart.notes.append("no complete year of history before \(year)") }

        // Target on the chart's axis.
        if let t = row.target, let type = row.type {
            switch (type, chart.scale) {
            case (.growth, .annualValue):
                let base = value(year - 1)
                if base.isFinite { chart.target = base * (1 + t / 100) }
                else { chart.notes.append("no \(year - 1) value to turn the growth target into a level") }
            case (.growth, .growth), (.level, .annualValue), (.max, _), (.min, _), (.level, .value):
                chart.target = t
            default:
                chart.notes.append("the \(type.rawValue) target is not drawn on a \(chart.scale.rawValue) axis")
            }
        }

        // Year to date so far.
        if !complete {
            let ytd = chart.scale == .growth ? row.ytdGrowth : row.ytd
            if let ytd, ytd.isFinite { chart.yearToDate = .init(year: year, value: ytd) }
        }

        // Trend over the last run of consecutive years.
        var run: [SeriesChart.Point] = []
        for p in chart.history {
            if let previous = run.last, previous.year + 1 != p.year { run.removeAll() }
            run.append(p)
        }
        if run.count >= 4, let trend = try? HPFilter.trend(run.map(\.value), lambda: SeriesChart.trendLambda) {
            chart.trend = zip(run, trend).map { .init(year: $0.year, value: $1) }
        } else if !chart.history.isEmpty {
            chart.notes.append("no trend line: fewer than 4 consecutive years")
        }

        if !complete { chart.fan = fan(row: row, scale: chart.scale, run: run, year: year, notes: &chart.notes) }
        return chart
    }

    static func fan(row: GapRow, scale: SeriesChart.Scale, run: [SeriesChart.Point], year: Int,
                    notes: inout [String]) -> SeriesChart.Fan? {
        let source = "\(row.method.rawValue) projection of the gap analysis"
        if let lo80 = row.lo80, let hi80 = row.hi80, let lo95 = row.lo95, let hi95 = row.hi95,
           [lo80, hi80, lo95, hi95].allSatisfy(\.isFinite) {
            if let p = row.projected, p.isFinite {
                switch scale {
                case .annualValue, .value:
                    return .init(year: year, center: p, lo80: lo80, hi80: hi80, lo95: lo95, hi95: hi95, source: source)
                case .growth:
                    // Bounds of the year-end value: back to growth through the projected growth.
                    if let g = row.projectedGrowth, g.isFinite, g > -100 {
                        let base = p / (1 + g / 100)
                        func growth(_ v: Double) -> Double { 100 * (v / base - 1) }
                        return .init(year: year, center: g, lo80: growth(lo80), hi80: growth(hi80), lo95: growth(lo95),
                                     hi95: growth(hi95), source: source)
                    }
                }
            } else if scale == .growth, let g = row.projectedGrowth, g.isFinite {
                // Growth-only rows carry no projected value: their bounds are annual growth in %.
                return .init(year: year, center: g, lo80: lo80, hi80: hi80, lo95: lo95, hi95: hi95, source: source)
            }
        }
        guard run.count >= 5, run.last?.year == year - 1 else {
            notes.append("no forecast fan: no projection interval and fewer than 5 consecutive years for ETS")
            return nil
        }
        do {
            let selection = try ETS.select(run.map(\.value), period: 1)
            let f = try selection.best.forecast(horizon: 1, levels: [80, 95])
            return .init(year: year, center: f.pointForecast[0], lo80: f.lower[0][0], hi80: f.upper[0][0],
                         lo95: f.lower[1][0], hi95: f.upper[1][0],
                         source: "\(selection.best.specification.description) on the annual values")
        } catch {
            notes.append("no forecast fan: ETS failed (\(error))")
            return nil
        }
    }
}
