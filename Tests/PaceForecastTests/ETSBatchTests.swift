import Testing
@testable import PaceForecast

/// `ETS.selectBatch`: results must not depend on the thread count (no tolerance: bit patterns compared).
@Suite("ETS batch selection")
struct ETSBatchTests {
    /// Bit patterns of everything a selection reports (NaN-safe, unlike ==).
    static func signature(_ s: ETSSelection) -> [UInt64] {
        let f = s.best
        let p = f.parameters
        var out: [Double] = [f.logLikelihood, f.aic, f.aicc, f.bic, f.sigma2, f.mse, p.smoothingLevel,
                             p.smoothingTrend ?? -1, p.smoothingSeasonal ?? -1, p.dampingTrend ?? -1,
                             Double(f.evaluations)]
        out += p.initialState + f.fitted + f.residuals + f.states
        for c in s.candidates {
            out += [c.logLikelihood ?? -1, c.aicc ?? -1, Double(c.evaluations), c.failure == nil ? 0 : 1]
        }
        return out.map(\.bitPattern)
    }

    static func signature(_ r: Result<ETSSelection, ETSError>) -> String {
        switch r {
        case .success(let s): return "ok " + signature(s).map { String($0, radix: 16) }.joined(separator: ",") + " " + s.best.specification.code
        case .failure(let e): return "error " + e.description
        }
    }

    /// Quarterly, monthly and yearly fixture series, a too-short one, one with a NaN and a constant one.
    static var inputs: [[Double]] {
        var withNaN = ETSFixture.y("UKgas")
        withNaN[3] = .nan
        return [ETSFixture.y("UKgas"), [1, 2, 3], ETSFixture.y("JohnsonJohnson"), withNaN,
                [Double](repeating: 7, count: 12), Array(ETSFixture.y("UKgas").prefix(40)),
                ETSFixture.y("realgdp"), Array(ETSFixture.y("JohnsonJohnson").suffix(30))]
    }

    @Test("1 and 2 threads (and more threads than series) give bit-identical results, equal to ETS.select")
    func threadCountInvariance() throws {
        let series = Self.inputs
        let one = ETS.selectBatch(series, period: 4, threads: 1).map(Self.signature)
        let two = ETS.selectBatch(series, period: 4, threads: 2).map(Self.signature)
        let many = ETS.selectBatch(series, period: 4, threads: 64).map(Self.signature)
        #expect(one.count == series.count)
        #expect(one == two)
        #expect(one == many)
        for (i, y) in series.enumerated() {
            let direct: Result<ETSSelection, ETSError>
            do { direct = .success(try ETS.select(y, period: 4)) } catch { direct = .failure(error) }
            #expect(Self.signature(direct) == one[i], "series \(i)")
        }
        // The failures are the per-series errors, in place.
        #expect(one[1].hasPrefix("error ") && one[3].hasPrefix("error ") && one[0].hasPrefix("ok "))
    }

    @Test("edge cases: no series, thread count < 1")
    func edges() {
        #expect(ETS.selectBatch([], period: 12, threads: 2).isEmpty)
        let y = ETSFixture.y("realgdp")
        let zero = ETS.selectBatch([y, y], period: 1, threads: 0).map(Self.signature)
        let negative = ETS.selectBatch([y, y], period: 1, threads: -3).map(Self.signature)
        let two = ETS.selectBatch([y, y], period: 1, threads: 2).map(Self.signature)
        #expect(zero == two && negative == two && zero[0] == zero[1])
    }
}
