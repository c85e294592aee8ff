import PaceData

/// One series picked from an observation file for a time-series command (`forecast`,
/// `filter hp`, `decompose`): complete values over consecutive periods, with the file line of
/// every value so that later problems (a value ≤ 0 for a multiplicative model) can point at
/// the row.
struct InputSeries: Sendable {
    var region: String
    /// The indicator (or `series`) column's value.
    var name: String
    var measure: Measure
    /// The period of `values[0]`.
    var start: Period
    var values: [Double]
    /// The file line of each value (0 when unknown).
    var lines: [Int32]
    /// The file the series came from, for messages.
    var source: String
    /// What was done to the values on the way in (e.g. combined January–February figures split), for the reports.
    var notes: [String] = []
    /// What `values` hold when they are not the file's values themselves (e.g. the period levels of a ytd
    /// series), named in located messages.
    var valueDescription: String? = nil

    var frequency: Frequency { start.frequency }
    var count: Int { values.count }
    func period(at index: Int) -> Period { start.advanced(by: index)! }

    /// "region/name" (region left out when empty), for messages.
    var label: String {
        (region.isEmpty ? name : region + "/" + name) + (measure == .level ? "" : " (\(measure.rawValue))")
    }

    /// The located error for the value at `index` (0-based).
    func error(at index: Int, problem: String, expected: String? = nil) -> InputError {
        let line = index >= 0 && index < lines.count && lines[index] != 0 ? Int(lines[index]) : nil
        return InputError(file: source, line: line,
                          problem: "\(label) \(period(at: index))" + (valueDescription.map { " " + $0 } ?? "") + ": " + problem,
                          found: index >= 0 && index < values.count ? formatNumber(values[index]) : nil,
                          expected: expected)
    }

    /// The first value ≤ 0 as a located error, for models and transforms that need positive data.
    func requirePositive(for what: String) throws {
        if let i = values.firstIndex(where: { !($0 > 0) }) {
            throw error(at: i, problem: "\(what) needs values > 0", expected: "a positive value")
        }
    }
}

/// A failure of the analysis of one series, reported against the file and the series.
struct SeriesFailure: Error, CustomStringConvertible {
    var source: String
    var label: String
    var message: String
    var description: String { "\(source): \(label): \(message)" }
}

/// A series left out of a batch run with `--keep-going`, and why.
struct SkippedSeries: Sendable {
    var region: String
    var name: String
    var measure: Measure
    var reason: String

    init(region: String, name: String, measure: Measure, reason: String) {
        self.region = region
        self.name = name
        self.measure = measure
        self.reason = reason
    }

    init(_ series: InputSeries, reason: String) {
        self.init(region: series.region, name: series.name, measure: series.measure, reason: reason)
    }

    var label: String {
        (region.isEmpty ? name : region + "/" + name) + (measure == .level ? "" : " (\(measure.rawValue))")
    }
}

/// Picking series out of an observation file by `--series` and `--region`.
enum SeriesSelection {
    /// Reads the file and returns the series asked for, in file order.
    ///
    /// `name` matches the `series` or `indicator` column, `region` the `region` column (a file
    /// without one has the single region ""). `measure`, when given, keeps that measure only.
    /// Leading and trailing missing values are dropped; a missing value between two observed
    /// ones (an empty or `NA` cell, or a period with no row) is refused, naming the period and
    /// the line. Throws `InputError` for an unknown name or region (listing what exists).
    static func load(path: String?, name: String?, region: String?, measure: Measure? = nil, from: Period? = nil)
        throws -> (series: [InputSeries], document: CSVDocument) {
        let (series, skipped, document) = try load(path: path, name: name, region: region, measure: measure,
                                                   from: from, keepGoing: false)
        precondition(skipped.isEmpty)
        return (series, document)
    }

    /// As ``load(path:name:region:measure:)``; with `keepGoing`, series with a missing value
    /// inside are returned as skipped (with the message) instead of stopping the read.
    /// `from` (`--from`) leaves out the periods before it; a period of another frequency counts from the month it starts
    /// in (``Period/start(in:)``), and one starting inside a period of a series is refused (an `InputError`).
    static func load(path: String?, name: String?, region: String?, measure: Measure?, from: Period? = nil,
                     keepGoing: Bool)
        throws -> (series: [InputSeries], skipped: [SkippedSeries], document: CSVDocument) {
        let document = try CSVDocument.read(path: path)
        let set = try ObservationSet(document: document)
        var chosen = set.series
        if let name {
            chosen = chosen.filter { $0.indicator == name }
            if chosen.isEmpty {
                throw InputError(file: set.source, problem: "no series named \"\(name)\"",
                                 expected: "one of: " + distinct(set.series.map(\.indicator)))
            }
        }
        if let region {
            let inRegion = chosen.filter { $0.region == region }
            if inRegion.isEmpty {
                throw InputError(file: set.source,
                                 problem: "no region \"\(region)\"" + (name.map { " with series \"\($0)\"" } ?? ""),
                                 expected: "one of: " + distinct(chosen.map { $0.region.isEmpty ? "\"\"" : $0.region }))
            }
            chosen = inRegion
        }
        if let measure {
            let ofMeasure = chosen.filter { $0.measure == measure }
            if ofMeasure.isEmpty {
                throw InputError(file: set.source, problem: "no series with measure \(measure.rawValue)",
                                 expected: "one of: " + distinct(chosen.map(\.measure.rawValue)))
            }
            chosen = ofMeasure
        }
        var series: [InputSeries] = []
        var skipped: [SkippedSeries] = []
        for s in chosen {
            do {
                series.append(try complete(s, source: set.source, from: from))
            } catch let error as InputError where keepGoing {
                skipped.append(SkippedSeries(region: s.region, name: s.indicator, measure: s.measure,
                                             reason: error.description))
            }
        }
        return (series, skipped, document)
    }

