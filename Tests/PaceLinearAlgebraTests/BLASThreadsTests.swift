import Testing
@testable import PaceLinearAlgebra

@Suite("OpenBLAS worker threads")
struct BLASThreadsTests {
    /// A 400×400 product is large enough for OpenBLAS to split it over its threads: stopping
    /// the idle workers must not change it, and OpenBLAS must start them again on demand.
    @Test("stopping the idle workers leaves threaded products exact; later calls restart them")
    func stopIdleWorkers() throws {
        let n = 400
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
        }
        let a = try Matrix(rows: n, columns: n, columnMajor: (0..<(n * n)).map { _ in next() })
        let b = try Matrix(rows: n, columns: n, columnMajor: (0..<(n * n)).map { _ in next() })
        let before = try a * b
        BLASThreads.stopIdleWorkers()
        let after = try a * b
        BLASThreads.stopIdleWorkers()  // twice is harmless
        let again = try a * b
        // Reference: the plain triple loop in exact-ish order, tolerance for summation order
        // (400 products of magnitude ≤ 1: 1e-12 absolute is ample).
        for (r, c) in [(0, 0), (17, 399), (399, 3), (200, 200)] {
            var sum = 0.0
            for k in 0..<n { sum += a[r, k] * b[k, c] }
            #expect(abs(before[r, c] - sum) < 1e-12)
        }
        for r in 0..<n {
            for c in 0..<n {
                #expect(after[r, c] == before[r, c] && again[r, c] == before[r, c])
            }
        }
    }
}
