import Dispatch
import PaceData

extension GapReport {
    /// The output formats of `pace gap`.
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json, jsonl, md
    }

    /// Writes the report: CSV/JSON/JSON Lines with exactly SPEC §4's column names, shares as
    /// fractions and undefined values empty (`null` in JSON); tables for people with
    /// percentages and lights. Provenance goes into a `# ` comment block before the CSV
    /// header, a `provenance` object in JSON, a first `provenance` line in JSON Lines, and a
    /// footer under tables.
    public func write(_ format: Format, to sink: OutputSink) {
        switch format {
        case .csv: writeCSV(to: sink)
        case .json: writeJSON(to: sink)
        case .jsonl: writeJSONLines(to: sink)
        case .table: writeTable(to: sink, markdown: false)
        case .md: writeTable(to: sink, markdown: true)
        }
    }

    /// The provenance lines, `name: value`.
    public var provenanceLines: [String] {
        var lines = ["pace gap \(version)", "schema: \(GapReport.schema)", "method: \(method.rawValue)",
                     "as_of: \(asOf)"]
        lines.append("parameters: " + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        for input in inputs {
            lines.append("input: \(input.role) \(input.source) fnv1a64w:\(input.hash)")
        }
        return lines
    }

    func writeCSV(to sink: OutputSink) {
        for line in provenanceLines { sink.write("# " + escapingControlCharacters(line) + "\n") }
        CSVWriter(sink: sink).writeHeader(GapRow.columnNames)
        // Rows are formatted in blocks, two at a time on two threads for large reports, into
        // two buffers reused for every block and written in order: the text is exactly
        // `CSVWriter`'s (`formatNumber`, empty for nil, `escape` for text), and the memory is
        // two blocks' worth instead of the whole report's (fresh pages cost more than the
        // formatting here).
        let count = rows.count
        let lanes = count >= 8192 ? 2 : 1
        let block = 2048
        let rows = self.rows
        var buffers = (0..<lanes).map { _ in RowBytes(capacity: block * 320 + 64) }
        defer { for buffer in buffers { buffer.release() } }
        var start = 0
        while start < count {
            let first = start
            buffers.withUnsafeMutableBufferPointer { lane in
                let out = SendablePointer(lane.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: lanes) { k in
                    let range = min(count, first + block * k)..<min(count, first + block * (k + 1))
                    out.pointer[k].count = 0
                    for i in range { GapReport.appendCSV(rows[i], to: &out.pointer[k]) }
                }
            }
            for buffer in buffers where buffer.count > 0 {
                sink.write(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
            }
            start += block * lanes
        }
    }

    /// A growable byte buffer for formatting rows without per-field allocations.
    struct RowBytes: @unchecked Sendable {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = LargeAllocation.allocate(bytes: capacity).assumingMemoryBound(to: UInt8.self)
        }

        func release() { LargeAllocation.free(base, bytes: capacity) }

        /// Room for `extra` more bytes.
        @inline(__always)
        mutating func reserve(_ extra: Int) {
            if count + extra > capacity {
                let bigger = Swift.max(capacity * 2, count + extra)
                base = LargeAllocation.reallocate(base, from: capacity, to: bigger).assumingMemoryBound(to: UInt8.self)
                capacity = bigger
            }
        }

        @inline(__always)
        mutating func append(byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { u in
                reserve(u.count)
                if let p = u.baseAddress { (base + count).update(from: p, count: u.count) }
                count += u.count
            }
        }

        /// A text field as `CSVWriter.escape` writes it: copied straight from the String's bytes
        /// when it needs no quotes (`CSVWriter.needsQuotes`).
        mutating func append(field text: String) {
            var text = text
            let plain = text.withUTF8 { u -> Bool in
                if CSVWriter.needsQuotes(utf8: u) { return false }
                reserve(u.count)
                if let p = u.baseAddress { (base + count).update(from: p, count: u.count) }
                count += u.count
                return true
            }
            if !plain { append(CSVWriter.escape(text)) }
        }

        /// `formatNumber(x)`'s bytes.
        @inline(__always)
        mutating func append(number x: Double) {
            reserve(32)
            count += formatNumber(x, into: base + count)
        }
    }

    /// One CSV row, as `CSVWriter` would write it.
    static func appendCSV(_ row: GapRow, to bytes: inout RowBytes) {
        @inline(__always) func text(_ t: String) {
            bytes.append(field: t)
            bytes.append(byte: 0x2C)
        }
        // formatNumber(x): the shortest round-trip digits without a trailing ".0"; empty when
        // not finite.
        @inline(__always) func number(_ x: Double?) {
            if let x, x.isFinite { bytes.append(number: x) }
            bytes.append(byte: 0x2C)
        }
        text(row.region)
        text(row.indicator)
        bytes.append(String(row.year))
        bytes.append(byte: 0x2C)
        text(row.asOf)
        text(row.type?.rawValue ?? "")
        number(row.target)
        number(row.stretch)
        number(row.ytd)
        number(row.timeShare)
        number(row.taskShare)
        number(row.progressPP)
        text(row.light?.rawValue ?? "")
        number(row.ytdGrowth)
        number(row.growthGapPP)
        number(row.requiredGrowth)
        number(row.accelerationPP)
        number(row.projected)
        number(row.projectedGrowth)
        number(row.lo80)
        number(row.hi80)
        number(row.lo95)
        number(row.hi95)
        number(row.pMeet)
        number(row.pMeetStretch)
        text(row.method.rawValue)
        if !row.notes.isEmpty { bytes.append(CSVWriter.escape(row.notes.joined(separator: "; "))) }
        bytes.append(byte: 0x0A)
    }

    func writeProvenance(_ json: JSONWriter) {
        json.beginObject()
        json.member("version", version)
        json.member("method", method.rawValue)
        json.member("as_of", asOf)
        json.key("parameters")
        json.beginObject()
        for p in parameters { json.member(p.name, p.value) }
        json.endObject()
        json.inputsMember(inputs)
        json.endObject()
    }

    func writeRowMembers(_ json: JSONWriter, _ row: GapRow) {
        for (name, cell) in zip(GapRow.columnNames, row.cells) {
            switch cell {
            case .text(let t):
                if name == "notes" {
                    json.key("notes")
                    json.beginArray()
                    for note in row.notes { json.string(note) }
                    json.endArray()
                } else if t.isEmpty && (name == "type" || name == "light") {
                    json.member(name, nil as String?)
                } else {
                    json.member(name, t)
                }
            case .number(let x): json.member(name, x)
            case .integer(let n): json.member(name, n)
            }
        }
    }

    func writeJSON(to sink: OutputSink) {
        let json = JSONWriter(sink: sink, pretty: true)
        json.beginObject()
        json.member("schema", GapReport.schema)
        json.key("provenance")
        writeProvenance(json)
        json.key("rows")
        json.beginArray()
        for row in rows {
            json.beginObject()
            writeRowMembers(json, row)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        sink.write("\n")
    }

    func writeJSONLines(to sink: OutputSink) {
        let lines = JSONLinesWriter(sink: sink)
        lines.record("provenance", schema: GapReport.schema) { json in
            json.key("provenance")
            writeProvenance(json)
        }
        for row in rows {
            lines.record("row") { json in
                writeRowMembers(json, row)
            }
        }
    }

    /// The columns of the table for people: shares and probabilities in %, growth in %,
    /// gaps in points, lights in words.
    static let tableHeader = ["region", "indicator", "as of", "type", "target", "ytd", "time %", "task %",
                              "progress pp", "light", "ytd growth %", "gap pp", "required %", "accel pp",
                              "projected", "proj. growth %", "80% interval", "P(meet) %", "notes"]

    func writeTable(to sink: OutputSink, markdown: Bool) {
        var table = TextTable(header: GapReport.tableHeader)
        for row in rows {
            let interval: String
            if let lo = row.lo80, let hi = row.hi80 { interval = fixed(lo, 1) + "–" + fixed(hi, 1) } else { interval = "" }
            table.addRow([
                row.region, row.indicator, row.asOf, row.type?.rawValue ?? "", row.target.map { fixed($0, 2) } ?? "",
                row.ytd.map { fixed($0, 2) } ?? "", row.timeShare.map { fixed(100 * $0, 1) } ?? "",
                row.taskShare.map { fixed(100 * $0, 1) } ?? "", row.progressPP.map { fixed($0, 1) } ?? "",
                row.light?.rawValue ?? "", row.ytdGrowth.map { fixed($0, 1) } ?? "",
                row.growthGapPP.map { fixed($0, 1) } ?? "", row.requiredGrowth.map { fixed($0, 1) } ?? "",
                row.accelerationPP.map { fixed($0, 1) } ?? "", row.projected.map { fixed($0, 2) } ?? "",
                row.projectedGrowth.map { fixed($0, 1) } ?? "", interval,
                row.pMeet.map { fixed(100 * $0, 0) } ?? "", row.notes.joined(separator: "; "),
            ])
        }
        if markdown {
            sink.write(table.markdown())
            sink.write(TextTable.markdownFooter(provenanceLines))
        } else {
            sink.write(table.plainText())
            sink.write("\n" + TextTable.plainCell(provenanceLines.joined(separator: " · ")) + "\n")
        }
    }
}

/// `x` rounded to `decimals` places (``formatFixed(_:_:)``).
func fixed(_ x: Double, _ decimals: Int) -> String { formatFixed(x, decimals) }
