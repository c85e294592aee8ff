import Testing
@testable import PaceForecast

/// Quantiles by selection must equal, bit for bit, the type 8 quantiles of the sorted values (the simulated
/// intervals were computed by sorting before).
@Suite("Order statistics by selection")
struct OrderStatisticsTests {
    @Test("equal to sorting first, for sizes 1…3000, ties, constant and sorted inputs")
    func equalsSorting() {
        var rng = ETSRandom(seed: 5)
        let ps = [0.5, 0.025, 0.975, 0.1, 0.9, 0, 1, 0.0001, 0.9999, 0.3]
        for n in [1, 2, 3, 4, 5, 7, 16, 17, 31, 100, 999, 1000, 3000] {
            for kind in 0..<5 {
                var x: [Double] = (0..<n).map { i in
                    switch kind {
                    case 0: return rng.normal()
                    case 1: return Double(Int(rng.uniform() * 5))          // many ties
                    case 2: return 7                                       // constant
                    case 3: return Double(i)                               // sorted
                    default: return Double(n - i) * (i % 2 == 0 ? 1 : -1)  // alternating, descending magnitude
                    }
                }
                let sorted = x.sorted()
                let expected = ps.map { ETSFit.quantileType8(sorted: sorted, $0) }
                let got = OrderStatistics.quantilesType8(&x, ps)
                #expect(got == expected, "n=\(n) kind=\(kind)")
                #expect(x.sorted() == sorted, "a permutation of the input")
            }
        }
    }
}
