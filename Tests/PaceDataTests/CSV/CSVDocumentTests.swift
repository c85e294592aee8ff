import Foundation
import Testing
@testable import PaceData

private func document(_ text: String, source: String = "t.csv") throws -> CSVDocument {
    try CSVDocument(bytes: Array(text.utf8), source: source)
}

private func cells(_ d: CSVDocument) -> [[String]] {
    (0..<d.rowCount).map { r in (0..<d.columnCount).map { d.string(row: r, column: $0) } }
}

@Suite("CSV reader: structure")
struct CSVDocumentStructureTests {
    @Test("header only: zero rows, not an error")
    func headerOnly() throws {
        for text in ["a,b", "a,b\n", "a,b\r\n", "a,b\n\n\r\n"] {
            let d = try document(text)
            #expect(d.header == ["a", "b"])
            #expect(d.rowCount == 0 && d.columnCount == 2)
        }
    }

    @Test("LF, CRLF, final line without newline, trailing blank lines give the same cells")
    func lineEndings() throws {
        let expected = [["1", "x"], ["2", ""]]
        for text in ["a,b\n1,x\n2,\n", "a,b\r\n1,x\r\n2,\r\n", "a,b\n1,x\n2,", "a,b\r\n1,x\r\n2,",
                     "a,b\n1,x\n2,\n\n\n", "a,b\r\n1,x\r\n2,\r\n\r\n"] {
            let d = try document(text)
            #expect(cells(d) == expected, "\(text.debugDescription)")
            #expect(d.lineNumber(row: 0) == 2 && d.lineNumber(row: 1) == 3)
        }
    }

    @Test("a UTF-8 byte-order mark is dropped from the first header name")
    func byteOrderMark() throws {
        let d = try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("région,v\nÅ,1\n".utf8), source: "b.csv")
        #expect(d.header == ["région", "v"])
        #expect(d.string(row: 0, column: 0) == "Å")
    }

    @Test("quoted fields: commas, doubled quotes, newlines; line numbers stay physical")
    func quoted() throws {
        let text = "name,\"note, with comma\"\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\"\n\"three\r\nline\ns\",x\nlast,\"\"\"\"\n"
        let d = try document(text)
        #expect(d.header == ["name", "note, with comma"])
        #expect(cells(d) == [["a,b", "say \"hi\""], ["two\nlines", ""], ["three\r\nline\ns", "x"], ["last", "\""]])
        #expect(d.lineNumber(row: 0) == 2)
        #expect(d.lineNumber(row: 1) == 3)
        #expect(d.lineNumber(row: 2) == 5)
        #expect(d.lineNumber(row: 3) == 8)
        #expect(d.isMissing(row: 1, column: 1))
        #expect(!d.isMissing(row: 3, column: 1))
    }

    @Test("a newline in a quoted header name shifts every data line")
    func multilineHeader() throws {
        let d = try document("\"a\nb\",c\n1,2\n3,4\n")
        #expect(d.header == ["a\nb", "c"])
        #expect(d.lineNumber(row: 0) == 3 && d.lineNumber(row: 1) == 4)
    }

    @Test("a lone carriage return is ordinary text")
    func loneCR() throws {
        let d = try document("a,b\nx\ry,2\n")
        #expect(d.string(row: 0, column: 0) == "x\ry")
    }

    @Test("one column: an empty line inside the data is a missing value")
    func singleColumn() throws {
        let d = try document("v\n1\n\n3\n")
        #expect(d.rowCount == 3)
        #expect(d.isMissing(row: 1, column: 0))
        #expect(try d.double(row: 2, column: 0) == 3)
    }

    @Test("columnIndex and requireColumn")
    func columns() throws {
        let d = try document("region,value\nA,1\n")
        #expect(d.columnIndex(named: "value") == 1)
        #expect(d.columnIndex(named: "period") == nil)
        #expect(try d.requireColumn("region") == 0)
        #expect(throws: InputError(file: "t.csv", line: 1, problem: "no column named \"period\"",
                                   found: "region,value", expected: "a header with a \"period\" column")) {
            try d.requireColumn("period")
        }
    }

    @Test("withFieldBytes gives the unquoted bytes")
    func fieldBytes() throws {
        let d = try document("a,b,c\nplain,\"q\"\"x\",\"in\"\n")
        #expect(d.withFieldBytes(row: 0, column: 0) { Array($0) } == Array("plain".utf8))
        #expect(d.withFieldBytes(row: 0, column: 1) { Array($0) } == Array("q\"x".utf8))
        #expect(d.withFieldBytes(row: 0, column: 2) { Array($0) } == Array("in".utf8))
    }

    @Test("missing cells: empty, NA, quoted empty, quoted NA; not 'na' or ' '")
    func missing() throws {
        let d = try document("a,b,c,d,e,f\n,NA,\"\",\"NA\",na, \n")
        #expect((0..<4).allSatisfy { d.isMissing(row: 0, column: $0) })
        #expect(!d.isMissing(row: 0, column: 4) && !d.isMissing(row: 0, column: 5))
    }
}

