import ArgumentParser
import Dispatch
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

    /// CSV, formatted in batches of series on two threads into reused byte buffers and
    /// written in order: the fields shared by a series (region, indicator, measure) are
    /// escaped once, periods and numbers are written as bytes (`appendNumber`, equal to
    /// `formatNumber`).
    private func writeCSV(to sink: OutputSink) {
        sink.write(ConvertedRows.header.joined(separator: ",") + "\n")
        let lanes = 2
        let batchRows = 1 << 15
        let buffers = BatchBuffers(count: lanes)
        var next = 0
        while next < series.count {
            // Cut the next `lanes` batches of about `batchRows` rows each.
            var ranges: [Range<Int>] = []
            var start = next
            for _ in 0..<lanes where start < series.count {
                var end = start
                var rows = 0
                while end < series.count, rows < batchRows {
                    rows += series[end].count
                    end += 1
                }
                ranges.append(start..<end)
                start = end
            }
            next = start
            let work = ranges
            let all = series
            DispatchQueue.concurrentPerform(iterations: work.count) { lane in
                buffers.fill(lane) { buffer in
                    for i in work[lane] { ConvertedRows.appendCSVRows(of: all[i], to: &buffer) }
                }
            }
            for lane in 0..<work.count { buffers.write(lane, to: sink) }
        }
    }

    /// Appends the CSV rows of one series.
    static func appendCSVRows(of s: ObservationSeries, to row: inout [UInt8]) {
        let prefix = Array((CSVWriter.escape(s.region) + "," + CSVWriter.escape(s.indicator) + ",").utf8)
        let measure = Array(("," + s.measure.rawValue + ",").utf8)
        let decimals = s.effectiveDecimals
        let noNotes = s.notes.isEmpty
        for k in 0..<s.count {
            let note = noNotes ? nil : s.notes[k]
            let value = s.values[k]
            if value.isNaN && note == nil { continue }
            row.append(contentsOf: prefix)
            s.period(at: k).appendCanonical(to: &row)
            row.append(contentsOf: measure)
            if !value.isNaN { appendNumber(value, decimals: decimals, to: &row) }
            row.append(0x2C)
            if let note {
                var escaped = CSVWriter.escape(note)
                escaped.withUTF8 { row.append(contentsOf: $0) }
            }
            row.append(0x0A)
        }
    }
}

/// One reusable byte buffer per thread; each thread touches only its own lane object.
final class BatchBuffers: @unchecked Sendable {
    final class Lane {
        var bytes: [UInt8] = []
        init() { bytes.reserveCapacity(1 << 21) }
    }

    private let lanes: [Lane]

    init(count: Int) {
        lanes = (0..<count).map { _ in Lane() }
    }

    func fill(_ lane: Int, _ body: (inout [UInt8]) -> Void) {
        let l = lanes[lane]
        l.bytes.removeAll(keepingCapacity: true)
        body(&l.bytes)
    }

    func write(_ lane: Int, to sink: OutputSink) {
        sink.write(lanes[lane].bytes)
    }
}
