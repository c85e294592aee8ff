// libFuzzer target: the CSV reader. Compiled into one module with the PaceData sources (see
// Tests/Fuzz/run.sh), so it can switch the reader's internal strategies.
//
// Differential: the input is parsed three ways — the default path, the two-thread path
// (threshold lowered) and the byte-level scanner alone — and all three must agree: the same
// error message, or the same header, cells and line numbers. On success every accessor must
// work and agree with the others.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reference = outcome(bytes)
    CSVDocument.parallelThreshold = 2
    CSVDocument.parallelColumnThreshold = 2
    let parallel = outcome(bytes)
    CSVDocument.parallelThreshold = 1 << 20
    CSVDocument.parallelColumnThreshold = 200_000
    CSVDocument.forceGenericScanner = true
    let generic = outcome(bytes)
    CSVDocument.forceGenericScanner = false
    precondition(reference == parallel, "two-thread path differs:\n\(reference)\n\(parallel)")
    precondition(reference == generic, "byte-level scanner differs:\n\(reference)\n\(generic)")
    return 0
}

/// Everything observable about a parse, as text.
private func outcome(_ bytes: [UInt8]) -> String {
    let document: CSVDocument
    do {
        document = try CSVDocument(bytes: bytes, source: "fuzz.csv")
    } catch {
        return "error: \(error)"
    }
    precondition(document.header.count == document.columnCount)
    var out = "header: \(document.header)\n"
    var previousLine = 1
    for row in 0..<document.rowCount {
        let line = document.lineNumber(row: row)
        precondition(line > previousLine, "line numbers must increase")
        previousLine = line
        out += "\(line):"
        for column in 0..<document.columnCount {
            let text = document.string(row: row, column: column)
            let viaBytes = document.withFieldBytes(row: row, column: column) {
                String(decoding: $0, as: UTF8.self)
            }
            precondition(text == viaBytes, "string and withFieldBytes disagree")
            let missing = document.isMissing(row: row, column: column)
            precondition(!missing || text.isEmpty || text == "NA", "missing but not empty or NA")
            out += " \(text.debugDescription)"
            if let x = try? document.double(row: row, column: column) {
                precondition(!missing && x.isFinite)
                out += "=\(x)"
            }
        }
        out += "\n"
    }
    for column in 0..<document.columnCount {
        do {
            let values = try document.doubleColumn(column)
            precondition(values.count == document.rowCount)
            out += "column \(column): \(values)\n"
        } catch {
            out += "column \(column): \(error)\n"
        }
    }
    return out
}
