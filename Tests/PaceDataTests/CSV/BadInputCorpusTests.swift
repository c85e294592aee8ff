import Foundation
import Testing
@testable import PaceData

/// Every file in Tests/Fixtures/bad-input/csv is a CSV that is wrong in one way; its
/// `.expected` twin holds the exact message. Files named `number-*.csv` are well-formed CSV
/// whose `value` column holds a bad number: the message comes from `doubleColumn`.
/// Set PACE_UPDATE_GOLDEN=1 to rewrite the `.expected` files (then review the diff).
@Suite("bad CSV input: golden messages")
struct BadInputCorpusTests {
    static let folder = FixturePaths.fixtures("bad-input/csv")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }()

    static func message(for name: String) -> String {
        let bytes = [UInt8](FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)!)
        do {
            let document = try CSVDocument(bytes: bytes, source: name)
            if name.hasPrefix("number-") {
                _ = try document.doubleColumn(try document.requireColumn("value"))
            }
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("the corpus is there")
    func corpusPresent() {
        #expect(Self.cases.count >= 20)
    }

    @Test("message matches the golden file", arguments: cases)
    func golden(name: String) throws {
        let got = Self.message(for: name)
        let expectedURL = Self.folder.appendingPathComponent(
            String(name.dropLast(4)) + ".expected")
        if ProcessInfo.processInfo.environment["PACE_UPDATE_GOLDEN"] == "1" {
            try (got + "\n").write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(got + "\n" == expected)
        #expect(got != "no error")
    }

    @Test("a 10 MB line is read in full, and an error in it is reported with a cut value")
    func tenMegabyteLine() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let good = Array("a,b\n1,".utf8) + long + Array("\n2,y\n".utf8)
        let document = try CSVDocument(bytes: good, source: "long.csv")
        #expect(document.rowCount == 2)
        #expect(document.string(row: 0, column: 1).utf8.count == 10_000_000)
        #expect(document.lineNumber(row: 1) == 3)

        let quoted = Array("a,b\n1,\"".utf8) + long + Array("\"\n2,y\n".utf8)
        let q = try CSVDocument(bytes: quoted, source: "long.csv")
        #expect(q.string(row: 0, column: 1).utf8.count == 10_000_000)

        let stray = Array("a,b\n1,".utf8) + long + Array("\"\n".utf8)
        #expect(throws: InputError.self) { try CSVDocument(bytes: stray, source: "long.csv") }
        do {
            _ = try CSVDocument(bytes: stray, source: "long.csv")
        } catch let error as InputError {
            #expect(error.line == 2 && error.column == 2)
            #expect(error.description.count < 400)
        }

        let unclosed = Array("a,b\n1,\"".utf8) + long
        do {
            _ = try CSVDocument(bytes: unclosed, source: "long.csv")
            Issue.record("an unclosed quote was accepted")
        } catch let error as InputError {
            #expect(error.problem == "quoted field is never closed")
            #expect(error.line == 2 && error.column == 2)
        }
    }
}
