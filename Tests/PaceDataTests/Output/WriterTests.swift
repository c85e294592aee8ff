import Foundation
import Testing
@testable import PaceData

/// A fresh empty folder under the system temporary directory.
func makeTemporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "pace-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("quotes only when needed; inner quotes doubled")
    func escaping() {
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("cr\r") == "\"cr\r\"")
        #expect(CSVWriter.escape(" padded") == "\" padded\"")
        #expect(CSVWriter.escape("région") == "région")
    }

    @Test("what the writer writes, the reader reads back unchanged")
    func roundTrip() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        let rows = [["a,b", "say \"hi\"", "x"], ["two\nlines", "", " lead"], ["NA-like", "ü", "\"\""]]
        let sink = try OutputSink(path: path)
        let writer = CSVWriter(sink: sink)
        writer.writeHeader(["h1", "h,2", "h3"])
        for row in rows { writer.writeRow(row) }
        writer.field("n")
        writer.field(1.5)
        writer.field(Double.nan)
        writer.endRow()
        try sink.commit()
        let document = try CSVDocument.read(path: path)
        #expect(document.header == ["h1", "h,2", "h3"])
        #expect(document.rowCount == 4)
        for (r, row) in rows.enumerated() {
            #expect((0..<3).map { document.string(row: r, column: $0) } == row)
        }
        #expect(try document.double(row: 3, column: 1) == 1.5)
        #expect(document.isMissing(row: 3, column: 2))
        #expect(document.lineNumber(row: 2) == 5)
    }
}

@Suite("JSON writers")
struct JSONWriterTests {
    @Test("string escaping per RFC 8259")
    func escaping() {
        #expect(JSONWriter.quoted("plain") == "\"plain\"")
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONWriter.quoted("\u{01}\u{1F}") == #""\u0001\u001f""#)
        #expect(JSONWriter.quoted("région ✓") == "\"région ✓\"")
    }

    @Test("DEL and C1 controls as \\u007f and \\u0080–\\u009f; U+00A0 and the rest of Latin-1 as they are")
    func deleteAndC1() throws {
        // Expected literals written out by hand from the code points (RFC 8259 §7: \u plus four hex digits).
        #expect(JSONWriter.quoted("a\u{7F}b") == #""a\u007fb""#)
        #expect(JSONWriter.quoted("\u{80}\u{85}\u{9B}\u{9F}") == #""\u0080\u0085\u009b\u009f""#)
        #expect(JSONWriter.quoted("\u{7E}\u{A0}é¿") == "\"\u{7E}\u{A0}é¿\"")
        // Every scalar 0x7F…0x9F, through the writer's streaming path (the fast check looks at UTF-8 bytes): no byte
        // 0x7F and no C1 scalar in the file, and the reader gets the text back.
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = String(String.UnicodeScalarView((UInt32(0x7F)...0x9F).map { Unicode.Scalar($0)! })) + "x\u{A0}"
        let path = folder + "/c1.jsonl"
        let sink = try OutputSink(path: path)
        JSONLinesWriter(sink: sink).record { $0.member("name\u{85}", text) }
        try sink.commit()
        let written = read(path)!
        #expect(!written.unicodeScalars.contains { $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
        let escapes = (0x7F...0x9F).map { "\\u00" + String($0, radix: 16) }.joined()
        #expect(written == "{\"name\\u0085\":\"" + escapes + "x\u{A0}\"}\n", "\(written)")
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8)) as! [String: Any]
        #expect(object["name\u{85}"] as? String == text)
    }

    @Test("nested document: commas, keys, null for non-finite; valid JSON that reads back")
    func document() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for pretty in [false, true] {
            let path = folder + "/out\(pretty).json"
            let sink = try OutputSink(path: path)
            let json = JSONWriter(sink: sink, pretty: pretty)
            json.beginObject()
            json.member("schema", "pace.test/1")
            json.member("nan", Double.nan)
            json.member("n", 3)
            json.member("ok", true)
            json.key("values")
            json.beginArray()
            json.number(0.1)
            json.number(-1e-300)
            json.number(Double.infinity)
            json.beginObject()
            json.endObject()
            json.beginArray()
            json.endArray()
            json.endArray()
            json.member("text", "a\"\n")
            json.endObject()
            #expect(json.isComplete)
            try sink.commit()
            let text = read(path)!
            if !pretty {
                #expect(text == #"{"schema":"pace.test/1","nan":null,"n":3,"ok":true,"values":[0.1,-1e-300,null,{},[]],"text":"a\"\n"}"#)
            }
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            let values = object["values"] as! [Any]
            #expect(values[0] as? Double == 0.1)
            #expect(values[1] as? Double == -1e-300)
            #expect(values[2] is NSNull)
            #expect(object["text"] as? String == "a\"\n")
        }
    }

    @Test("JSON Lines: one compact object per line")
    func lines() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.jsonl"
        let sink = try OutputSink(path: path)
        let writer = JSONLinesWriter(sink: sink)
        writer.record { $0.member("region", "R1"); $0.member("value", 1.5) }
        writer.record { $0.member("region", "R\n2"); $0.member("value", Optional<Double>.none) }
        try sink.commit()
        #expect(read(path) == "{\"region\":\"R1\",\"value\":1.5}\n{\"region\":\"R\\n2\",\"value\":null}\n")
    }
}

