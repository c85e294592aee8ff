import PropertyBased
import Testing
@testable import PaceData

/// The two-thread reader (files of 200,000 rows or more) must give exactly what the one-thread
/// reader gives — same series, same order — and report the first problem in file order.
@Suite("observations: the two-half reader agrees with the one-thread reader")
struct SplitLoadTests {
    /// A long file of `regions × indicators` quarterly series, rows shuffled by a fixed
    /// permutation so series straddle the two halves.
    static func panel(regions: Int, indicators: Int, quarters: Int, extra: String = "") -> String {
        var rows: [String] = []
        for r in 0..<regions {
            for i in 0..<indicators {
                for q in 0..<quarters {
                    let value = Double((r * 31 + i * 7 + q * 3) % 997) / 4
                    rows.append("R\(r),ind\(i),\(2000 + q / 4)Q\(q % 4 + 1),ytd,\(value)")
                }
            }
        }
        // Deterministic shuffle: a stride coprime with the count.
        var shuffled: [String] = []
        shuffled.reserveCapacity(rows.count)
        var k = 0
        for _ in rows.indices {
            shuffled.append(rows[k])
            k = (k + 7919) % rows.count
        }
        return "region,indicator,period,measure,value\n" + shuffled.joined(separator: "\n") + "\n" + extra
    }

    @Test("same series as the collecting (one-thread) reader on a shuffled 201,600-row panel")
    func agrees() throws {
        let text = Self.panel(regions: 120, indicators: 42, quarters: 40)
        let document = try CSVDocument(bytes: Array(text.utf8), source: "p.csv")
        #expect(document.rowCount == 201_600)
        let split = try ObservationSet(document: document)
        let (single, problems, _) = try ObservationSet.readCollectingProblems(document: document)
        #expect(problems.isEmpty)
        #expect(split.series.count == 120 * 42)
        #expect(split.series == single.series)
    }

    @Test("a duplicate across the halves and a bad period in the second half: the earlier line is reported")
    func firstProblem() throws {
        let base = Self.panel(regions: 120, indicators: 42, quarters: 40)
        // Line 201,602: a duplicate of a row in the first half; line 201,603: a bad period.
        let text = base + "R0,ind0,2000Q1,ytd,1\nR0,ind0,2000Q9,ytd,1\n"
        let document = try CSVDocument(bytes: Array(text.utf8), source: "p.csv")
        #expect(throws: InputError.self) { try ObservationSet(document: document) }
        do {
            _ = try ObservationSet(document: document)
        } catch let error as InputError {
            #expect(error.line == 201_602)
            #expect(error.problem.hasPrefix("duplicate observation of R0/ind0/ytd for 2000Q1, first on line"))
        }
        let (_, problems, count) = try ObservationSet.readCollectingProblems(document: document)
        #expect(count == 2)
        #expect(problems.first?.line == 201_602)
    }
}

@Suite("number text: the fixed-decimal fast path equals formatNumber")
struct DecimalTextTests {
    @Test("edge cases: zero, −0, tiny, huge, NaN, negative, trailing zeros")
    func edges() {
        for (x, d) in [(0.0, 2), (-0.0, 1), (0.01, 2), (0.0625, 4), (1e15, 0), (123.4500, 4), (-5.5, 1), (1e-7, 9),
                       (Double.nan, 1), (.infinity, 0), (2.5e14, 3), (100, 0), (9_007_199_254_740_992, 0)] {
            var bytes: [UInt8] = []
            appendNumber(x, decimals: d, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == formatNumber(x), "x = \(x), d = \(d)")
        }
    }

    @Test("property: m / 10^d printed by the fast path equals formatNumber, for any declared decimals")
    func property() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -9_000_000_000_000...9_000_000_000_000), Gen.int(in: 0...9), Gen.int(in: 0...11)) {
            m, d, declared in
            let x = Double(m) / [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9][d]
            var bytes: [UInt8] = []
            appendNumber(x, decimals: declared, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == formatNumber(x))
        }
    }
}
