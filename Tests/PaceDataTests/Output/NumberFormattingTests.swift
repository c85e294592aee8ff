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

/// `formatNumber(_:into:)` (the exact integer path for plain magnitudes) writes exactly the
/// bytes of `formatNumber(_:)` (Swift's `description`, the reference here).
@Suite("number formatting into a buffer")
struct NumberFormattingIntoTests {
    func written(_ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let n = formatNumber(x, into: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
        }
    }

    @Test("edge cases: specials, range ends, powers of two, ties, 15/16/17 digits, integers, leading zeros")
    func edges() {
        let cases: [Double] = [
            .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, 1e300, 1e-5, 0.0009999999999999998, 0.001, 0.0010000000000000002,
            999_999_999_999_999.9, 1e15, 1e15 - 0.125, 0.5, 0.25, 1024, 0.0625, 4_503_599_627_370_496,
            1_234_567_890_123_456.25, 1_234_567_890_123.4375, 0.1, 0.2, 0.30000000000000004, 1.0 / 3, 2.0 / 3, -2.0 / 3,
            100, 120, 12.5, 0.0125, 0.01, 0.012, 6.9, -6.9, 709.5910715418703, 0.47620906399758867, 0.003316821115865116,
            9_007_199_254_740_991, 123_456_789_012_345.6, 99.99999999999999, 9.999999999999998, 0.09999999999999999,
        ]
        for x in cases {
            #expect(written(x) == formatNumber(x), "bits \(x.bitPattern)")
            #expect(written(-x) == formatNumber(-x), "bits \((-x).bitPattern)")
        }
    }

    @Test("property: equals formatNumber over all bit patterns and over plain magnitudes")
    func property() async {
        await propertyCheck(count: 20000, input: Gen.uint64(in: 0...UInt64.max)) { bits in
            let x = Double(bitPattern: bits)
            #expect(written(x) == formatNumber(x), "bits \(bits)")
        }
        await propertyCheck(count: 20000, input: Gen.double(in: 1.0..<2.0), Gen.int(in: -12...52), Gen.bool) {
            fraction, exponent, negative in
            let x = (negative ? -1 : 1) * Double(sign: .plus, exponent: exponent, significand: fraction)
            #expect(written(x) == formatNumber(x), "bits \(x.bitPattern)")
        }
        await propertyCheck(count: 20000, input: Gen.int64(in: -9_000_000_000_000...9_000_000_000_000), Gen.int(in: 0...9)) { m, d in
            let x = Double(m) / [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9][d]
            #expect(written(x) == formatNumber(x), "bits \(x.bitPattern)")
        }
    }
}

@Suite("formatFixed")
struct FormatFixedTests {
    @Test("fixed decimals; no -0; beyond 9e15 units the shortest round-trip form instead of a trap")
    func fixedDecimals() {
        #expect(formatFixed(3.14159, 2) == "3.14")
        #expect(formatFixed(-2.5, 0) == "-3")
        #expect(formatFixed(-0.04, 1) == "0.0")
        #expect(formatFixed(0.5, 3) == "0.500")
        #expect(formatFixed(123456789012.345, 1) == "123456789012.3")
        #expect(formatFixed(.nan, 1) == "" && formatFixed(.infinity, 2) == "")
        for x in [1e16, -9.3e18, 1e19, 1.5e300, -Double.greatestFiniteMagnitude] {
            #expect(formatFixed(x, 1) == formatNumber(x), "\(x)")
            #expect(Double(formatFixed(x, 2)) == x, "\(x)")
        }
        // Just below the switch: still plain digits.
        #expect(formatFixed(8.9e14, 1) == "890000000000000.0")
    }
}