@Suite("CSV reader: numbers")
struct CSVDocumentNumberTests {
    @Test("double: values, missing, and located errors")
    func doubles() throws {
        let d = try document("id,v\nA,1.5\nB,\nC,NA\nD,-2e3\nE,x1\nF,inf\nG,\" 7 \"\n")
        #expect(try d.double(row: 0, column: 1) == 1.5)
        #expect(try d.double(row: 1, column: 1) == nil)
        #expect(try d.double(row: 2, column: 1) == nil)
        #expect(try d.double(row: 3, column: 1) == -2000)
        #expect(throws: InputError(file: "t.csv", line: 6, column: 2, problem: "not a number",
                                   found: "x1", expected: "a decimal number")) {
            try d.double(row: 4, column: 1)
        }
        #expect(throws: InputError(file: "t.csv", line: 7, column: 2, problem: "not a finite number",
                                   found: "inf", expected: "a finite number")) {
            try d.double(row: 5, column: 1)
        }
        #expect(try d.double(row: 6, column: 1) == 7)
    }

    @Test("doubleColumn: NaN (or the given value) for missing; first bad row reported")
    func column() throws {
        let d = try document("v\n1\nNA\n2.5\n")
        let values = try d.doubleColumn(0)
        #expect(values.count == 3 && values[0] == 1 && values[1].isNaN && values[2] == 2.5)
        #expect(try d.doubleColumn(0, missing: 0) == [1, 0, 2.5])
        let bad = try document("v\n1\nbad\nworse\n")
        #expect(throws: InputError(file: "t.csv", line: 3, column: 1, problem: "not a number",
                                   found: "bad", expected: "a decimal number")) {
            try bad.doubleColumn(0)
        }
    }
}

@Suite("CSV reader: large files take the two-thread path")
struct CSVDocumentLargeTests {
    /// Builds a quote-free file well over the two-thread threshold.
    static func bigText(rows: Int, badRow: Int? = nil, raggedRow: Int? = nil, crlf: Bool = false) -> String {
        var s = "region,indicator,period,value" + (crlf ? "\r\n" : "\n")
        s.reserveCapacity(rows * 32)
        for r in 0..<rows {
            let value = r == badRow ? "oops" : "\(r).25"
            s += "R\(r % 97),ind\(r % 7),20\(r % 90)Q\(1 + r % 4),\(value)"
            if r == raggedRow { s += ",extra" }
            s += crlf ? "\r\n" : "\n"
        }
        return s
    }

    @Test("cells and line numbers match the data, LF and CRLF")
    func cellsMatch() throws {
        for crlf in [false, true] {
            let n = 300_000
            let d = try document(Self.bigText(rows: n, crlf: crlf))
            #expect(d.rowCount == n)
            for r in [0, 1, n / 2 - 1, n / 2, n / 2 + 1, n - 1] {
                #expect(d.string(row: r, column: 0) == "R\(r % 97)")
                #expect(d.string(row: r, column: 3) == "\(r).25")
                #expect(d.lineNumber(row: r) == r + 2)
            }
            let values = try d.doubleColumn(3)
            #expect(values.enumerated().allSatisfy { $0.element == Double($0.offset) + 0.25 })
        }
    }

    @Test("a ragged row in the second half and a bad number in the second half are located")
    func errorsInSecondHalf() throws {
        let n = 300_000
        #expect(throws: InputError.self) { try document(Self.bigText(rows: n, raggedRow: 250_000)) }
        do {
            _ = try document(Self.bigText(rows: n, raggedRow: 250_000))
        } catch let e as InputError {
            #expect(e.line == 250_002)
            #expect(e.problem == "row has 5 fields")
        }
        let d = try document(Self.bigText(rows: n, badRow: 200_000))
        #expect(throws: InputError(file: "t.csv", line: 200_002, column: 4, problem: "not a number",
                                   found: "oops", expected: "a decimal number")) {
            try d.doubleColumn(3)
        }
    }

    @Test("non-ASCII names keep the fast path; invalid UTF-8 late in the file is located")
    func nonASCII() throws {
        let n = 100_000
        let text = Self.bigText(rows: n).replacingOccurrences(of: "R1,", with: "区1,")
        let d = try document(text)
        #expect(d.rowCount == n)
        #expect(d.string(row: 1, column: 0) == "区1")
        #expect(d.string(row: 98, column: 0) == "区1")
        var bytes = Array(text.utf8)
        let lastLineStart = bytes.lastIndex(of: 0x0A, before: bytes.count - 1)! + 1
        bytes[lastLineStart] = 0xFF
        #expect(throws: InputError.self) { try CSVDocument(bytes: bytes, source: "t.csv") }
        do {
            _ = try CSVDocument(bytes: bytes, source: "t.csv")
        } catch let e as InputError {
            #expect(e.line == n + 1 && e.column == 1)
            #expect(e.problem == "invalid UTF-8 byte 0xFF")
        }
    }

    @Test("a quote late in a large file still gives the right cells (generic path)")
    func lateQuote() throws {
        var text = Self.bigText(rows: 100_000)
        text += "\"q,1\",x,y,1\n"
        let d = try document(text)
        #expect(d.rowCount == 100_001)
        #expect(d.string(row: 100_000, column: 0) == "q,1")
        #expect(d.string(row: 99_999, column: 3) == "99999.25")
    }
}

extension Array where Element == UInt8 {
    func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        var i = end - 1
        while i >= 0 {
            if self[i] == byte { return i }
            i -= 1
        }
        return nil
    }
}

@Suite("CSV reader: files")
struct CSVDocumentFileTests {
    @Test("a missing file and a folder are InputErrors naming the path")
    func fileErrors() throws {
        #expect(throws: InputError(file: "/nonexistent/pace.csv",
                                   problem: "cannot open the file: No such file or directory")) {
            try CSVDocument.read(path: "/nonexistent/pace.csv")
        }
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: InputError(file: folder, problem: "cannot read the file: Is a directory")) {
            try CSVDocument.read(path: folder)
        }
    }

    @Test("small and large files read from disk give the same cells as from bytes")
    func fromDisk() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for rows in [3, 60_000] {
            let text = CSVDocumentLargeTests.bigText(rows: rows)
            let path = folder + "/f\(rows).csv"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let d = try CSVDocument.read(path: path)
            #expect(d.source == path)
            #expect(d.rowCount == rows)
            #expect(d.string(row: rows - 1, column: 3) == "\(rows - 1).25")
        }
    }
}
