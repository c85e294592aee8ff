// libFuzzer target: the period parser.
//
// Whatever the bytes, parsing must not crash; a parsed period must print canonically, parse
// back to itself (from the String and the byte printer), and step forward and back to itself;
// the diagnosis of a rejected text must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriod(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    if let period = Period.parse(bytes: buffer) {
        let text = period.description
        precondition(Period(text) == period, "print → parse changed \(text)")
        var bytes: [UInt8] = []
        period.appendCanonical(to: &bytes)
        precondition(String(decoding: bytes, as: UTF8.self) == text, "byte printer differs for \(text)")
        precondition(Period.years.contains(period.year) && (1...period.periodsPerYear).contains(period.position))
        if let next = period.next { precondition(next.previous == period && period < next) }
        if let earlier = period.yearEarlier { precondition(earlier.position == period.position && earlier.year == period.year - 1) }
        precondition(period.daysElapsedInYear <= period.daysInYear && period.daysElapsedInYear >= 28)
    } else {
        let text = String(decoding: buffer, as: UTF8.self)
        let diagnosis = Period.diagnose(text)
        precondition(!diagnosis.expected.isEmpty)
        precondition(Period(text) == nil || text.utf8.count != size, "String and byte parsers disagree on \(text)")
    }
    return 0
}
