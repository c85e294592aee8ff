/// One thing `pace check` found in a data file.
public struct CheckFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// Makes the check fail (exit 1): bad rows, duplicates, growth beyond the tolerance.
        case problem
        /// Reported, allowed: gaps, missing values, combined January–February releases.
        case note
    }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: problem: message` (line and column when they apply).
    public var description: String {
        locationText(file: file, line: line, column: column) + ": \(severity.rawValue): " + message
    }
}

/// The result of validating an observation file (SPEC §3, `pace check`).
public struct CheckReport: Sendable {
    public var source: String
    public var findings: [CheckFinding]
    /// Problems found in total (``findings`` holds at most the limit of them).
    public var problemCount: Int
    public var seriesCount: Int
    public var rowCount: Int
    public var comparisons: [GrowthComparison]
    /// True when the file has problems (the check's exit status is then 1).
    public var hasProblems: Bool { problemCount > 0 }
    public var noteCount: Int { findings.filter { $0.severity == .note }.count }

    /// One line: what was read and what was found.
    public var summary: String {
        "\(source): \(rowCount) rows, \(seriesCount) series, \(problemCount) problem\(problemCount == 1 ? "" : "s"), \(noteCount) note\(noteCount == 1 ? "" : "s")"
    }
}

extension ObservationSet {
    /// Validates an observation file: every row is read (rows with problems are reported and
    /// left out instead of stopping the read), then the series are checked:
    /// - problems: bad periods, unknown measures, non-numbers, mixed frequencies, unit changes,
    ///   duplicate keys (naming both lines), and published growth (`yoy`, `ytd_yoy`,
    ///   `index_prev_year_100`) that differs from growth recomputed from the amounts by more
    ///   than `tolerance` percentage points;
    /// - notes: gaps (periods with no row inside a series), missing values, and monthly
    ///   year-to-date series without January (the combined January–February release, normal
    ///   and reported once per series instead of as gaps).
    ///
    /// - Throws: ``InputError`` only when the file cannot be read as observations at all.
    public static func check(document: CSVDocument, layout: ObservationLayout = .long, tolerance: Double = 0.1,
                             metadata: IndicatorMetadata = IndicatorMetadata(), limit: Int = 1000) throws -> CheckReport {
        let (set, problems, problemCount) = try readCollectingProblems(document: document, layout: layout, limit: limit)
        var findings = problems.map { e in
            CheckFinding(severity: .problem, file: e.file, line: e.line, column: e.column, message: e.unlocatedMessage)
        }
        var count = problemCount
        let file = document.source

        // Gaps and missing values, per series.
        let gaps = set.gaps()
        var gapIndex = 0
        for (i, s) in set.series.enumerated() {
            var januaryMissing: [Int] = []
            while gapIndex < gaps.count, gaps[gapIndex].seriesIndex == i {
                let gap = gaps[gapIndex]
                gapIndex += 1
                if s.measure == .ytd, s.frequency == .monthly, gap.length == 1, gap.first.position == 1 {
                    januaryMissing.append(gap.first.year)
                    continue
                }
                let span = gap.length == 1 ? "\(gap.first)" : "\(gap.first) to \(gap.last) (\(gap.length) periods)"
                findings.append(CheckFinding(severity: .note, file: file, line: gap.lineAfter,
                                             message: "gap in \(s.label): no row for \(span)"))
            }
            if s.measure == .ytd, s.frequency == .monthly, s.start.position == 2 { januaryMissing.insert(s.start.year, at: 0) }
            if !januaryMissing.isEmpty {
                findings.append(CheckFinding(
                    severity: .note, file: file, line: s.sourceLines.first.map(Int.init),
                    message: "\(s.label): no January in \(januaryMissing.count) year\(januaryMissing.count == 1 ? "" : "s") (\(yearList(januaryMissing))); the February level covers January–February"))
            }
            var missingLines: [Int] = []
            for k in 0..<s.count where s.values[k].isNaN && s.hasRow(at: k) { missingLines.append(Int(s.sourceLines[k])) }
            if !missingLines.isEmpty {
                let shown = missingLines.prefix(5).map(String.init).joined(separator: ", ")
                findings.append(CheckFinding(
                    severity: .note, file: file, line: missingLines[0],
                    message: "\(s.label): \(missingLines.count) missing value\(missingLines.count == 1 ? "" : "s") (line\(missingLines.count == 1 ? "" : "s") \(shown)\(missingLines.count > 5 ? ", …" : ""))"))
            }
        }

        // Frequencies: one per series is enforced; several in one file is allowed but noted.
        var byFrequency: [Frequency: Int] = [:]
        for s in set.series { byFrequency[s.frequency, default: 0] += 1 }
        if byFrequency.count > 1 {
            let parts = Frequency.allCases.compactMap { f in byFrequency[f].map { "\($0) \(f)" } }
            findings.append(CheckFinding(severity: .note, file: file,
                                         message: "series of several frequencies: " + parts.joined(separator: ", ")))
        }

        // Published against recomputed growth.
        var comparisons: [GrowthComparison] = []
        for group in set.groupedByIndicator() {
            let members = group.map { set.series[$0] }
            var plan = GroupPlan(members: members, kind: metadata.kind(of: members[0].indicator), tolerance: tolerance)
            let hasAmounts = members.contains { $0.measure.isAmount }
            guard hasAmounts else { continue }
            if members.contains(where: { $0.measure == .yoy || $0.measure == .previousYearIndex }) { _ = try? plan.yearOnYear() }
            if members.contains(where: { $0.measure == .ytdYoy }) { _ = try? plan.yearToDateYearOnYear() }
            comparisons.append(contentsOf: plan.comparisons)
        }
        for c in comparisons {
            let label = (c.region.isEmpty ? "" : c.region + "/") + c.indicator + "/" + c.measure.rawValue
            for d in c.differences {
                count += 1
                if findings.count < limit + 1000 {
                    findings.append(CheckFinding(
                        severity: .problem, file: file, line: d.line,
                        message: "\(label) \(d.period): published \(formatPlain(d.published)) differs from recomputed \(formatPlain(roundedForMessage(d.recomputed))) by \(formatPlain(roundedForMessage(d.points))) points (tolerance \(formatPlain(tolerance)))"))
                }
            }
        }
        for c in comparisons {
            let label = (c.region.isEmpty ? "" : c.region + "/") + c.indicator + "/" + c.measure.rawValue
            for u in c.unchecked where findings.count < limit + 1000 {
                findings.append(CheckFinding(
                    severity: .note, file: file, line: u.line,
                    message: "\(label) \(u.period): published \(formatPlain(u.published)) could not be checked: \(u.reason)"))
            }
        }
        findings.sort { ($0.line ?? 0, $0.severity == .problem ? 0 : 1) < ($1.line ?? 0, $1.severity == .problem ? 0 : 1) }
        return CheckReport(source: file, findings: findings, problemCount: count, seriesCount: set.series.count,
                           rowCount: document.rowCount, comparisons: comparisons)
    }
}

private func roundedForMessage(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// "1992, 1993, 1995–1998": years compressed into runs.
private func yearList(_ years: [Int]) -> String {
    var parts: [String] = []
    var i = 0
    while i < years.count {
        var j = i
        while j + 1 < years.count, years[j + 1] == years[j] + 1 { j += 1 }
        parts.append(j == i ? "\(years[i])" : "\(years[i])–\(years[j])")
        i = j + 1
    }
    return parts.joined(separator: ", ")
}

extension InputError {
    /// The message without the `file:line:column: ` location: `problem (found X, expected Y)`.
    var unlocatedMessage: String {
        var s = problem
        switch (found, expected) {
        case let (f?, e?): s += " (found \(InputError.quote(f)), expected \(e))"
        case let (f?, nil): s += " (found \(InputError.quote(f)))"
        case let (nil, e?): s += " (expected \(e))"
        case (nil, nil): break
        }
        return s
    }
}
