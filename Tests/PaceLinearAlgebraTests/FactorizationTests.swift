import Testing
@testable import PaceLinearAlgebra

/// Factorisations checked against closed-form results (values derived by hand in comments).
@Suite("factorisations")
struct FactorizationTests {
    @Test("QR least squares recovers an exact line and the residual of a known fit")
    func qrLeastSquares() throws {
        // y = 1 + 2x exactly at x = 0…4.
        let a = try Matrix(columns: [[1, 1, 1, 1, 1], [0, 1, 2, 3, 4]])
        let x = try a.leastSquares([1, 3, 5, 7, 9])
        #expect(abs(x[0] - 1) <= 1e-14 && abs(x[1] - 2) <= 1e-14)
        // Mean of [1, 2, 6] by least squares on a column of ones: 3.
        let m = try Matrix(columns: [[1, 1, 1]]).leastSquares([1, 2, 6])
        #expect(abs(m[0] - 3) <= 1e-15)
        let qr = try QRFactorization(a)
        let q = try qr.thinQ()
        // QᵀQ = I.
        let qtq = try q.transposed * q
        for i in 0..<2 { for j in 0..<2 { #expect(abs(qtq[i, j] - (i == j ? 1 : 0)) <= 1e-15) } }
        // |R₁₁| = ‖first column‖ = √5.
        #expect(abs(abs(qr.r[0, 0]) - 5.0.squareRoot()) <= 1e-15)
        #expect(throws: LinearAlgebraError.self) { try QRFactorization(Matrix(rows: 2, columns: 3)) }
    }

    @Test("QR of a matrix with a zero column: R is singular → thrown, not asserted")
    func qrSingular() throws {
        let a = try Matrix(columns: [[1, 2, 3], [0, 0, 0]])
        #expect(throws: LinearAlgebraError.singular(routine: "dtrtrs", index: 2)) { try a.leastSquares([1, 2, 3]) }
    }

    @Test("pivoted QR reveals rank and names the dependent column")
    func pivoted() throws {
        let c1: [Double] = [1, 2, 3, 4], c2: [Double] = [1, 0, 1, 0]
        let c3 = zip(c1, c2).map { $0 - 2 * $1 }
        let p = try PivotedQR(try Matrix(columns: [c1, c2, c3]), tolerance: 1e-12)
        #expect(p.rank == 2)
        #expect(p.dependentColumns.count == 1)
        // Basic solution: y = c1 + c2 is fitted exactly with the dependent column at 0.
        let y = zip(c1, c2).map { $0 + $1 }
        let x = try p.solve(y)
        let fitted = try Matrix(columns: [c1, c2, c3]).multiplied(by: x)
        for i in 0..<4 { #expect(abs(fitted[i] - y[i]) <= 1e-13) }
        #expect(x[p.dependentColumns[0]] == 0)
        #expect(throws: LinearAlgebraError.self) { try p.solve([1]) }
        let full = try PivotedQR(try Matrix(columns: [c1, c2]))
        #expect(full.rank == 2 && full.dependentColumns.isEmpty)
    }

    @Test("singular values, condition number and symmetric eigenvalues of known matrices")
    func spectra() throws {
        // diag(3, 1) rotated by an orthogonal matrix keeps singular values 3 and 1.
        let c = 0.6, s = 0.8
        let q = try Matrix(columns: [[c, s], [-s, c]])
        let a = try q * Matrix.diagonal([3, 1])
        let sv = try a.singularValues()
        #expect(abs(sv[0] - 3) <= 1e-14 && abs(sv[1] - 1) <= 1e-14)
        #expect(abs(try a.conditionNumber() - 3) <= 1e-14)
        #expect(try Matrix(columns: [[1, 0], [0, 0]]).conditionNumber() == .infinity)
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        let e = try Matrix(columns: [[2, 1], [1, 2]]).symmetricEigenvalues()
        #expect(abs(e[0] - 1) <= 1e-15 && abs(e[1] - 3) <= 1e-15)
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).symmetricEigenvalues() }
    }

    @Test("Cholesky: factor, solve, inverse, log-determinant; indefinite input throws")
    func cholesky() throws {
        // A = [[4, 2], [2, 3]] = UᵀU with U = [[2, 1], [0, √2]]; det 8; A⁻¹ = [[3, −2], [−2, 4]]/8.
        let a = try Matrix(columns: [[4, 2], [2, 3]])
        let ch = try Cholesky(a)
        #expect(ch.upper[0, 0] == 2 && ch.upper[0, 1] == 1 && ch.upper[1, 0] == 0)
        #expect(abs(ch.upper[1, 1] - 2.0.squareRoot()) <= 1e-15)
        let x = try ch.solve([8, 7])   // 4x + 2y = 8, 2x + 3y = 7 → x = 1.25, y = 1.5
        #expect(abs(x[0] - 1.25) <= 1e-15 && abs(x[1] - 1.5) <= 1e-15)
        let inv = try ch.inverse()
        #expect(abs(inv[0, 0] - 3.0 / 8) <= 1e-15 && abs(inv[0, 1] + 0.25) <= 1e-15 && abs(inv[1, 0] + 0.25) <= 1e-15)
        #expect(abs(ch.logDeterminant - Foundation.log(8.0)) <= 1e-14)
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", order: 2)) {
            try Cholesky(try Matrix(columns: [[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.self) { try ch.solve([1]) }
    }

    @Test("triangular inverse")
    func triangular() throws {
        let u = try Matrix(columns: [[2, 0], [1, 4]])
        let inv = try u.upperTriangularInverse()
        #expect(inv[0, 0] == 0.5 && inv[1, 1] == 0.25 && inv[0, 1] == -0.125 && inv[1, 0] == 0)
        #expect(throws: LinearAlgebraError.singular(routine: "dtrtri", index: 2)) {
            try Matrix(columns: [[1, 0], [1, 0]]).upperTriangularInverse()
        }
    }

    @Test("Gram accumulation in blocks equals AᵀA")
    func gramBlocks() throws {
        let a = try Matrix(columns: [[1, 2, 3, 4, 5], [0, 1, 0, 1, 0], [2, 2, 2, 2, 3]])
        var acc = GramAccumulator(columns: 3)
        a.withUnsafeBufferPointer { p in
            // Two blocks of rows (0..<3 and 3..<5) from the same column-major buffer.
            acc.add(block: UnsafeBufferPointer(rebasing: p[0...]), rows: 3, leadingDimension: 5)
            acc.add(block: UnsafeBufferPointer(rebasing: p[3...]), rows: 2, leadingDimension: 5)
        }
        #expect(acc.gram == a.gram())
    }
}

import Foundation

@Suite("singular values: Jacobi and LAPACK agree")
struct SingularValueAgreementTests {
    @Test("one-sided Jacobi matches dgesdd on a graded 6 × 4 matrix and on a wide one")
    func agree() throws {
        var values = [Double](repeating: 0, count: 24)
        for i in 0..<24 {
            let base = Double((i * 37) % 11) - 5
            let graded: Double = i % 4 == 3 ? 1e-6 * Double(i) : 0
            values[i] = base + graded
        }
        let a = try Matrix(rows: 6, columns: 4, columnMajor: values)
        for m in [a, a.transposed] {
            let j = m.jacobiSingularValues()
            let l = try m.lapackSingularValues()
            #expect(j.count == l.count)
            for i in 0..<j.count { #expect(abs(j[i] - l[i]) <= 1e-13 * l[0], "σ\(i): \(j[i]) vs \(l[i])") }
        }
    }
}
