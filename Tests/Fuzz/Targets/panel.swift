// libFuzzer target: the gap analysis' panel loaders (Sources/PaceGap/Input). Compiled into one
// module with the PaceData sources and the PaceGap files listed in panel.sources (see
// Tests/Fuzz/run.sh), so it can call the loaders' internal entry points and switch their
// thresholds.
//
// Differential. The reference is the general reader: CSVDocument → ObservationSet →
// GapSeries.panel(from: set). Against it, for the same bytes:
// - the document loader GapSeries.panel(from: CSVDocument) (row fast path `fastPanel`, else
//   the general reader), on one thread and with its two-thread thresholds lowered to 1–2 rows
//   or bytes (CSV scan, value column, fastPanel's passes);
//   `fastPanel` itself, when it takes the file, gives the same series;
// - the byte scanner's entry GapSeries.PanelInput(file:parts:) + panel(from: input), for 1, 2,
//   3, 5 and 8 chunks with the minimum chunk size lowered to one byte (so small inputs are cut
//   into many chunks, scanned concurrently), and for the production default (parts nil);
// - GapSeries.bytePanel on a copy of the bytes that ends exactly at a page boundary followed by
//   an inaccessible page, with the data pages read-only (as a read-only file mapping): any read
//   past the end of the file or write into it faults, whatever AddressSanitizer's granularity.
// All must give the same series (region, indicator, frequency, kind, years, notes, every value
// bit for bit, NaN for missing) or the same InputError message. No crash on any input.
//
// With PACE_FUZZ_STATS=1 in the environment the target prints at exit how many inputs each
// path took and the most frequent errors (to see that the byte scanner is really exercised).
// Most byte-level mutations break a table's shape, so a structure-aware mutator
// (Support/CSVLineMutator.swift) does four mutations in five.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let source = "fuzz.csv"
private let metadata = IndicatorMetadata(entries: [
    .init(indicator: "loans", kind: .stock), .init(indicator: "cpi", kind: .rate), .init(indicator: "x", kind: .stock),
])
private let otherMetadata = IndicatorMetadata(entries: [.init(indicator: "gdp", kind: .rate)])

private struct Stats {
    var inputs = 0, generalOK = 0, csvErrors = 0, contentErrors = 0, fastPanel = 0, scanned = 0, scannedDefault = 0
}
nonisolated(unsafe) private var stats = Stats()
nonisolated(unsafe) private var statsRegistered = false
nonisolated(unsafe) private var problems: [String: Int] = [:]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPanel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    registerStats()
    stats.inputs += 1
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reference = generalOutcome(bytes)

    // The document loader, one thread.
    let viaDocument = documentOutcome(bytes)
    require(viaDocument == reference, "document loader differs from the general reader:\n\(reference)\n---\n\(viaDocument)")
    // The document loader with its two-thread paths (CSV scan, value column, fastPanel pass 1/2).
    CSVDocument.parallelThreshold = 2
    CSVDocument.parallelColumnThreshold = 2
    GapSeries.fastPanelParallelRows = 1
    let viaDocumentThreads = documentOutcome(bytes)
    CSVDocument.parallelThreshold = 1 << 20
    CSVDocument.parallelColumnThreshold = 200_000
    GapSeries.fastPanelParallelRows = 200_000
    require(viaDocumentThreads == reference,
            "two-thread document loader differs from the general reader:\n\(reference)\n---\n\(viaDocumentThreads)")

    // The byte scanner: many chunks even for small inputs.
    GapSeries.byteChunkMinimum = 1
    for parts in [1, 2, 3, 5, 8] {
        let (scanned, outcome) = byteOutcome(bytes, parts: parts)
        require(outcome == reference, "byte scanner (\(parts) parts, scanned \(scanned)) differs from the general reader:\n\(reference)\n---\n\(outcome)")
        if parts == 1 && scanned { stats.scanned += 1 }
        let guardedOutcome = guardedByteOutcome(bytes, parts: parts)
        require((guardedOutcome != nil) == scanned, "bytePanel on the mapped copy \(guardedOutcome != nil ? "took" : "declined") the file")
        if let guardedOutcome {
            require(guardedOutcome == reference, "bytePanel (\(parts) parts) on the mapped copy differs:\n\(reference)\n---\n\(guardedOutcome)")
        }
    }
    GapSeries.byteChunkMinimum = 64
    // The production entry: chunk count chosen by size.
    let (scannedDefault, outcomeDefault) = byteOutcome(bytes, parts: nil)
    if scannedDefault { stats.scannedDefault += 1 }
    require(outcomeDefault == reference, "byte scanner (default parts) differs:\n\(reference)\n---\n\(outcomeDefault)")
    return 0
}

