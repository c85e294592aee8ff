// TEMPORARY row output for `pace convert` until the shared writers (branch `csv`) land.
import ArgumentParser
import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum RowFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl, json, table
    static func defaultForStdout(output: String?) -> RowFormat {
        output == nil && isatty(1) != 0 ? .table : .csv
    }
}

/// Converted series flattened into rows region,indicator,period,measure,value,note.
struct ConvertedRows {
    var series: [ObservationSeries]

    func write(format: RowFormat, to path: String?, schema: String, provenance: [String: String]) throws {
        var sink = try ByteSink(path: path)
        switch format {
        case .csv:
            sink.append("region,indicator,period,measure,value,note\n")
            var prefix: [UInt8] = []
            var measure: [UInt8] = []
            var current = -1
            forEachRow { index, s, k, note in
                if index != current {
                    // The bytes shared by every row of the series, encoded once.
                    current = index
                    var head = ByteSink.detached()
                    head.appendCSVField(s.region); head.append(",")
                    head.appendCSVField(s.indicator); head.append(",")
                    prefix = head.buffer
                    measure = Array(("," + s.measure.rawValue + ",").utf8)
                }
                sink.buffer.append(contentsOf: prefix)
                s.period(at: k).appendCanonical(to: &sink.buffer)
                sink.buffer.append(contentsOf: measure)
                let v = s.values[k]
                if !v.isNaN { sink.append(formatNumber(v)) }
                sink.buffer.append(0x2C)
                if let note { sink.appendCSVField(note) }
                sink.buffer.append(0x0A)
                sink.flushIfFull()
            }
        case .jsonl, .json:
            if format == .json {
                sink.append("{\"schema\":\"\(schema)\",\"version\":\"\(paceVersion)\"")
                for (k, v) in provenance.sorted(by: { $0.key < $1.key }) { sink.append(",\"\(k)\":"); sink.appendJSONString(v) }
                sink.append(",\"rows\":[")
            }
            var first = true
            forEachRow { _, s, k, note in
                if format == .json { sink.append(first ? "\n" : ",\n") }
                first = false
                sink.append("{\"region\":"); sink.appendJSONString(s.region)
                sink.append(",\"indicator\":"); sink.appendJSONString(s.indicator)
                sink.append(",\"period\":\""); s.period(at: k).appendCanonical(to: &sink.buffer)
                sink.append("\",\"measure\":\""); sink.append(s.measure.rawValue)
                sink.append("\",\"value\":")
                let v = s.values[k]
                sink.append(v.isNaN ? "null" : v.description)
                sink.append(",\"note\":")
                if let note { sink.appendJSONString(note) } else { sink.append("null") }
                sink.append(format == .json ? "}" : "}\n")
                sink.flushIfFull()
            }
            if format == .json { sink.append("\n]}\n") }
        case .table:
            var rows: [[String]] = [["region", "indicator", "period", "measure", "value", "note"]]
            forEachRow { _, s, k, note in
                let v = s.values[k]
                rows.append([s.region, s.indicator, s.period(at: k).description, s.measure.rawValue,
                             v.isNaN ? "" : v.description, note ?? ""])
            }
            var widths = [Int](repeating: 0, count: 6)
            for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
            for r in rows {
                var line = ""
                for (i, c) in r.enumerated() {
                    let pad = String(repeating: " ", count: widths[i] - c.count)
                    line += i == 4 ? pad + c : c + (i == 5 ? "" : pad)
                    if i < 5 { line += "  " }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                sink.append(line + "\n")
                sink.flushIfFull()
            }
        }
        try sink.commit()
    }

    /// Every row to print: periods with a value or a note (missing values of the source
    /// appear with an empty value and a note).
    func forEachRow(_ body: (Int, ObservationSeries, Int, String?) -> Void) {
        for (index, s) in series.enumerated() {
            let noNotes = s.notes.isEmpty
            for k in 0..<s.count {
                let note = noNotes ? nil : s.notes[k]
                if s.values[k].isNaN && note == nil { continue }
                body(index, s, k, note)
            }
        }
    }
}

/// Buffered output to standard output or, atomically, to a file.
struct ByteSink {
    var buffer: [UInt8] = []
    let fd: Int32
    let path: String?
    let temporary: String?

    /// A sink that is only a buffer (never flushed), for encoding pieces.
    static func detached() -> ByteSink { ByteSink(fd: -1) }
    private init(fd: Int32) {
        self.fd = fd
        path = nil
        temporary = nil
    }

    init(path: String?) throws {
        buffer.reserveCapacity(1 << 20)
        self.path = path
        if let path {
            let tmp = path + ".pace-tmp-\(getpid())"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 {
                throw InputError(file: path, problem: "cannot write the file: " + String(cString: strerror(errno)))
            }
            self.fd = fd
            temporary = tmp
        } else {
            fd = 1
            temporary = nil
        }
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    mutating func appendCSVField(_ s: String) {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(0x22)
            for b in s.utf8 {
                buffer.append(b)
                if b == 0x22 { buffer.append(0x22) }
            }
            buffer.append(0x22)
        } else {
            append(s)
        }
    }

    mutating func appendJSONString(_ s: String) {
        buffer.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: buffer.append(b)
            }
        }
        buffer.append(0x22)
    }

    mutating func flushIfFull() {
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    break
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func commit() throws {
        flush()
        if let temporary, let path {
            close(fd)
            if rename(temporary, path) != 0 {
                unlink(temporary)
                throw InputError(file: path, problem: "cannot write the file: " + String(cString: strerror(errno)))
            }
        }
    }
}

func writeText(_ text: String) throws {
    var sink = try ByteSink(path: nil)
    sink.append(text)
    try sink.commit()
}

func formatNumber(_ x: Double) -> String { x.description }
