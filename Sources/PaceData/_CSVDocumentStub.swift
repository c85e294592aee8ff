// TEMPORARY stand-in for the CSV reader being written on branch `csv`; deleted when merging it.
import Foundation

public struct CSVDocument: Sendable {
    public let source: String
    public let header: [String]
    let bytes: [UInt8]
    let starts: [Int]  // per field (row-major), data rows only
    let ends: [Int]
    let lines: [Int]
    public let columnCount: Int
    public var rowCount: Int { lines.count }

    public init(bytes: [UInt8], source: String) throws {
        self.source = source
        self.bytes = bytes
        var rows: [[(Int, Int)]] = []
        var lineNos: [Int] = []
        var i = 0, line = 1
        while i < bytes.count {
            var fields: [(Int, Int)] = []
            var s = i
            while i < bytes.count, bytes[i] != 0x0A {
                if bytes[i] == 0x2C { fields.append((s, i)); s = i + 1 }
                i += 1
            }
            var e = i
            if e > s, bytes[e - 1] == 0x0D { e -= 1 }
            fields.append((s, e))
            rows.append(fields); lineNos.append(line)
            i += 1; line += 1
        }
        guard let first = rows.first else {
            throw InputError(file: source, problem: "the file is empty", expected: "a header row")
        }
        header = first.map { String(decoding: bytes[$0.0..<$0.1], as: UTF8.self) }
        columnCount = header.count
        var st: [Int] = [], en: [Int] = [], ln: [Int] = []
        for (r, fields) in rows.enumerated().dropFirst() {
            if fields.count == 1 && fields[0].0 == fields[0].1 { continue }
            guard fields.count == header.count else {
                throw InputError(file: source, line: lineNos[r], problem: "wrong number of fields",
                                 found: String(fields.count), expected: "\(header.count) fields as in the header")
            }
            for f in fields { st.append(f.0); en.append(f.1) }
            ln.append(lineNos[r])
        }
        starts = st; ends = en; lines = ln
    }

    public static func read(path: String?) throws -> CSVDocument {
        if path == nil || path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try CSVDocument(bytes: Array(data), source: "<stdin>")
        }
        guard let data = FileManager.default.contents(atPath: path!) else {
            throw InputError(file: path!, problem: "cannot read the file")
        }
        return try CSVDocument(bytes: Array(data), source: path!)
    }

    public func lineNumber(row: Int) -> Int { lines[row] }
    public func columnIndex(named: String) -> Int? { header.firstIndex(of: named) }
    public func requireColumn(_ name: String) throws -> Int {
        guard let i = columnIndex(named: name) else {
            throw InputError(file: source, line: 1, problem: "missing column", expected: name)
        }
        return i
    }
    public func string(row: Int, column: Int) -> String {
        let k = row * columnCount + column
        return String(decoding: bytes[starts[k]..<ends[k]], as: UTF8.self)
    }
    public func isMissing(row: Int, column: Int) -> Bool {
        let s = string(row: row, column: column)
        return s.isEmpty || s == "NA"
    }
    public func double(row: Int, column: Int) throws -> Double? {
        if isMissing(row: row, column: column) { return nil }
        let s = string(row: row, column: column)
        guard let d = Double(s) else {
            throw InputError(file: source, line: lines[row], column: column + 1, problem: "not a number",
                             found: s, expected: "a decimal number")
        }
        return d
    }
    public func withFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let k = row * columnCount + column
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[k]..<ends[k]])) }
    }
}

public func formatNumber(_ x: Double) -> String { x.description }
