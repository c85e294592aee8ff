// libFuzzer target: the decimal parser and number formatting.
//
// Whatever the bytes, classification must not crash; a parsed number must format and parse
// back to the same bits; and the fast path, when it answers, must agree with strtod.
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let result = DecimalParser.classify(buffer)
    if case .number(let x) = result {
        precondition(x.isFinite)
        let text = formatNumber(x)
        precondition(DecimalParser.parse(text)?.bitPattern == x.bitPattern, "round trip failed for \(text)")
        if let fast = DecimalParser.parseFast(data, count: size) {
            let copy = Array(buffer) + [0]
            let reference = copy.withUnsafeBufferPointer { p in
                strtod(UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), nil)
            }
            precondition(fast.bitPattern == reference.bitPattern, "fast path disagrees with strtod")
        }
    }
    // Bit patterns as numbers: format → parse must round-trip.
    if size >= 8 {
        let x = UnsafeRawPointer(data).loadUnaligned(as: Double.self)
        if x.isFinite {
            precondition(DecimalParser.parse(formatNumber(x))?.bitPattern == x.bitPattern)
        }
    }
    return 0
}
