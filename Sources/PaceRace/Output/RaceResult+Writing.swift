import PaceData

extension RaceResult {
    /// The output formats of `pace race`.
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json, jsonl, md
    }

    /// Column names of the CSV and JSON rows: `region, points, rank`, then `rank_<indicator>`
    /// and `points_<indicator>` per scheme entry in scheme order, then `rank_change,
    /// gap_ahead, gap_behind, notes`.
    public var columnNames: [String] {
        var names = ["region", "points", "rank"]
        for e in scheme.entries { names += ["rank_" + e.indicator, "points_" + e.indicator] }
        return names + ["rank_change", "gap_ahead", "gap_behind", "notes"]
    }

    /// Provenance lines `name: value` (CSV comments, table footer); a file whose content hash is known
    /// (``inputs``) has it after its name, and the data and targets of an in-process gap analysis get lines of their own.
    public var provenanceLines: [String] {
        func hashed(_ role: String, _ name: String) -> String {
            inputs.first { $0.role == role }.map { name + " fnv1a64w:" + $0.hash } ?? name
        }
        var lines = ["pace race \(paceVersion)", "schema: \(RaceResult.schema)", "scheme: " + hashed("scheme", scheme.source),
                     "scoring: \(scoring.rawValue)", "floor: \(formatNumber(floor))",
                     "as_of: \(asOf.joined(separator: ", "))", "input: " + hashed("gap", source)]
        if let previousSource { lines.append("previous: " + hashed("previous", previousSource)) }
        for input in inputs where !["scheme", "gap", "previous"].contains(input.role) {
            lines.append("\(input.role): \(input.source) fnv1a64w:\(input.hash)")
        }
        return lines
    }

    /// Writes the league table. CSV: `# ` provenance lines, then the header and one row per
    /// region, numbers in shortest round-trip form and undefined values empty, notes joined
    /// by `; `. JSON (`pace.race/1`): provenance members, the scheme, and `rows` (notes as an
    /// array, undefined values `null`). Table and Markdown: points to two decimals, rank
    /// changes signed, provenance in a footer.
    public func write(_ format: Format, to sink: OutputSink) {
        switch format {
        case .csv: writeCSV(to: sink)
        case .json: writeJSON(to: sink)
        case .jsonl: writeJSONLines(to: sink)
        case .table: writeTable(to: sink, markdown: false)
        case .md: writeTable(to: sink, markdown: true)
        }
    }

    func writeCSV(to sink: OutputSink) {
        for line in provenanceLines { sink.write("# " + escapingControlCharacters(line) + "\n") }
        let csv = CSVWriter(sink: sink)
        csv.writeHeader(columnNames)
        for s in standings {
            csv.field(s.region)
            csv.field(s.points)
            csv.field(s.rank)
            for score in s.indicators {
                if let r = score.rank { csv.field(r) } else { csv.missing() }
                csv.field(score.points)
            }
            if let c = s.rankChange { csv.field(c) } else { csv.missing() }
            csv.field(s.gapAhead)
            csv.field(s.gapBehind)
            csv.field(s.notes.joined(separator: "; "))
            csv.endRow()
        }
    }

    func writeJSON(to sink: OutputSink) {
        let json = JSONWriter(sink: sink, pretty: true)
        json.beginObject()
        writeProvenanceMembers(json)
        json.key("rows")
        json.beginArray()
        for s in standings {
            json.beginObject()
            writeRowMembers(s, json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        sink.write("\n")
    }

    /// JSON Lines: a `provenance` record (the JSON's members before `rows`), then one `row` record per region.
    func writeJSONLines(to sink: OutputSink) {
        let lines = JSONLinesWriter(sink: sink)
        lines.record("provenance") { json in
            writeProvenanceMembers(json)
        }
        for s in standings {
            lines.record("row") { json in
                writeRowMembers(s, json)
            }
        }
    }

    private func writeProvenanceMembers(_ json: JSONWriter) {
        json.member("schema", RaceResult.schema)
        json.member("version", paceVersion)
        json.member("scheme", scheme.source)
        json.member("scoring", scoring.rawValue)
        json.member("floor", floor)
        json.member("as_of", asOf.isEmpty ? nil : asOf.joined(separator: ", "))
        json.member("input", source)
        json.member("previous", previousSource)
        if !inputs.isEmpty { json.inputsMember(inputs) }
        json.key("indicators")
        json.beginArray()
        for e in scheme.entries {
            json.beginObject()
            json.member("indicator", e.indicator)
            json.member("weight", e.weight)
            json.member("metric", e.metric)
            json.member("direction", e.direction.rawValue)
            json.endObject()
        }
        json.endArray()
    }

    private func writeRowMembers(_ s: RaceStanding, _ json: JSONWriter) {
        json.member("region", s.region)
        json.member("points", s.points)
        json.member("rank", s.rank)
        for (e, score) in zip(scheme.entries, s.indicators) {
            json.key("rank_" + e.indicator)
            if let r = score.rank { json.number(r) } else { json.null() }
            json.member("points_" + e.indicator, score.points)
        }
        json.key("rank_change")
        if let c = s.rankChange { json.number(c) } else { json.null() }
        json.member("gap_ahead", s.gapAhead)
        json.member("gap_behind", s.gapBehind)
        json.key("notes")
        json.beginArray()
        for note in s.notes { json.string(note) }
        json.endArray()
    }

    func writeTable(to sink: OutputSink, markdown: Bool) {
        var table = TextTable(header: columnNames)
        for s in standings {
            var cells = [s.region, RaceResult.twoDecimals(s.points), String(s.rank)]
            for score in s.indicators {
                cells.append(score.rank.map(String.init) ?? "")
                cells.append(RaceResult.twoDecimals(score.points))
            }
            cells.append(s.rankChange.map { $0 > 0 ? "+\($0)" : String($0) } ?? "")
            cells.append(s.gapAhead.map(RaceResult.twoDecimals) ?? "")
            cells.append(s.gapBehind.map(RaceResult.twoDecimals) ?? "")
            cells.append(s.notes.joined(separator: "; "))
            table.addRow(cells)
        }
        if markdown {
            sink.write(table.markdown())
            sink.write(TextTable.markdownFooter(provenanceLines))
        } else {
            sink.write(table.plainText())
            sink.write("\n" + TextTable.plainCell(provenanceLines.joined(separator: " · ")) + "\n")
        }
    }

    /// `x` rounded to two decimals with both digits shown (`8.6`→`8.60`, `-0.001`→`0.00`).
    static func twoDecimals(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        guard abs(x) < 1e15 else { return formatNumber(x) }
        let cents = (abs(x) * 100).rounded()
        let whole = Int(cents / 100)
        let fraction = Int(cents.truncatingRemainder(dividingBy: 100))
        let sign = x < 0 && cents > 0 ? "-" : ""
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