/// Mutations that keep the table's shape (Support/CSVLineMutator.swift) four times in five,
/// with tokens for each column of the long layout.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutatePanel(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    CSVLineMutator.mutate(data, size, maxSize, seed, tokens: panelTokens)
}

private let panelTokens: [String: [String]] = {
    var periods = ["2024", "1999", "0001", "9999", "2024Q0", "2024Q5", "2024q1", "2024-00", "2024-13", "2024-1",
                   " 2024Q1", "2024Q1 ", "2024M03", "2024-W01", "0000Q1", "2147483647", "1e3", ""]
    for year in [2019, 2020, 2023, 2024] {
        periods += (1...4).map { "\(year)Q\($0)" } + (1...12).map { "\(year)-" + ($0 < 10 ? "0" : "") + "\($0)" }
    }
    let names = ["A", "B", "R1", "Moscow", "\u{0416}", "region_12345", "", " ", "\t", " A", "A ", "a", "gdp", "cpi", "loans", "x"]
    return [
        "region": names,
        "indicator": names,
        "series": names,
        "period": periods,
        "measure": ["level", "ytd", "stock", "yoy", "ytd_yoy", " ytd ", "YTD", "Ytd_Yoy", "qoq", "saar", "index", ""],
        "value": ["1", "0", "-0", "10.5", "-3.25", "NA", "", " ", " NA", "\"\"", "1e3", "1E-5", "0.1", "12345678", "123456789.123",
                  "99999999999999999999", "1e400", "nan", "inf", "-", ".", "+1", " 1", "1 ", "0x10", "1,5"],
        "": ["region", "indicator", "series", "period", "measure", "value", "unit", "Region", " value ", "\"x\""],
    ]
}()

/// The general reader's panel or error.
private func generalOutcome(_ bytes: [UInt8]) -> String {
    let document: CSVDocument
    do {
        document = try CSVDocument(bytes: bytes, source: source)
    } catch {
        stats.csvErrors += 1
        if let e = error as? InputError { problems[e.problem.prefix(24) + "", default: 0] += 1 }
        return errorText(error)
    }
    do {
        let panel = GapSeries.panel(from: try ObservationSet(document: document), metadata: metadata)
        stats.generalOK += 1
        return describe(panel)
    } catch {
        stats.contentErrors += 1
        if let e = error as? InputError { problems[e.problem.prefix(24) + "", default: 0] += 1 }
        return errorText(error)
    }
}

/// `GapSeries.panel(from: CSVDocument)`; `fastPanel`, when it takes the file, must agree with it.
private func documentOutcome(_ bytes: [UInt8]) -> String {
    do {
        let document = try CSVDocument(bytes: bytes, source: source)
        let fast = GapSeries.fastPanel(document, metadata: metadata)
        let panel = try GapSeries.panel(from: document, metadata: metadata)
        let text = describe(panel)
        if let fast {
            if GapSeries.fastPanelParallelRows > 1 { stats.fastPanel += 1 }
            require(describe(fast) == text, "fastPanel differs from panel(from: document)")
        }
        return text
    } catch {
        return errorText(error)
    }
}

