#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension CSVDocument {
    /// The 1-based physical line of the file where data row `row` (0-based) starts; correct
    /// after quoted fields that hold newlines.
    public func lineNumber(row: Int) -> Int {
        if marks.count == 1 { return marks[0].line + row }
        // The last mark at or before `row`.
        var lo = 0
        var hi = marks.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if marks[mid].row <= row { lo = mid } else { hi = mid - 1 }
        }
        return marks[lo].line + (row - marks[lo].row)
    }

    /// The index of the column named `name` in the header, if any.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The index of the column named `name`.
    /// - Throws: `InputError` at line 1 naming the missing column and listing the header.
    public func requireColumn(_ name: String) throws -> Int {
        if let k = columnIndex(named: name) { return k }
        throw InputError(file: source, line: 1, problem: "no column named \"\(name)\"",
                         found: header.joined(separator: ","),
                         expected: "a header with a \"\(name)\" column")
    }

    /// Raw bounds of a field (quotes included): `start..<end` in the file's bytes.
    @inline(__always)
    func rawBounds(row: Int, column: Int) -> (start: Int, end: Int) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                     "CSV cell (\(row), \(column)) out of range")
        let k = row &* columns &+ column
        let ends = table.ends
        let end = ends[k]
        let start: Int
        if column > 0 {
            start = ends[k - 1] + 1
        } else if row == 0 {
            start = dataStart
        } else {
            let previous = ends[k - 1]
            start = previous + (storage.base[previous] == CSVByte.cr ? 2 : 1)
        }
        return (start, end)
    }

    /// The unquoted text of a cell (`""` inside quotes becomes `"`).
    public func string(row: Int, column: Int) -> String {
        let (s, e) = rawBounds(row: row, column: column)
        return CSVDocument.decodeField(storage.base, start: s, end: e)
    }

    /// Whether a cell is missing: empty, or the text `NA` (quoted or not).
    public func isMissing(row: Int, column: Int) -> Bool {
        let (s, e) = rawBounds(row: row, column: column)
        let p = storage.base
        switch e - s {
        case 0: return true
        case 2: return (p[s] == 0x4E && p[s + 1] == 0x41) || (p[s] == CSVByte.quote && p[s + 1] == CSVByte.quote)
        case 4: return p[s] == CSVByte.quote && p[s + 1] == 0x4E && p[s + 2] == 0x41
        default: return false
        }
    }

    /// Calls `body` with the unquoted bytes of a cell. The buffer is valid only inside `body`.
    public func withFieldBytes<R>(row: Int, column: Int,
                                  _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (s, e) = rawBounds(row: row, column: column)
        return try CSVDocument.withUnquoted(storage.base, start: s, end: e, body)
    }

    @inline(__always)
    static func withUnquoted<R>(_ p: UnsafePointer<UInt8>, start s: Int, end e: Int,
                                _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if e > s && p[s] == CSVByte.quote {
            let inner = UnsafeBufferPointer(start: p + s + 1, count: e - s - 2)
            if memchr(inner.baseAddress!, Int32(CSVByte.quote), inner.count) == nil {
                return try body(inner)
            }
            // Copy the runs between doubled quotes (each `""` becomes one `"`).
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(inner.count)
            var i = 0
            while i < inner.count {
                let rest = inner.count - i
                guard let q = memchr(inner.baseAddress! + i, Int32(CSVByte.quote), rest) else {
                    unescaped.append(contentsOf: UnsafeBufferPointer(start: inner.baseAddress! + i, count: rest))
                    break
                }
                let qi = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - inner.baseAddress!
                unescaped.append(contentsOf: UnsafeBufferPointer(start: inner.baseAddress! + i, count: qi + 1 - i))
                i = qi + 2
            }
            return try unescaped.withUnsafeBufferPointer(body)
        }
        return try body(UnsafeBufferPointer(start: p + s, count: e - s))
    }

    /// The value of a numeric cell; `nil` when the cell is missing (empty or `NA`).
    ///
    /// Accepts decimal numbers as `DecimalParser` does (optional sign, digits with an optional
    /// point, optional exponent; surrounding spaces allowed) and returns the correctly rounded
    /// `Double`.
    /// - Throws: `InputError` at the cell's line and 1-based column: "not a number" (expected
    ///   a decimal number), or "not a finite number" for `NaN`, `inf` or a value beyond
    ///   ±1.8e308.
    public func double(row: Int, column: Int) throws -> Double? {
        let (s, e) = rawBounds(row: row, column: column)
        let result = CSVDocument.withUnquoted(storage.base, start: s, end: e) { DecimalParser.classify($0) }
        switch result {
        case .number(let x): return x
        case .missing: return nil
        case .notANumber, .notFinite: throw numberError(row: row, column: column, result)
        }
    }

    func numberError(row: Int, column: Int, _ result: DecimalParser.Classification) -> InputError {
        if case .notFinite = result {
            return InputError(file: source, line: lineNumber(row: row), column: column + 1,
                              problem: "not a finite number", found: string(row: row, column: column),
                              expected: "a finite number")
        }
        return InputError(file: source, line: lineNumber(row: row), column: column + 1,
                          problem: "not a number", found: string(row: row, column: column),
                          expected: "a decimal number")
    }

    /// Every value of a numeric column, with `missing` (NaN by default) for missing cells.
    /// Large columns are parsed on two threads.
    /// - Throws: the `InputError` of the first (lowest) row that is not a number.
    public func doubleColumn(_ column: Int, missing: Double = .nan) throws -> [Double] {
        precondition(column >= 0 && column < columns, "CSV column \(column) out of range")
        let n = rows
        var firstBad = Int.max
        let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
            if n > 0 { LargeAllocation.adviseHugePages(UnsafeMutableRawPointer(out.baseAddress!), bytes: n * 8) }
            let box = ColumnJob(document: self, column: column, missing: missing,
                                out: out.baseAddress!)
            if n >= CSVDocument.parallelColumnThreshold && n >= 2 {
                let half = n / 2
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    box.run(k == 0 ? 0..<half : half..<n, slot: k)
                }
            } else {
                box.run(0..<n, slot: 0)
            }
            firstBad = min(box.firstBad0, box.firstBad1)
            initialized = n
        }
        if firstBad != Int.max {
            _ = try double(row: firstBad, column: column)
        }
        return values
    }
}
