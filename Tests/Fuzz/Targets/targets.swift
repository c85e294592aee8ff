// libFuzzer target: the gap analysis' targets file reader, GapTarget.read(document:) (SPEC §2:
// `region,indicator,year,type,target[,stretch]`). Compiled into one module with the PaceData
// sources and the PaceGap files listed in targets.sources (see Tests/Fuzz/run.sh).
//
// Whatever the bytes: no crash, and every error an InputError naming the file and a line.
// Differential: the reader's byte-level year and type parsers, its trimming and its duplicate
// check are compared with a plain String-based reading of the same document written here from
// the specification (numbers go through `CSVDocument.double` in both, so they are not
// compared: the `number` target fuzzes the decimal parser). Names are trimmed of ASCII spaces
// and tabs, byte for byte, as the data readers trim region and indicator names: a target must
// carry exactly the name of the series it is meant for. When the read succeeds: years 1–9999,
// finite targets and stretches, trimmed non-empty names, one target per row; and the targets
// written back as CSV (every field quoted, numbers in Swift's shortest form) read back to the
// same targets, bit for bit.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let source = "fuzz.csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTargets(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? CSVDocument(bytes: bytes, source: source) else { return 0 }
    let read: Result<[GapTarget], InputError>
    do {
        read = .success(try GapTarget.read(document: document))
    } catch let error as InputError {
        read = .failure(error)
    } catch {
        fail("unexpected error type \(type(of: error)): \(error)")
    }
    let reference = referenceRead(document)
    require(read == reference, "GapTarget.read differs from the reference reading:\n\(read)\n---\n\(reference)")
    switch read {
    case .failure(let error):
        require(error.file == source && error.line != nil && error.line! >= 1, "error without a line: \(error)")
    case .success(let targets):
        require(targets.count == document.rowCount)
        for t in targets {
            require(t.year >= 1 && t.year <= 9999 && t.target.isFinite && (t.stretch?.isFinite ?? true), "\(t)")
            require(!t.indicator.isEmpty && trimmed(t.indicator) == t.indicator && trimmed(t.region) == t.region, "\(t)")
        }
        let written = csv(targets)
        do {
            let again = try GapTarget.read(document: try CSVDocument(bytes: Array(written.utf8), source: "again.csv"))
            require(again.count == targets.count, "round trip: \(again.count) targets for \(targets.count)")
            for (a, b) in zip(again, targets) {
                require(a.region == b.region && a.indicator == b.indicator && a.year == b.year && a.type == b.type
                    && a.target.bitPattern == b.target.bitPattern && a.stretch?.bitPattern == b.stretch?.bitPattern,
                        "round trip: \(a) for \(b)\n\(written)")
            }
        } catch {
            fail("round trip: \(error)\n\(written)")
        }
    }
    return 0
}

/// Mutations that keep the table's shape (Support/CSVLineMutator.swift) four times in five, with
/// tokens for each column.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateTargets(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    CSVLineMutator.mutate(data, size, maxSize, seed, tokens: [
        "region": ["A", "R0000", "", " A", "A ", "\t\u{0416}", " \u{0301}A", "\"A,B\""],
        "indicator": ["gdp", "ind00", "", " ", "gdp ", " gdp", "\u{00A0}gdp", "\"g\"\"dp\""],
        "year": ["2024", "0001", "0000", "9999", "24", "20245", " 2024 ", "\t2024", "２０２４", "2024.0", "+202", ""],
        "type": ["growth", "level", "max", "min", "GROWTH", " Max ", "mIn\t", "grow", "maxi", "", "\u{0130}"],
        "target": ["5.9", "0", "-0", "1e3", "1e-05", "1e400", "NA", "", "nan", "inf", "0.1", "123456789.123"],
        "stretch": ["7", "", "NA", "-1.5", "x", "1e309"],
        "": ["region", "indicator", "year", "type", "target", "stretch", " Target ", "YEAR", "\"type\""],
    ])
}

