#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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
            var bytes: [UInt8] = []
            bytes.reserveCapacity(end - start)
            var i = start + 1
            let e = end - 1
            while i < e {
                let c = p[i]
                bytes.append(c)
                i += c == CSVByte.quote ? 2 : 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }
}

extension CSVScanner {
    /// The offset where the header record certainly ends (a line end outside quotes), for
    /// validating its UTF-8 before decoding names; the content end when unclear.
    static func headerExtent(_ p: UnsafePointer<UInt8>, from start: Int, end n: Int) -> Int {
        var inQuotes = false
        var i = start
        while i < n {
            let c = p[i]
            if c == CSVByte.quote { inQuotes.toggle() } else if c == CSVByte.lf && !inQuotes { return i }
            i += 1
        }
        return n
    }

    struct Body {
        var ends: OffsetBuffer
        var second: OffsetBuffer? = nil
        var rows: Int
        var marks: [LineMark]
    }

    /// Results of one thread's plain scan (written by that thread only, read after the join).
    final class PlainJob: @unchecked Sendable {
        let p: UnsafePointer<UInt8>
        let start: Int
        let end: Int
        let columns: Int
        var ends: OffsetBuffer
        var outcome: PlainOutcome = .rows(0)
        var nonASCII: UInt64 = 0

        init(p: UnsafePointer<UInt8>, start: Int, end: Int, columns: Int, capacity: Int) {
            self.p = p
            self.start = start
            self.end = end
            self.columns = columns
            ends = OffsetBuffer(capacity: capacity)
        }

        func run() {
            var buffer = ends
            var acc: UInt64 = 0
            outcome = CSVScanner.scanPlain(p, start: start, end: end, columns: columns,
                                           into: &buffer, nonASCII: &acc)
            ends = buffer
            nonASCII = acc
        }
    }

    /// Scans the data records `p[start..<n]`: the plain scanner (on two threads for large
    /// files) when possible, otherwise — quotes, non-ASCII text to validate, or an error to
    /// locate precisely — the generic scanner.
    static func scanBody(_ p: UnsafePointer<UInt8>, start: Int, end n: Int, columns: Int,
                         firstLine: Int, source: String) throws(InputError) -> Body {
        let length = n - start
        // Estimate the field count from a sample so the offset buffer rarely grows.
        let sample = min(length, 1 << 16)
        var delimiters = 0
        for i in start..<(start + sample) where p[i] == CSVByte.comma || p[i] == CSVByte.lf {
            delimiters += 1
        }
        let perByte = Double(delimiters + 1) / Double(max(sample, 1))
        func capacity(_ bytes: Int) -> Int { Int(Double(bytes) * perByte * 1.05) + 64 }

        var jobs: [PlainJob] = []
        if CSVDocument.forceGenericScanner {
            // Testing only: straight to the byte-level scanner below.
        } else if length >= CSVDocument.parallelThreshold {
            var mid = start + length / 2
            if let q = memchr(p + mid, Int32(CSVByte.lf), n - mid) {
                mid = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
            } else {
                mid = n
            }
            jobs.append(PlainJob(p: p, start: start, end: mid, columns: columns, capacity: capacity(mid - start)))
            jobs.append(PlainJob(p: p, start: mid, end: n, columns: columns, capacity: capacity(n - mid)))
            let work = jobs
            DispatchQueue.concurrentPerform(iterations: work.count) { k in work[k].run() }
        } else {
            let job = PlainJob(p: p, start: start, end: n, columns: columns, capacity: capacity(length))
            job.run()
            jobs.append(job)
        }

        var plainOK = !jobs.isEmpty
        var nonASCII: UInt64 = 0
        var rowsBefore = 0
        for job in jobs {
            nonASCII |= job.nonASCII
            switch job.outcome {
            case .rows(let r): rowsBefore += r
            case .needsGeneric: plainOK = false
            }
        }
        if plainOK && nonASCII == 0 {
            return Body(ends: jobs[0].ends, second: jobs.count > 1 ? jobs[1].ends : nil,
                        rows: rowsBefore, marks: [])
        }
        for job in jobs { job.ends.release() }

        // Slow path: validate UTF-8, then scan byte by byte (locating any error exactly).
        let bad = firstInvalidUTF8(p + start, count: length).map { $0 + start } ?? Int.max
        var ends = OffsetBuffer(capacity: capacity(length))
        var marks: [LineMark] = []
        do {
            let rows = try scanGeneric(p, start: start, end: n, columns: columns, firstLine: firstLine,
                                       badUTF8: bad, source: source, into: &ends, marks: &marks)
            return Body(ends: ends, rows: rows, marks: marks)
        } catch {
            ends.release()
            throw error
        }
    }
}
