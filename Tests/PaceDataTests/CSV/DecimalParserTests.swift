import Testing
import PropertyBased
#if canImport(Glibc)
import Glibc
#endif
@testable import PaceData

/// The C library's correctly rounded conversion (glibc strtod), the reference for every case.
private func strtodReference(_ text: String) -> Double {
    text.withCString { strtod($0, nil) }
}

@Suite("decimal parser")
struct DecimalParserTests {
    @Test("special and edge inputs")
    func edges() {
        #expect(DecimalParser.classify(bytes("")) == .missing)
        #expect(DecimalParser.classify(bytes("  ")) == .missing)
        #expect(DecimalParser.classify(bytes("NA")) == .missing)
        for word in ["nan", "NaN", "-inf", "+Infinity", "INF", "1e400", "-1e309"] {
            #expect(DecimalParser.classify(bytes(word)) == .notFinite, "\(word)")
        }
        for junk in [".", "-", "+", "e5", "1e", "1e+", "1.2.3", "0x10", "1,5", "1 000", "--1", "1d", "na", "١"] {
            #expect(DecimalParser.classify(bytes(junk)) == .notANumber, "\(junk)")
        }
        #expect(DecimalParser.parse("-0")?.sign == .minus)
        #expect(DecimalParser.parse("0e999") == 0)
        #expect(DecimalParser.parse(" 12.5 ") == 12.5)
        #expect(DecimalParser.parse(".5") == 0.5)
        #expect(DecimalParser.parse("5.") == 5)
        #expect(DecimalParser.parse("+1E+2") == 100)
        // Smallest subnormal, largest finite, and a value just below the overflow threshold.
        #expect(DecimalParser.parse("4.9406564584124654e-324") == .leastNonzeroMagnitude)
        #expect(DecimalParser.parse("1e-400") == 0)
        #expect(DecimalParser.parse("1.7976931348623157e308") == .greatestFiniteMagnitude)
        // 2^53 + 1 has 16 digits but is not exact: must round like strtod (to even, 2^53).
        #expect(DecimalParser.parse("9007199254740993") == 9007199254740992)
        // Twenty digits take the strtod path.
        #expect(DecimalParser.parse("12345678901234567890") == strtodReference("12345678901234567890"))
    }

    @Test("agrees with strtod on random decimal text (fast path and fallback)")
    func agreesWithStrtod() async {
        await propertyCheck(count: 2000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...25),
                            Gen.int(in: -30...30), Gen.bool) { raw, digits, exponent, negative in
            var mantissa = String(raw)
            mantissa = String(mantissa.prefix(max(1, min(digits, mantissa.count))))
            let point = mantissa.count / 2
            let text = (negative ? "-" : "") + mantissa.prefix(point) + "." + mantissa.dropFirst(point)
                + (exponent == 0 ? "" : "e\(exponent)")
            let expected = strtodReference(text)
            #expect(DecimalParser.parse(text)?.bitPattern == expected.bitPattern, "\(text)")
            // The plain-decimal fast path, when it answers, must agree too.
            let fast = Array(text.utf8).withUnsafeBufferPointer {
                DecimalParser.parseFast($0.baseAddress!, count: $0.count)
            }
            if let fast { #expect(fast.bitPattern == expected.bitPattern, "fast: \(text)") }
            if exponent == 0 && digits <= 15 { #expect(fast != nil, "fast path declined \(text)") }
        }
    }

    private func bytes(_ s: String) -> UnsafeBufferPointer<UInt8> {
        // Leaked on purpose for the test's lifetime: tiny and simplifies the call sites.
        let a = Array(s.utf8)
        let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(a.count, 1))
        _ = p.initialize(from: a)
        return UnsafeBufferPointer(start: p.baseAddress, count: a.count)
    }
}
