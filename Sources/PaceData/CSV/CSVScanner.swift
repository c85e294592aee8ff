#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte constants of the CSV grammar.
enum CSVByte {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
}

/// Where a record's physical line number differs from "first data line + row index" (after a
/// record that holds newlines inside quotes): from `row` on, row `r` starts on line
/// `line + (r - row)`.
struct LineMark: Sendable {
    var row: Int
    var line: Int
}

/// The two scanners behind `CSVDocument`: a word-at-a-time scanner for files without quote
/// characters (the common case, run on two threads for large files) and a byte-level RFC 4180
/// state machine for everything else.
enum CSVScanner {
    // MARK: - SWAR helpers

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// High bit of each byte of the result set exactly where the byte of `w` is zero.
    @inline(__always)
    static func zeroBytes(_ w: UInt64) -> UInt64 {
        ~(((w & lowBits) &+ lowBits) | w | lowBits)
    }

    /// The number of marked bytes in a mask whose only set bits are byte high bits: a
    /// multiply sums the bytes (portable x86-64 has no POPCNT instruction).
    @inline(__always)
    static func countMarks(_ m: UInt64) -> Int {
        Int(truncatingIfNeeded: ((m >> 7) &* ones) >> 56)
    }

    // MARK: - Plain scanner (no quotes)

    enum PlainOutcome {
        case rows(Int)
        /// A quote character, or a record with the wrong number of fields: the caller must use
        /// the generic scanner (which also locates errors precisely).
        case needsGeneric
    }

