// libFuzzer target: the observation loader (long and wide) and every conversion.
//
// Whatever the bytes: no crash. When the strict read succeeds, the collecting read (used by
// `pace check`) finds no problem and the same series; series are non-empty with one source line
// per value; every conversion target runs; `check` runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservations(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? CSVDocument(bytes: bytes, source: "fuzz.csv") else { return 0 }
    for layout in ObservationLayout.allCases {
        let strict: ObservationSet
        do {
            strict = try ObservationSet(document: document, layout: layout)
        } catch let error as InputError {
            precondition(!error.description.isEmpty)
            _ = try? ObservationSet.readCollectingProblems(document: document, layout: layout)
            continue
        } catch {
            preconditionFailure("unexpected error type \(error)")
        }
        for s in strict.series {
            precondition(!s.values.isEmpty && s.sourceLines.count == s.values.count)
            precondition(s.sourceLines.first != 0 && s.sourceLines.last != 0, "series must start and end on a row")
        }
        if let (collected, problems, count) = try? ObservationSet.readCollectingProblems(document: document, layout: layout) {
            precondition(problems.isEmpty && count == 0, "collecting read found problems the strict read did not")
            precondition(collected.series == strict.series, "collecting read gives other series")
        }
        for target in ConversionTarget.allCases {
            let result = strict.converted(to: target, tolerance: 0.1)
            for s in result.series { precondition(s.notes.keys.allSatisfy { $0 >= 0 && $0 < s.count }) }
        }
        _ = strict.gaps()
        _ = try? ObservationSet.check(document: document, layout: layout)
    }
    return 0
}