/// The byte scanner's entry point on an in-memory file: whether it scanned, and the panel or error.
private func byteOutcome(_ bytes: [UInt8], parts: Int?) -> (Bool, String) {
    let file = LoadedFile(bytes: bytes, source: source)
    let input: GapSeries.PanelInput
    do {
        input = try GapSeries.PanelInput(file: file, parts: parts)
    } catch {
        return (false, errorText(error))
    }
    require(input.source == source)
    require(input.contentHashHex == file.contentHashHex, "fingerprint taken alongside the scan differs")
    do {
        let panel = try GapSeries.panel(from: input, metadata: metadata)
        let text = describe(panel)
        // The scanned series are kept in a box and their kinds set in place: other metadata
        // afterwards gives other kinds, the same metadata again the same panel.
        let other = try GapSeries.panel(from: input, metadata: otherMetadata)
        require(other.count == panel.count)
        for s in other { require(s.kind == (s.indicator == "gdp" ? .rate : .flow)) }
        let again = describe(try GapSeries.panel(from: input, metadata: metadata))
        require(again == text, "panel(from: input) is not repeatable")
        return (input.isScanned, text)
    } catch {
        require(!input.isScanned, "a scanned file cannot fail")
        return (false, errorText(error))
    }
}

/// `bytePanel` on a copy of the bytes laid out like a read-only file mapping whose last byte is
/// the last of a page, the next page inaccessible; nil when it declines.
private func guardedByteOutcome(_ bytes: [UInt8], parts: Int) -> String? {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let dataPages = (bytes.count + page - 1) / page
    let length = (dataPages + 1) * page
    guard let m = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != MAP_FAILED else {
        fail("mmap failed")
    }
    defer { munmap(m, length) }
    let end = m + dataPages * page
    let base = (end - bytes.count).assumingMemoryBound(to: UInt8.self)
    bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { base.update(from: b, count: bytes.count) } }
    require(mprotect(end, page, PROT_NONE) == 0)
    if dataPages > 0 { require(mprotect(m, dataPages * page, PROT_READ) == 0) }
    guard var panel = GapSeries.bytePanel(UnsafeBufferPointer(start: base, count: bytes.count), parts: parts) else {
        return nil
    }
    for i in panel.indices {
        switch metadata.kind(of: panel[i].indicator) {
        case .flow: panel[i].kind = .flow
        case .stock: panel[i].kind = .stock
        case .rate: panel[i].kind = .rate
        }
    }
    return describe(panel)
}

private func errorText(_ error: Error) -> String {
    guard let e = error as? InputError else { fail("unexpected error type \(type(of: error)): \(error)") }
    require(e.file == source, "error names another file: \(e)")
    require(!e.problem.isEmpty)
    return "error: \(e)"
}

/// Everything observable about a panel, as text; checks the shape invariants on the way.
private func describe(_ panel: [GapSeries]) -> String {
    var out = "\(panel.count) series\n"
    for s in panel {
        require([1, 4, 12].contains(s.periodsPerYear), "periods per year \(s.periodsPerYear)")
        require(s.yearCount >= 1 && s.firstYear >= 1, "years \(s.firstYear)+\(s.yearCount)")
        require(!s.indicator.isEmpty, "empty indicator")
        out += "\(s.region.debugDescription) \(s.indicator.debugDescription) n=\(s.periodsPerYear) \(s.kind)"
            + " years \(s.firstYear)+\(s.yearCount) notes \(s.notes) weights \(s.periodWeights.map { "\($0)" } ?? "none")\n"
        var measures = 0
        for m in GapSeries.Measure.allCases {
            let values = s[m]
            if values.isEmpty { continue }
            measures += 1
            require(values.count == s.yearCount * s.periodsPerYear, "\(m): \(values.count) values")
            out += "  \(m):"
            for v in values { out += v.isNaN ? " nan" : " \(v)" }
            out += "\n"
        }
        require(measures > 0, "a series without measures")
    }
    return out
}

private func registerStats() {
    guard !statsRegistered else { return }
    statsRegistered = true
    guard getenv("PACE_FUZZ_STATS") != nil else { return }
    atexit {
        let s = stats
        fputs("panel stats: \(s.inputs) inputs; general reader: \(s.generalOK) panels, \(s.csvErrors) CSV errors, "
              + "\(s.contentErrors) content errors; fastPanel took \(s.fastPanel); byte scanner took \(s.scanned) "
              + "(default parts: \(s.scannedDefault))\nmost frequent errors: "
              + problems.sorted { $0.value > $1.value }.prefix(10).map { "\($0.key)… \($0.value)" }.joined(separator: ", ") + "\n", stderr)
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