    /// Scans `p[start..<end]`, which must begin at a record start, for records of exactly
    /// `columns` fields separated by commas and `\n`/`\r\n`; appends each field's end offset.
    /// `nonASCII` receives the OR of all bytes' high bits (non-zero when UTF-8 must be checked).
    ///
    /// Eight bytes at a time: the positions of all commas and line feeds in a word are
    /// written without branching on their kind; the record structure is checked by requiring
    /// every line feed to be the `columns`-th delimiter after the previous one (the entry index
    /// `nextLF`), and no comma to take such a slot. `p[start - 1]` must be readable (it is the
    /// header's line end), so a `\r` before a line feed can be looked up without a bounds test.
    static func scanPlain(_ p: UnsafePointer<UInt8>, start: Int, end n: Int, columns: Int,
                          into out: inout OffsetBuffer, nonASCII: inout UInt64) -> PlainOutcome {
        var i = start
        var acc: UInt64 = 0
        let commas = ones &* UInt64(CSVByte.comma)
        let lfs = ones &* UInt64(CSVByte.lf)
        let quotes = ones &* UInt64(CSVByte.quote)
        let raw = UnsafeRawPointer(p)
        let first = out.count
        var count = out.count
        var nextLF = first + columns - 1
        var base = out.base
        var capacity = out.capacity
        defer { out.count = count }
        var quoteSeen: UInt64 = 0
        var broken = false
        // Wrapping arithmetic throughout (no overflow traps: offsets are below 2³², counts
        // below the buffer capacity), which keeps the loop's state in registers.
        while i &+ 8 <= n {
            // Room for up to eight positions plus the spare slot written when a word has no
            // line feed (index `count + found`, at most `count + 8`).
            if _slowPath(count &+ 9 > capacity) {
                out.count = count
                out.grow(to: capacity &* 2)
                base = out.base
                capacity = out.capacity
            }
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            acc |= w
            // Quotes are only recorded, with the cheap zero-byte test (its false positives sit
            // above a true match, so "some quote" is exact); the result is discarded if any.
            let tq = w ^ quotes
            quoteSeen |= (tq &- ones) & ~tq
            // Exact masks for commas and line feeds, sharing `w & 0x7F…` (the patterns are
            // ASCII, so only the low seven bits of each byte differ).
            let w7 = w & lowBits
            let nonzeroComma = ((w7 ^ commas) &+ lowBits) | w
            let nonzeroLF = ((w7 ^ lfs) &+ lowBits) | w
            let lf = ~nonzeroLF & highBits
            let all = ~(nonzeroComma & nonzeroLF) & highBits
            let found = countMarks(all)
            let i32 = UInt32(truncatingIfNeeded: i)
            var m = all
            // Unconditional writes of the first two positions (slots past `found` are
            // overwritten later: `count` only advances by `found`).
            base[count] = i32 &+ UInt32(truncatingIfNeeded: m.trailingZeroBitCount &>> 3)
            m &= m &- 1
            base[count &+ 1] = i32 &+ UInt32(truncatingIfNeeded: m.trailingZeroBitCount &>> 3)
            m &= m &- 1
            if _slowPath(found > 2) {
                var k = count &+ 2
                while m != 0 {
                    base[k] = i32 &+ UInt32(truncatingIfNeeded: m.trailingZeroBitCount &>> 3)
                    m &= m &- 1
                    k &+= 1
                }
            }
            if _fastPath(lf & (lf &- 1) == 0) {
                // At most one line feed (records longer than 8 bytes): handled without a
                // branch on whether there is one, since that alternates unpredictably.
                let bit = lf & (0 &- lf)
                let hasLF = lf != 0
                let index = count &+ countMarks(all & (bit &- 1))
                broken = broken || (hasLF && index != nextLF)
                nextLF &+= hasLF ? columns : 0
                // With no line feed, `pos - 1` is the word's last byte and `index` a spare slot.
                let pos = i &+ (bit.trailingZeroBitCount &>> 3)
                let cr = hasLF && p[pos &- 1] == CSVByte.cr ? 1 : 0
                // A plain store (a read-modify-write here would wait on the store above).
                base[index] = UInt32(truncatingIfNeeded: pos &- cr)
            } else {
                var l = lf
                while l != 0 {
                    let bit = l & (0 &- l)
                    l &= l &- 1
                    let index = count &+ countMarks(all & (bit &- 1))
                    broken = broken || index != nextLF
                    nextLF &+= columns
                    let pos = i &+ (bit.trailingZeroBitCount &>> 3)
                    if p[pos &- 1] == CSVByte.cr { base[index] = UInt32(truncatingIfNeeded: pos &- 1) }
                }
            }
            count &+= found
            broken = broken || count > nextLF
            if _slowPath(broken) { return .needsGeneric }
            i &+= 8
        }
        if quoteSeen & highBits != 0 { return .needsGeneric }
        out.count = count
        while i < n {
            let c = p[i]
            acc |= UInt64(c)
            if c == CSVByte.quote { return .needsGeneric }
            if c == CSVByte.comma {
                if out.count == nextLF { return .needsGeneric }
                out.append(i)
            } else if c == CSVByte.lf {
                if out.count != nextLF { return .needsGeneric }
                out.append(p[i - 1] == CSVByte.cr ? i - 1 : i)
                nextLF += columns
            }
            i += 1
        }
        if n > start && p[n - 1] != CSVByte.lf {
            // The last record has no line terminator.
            if out.count != nextLF { return .needsGeneric }
            out.append(n)
            nextLF += columns
        }
        count = out.count
        nonASCII |= acc & highBits
        return .rows((count - first) / columns)
    }

    // MARK: - Generic scanner (RFC 4180)

    /// The result of scanning one record.
    struct Record {
        /// Offset just after the record's line terminator (or the end of the content).
        var next: Int
        var fields: Int
        /// Newlines inside quoted fields of this record.
        var embeddedNewlines: Int
    }

