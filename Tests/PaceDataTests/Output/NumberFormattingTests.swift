import Testing
import PropertyBased
@testable import PaceData

@Suite("number formatting")
struct NumberFormattingTests {
    @Test("non-finite values are empty (CSV missing); integers lose the .0; -0 keeps its sign")
    func specials() {
        #expect(formatNumber(Double.nan) == "")
        #expect(formatNumber(Double.infinity) == "")
        #expect(formatNumber(-Double.infinity) == "")
        #expect(formatNumber(5.0) == "5")
        #expect(formatNumber(-0.0) == "-0")
        #expect(formatNumber(0.0) == "0")
        #expect(formatNumber(0.1) == "0.1")
        #expect(formatNumber(1e-5) == "1e-05")
        #expect(formatNumber(1e300) == "1e+300")
        #expect(formatNumber(123.4567) == "123.4567")
        #expect(formatNumber(Double.leastNonzeroMagnitude) == "5e-324")
        #expect(formatNumber(42) == "42")
    }

    @Test("format then parse gives the same double, bit for bit, over all bit patterns")
    func roundTripBits() async {
        await propertyCheck(count: 5000, input: Gen.uint64(in: 0...UInt64.max)) { bits in
            let x = Double(bitPattern: bits)
            guard x.isFinite else { return }
            let text = formatNumber(x)
            #expect(DecimalParser.parse(text)?.bitPattern == x.bitPattern, "\(text)")
        }
    }

    @Test("round trip for subnormals, huge and tiny exponents, and ordinary magnitudes")
    func roundTripRanges() async {
        await propertyCheck(count: 3000, input: Gen.double(in: 1.0..<2.0), Gen.int(in: -1074...1023),
                            Gen.bool) { fraction, exponent, negative in
            let x = (negative ? -1 : 1) * Double(sign: .plus, exponent: exponent, significand: fraction)
            guard x.isFinite else { return }
            #expect(DecimalParser.parse(formatNumber(x))?.bitPattern == x.bitPattern)
        }
    }

    @Test("formatted numbers are CSV-safe and JSON numbers (no letters but e, no inf)")
    func grammar() async {
        await propertyCheck(count: 2000, input: Gen.uint64(in: 0...UInt64.max)) { bits in
            let text = formatNumber(Double(bitPattern: bits))
            #expect(text.allSatisfy { "0123456789.-+e".contains($0) })
            #expect(!text.contains(","))
        }
    }
}
