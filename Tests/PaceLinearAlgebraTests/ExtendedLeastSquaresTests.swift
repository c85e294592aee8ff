import Testing
@testable import PaceLinearAlgebra

@Suite("Householder least squares (double and extended)")
struct ExtendedLeastSquaresTests {
    @Test("dependent columns are detected left to right and skipped")
    func dependence() throws {
        let ones: [Double] = [1, 1, 1, 1, 1]
        let x: [Double] = [1, 2, 3, 4, 5]
        let twiceX = x.map { 2 * $0 }
        let z: [Double] = [0, 1, 0, 2, 1]
        let design = ones + x + twiceX + [Double](repeating: 0, count: 5) + z
        let ls = try DoubleLeastSquares(design: design, rows: 5, columns: 5)
        #expect(ls.rank == 3)
        #expect(ls.dependentColumns == [2, 3])
        #expect(ls.independentColumns == [0, 1, 4])
        let ext = try ExtendedLeastSquares(design: design.map { ExtendedDouble($0) }, rows: 5, columns: 5)
        #expect(ext.dependentColumns == [2, 3])
        // Basic solution: dependent coefficients are 0; y = 1 + x + z is fitted exactly.
        let y = (0..<5).map { 1 + x[$0] + z[$0] }
        let sol = try ls.solve(y)
        #expect(sol[2] == 0 && sol[3] == 0)
        for (j, v) in [(0, 1.0), (1, 1.0), (4, 1.0)] { #expect(abs(sol[j] - v) <= 1e-14) }
        #expect(throws: LinearAlgebraError.self) { try ls.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try DoubleLeastSquares(design: [1, 2, 3], rows: 2, columns: 2) }
    }

    @Test("(AᵀA)⁻¹ = SSᵀ and the singular values of R·D are those of A")
    func inverse() throws {
        // A = [[1, 0], [1, 1], [1, 2]] (columns 1 and x): AᵀA = [[3, 3], [3, 5]], inverse [[5, −3], [−3, 3]]/6.
        let ls = try DoubleLeastSquares(design: [1, 1, 1, 0, 1, 2], rows: 3, columns: 2)
        let s = ls.scaledInverseR()
        let inv00 = s[0] * s[0] + s[2] * s[2], inv01 = s[2] * s[3], inv11 = s[3] * s[3]
        #expect(abs(inv00 - 5.0 / 6) <= 1e-15 && abs(inv01 + 0.5) <= 1e-15 && abs(inv11 - 0.5) <= 1e-15)
        let sv = try ls.unscaledR().singularValues()
        // Eigenvalues of AᵀA: 4 ± √10.
        #expect(abs(sv[0] * sv[0] - (4 + 10.0.squareRoot())) <= 1e-14)
        #expect(abs(sv[1] * sv[1] - (4 - 10.0.squareRoot())) <= 1e-14)
    }

    @Test("augmented-system refinement with compensated residuals fixes a large-residual problem")
    func refinement() throws {
        // y = x exactly plus a huge component orthogonal to (1, x): solution stays (0, 1).
        let n = 5
        let xs: [Double] = [-2, -1, 0, 1, 2]
        let orth: [Double] = [1, -2, 0, 2, -1].map { $0 * 1e12 }   // ⟂ 1 and ⟂ x? 1−2+0+2−1 = 0; −2+2+0+2−2 = 0
        let design = ([Double](repeating: 1, count: n) + xs).map { ExtendedDouble($0) }
        let b = (0..<n).map { ExtendedDouble(xs[$0] + orth[$0]) }
        let ls = try ExtendedLeastSquares(design: design, rows: n, columns: 2)
        let refined = ls.refineAugmented(design: design, response: b, solution: try ls.solve(b))
        #expect(abs(Double(refined.solution[0])) <= 1e-15)
        #expect(abs(Double(refined.solution[1]) - 1) <= 1e-15)
        for i in 0..<n { #expect(abs(Double(refined.residual[i]) - orth[i]) <= 1e-3) }
    }

    @Test("compensated dot product is exact where the naive one cancels")
    func compensated() {
        let a: [ExtendedDouble] = [1e20, 1, -1e20]
        let v: [ExtendedDouble] = [1, 1, 1]
        #expect(CompensatedArithmetic.dot(a, column: 0, 3, v) == 1)
    }
}