/// The reading SPEC §2 describes, on `String`s.
private func referenceRead(_ document: CSVDocument) -> Result<[GapTarget], InputError> {
    func column(_ name: String) -> Int? { document.header.firstIndex { trimmed($0).lowercased() == name } }
    var required: [Int] = []
    for name in ["indicator", "year", "type", "target"] {
        guard let c = column(name) else {
            return .failure(InputError(file: source, line: 1, problem: "missing required column \"\(name)\"",
                                       found: document.header.joined(separator: ","),
                                       expected: "a header region,indicator,year,type,target[,stretch]"))
        }
        required.append(c)
    }
    let (indicatorColumn, yearColumn, typeColumn, targetColumn) = (required[0], required[1], required[2], required[3])
    let regionColumn = column("region"), stretchColumn = column("stretch")
    var targets: [GapTarget] = []
    var firstLine: [[String]: Int] = [:]
    for row in 0..<document.rowCount {
        let line = document.lineNumber(row: row)
        func cell(_ c: Int) -> String { document.string(row: row, column: c) }
        let region = regionColumn.map { trimmed(cell($0)) } ?? ""
        let indicator = trimmed(cell(indicatorColumn))
        if indicator.isEmpty {
            return .failure(InputError(file: source, line: line, column: indicatorColumn + 1,
                                       problem: "missing indicator name", found: "", expected: "a name"))
        }
        let yearText = Array(trimmed(cell(yearColumn)).utf8)
        guard yearText.count == 4, yearText.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let year = Int(String(decoding: yearText, as: UTF8.self)), year >= 1 else {
            return .failure(InputError(file: source, line: line, column: yearColumn + 1, problem: "bad year",
                                       found: cell(yearColumn), expected: "a year 0001–9999"))
        }
        let typeText = String(decoding: trimmed(cell(typeColumn)).utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 },
                              as: UTF8.self)
        guard let type = TargetType(rawValue: typeText) else {
            return .failure(InputError(file: source, line: line, column: typeColumn + 1, problem: "unknown target type",
                                       found: cell(typeColumn), expected: "growth, level, max, min"))
        }
        let value: Double?, stretch: Double?
        do {
            value = try document.double(row: row, column: targetColumn)
            guard value != nil else {
                return .failure(InputError(file: source, line: line, column: targetColumn + 1, problem: "missing target",
                                           found: cell(targetColumn), expected: "a number"))
            }
            stretch = try stretchColumn.flatMap { try document.double(row: row, column: $0) }
        } catch let error as InputError {
            return .failure(error)
        } catch {
            fail("unexpected error type \(Swift.type(of: error))")
        }
        let key = [region, indicator, String(year), type.rawValue]
        if let first = firstLine[key] {
            return .failure(InputError(file: source, line: line, problem: "duplicate target",
                                       found: "\(region.isEmpty ? "" : region + "/")\(indicator) \(year) \(type.rawValue)",
                                       expected: "one row per region, indicator, year and type (first on line \(first))"))
        }
        firstLine[key] = line
        targets.append(GapTarget(region: region, indicator: indicator, year: year, type: type, target: value!, stretch: stretch))
    }
    return .success(targets)
}

/// Without leading and trailing ASCII spaces and tabs, byte for byte.
private func trimmed(_ s: String) -> String {
    var u = Array(s.utf8)[...]
    while let b = u.first, b == 0x20 || b == 0x09 { u.removeFirst() }
    while let b = u.last, b == 0x20 || b == 0x09 { u.removeLast() }
    return String(decoding: u, as: UTF8.self)
}

/// The targets as a targets CSV, every field quoted.
private func csv(_ targets: [GapTarget]) -> String {
    func q(_ s: String) -> String { "\"" + s.replacingQuotes() + "\"" }
    var out = "stretch,TARGET,type,year,indicator,region\n"
    for t in targets {
        var year = String(t.year)
        while year.count < 4 { year = "0" + year }
        out += [t.stretch.map { "\($0)" } ?? "", "\(t.target)", t.type.rawValue, year, t.indicator, t.region].map(q)
            .joined(separator: ",") + "\n"
    }
    return out
}

private extension String {
    func replacingQuotes() -> String {
        var out = ""
        for c in unicodeScalars {
            if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}

/// `precondition` that prints its message in optimized builds too (they drop it), then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", file: StaticString = #file, line: UInt = #line) {
    if !condition { fail(message(), file: file, line: line) }
}

private func fail(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
    fputs("\(file):\(line): check failed: \(message)\n", stderr)
    abort()
}
