import ArgumentParser
import PaceData

/// A series split into named components, one row per period: what `pace filter hp`
/// (`period,value,trend,cycle`) and `pace decompose` (`period,value,trend,seasonal,remainder`)
/// print. Undefined values (the ends of a classical moving average) are empty in CSV, `null`
/// in JSON and blank in tables.
///
/// JSON: `{"schema", "provenance": {version, method, parameters, inputs}, "region", "series",
/// "measure", "frequency", "rows": [{"period", "value", …}]}`. JSON Lines: a `provenance` record (schema,
/// provenance, region, series, measure, frequency, notes), then one `row` record a period. Markdown: the
/// table's description line, a Markdown table and the provenance in italics.
struct ComponentReport: FormattedReport {
    var schema: String
    var command: String
    var method: String
    var parameters: [(String, String)]
    var series: InputSeries
    var source: String
    var inputHash: String
    /// Names of the columns after `period`, starting with `value`.
    var columns: [String]
    /// One array per column, each `series.count` long.
    var data: [[Double]]
    /// Extra lines for people (under the table, `# ` lines in CSV).
    var notes: [String] = []

    var provenanceLines: [String] {
        ["pace \(command) \(paceVersion)", "schema: \(schema)", "method: \(method)",
         "parameters: " + parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " "),
         "input: observations \(source) fnv1a64w:\(inputHash)", "series: \(series.label)"] + notes
    }

    /// The formats `filter hp` and `decompose` write.
    static let formats: [OutputFormat] = [.table, .csv, .json, .jsonl, .md]

    func writeCSV(to sink: OutputSink) {
        for line in provenanceLines { sink.write("# " + escapingControlCharacters(line) + "\n") }
        let csv = CSVWriter(sink: sink)
        csv.writeHeader(["period"] + columns)
        for t in 0..<series.count {
            csv.field(series.period(at: t).description)
            for column in data { csv.field(column[t]) }
            csv.endRow()
        }
    }

    func writeJSON(to sink: OutputSink) {
        let json = JSONWriter(sink: sink)
        json.beginObject()
        json.member("schema", schema)
        json.key("provenance")
        writeProvenance(json)
        writeSeriesMembers(json)
        json.key("rows")
        json.beginArray()
        for t in 0..<series.count {
            json.beginObject()
            writeRowMembers(t, json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        sink.write("\n")
    }

    func writeJSONLines(to sink: OutputSink) {
        let lines = JSONLinesWriter(sink: sink)
        lines.record("provenance", schema: schema) { json in
            json.key("provenance")
            writeProvenance(json)
            writeSeriesMembers(json)
        }
        for t in 0..<series.count {
            lines.record("row") { json in
                writeRowMembers(t, json)
            }
        }
    }

    private func writeProvenance(_ json: JSONWriter) {
        json.beginObject()
        json.member("version", paceVersion)
        json.member("method", method)
        json.key("parameters")
        json.beginObject()
        for (name, value) in parameters { json.member(name, value) }
        json.endObject()
        writeObservationInputs(json, source: source, hash: inputHash)
        json.endObject()
    }

    private func writeSeriesMembers(_ json: JSONWriter) {
        json.member("region", series.region)
        json.member("series", series.name)
        json.member("measure", series.measure.rawValue)
        json.member("frequency", series.frequency.description)
        if !series.notes.isEmpty {
            json.key("notes")
            json.beginArray()
            for note in series.notes { json.string(note) }
            json.endArray()
        }
    }

    private func writeRowMembers(_ t: Int, _ json: JSONWriter) {
        json.member("period", series.period(at: t).description)
        for (name, column) in zip(columns, data) { json.member(name, column[t]) }
    }

    func writeTable(to sink: OutputSink, markdown: Bool) {
        let description = TextTable.plainCell("\(series.label): \(method); ") + parameters.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        var table = TextTable(header: ["period"] + columns)
        for t in 0..<series.count {
            table.addRow([series.period(at: t).description] + data.map { humanNumber($0[t]) })
        }
        if markdown {
            sink.write(description + "\n\n")
            for note in notes { sink.write("_\(TextTable.plainCell(note))_\n\n") }
            sink.write(table.markdown())
            sink.write(TextTable.markdownFooter(provenanceLines))
        } else {
            sink.write(description + "\n")
            for note in notes { sink.write(TextTable.plainCell(note) + "\n") }
            sink.write(table.plainText())
        }
    }
}

extension SeriesSelection {
    /// Exactly one series for the single-series commands: `--series` may be left out when the
    /// file (after `--region`/`--measure`) holds one series only; several matches are a usage
    /// error listing them.
    static func single(path: String?, name: String?, region: String?, measure: Measure?, from: Period? = nil,
                       command: String) throws -> (series: InputSeries, document: CSVDocument) {
        let (all, document) = try load(path: path, name: name, region: region, measure: measure, from: from)
        guard all.count == 1 else {
            let names = all.map(\.label)   // the label names the measure when it is not level
            var shown = names.prefix(20).joined(separator: ", ")
            if names.count > 20 { shown += ", … (\(names.count) in all)" }
            throw ValidationError(
                "pace \(command) works on one series, and \(document.source) has \(all.count) that match: \(shown) (pick one with --series, --region or --measure)")
        }
        return (all[0], document)
    }
}
