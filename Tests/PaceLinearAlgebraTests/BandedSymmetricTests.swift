import Testing
@testable import PaceLinearAlgebra

/// A deterministic pseudo-random generator (SplitMix64) so tests are reproducible.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random symmetric, strictly diagonally dominant (hence positive-definite) band matrix.
private func randomSPD(order n: Int, subdiagonals kd: Int, seed: UInt64) -> BandedSymmetricMatrix {
    var g = SplitMix(state: seed)
    var a = BandedSymmetricMatrix(order: n, subdiagonals: kd)
    for j in 0..<n {
        for k in 1...max(kd, 1) where kd > 0 && j + k < n { a[j + k, j] = Double.random(in: -1...1, using: &g) }
    }
    for j in 0..<n {
        var s = 0.0
        for i in max(0, j - kd)...min(n - 1, j + kd) where i != j { s += abs(a[i, j]) }
        a[j, j] = s + Double.random(in: 0.5...2, using: &g)
    }
    return a
}

/// The second-difference matrix I + λ DᵀD of the Hodrick–Prescott filter, built densely from D.
private func hpMatrix(order n: Int, lambda: Double) -> BandedSymmetricMatrix {
    var a = BandedSymmetricMatrix(order: n, subdiagonals: 2)
    for j in 0..<n { a[j, j] = 1 }
    let c = [1.0, -2.0, 1.0]
    if n >= 3 {
        for r in 0..<(n - 2) {
            for p in 0..<3 { for q in 0...p { a[r + p, r + q] += lambda * c[p] * c[q] } }
        }
    }
    return a
}

private func maxRelativeError(_ x: [Double], _ y: [Double]) -> Double {
    zip(x, y).map { abs($0 - $1) / max(abs($1), 1) }.max() ?? 0
}

@Suite("symmetric banded solver")
struct BandedSymmetricTests {
    // MARK: edge cases

    @Test("order 0 solves to the empty vector")
    func empty() throws {
        let a = BandedSymmetricMatrix(order: 0, subdiagonals: 2)
        for m in BandedSymmetricMatrix.Factorization.Method.allCases {
            #expect(try a.solve([], method: m).isEmpty)
        }
    }

    @Test("order 1 and order 2 (bandwidth larger than the matrix)")
    func tiny() throws {
        var a = BandedSymmetricMatrix(order: 1, subdiagonals: 2)
        a[0, 0] = 4
        for m in BandedSymmetricMatrix.Factorization.Method.allCases {
            #expect(try a.solve([2], method: m) == [0.5])  // exact in binary
        }
        let b = try BandedSymmetricMatrix(diagonals: [[2, 2], [1]])
        // [[2,1],[1,2]]⁻¹ [3, 3] = [1, 1]; tolerance: a few ulps.
        for m in BandedSymmetricMatrix.Factorization.Method.allCases {
            let x = try b.solve([3, 3], method: m)
            #expect(abs(x[0] - 1) < 1e-15 && abs(x[1] - 1) < 1e-15)
        }
    }

    @Test("an indefinite matrix is refused with the order of the failing minor")
    func indefinite() throws {
        // [[1,2],[2,1]]: the 2×2 minor is −3.
        let a = try BandedSymmetricMatrix(diagonals: [[1, 1], [2]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: 2)) {
            try a.factorized(method: .ldlt)
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpbtrf", order: 2)) {
            try a.factorized(method: .lapackCholesky)
        }
        // Zero and negative leading elements, bandwidths 0, 1, 2 and 3 (the general kernel).
        for kd in 0...3 {
            var b = randomSPD(order: 6, subdiagonals: kd, seed: 7)
            b[3, 3] = -1
            #expect(throws: LinearAlgebraError.self) { try b.factorized() }
            var z = randomSPD(order: 6, subdiagonals: kd, seed: 7)
            z[0, 0] = 0
            #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: 1)) {
                try z.factorized()
            }
        }
    }

    @Test("NaN and infinity in the matrix are refused, not propagated")
    func nonFinite() throws {
        var a = randomSPD(order: 5, subdiagonals: 2, seed: 3)
        a[2, 2] = .nan
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: 3)) { try a.factorized() }
        a[2, 2] = .infinity
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "ldlt", order: 3)) { try a.factorized() }
    }

    @Test("shape mismatches are thrown")
    func mismatch() throws {
        #expect(throws: LinearAlgebraError.self) { try BandedSymmetricMatrix(diagonals: [[1, 2, 3], [1]]) }
        #expect(throws: LinearAlgebraError.self) { try BandedSymmetricMatrix(diagonals: []) }
        let a = randomSPD(order: 4, subdiagonals: 1, seed: 1)
        #expect(throws: LinearAlgebraError.self) { try a.solve([1, 2, 3]) }
    }

    // MARK: accuracy

    @Test("solve recovers a known solution for bandwidths 0 to 4, both methods",
          arguments: [0, 1, 2, 3, 4])
    func recoversSolution(kd: Int) throws {
        for n in [1, 2, 3, 5, 17, 200] {
            let a = randomSPD(order: n, subdiagonals: kd, seed: UInt64(100 * kd + n))
            let x = (0..<n).map { Double($0 % 7) - 2.5 }
            let b = try a.multiplied(by: x)
            for m in BandedSymmetricMatrix.Factorization.Method.allCases {
                let solved = try a.solve(b, method: m)
                // Diagonally dominant, condition number ≤ ~5: a few ulps of error expected.
                #expect(maxRelativeError(solved, x) < 1e-13, "n = \(n), kd = \(kd), \(m)")
            }
        }
    }

    @Test("subscript is symmetric and zero outside the band; multiply matches the dense product")
    func subscriptAndMultiply() throws {
        let a = try BandedSymmetricMatrix(diagonals: [[4, 5, 6], [1, 2], [3]])
        #expect(a[0, 1] == 1 && a[1, 0] == 1 && a[2, 0] == 3 && a[0, 2] == 3 && a[2, 1] == 2)
        let b = BandedSymmetricMatrix(order: 4, subdiagonals: 1)
        #expect(b[3, 0] == 0)
        // Dense [[4,1,3],[1,5,2],[3,2,6]]·[1,1,1] = [8, 8, 11], exact integers.
        #expect(try a.multiplied(by: [1, 1, 1]) == [8, 8, 11])
    }

    @Test("the HP-filter matrix at λ = 1600 and n = 5000: LDLᵀ and LAPACK agree, residual is small")
    func hpMatrixSolve() throws {
        let n = 5000
        let a = hpMatrix(order: n, lambda: 1600)
        let y = (0..<n).map { Double(($0 * 7919) % 101) / 10 }
        let x1 = try a.solve(y, method: .ldlt)
        let x2 = try a.solve(y, method: .lapackCholesky)
        // Condition number of I + λDᵀD ≤ 1 + 16λ ≈ 2.6e4: agreement to ~1e-11 is expected.
        #expect(maxRelativeError(x1, x2) < 1e-10)
        let r = try a.multiplied(by: x1)
        #expect(maxRelativeError(r, y) < 1e-9)
    }

    @Test("a factorisation solves several right-hand sides; in-place solve equals copying solve")
    func reuse() throws {
        let a = randomSPD(order: 30, subdiagonals: 2, seed: 11)
        let f = try a.factorized()
        for s in 0..<3 {
            let x = (0..<30).map { Double(($0 + s) % 5) }
            var b = try a.multiplied(by: x)
            let copy = try f.solve(b)
            try f.solve(inPlace: &b)
            #expect(copy == b)
            #expect(maxRelativeError(b, x) < 1e-13)
        }
    }
}