@Suite("output sink: atomic files")
struct OutputSinkTests {
    @Test("commit replaces the file; nothing else is left in the folder")
    func commitReplaces() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/r.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try OutputSink(path: path)
        sink.write("new\n")
        // Larger than the buffer, to exercise direct writes.
        sink.write([UInt8](repeating: 0x41, count: 200_000))
        #expect(read(path) == "old\n")
        try sink.commit()
        #expect(read(path)!.hasPrefix("new\nAAAA"))
        #expect(read(path)!.utf8.count == 4 + 200_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["r.csv"])
    }

    @Test("without commit (a failed run) the previous file is kept and the temporary removed")
    func failureKeepsPrevious() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/r.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let sink = try OutputSink(path: path)
            sink.write([UInt8](repeating: 0x42, count: 100_000))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        }
        #expect(read(path) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["r.csv"])

        let fresh = folder + "/never.csv"
        do {
            let sink = try OutputSink(path: fresh)
            sink.write("partial")
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("an unfinished output's temporary file is recorded for the signal handlers until commit; removeAll removes it")
    func temporaryFilesForSignals() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/r.csv"
        let sink = try OutputSink(path: path)
        sink.write([UInt8](repeating: 0x43, count: 100_000))
        let temporary = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(temporary.hasPrefix(".r.csv.pace-tmp-"))
        #expect(TemporaryFiles.contains(folder + "/" + temporary))
        // What the SIGINT/SIGTERM/SIGBUS handlers do (confined to this test's folder).
        TemporaryFiles.removeAll(under: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)

        let second = try OutputSink(path: path)
        second.write("done\n")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(TemporaryFiles.contains(folder + "/" + name))
        try second.commit()
        #expect(!TemporaryFiles.contains(folder + "/" + name))
        TemporaryFiles.removeAll(under: folder)  // a signal after the commit leaves the result alone
        #expect(read(path) == "done\n")
    }

    @Test("an unwritable destination is an OutputError naming it")
    func unwritable() throws {
        let path = "/nonexistent-pace-folder/x.csv"
        #expect(throws: OutputError.self) { try OutputSink(path: path) }
        do {
            _ = try OutputSink(path: path)
        } catch let error as OutputError {
            #expect(error.description.hasPrefix(path + ": cannot create the output file: "))
        }
    }
}

@Suite("text tables")
struct TextTableTests {
    @Test("plain table: numbers right-aligned, text left-aligned")
    func plain() {
        var table = TextTable(header: ["region", "value"])
        table.addRow(["North", "1.5"])
        table.addRow(["S", "-12"])
        table.addRow(["Empty"])
        #expect(table.plainText() == """
            region  value
            ------  -----
            North     1.5
            S         -12
            Empty

            """)
    }

    @Test("markdown: control characters escaped as in messages, then backslashes and pipes; alignment row")
    func markdown() {
        var table = TextTable(header: ["name", "n\u{1B}"])
        table.addRow(["a|b", "1"])
        table.addRow(["two\nlines", "2"])
        table.addRow(["esc\u{1B}[31m\ttab\r\u{9B}", "3"])
        table.addRow(["back\\|slash", "4"])
        #expect(table.markdown() == #"""
            | name | n\\u{1b} |
            | --- | ---: |
            | a\|b | 1 |
            | two\\nlines | 2 |
            | esc\\u{1b}[31m\\ttab\\r\\u{9b} | 3 |
            | back\\\|slash | 4 |

            """#)
    }

    @Test("plain table: control characters in cells and header escaped as in messages; widths count the escapes")
    func plainControlCharacters() {
        var table = TextTable(header: ["name\t", "n"])
        table.addRow(["a\u{1B}[2J", "1"])
        table.addRow(["x\r\ny", "22"])
        #expect(table.plainText() == #"""
            name\t       n
            ----------  --
            a\u{1b}[2J   1
            x\r\ny      22

            """#)
    }
}
