import ArgumentParser
import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output formats of commands that print rows.
enum RowFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl, json, table, md

    /// A table on a terminal, CSV when piped or written to a file (SPEC §7).
    static func defaultFor(output: String?) -> RowFormat {
        output == nil && isatty(1) != 0 ? .table : .csv
    }
}

/// Converted series flattened into long rows `region,indicator,period,measure,value,note`:
/// every period with a value or a note (a missing value of the source appears with an empty
/// value and the note "missing in the source").
struct ConvertedRows {
    static let header = ["region", "indicator", "period", "measure", "value", "note"]
    var series: [ObservationSeries]

    /// Calls `body(seriesIndex, series, index, note)` for every row, in order.
    func forEachRow(_ body: (Int, ObservationSeries, Int, String?) -> Void) {
        for (number, s) in series.enumerated() {
            let noNotes = s.notes.isEmpty
            for k in 0..<s.count {
                let note = noNotes ? nil : s.notes[k]
                if s.values[k].isNaN && note == nil { continue }
                body(number, s, k, note)
            }
        }
    }

    func write(format: RowFormat, to sink: OutputSink, schema: String, provenance: [(String, String)]) {
        switch format {
        case .csv: writeCSV(to: sink)
        case .jsonl:
            let lines = JSONLinesWriter(sink: sink)
            forEachRow { _, s, k, note in lines.record { json in member(json, s, k, note) } }
        case .json:
            let json = JSONWriter(sink: sink)
            json.beginObject()
            json.member("schema", schema)
            json.member("version", paceVersion)
            for (key, value) in provenance { json.member(key, value) }
            json.key("rows")
            json.beginArray()
            forEachRow { _, s, k, note in
                json.beginObject()
                member(json, s, k, note)
                json.endObject()
            }
            json.endArray()
            json.endObject()
            sink.write(byte: 0x0A)
        case .table, .md:
            var table = TextTable(header: ConvertedRows.header)
            forEachRow { _, s, k, note in
                table.addRow([s.region, s.indicator, s.period(at: k).description, s.measure.rawValue,
                              formatNumber(s.values[k]), note ?? ""])
            }
            if format == .md { table.writeMarkdown(to: sink) } else { table.writePlainText(to: sink) }
        }
    }

    private func member(_ json: JSONWriter, _ s: ObservationSeries, _ k: Int, _ note: String?) {
        json.member("region", s.region)
        json.member("indicator", s.indicator)
        json.member("period", s.period(at: k).description)
        json.member("measure", s.measure.rawValue)
        json.member("value", s.values[k].isNaN ? nil : s.values[k])
        json.member("note", note)
    }

    /// CSV written row by row into a reused byte buffer: the fields shared by a series
    /// (region, indicator, measure) are escaped once per series, periods are written as bytes.
    private func writeCSV(to sink: OutputSink) {
        sink.write(ConvertedRows.header.joined(separator: ",") + "\n")
        var row: [UInt8] = []
        row.reserveCapacity(256)
        var prefix: [UInt8] = []
        var measure: [UInt8] = []
        var current = -1
        forEachRow { number, s, k, note in
            if number != current {
                current = number
                prefix = Array((CSVWriter.escape(s.region) + "," + CSVWriter.escape(s.indicator) + ",").utf8)
                measure = Array(("," + s.measure.rawValue + ",").utf8)
            }
            row.removeAll(keepingCapacity: true)
            row.append(contentsOf: prefix)
            s.period(at: k).appendCanonical(to: &row)
            row.append(contentsOf: measure)
            var number = formatNumber(s.values[k])
            number.withUTF8 { row.append(contentsOf: $0) }
            row.append(0x2C)
            if let note {
                var escaped = CSVWriter.escape(note)
                escaped.withUTF8 { row.append(contentsOf: $0) }
            }
            row.append(0x0A)
            sink.write(row)
        }
    }
}