    private static func distinct(_ names: [String]) -> String {
        var seen = Set<String>()
        var out: [String] = []
        for n in names where seen.insert(n).inserted { out.append(n) }
        if out.count > 20 { return out.prefix(20).joined(separator: ", ") + ", … (\(out.count) in all)" }
        return out.joined(separator: ", ")
    }

    /// The observed stretch of a series, refusing missing values inside it.
    ///
    /// A monthly `ytd` series without January but with February (the combined January–February release, SPEC §2)
    /// is not refused: January's year-to-date value is taken as half of February's — the combined figure split
    /// evenly between the two months, as `pace gap`'s model method splits it — and a note says which years.
    static func complete(_ s: ObservationSeries, source: String, from: Period? = nil) throws -> InputSeries {
        var values = s.values
        var sourceLines = s.sourceLines
        let label = (s.region.isEmpty ? "" : s.region + "/") + s.indicator
            + (s.measure == .level ? "" : " (\(s.measure.rawValue))")
        if let from {
            // `from` in the series' frequency, from the month it starts in (2020-04 of a quarterly series is 2020Q2); a
            // start inside a period of the series (2020-02 of a quarterly one) names no first period of it: refused.
            let start: Period
            switch from.start(in: s.frequency) {
            case .starts(let p): start = p
            case .inside(let p):
                let noun = s.frequency == .annual ? "year" : "quarter"   // every month starts a monthly period
                let choices = p.next.map { "\(p) to keep that \(noun), or \($0) to leave it out" } ?? "\(p)"
                throw InputError(file: source,
                                 problem: "series \(label): --from \(from) starts inside \(p) of this \(s.frequency) series",
                                 expected: "a --from that starts a \(noun): \(choices)")
            }
            // Periods before `start` become absent (dropped as leading missing values).
            var k = 0
            while k < values.count && s.period(at: k) < start {
                values[k] = .nan
                k += 1
            }
            if !values.contains(where: { !$0.isNaN }) {
                throw InputError(file: source, problem: "series \(label) has no values from \(from) on",
                                 expected: "a --from period before the series' last one, \(s.period(at: s.count - 1))")
            }
        }
        var splitYears: [Int] = []
        if s.measure == .ytd && s.frequency == .monthly,
           let first = values.firstIndex(where: { !$0.isNaN }), let last = values.lastIndex(where: { !$0.isNaN }) {
            for k in first..<last where values[k].isNaN && s.period(at: k).position == 1 && values[k + 1].isFinite {
                values[k] = values[k + 1] / 2
                if !sourceLines.isEmpty { sourceLines[k] = sourceLines[k + 1] }
                splitYears.append(s.period(at: k).year)
            }
        }
        guard let first = values.firstIndex(where: { !$0.isNaN }),
              let last = values.lastIndex(where: { !$0.isNaN }) else {
            let line = s.sourceLines.first { $0 != 0 }.map(Int.init)
            throw InputError(file: source, line: line, problem: "series \(label) has no values",
                             expected: "at least one number")
        }
        // Where the last stretch without gaps starts, for the messages' --from suggestion.
        var tail = last
        while tail > first && !values[tail - 1].isNaN { tail -= 1 }
        let suggestion = "fill the gap, or use the last \(last - tail + 1) consecutive periods with --from \(s.period(at: tail))"
        for k in first...last where values[k].isNaN {
            let period = s.period(at: k)
            if s.hasRow(at: k), !sourceLines.isEmpty {
                throw InputError(file: source, line: Int(sourceLines[k]),
                                 problem: "missing value for \(label) at \(period) inside the series",
                                 found: "", expected: "a number (time-series methods need consecutive values; \(suggestion))")
            }
            // A period with no row: point at the next row of the series.
            var next = k + 1
            while next < values.count, !s.hasRow(at: next) { next += 1 }
            let line = next < sourceLines.count ? Int(sourceLines[next]) : nil
            throw InputError(file: source, line: line,
                             problem: "no row for \(label) at \(period) (a gap before this row)",
                             expected: "consecutive periods (time-series methods need every period; \(suggestion))")
        }
        let lines = sourceLines.isEmpty ? [Int32](repeating: 0, count: last - first + 1) : Array(sourceLines[first...last])
        var notes: [String] = []
        if !splitYears.isEmpty {
            notes.append("\(label): January–February combined in \(yearList(splitYears)): January's ytd taken as half of "
                         + "February's (the combined figure split evenly)")
        }
        return InputSeries(region: s.region, name: s.indicator, measure: s.measure, start: s.period(at: first),
                           values: Array(values[first...last]), lines: lines, source: source, notes: notes)
    }

    /// "1993, 1994, 1995" or, for long runs, "1993–2018 (26 years)"; years ascending.
    static func yearList(_ years: [Int]) -> String {
        if years.count > 3, years.last! - years.first! == years.count - 1 {
            return "\(years.first!)–\(years.last!) (\(years.count) years)"
        }
        return years.map(String.init).joined(separator: ", ")
    }
}
