import Testing
import Foundation
@testable import PaceLinearAlgebra

/// The allocation-free small-problem kernels against the general routines they stand in for.
@Suite("small kernels: packed Householder QR, tridiagonal eigenvalues, Gram condition number")
struct SmallKernelTests {
    /// Deterministic pseudo-random numbers in [−1, 1) (a 64-bit LCG; no global state).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 52) - 1
        }
    }

    @Test("packed QR solves like HouseholderLeastSquares: same solution, Qᵀb and (AᵀA)⁻¹")
    func packedAgreesWithGeneric() throws {
        var rng = LCG(state: 11)
        for (n, k) in [(5, 1), (9, 4), (40, 6), (23, 9), (7, 7)] {
            let a = (0..<(n * k)).map { _ in rng.next() * 10 }
            let b = (0..<n).map { _ in rng.next() }
            let generic = try DoubleLeastSquares(design: a, rows: n, columns: k)
            guard let packed = PackedHouseholderQR(rows: n, columns: k, fill: { p in
                for i in 0..<(n * k) { p[i] = a[i] }
            }) else { Issue.record("packed QR refused a full-rank \(n)×\(k) design"); continue }
            let want = try generic.solve(b)
            var x = [Double](repeating: 0, count: k), r = [Double](repeating: 0, count: n)
            let ok = x.withUnsafeMutableBufferPointer { xp in
                r.withUnsafeMutableBufferPointer { rp in
                    b.withUnsafeBufferPointer {
                        packed.refinedSolve(response: $0.baseAddress!, solution: xp.baseAddress!, residual: rp.baseAddress!)
                    }
                }
            }
            #expect(ok, "well-conditioned random design flagged as needing extended precision")
            let scale = want.map(abs).max()!
            for j in 0..<k { #expect(abs(x[j] - want[j]) <= 1e-12 * scale, "\(n)×\(k) x[\(j)]") }
            // The residual is b − Ax (recomputed here directly).
            for i in 0..<n {
                var fit = 0.0
                for j in 0..<k { fit += a[i + j * n] * x[j] }
                #expect(abs(r[i] - (b[i] - fit)) <= 1e-12)
            }
            // (AᵀA)⁻¹ from the packed factor times AᵀA is the identity.
            let gramInverse = packed.inverseGram(inverseR: false).gramInverse
            let gram = try Matrix(rows: n, columns: k, columnMajor: a).gram()
            let product = try gramInverse * gram
            for i in 0..<k { for j in 0..<k { #expect(abs(product[i, j] - (i == j ? 1 : 0)) <= 1e-10) } }
            // R·D reproduces the generic factor's: the same reflections, the same four-way partial
            // sums in the dot products, so equal up to the order of the final additions.
            let rd = packed.unscaledR().storage, genericRD = generic.unscaledR().storage
            let rdScale = genericRD.map(abs).max()!
            #expect(rd.count == genericRD.count)
            for (p, g) in zip(rd, genericRD) { #expect(abs(p - g) <= 1e-14 * rdScale) }
        }
    }

    @Test("packed QR refuses a dependent column, a zero column and n < k")
    func packedRefuses() {
        let c: [Double] = [1, 2, 3, 4]
        #expect(PackedHouseholderQR(rows: 4, columns: 2, fill: { p in for i in 0..<4 { p[i] = c[i]; p[4 + i] = 2 * c[i] } }) == nil)
        #expect(PackedHouseholderQR(rows: 4, columns: 2, fill: { p in for i in 0..<4 { p[i] = c[i]; p[4 + i] = 0 } }) == nil)
        #expect(PackedHouseholderQR(rows: 1, columns: 2, fill: { p in p[0] = 1; p[1] = 2 }) == nil)
    }

    @Test("refinement flags a problem double precision cannot solve to 10⁻¹⁴ (degree-9 monomials)")
    func refinementFlagsIllConditioning() {
        // x^0 … x^9 on 20 points in [1, 2]: κ of the scaled design is ~10¹⁰, so the first
        // double-precision solve is off by far more than 10⁻¹⁴ and the caller must go extended.
        let n = 20, k = 10
        let xs = (0..<n).map { 1 + Double($0) / Double(n - 1) }
        let qr = PackedHouseholderQR(rows: n, columns: k, fill: { p in
            for j in 0..<k { for i in 0..<n { p[i + j * n] = pow(xs[i], Double(j)) } }
        })
        #expect(qr != nil)
        let b = xs.map { 1 / $0 }
        var x = [Double](repeating: 0, count: k), r = [Double](repeating: 0, count: n)
        let ok = x.withUnsafeMutableBufferPointer { xp in
            r.withUnsafeMutableBufferPointer { rp in
                b.withUnsafeBufferPointer { qr!.refinedSolve(response: $0.baseAddress!, solution: xp.baseAddress!, residual: rp.baseAddress!) }
            }
        }
        #expect(!ok)
    }

    /// Eigenvalues by the cyclic Jacobi method (Golub & Van Loan, *Matrix Computations*, 4th ed.,
    /// Alg. 8.5.3): rotations zero each off-diagonal pair in turn until the off-diagonal mass is below
    /// 10⁻³⁰ of the total — slow, but sharing nothing with Householder tridiagonalisation and QR.
    static func jacobiEigenvalues(_ m: Matrix) -> [Double] {
        let k = m.rows
        var a = m.storage
        func at(_ i: Int, _ j: Int) -> Double { a[i + j * k] }
        let total = a.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<100 {
            var off = 0.0
            for j in 0..<k { for i in 0..<k where i != j { off += at(i, j) * at(i, j) } }
            if off <= 1e-30 * total { break }
            for p in 0..<k {
                for q in (p + 1)..<max(k, p + 1) where at(p, q) != 0 {
                    let tau = (at(q, q) - at(p, p)) / (2 * at(p, q))
                    let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for r in 0..<k {  // columns p, q
                        let x = a[r + p * k], y = a[r + q * k]
                        a[r + p * k] = c * x - s * y
                        a[r + q * k] = s * x + c * y
                    }
                    for r in 0..<k {  // rows p, q
                        let x = a[p + r * k], y = a[q + r * k]
                        a[p + r * k] = c * x - s * y
                        a[q + r * k] = s * x + c * y
                    }
                }
            }
        }
        return (0..<k).map { at($0, $0) }.sorted()
    }

    /// Two references: LAPACK's `dsyevd` and cyclic Jacobi (which shares nothing with either). One CI run saw
    /// `dsyevd` off by up to 2 for the 11 × 11 case: a test stopping OpenBLAS's workers
    /// (`blas_thread_shutdown_`) ran in parallel; a C reproduction of that race corrupts about 1 in 1,000
    /// `dsyevd` calls, and that test now runs through the `pace` binary instead.
    @Test("tridiagonal QR eigenvalues equal LAPACK dsyevd's and cyclic Jacobi's on random symmetric matrices (k = 1…12, 25, 40)")
    func eigenvaluesAgreeWithJacobi() throws {
        var rng = LCG(state: 5)
        for k in Array(1...12) + [25, 40] {
            var m = Matrix(rows: k, columns: k)
            for j in 0..<k { for i in 0...j { let v = rng.next() * Double(1 + i + j); m[i, j] = v; m[j, i] = v } }
            let reference = Self.jacobiEigenvalues(m)
            var work = m.storage
            var d = [Double](repeating: 0, count: k), e = [Double](repeating: 0, count: k)
            let ok = work.withUnsafeMutableBufferPointer { w in
                d.withUnsafeMutableBufferPointer { dp in
                    e.withUnsafeMutableBufferPointer { ep in
                        SymmetricTridiagonalEigenvalues.compute(w.baseAddress!, k, eigenvalues: dp.baseAddress!, work: ep.baseAddress!)
                    }
                }
            }
            #expect(ok)
            let lapack = try m.symmetricEigenvalues()
            let norm = reference.map(abs).max()!
            for (mine, (jacobi, theirs)) in zip(d.sorted(), zip(reference, lapack)) {
                #expect(abs(mine - jacobi) <= 1e-13 * norm, "k=\(k): \(mine) vs Jacobi \(jacobi)")
                #expect(abs(mine - theirs) <= 1e-13 * norm, "k=\(k): \(mine) vs dsyevd \(theirs)")
            }
            if k == 11 {  // numpy.linalg.eigvalsh on the same matrix (printed to 8 decimals)
                #expect(abs(reference[0] - -42.91727002) <= 1e-8 && abs(reference[1] - -29.19140582) <= 1e-8)
            }
        }
    }

    @Test("symmetricEigenvalues reads the upper triangle only and refuses a non-finite matrix")
    func eigenvaluesUpperTriangle() throws {
        // Upper triangle of [[2, 1], [1, 2]] with garbage below: eigenvalues 1 and 3.
        let e = try Matrix(columns: [[2, 99], [1, 2]]).symmetricEigenvalues()
        #expect(abs(e[0] - 1) <= 1e-15 && abs(e[1] - 3) <= 1e-15)
        #expect(throws: LinearAlgebraError.self) { try Matrix(columns: [[1, .nan], [.nan, 1]]).symmetricEigenvalues() }
    }

    @Test("Gram condition number equals the Jacobi one when κ ≤ 10³; ill-conditioned matrices fall back")
    func gramConditionNumber() throws {
        var rng = LCG(state: 9)
        for (rows, columns) in [(6, 6), (40, 6), (3, 8), (12, 1)] {
            let a = try Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in rng.next() })
            let jacobi = a.jacobiSingularValues()
            let want = jacobi.first! / jacobi.last!
            let fast = try #require(a.gramConditionNumber())
            #expect(abs(fast - want) <= 1e-10 * want, "\(rows)×\(columns): \(fast) vs \(want)")
            #expect(abs(try a.conditionNumber() - want) <= 1e-10 * want)
        }
        // Hilbert 8 × 8: κ ≈ 1.5 × 10¹⁰ — the Gram route would lose every digit of λ_min.
        var h = Matrix(rows: 8, columns: 8)
        for i in 0..<8 { for j in 0..<8 { h[i, j] = 1 / Double(i + j + 1) } }
        #expect(h.gramConditionNumber() == nil)
        let sv = h.jacobiSingularValues()
        #expect(try h.conditionNumber() == sv.first! / sv.last!)
        // numpy 2 (LAPACK SVD, itself accurate to ~ε·κ here): np.linalg.cond(scipy.linalg.hilbert(8))
        // = 15257575538.060041.
        #expect(abs(try h.conditionNumber() / 15257575538.060041 - 1) <= 1e-5)
    }
}