    /// Scans one record starting at `i0` (on physical line `line`), appending field ends.
    /// Throws `InputError` for an unclosed quote, text after a closing quote, a quote inside an
    /// unquoted field, or (when `badUTF8` lies inside a field) invalid UTF-8.
    static func scanRecord(_ p: UnsafePointer<UInt8>, from i0: Int, end n: Int, line: Int,
                           badUTF8: Int, source: String,
                           into out: inout OffsetBuffer) throws(InputError) -> Record {
        var i = i0
        var fields = 0
        var newlines = 0
        while true {
            let fieldStart = i
            let fieldLine = line + newlines
            if i < n && p[i] == CSVByte.quote {
                i += 1
                while true {
                    guard let q = memchr(p + i, Int32(CSVByte.quote), n - i) else {
                        throw InputError(
                            file: source, line: fieldLine, column: fields + 1,
                            problem: "quoted field is never closed",
                            found: text(p, from: fieldStart, to: min(n, fieldStart + 80)),
                            expected: "a closing '\"' before the end of the file")
                    }
                    let qi = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p
                    newlines += countNewlines(p, from: i, to: qi)
                    i = qi + 1
                    if i < n && p[i] == CSVByte.quote {
                        i += 1
                        continue
                    }
                    break
                }
                if i >= n {
                    try finish(i, fieldStart, fields)
                    return Record(next: n, fields: fields + 1, embeddedNewlines: newlines)
                }
                let c = p[i]
                if c == CSVByte.comma {
                    try finish(i, fieldStart, fields)
                    fields += 1
                    i += 1
                    continue
                }
                if c == CSVByte.lf {
                    try finish(i, fieldStart, fields)
                    return Record(next: i + 1, fields: fields + 1, embeddedNewlines: newlines)
                }
                if c == CSVByte.cr && i + 1 < n && p[i + 1] == CSVByte.lf {
                    try finish(i, fieldStart, fields)
                    return Record(next: i + 2, fields: fields + 1, embeddedNewlines: newlines)
                }
                if badUTF8 < fieldEndForMessage(p, from: i, end: n) && badUTF8 >= fieldStart {
                    throw utf8Error(p, bad: badUTF8, fieldStart: fieldStart, end: n, line: fieldLine,
                                    column: fields + 1, source: source)
                }
                throw InputError(
                    file: source, line: line + newlines, column: fields + 1,
                    problem: "text after the closing quote of a quoted field",
                    found: text(p, from: fieldStart, to: fieldEndForMessage(p, from: i, end: n)),
                    expected: "',' or the end of the line right after the closing '\"'")
            } else {
                while i < n {
                    let c = p[i]
                    if c == CSVByte.comma || c == CSVByte.lf || c == CSVByte.quote { break }
                    i += 1
                }
                if i >= n {
                    try finish(n, fieldStart, fields)
                    return Record(next: n, fields: fields + 1, embeddedNewlines: newlines)
                }
                let c = p[i]
                if c == CSVByte.comma {
                    try finish(i, fieldStart, fields)
                    fields += 1
                    i += 1
                    continue
                }
                if c == CSVByte.lf {
                    var e = i
                    if e > fieldStart && p[e - 1] == CSVByte.cr { e -= 1 }
                    try finish(e, fieldStart, fields)
                    return Record(next: i + 1, fields: fields + 1, embeddedNewlines: newlines)
                }
                let fieldEnd = fieldEndForMessage(p, from: i, end: n)
                if badUTF8 < fieldEnd && badUTF8 >= fieldStart {
                    throw utf8Error(p, bad: badUTF8, fieldStart: fieldStart, end: n, line: fieldLine,
                                    column: fields + 1, source: source)
                }
                throw InputError(
                    file: source, line: fieldLine, column: fields + 1,
                    problem: "quote character inside an unquoted field",
                    found: text(p, from: fieldStart, to: fieldEnd),
                    expected: "the whole field in quotes with inner quotes doubled")
            }
        }

        /// Records a field end, first checking that the field holds no invalid UTF-8.
        @inline(__always)
        func finish(_ end: Int, _ fieldStart: Int, _ index: Int) throws(InputError) {
            if _slowPath(badUTF8 < end && badUTF8 >= fieldStart) {
                throw utf8Error(p, bad: badUTF8, fieldStart: fieldStart, end: n,
                                line: line + countNewlines(p, from: i0, to: badUTF8),
                                column: index + 1, source: source)
            }
            out.append(end)
        }
    }

