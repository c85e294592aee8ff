#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole CSV file held in memory: the bytes plus the end offset of every field.
///
/// The one CSV reader behind every `pace` command. Fields are not turned into `String`s up
/// front; accessors (`string`, `double`, `withFieldBytes`) decode a cell on demand.
///
/// Grammar (RFC 4180 with the usual relaxations):
/// - fields separated by `,`, records by `\n` or `\r\n`; a lone `\r` is ordinary text;
/// - a field that begins with `"` is quoted: it may hold commas, newlines and doubled quotes
///   `""`, and must be followed by `,`, a line end or the end of the file;
/// - a leading UTF-8 byte-order mark is dropped; blank lines at the end are ignored; the last
///   record may lack a line terminator;
/// - the first record is the header: non-empty, unique names; every record has exactly as
///   many fields as the header;
/// - the file must be valid UTF-8; an empty cell or `NA` is a missing value.
///
/// Every violation is an `InputError` naming the file, the physical line (where a quoted field
/// opened, for an unclosed quote), the 1-based field number, the text found and what was
/// expected. Files up to 4 GiB are accepted.
public struct CSVDocument: Sendable {
    /// The file path as given, or `<stdin>`.
    public let source: String
    /// The header row's fields (byte-order mark stripped, quotes removed).
    public let header: [String]

    let storage: ByteStorage
    let table: FieldTable
    let rows: Int
    let columns: Int
    /// Offset of the first data record.
    let dataStart: Int
    /// `marks[0]` is row 0 on the first data line; later marks follow multi-line records.
    let marks: [LineMark]

    /// Data rows, header excluded.
    public var rowCount: Int { rows }
    /// Fields per row (the header's length).
    public var columnCount: Int { columns }

    /// Parses `bytes` (a whole CSV file) read from `source`.
    /// - Throws: `InputError` for any malformed input (see the type's documentation).
    public init(bytes: [UInt8], source: String) throws {
        try self.init(storage: ByteStorage(copying: bytes), source: source)
    }

    /// Parses CSV text (convenient in tests and for small inline tables).
    public init(text: String, source: String) throws {
        try self.init(bytes: Array(text.utf8), source: source)
    }

    /// Files with at least this many bytes and no quote character are scanned on two threads.
    /// Variable only so tests and fuzz targets can force the two-thread path on small inputs.
    nonisolated(unsafe) static var parallelThreshold = 1 << 20
    /// Columns with at least this many rows are parsed on two threads (see `doubleColumn`).
    nonisolated(unsafe) static var parallelColumnThreshold = 200_000
    /// Testing only: always use the byte-level scanner (to compare it with the fast one).
    nonisolated(unsafe) static var forceGenericScanner = false

    init(storage: ByteStorage, source: String) throws(InputError) {
        self.source = source
        self.storage = storage
        let p = UnsafePointer(storage.base)
        let total = storage.count
        if total > Int(UInt32.max) {
            throw InputError(file: source, problem: "the file is too large",
                             found: "\(total) bytes", expected: "at most 4 GiB")
        }
        var start = 0
        if total >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
        // Blank lines at the end are ignored: the content stops at the last byte that is not
        // a line terminator.
        var n = total
        while n > start && (p[n - 1] == CSVByte.lf || p[n - 1] == CSVByte.cr) { n -= 1 }
        if n == start {
            throw InputError(file: source, problem: "the file is empty", expected: "a header row")
        }

        // Header. Invalid UTF-8 inside it is found by validating the header bytes first.
        var headerEnds = OffsetBuffer(capacity: 64)
        defer { headerEnds.release() }
        let headerLimit = CSVScanner.headerExtent(p, from: start, end: n)
        let badInHeader = CSVScanner.firstInvalidUTF8(p + start, count: headerLimit - start)
            .map { $0 + start } ?? Int.max
        let headerRecord = try CSVScanner.scanRecord(
            p, from: start, end: n, line: 1, badUTF8: badInHeader, source: source, into: &headerEnds)
        var names: [String] = []
        names.reserveCapacity(headerRecord.fields)
        var fieldStart = start
        for k in 0..<headerRecord.fields {
            let end = Int(headerEnds.base[k])
            names.append(CSVDocument.decodeField(p, start: fieldStart, end: end))
            fieldStart = end + (end < n && p[end] == CSVByte.cr ? 2 : 1)
        }
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if name.isEmpty {
                throw InputError(file: source, line: 1, column: k + 1, problem: "empty column name",
                                 expected: "a name for every column of the header")
            }
            if let first = seen[name] {
                throw InputError(file: source, line: 1, column: k + 1, problem: "duplicate column name",
                                 found: name, expected: "unique column names (also in column \(first + 1))")
            }
            seen[name] = k
        }
        header = names
        columns = names.count
        dataStart = headerRecord.next
        let firstDataLine = 2 + headerRecord.embeddedNewlines

        let scanned = try CSVScanner.scanBody(
            p, start: dataStart, end: n, columns: columns, firstLine: firstDataLine, source: source)
        table = FieldTable(adopting: scanned.ends, scanned.second)
        rows = scanned.rows
        marks = [LineMark(row: 0, line: firstDataLine)] + scanned.marks
    }

    /// The unquoted text of the field `p[start..<end]` (raw bounds, quotes included).
    static func decodeField(_ p: UnsafePointer<UInt8>, start: Int, end: Int) -> String {
        if end > start && p[start] == CSVByte.quote {
            return withUnquoted(p, start: start, end: end) { String(decoding: $0, as: UTF8.self) }
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }
}