    /// Scans records from `start` to `end` with `columns` fields each, the first on physical
    /// line `firstLine`. Returns the number of rows and appends line marks after multi-line
    /// records.
    static func scanGeneric(_ p: UnsafePointer<UInt8>, start: Int, end n: Int, columns: Int,
                            firstLine: Int, badUTF8: Int, source: String,
                            into out: inout OffsetBuffer,
                            marks: inout [LineMark]) throws(InputError) -> Int {
        var i = start
        var line = firstLine
        var rows = 0
        while i < n {
            let record = try scanRecord(p, from: i, end: n, line: line, badUTF8: badUTF8,
                                        source: source, into: &out)
            if record.fields != columns {
                throw raggedError(p, recordStart: i, end: n, line: line, fields: record.fields,
                                  columns: columns, source: source)
            }
            rows += 1
            line += 1 + record.embeddedNewlines
            if record.embeddedNewlines > 0 { marks.append(LineMark(row: rows, line: line)) }
            i = record.next
        }
        return rows
    }

    // MARK: - Error helpers

    static func raggedError(_ p: UnsafePointer<UInt8>, recordStart: Int, end n: Int, line: Int,
                            fields: Int, columns: Int, source: String) -> InputError {
        let lineEnd = memchr(p + recordStart, Int32(CSVByte.lf), n - recordStart)
            .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - p } ?? n
        var e = lineEnd
        if e > recordStart && p[e - 1] == CSVByte.cr { e -= 1 }
        return InputError(
            file: source, line: line,
            problem: "row has \(fields) field\(fields == 1 ? "" : "s")",
            found: text(p, from: recordStart, to: e),
            expected: "\(columns) field\(columns == 1 ? "" : "s") as in the header")
    }

    static func utf8Error(_ p: UnsafePointer<UInt8>, bad: Int, fieldStart: Int, end n: Int,
                          line: Int, column: Int, source: String) -> InputError {
        let fieldEnd = fieldEndForMessage(p, from: bad, end: n)
        return InputError(
            file: source, line: line, column: column,
            problem: "invalid UTF-8 byte 0x" + hex(p[bad]),
            found: text(p, from: fieldStart, to: fieldEnd),
            expected: "UTF-8 text (save the file as UTF-8)")
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    /// The end of the field text around `i` for messages: the next comma or line end.
    static func fieldEndForMessage(_ p: UnsafePointer<UInt8>, from i: Int, end n: Int) -> Int {
        var j = i
        while j < n && p[j] != CSVByte.comma && p[j] != CSVByte.lf && p[j] != CSVByte.cr { j += 1 }
        return j
    }

    /// Text for a message: at most 200 bytes, invalid UTF-8 replaced by U+FFFD.
    static func text(_ p: UnsafePointer<UInt8>, from a: Int, to b: Int) -> String {
        let e = min(b, a + 200)
        return String(decoding: UnsafeBufferPointer(start: p + a, count: max(0, e - a)), as: UTF8.self)
    }

    static func countNewlines(_ p: UnsafePointer<UInt8>, from a: Int, to b: Int) -> Int {
        var count = 0
        var i = a
        while i < b {
            guard let q = memchr(p + i, Int32(CSVByte.lf), b - i) else { break }
            count += 1
            i = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
        }
        return count
    }

    // MARK: - UTF-8

    /// The offset of the first byte that is not part of a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i < n {
            if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highBits == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
                i + k < n && p[i + k] >= lo && p[i + k] <= hi
            }
            switch b {
            case 0xC2...0xDF:
                guard cont(1) else { return i }
                i += 2
            case 0xE0:
                guard cont(1, 0xA0), cont(2) else { return i }
                i += 3
            case 0xED:
                guard cont(1, 0x80, 0x9F), cont(2) else { return i }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(1), cont(2) else { return i }
                i += 3
            case 0xF0:
                guard cont(1, 0x90), cont(2), cont(3) else { return i }
                i += 4
            case 0xF1...0xF3:
                guard cont(1), cont(2), cont(3) else { return i }
                i += 4
            case 0xF4:
                guard cont(1, 0x80, 0x8F), cont(2), cont(3) else { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }
}
