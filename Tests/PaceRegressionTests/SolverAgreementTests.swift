import Foundation
import Testing
@testable import PaceRegression

/// The four least-squares kernels (double Householder with refinement, extended-precision
/// Householder, corrected semi-normal equations, LAPACK dgeqrf) must agree on a well-conditioned
/// problem; the automatic choice only changes speed. Data: deterministic pseudo-random design.
@Suite("solver paths agree")
struct SolverAgreementTests {
    static func model(n: Int, weighted: Bool, intercept: Bool = true) -> RegressionModel {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {  // xorshift64*, uniform in [−1, 1)
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Double((state &* 2_685_821_657_736_338_717) >> 11) / Double(1 << 53) * 2 - 1
        }
        let cols = (0..<4).map { j in (0..<n).map { i in next() + (j == 3 ? Double(i) / Double(n) : 0) } }
        let y = (0..<n).map { i in 0.5 + cols[0][i] - 2 * cols[1][i] + 0.25 * cols[3][i] + 0.3 * next() }
        let w = weighted ? (0..<n).map { 1 + Double($0 % 7) } : nil
        return RegressionModel(response: y, regressors: cols, names: ["a", "b", "c", "d"], intercept: intercept, weights: w)
    }

    @Test("estimates, standard errors, R², residuals agree to 1e-11 across kernels",
          arguments: [(false, true), (true, true), (false, false)])
    func agree(weighted: Bool, intercept: Bool) throws {
        let model = Self.model(n: 3000, weighted: weighted, intercept: intercept)
        let reference = try model.fit(covariance: .hc3, solver: .extended)
        // The fast kernels accept this well-conditioned problem (no silent fallback).
        #expect(try model.solveDouble(needDesign: false) != nil)
        #expect(try model.solveNormalEquations(needDesign: false) != nil)
        for solver in [RegressionModel.Solver.double, .normalEquations, .lapack, .automatic] {
            let fit = try model.fit(covariance: .hc3, solver: solver)
            for j in 0..<fit.k {
                #expect(close(fit.coefficients[j].estimate, reference.coefficients[j].estimate, rel: 1e-11),
                        "\(solver) estimate \(j)")
                #expect(close(fit.coefficients[j].standardError, reference.coefficients[j].standardError, rel: 1e-11),
                        "\(solver) se \(j)")
            }
            #expect(close(fit.rSquared, reference.rSquared, rel: 1e-12), "\(solver) R²")
            #expect(close(fit.residualSumOfSquares, reference.residualSumOfSquares, rel: 1e-11), "\(solver) SSR")
            #expect(close(fit.conditionNumber, reference.conditionNumber, rel: 1e-9), "\(solver) κ")
            #expect(fit.hasConstant == reference.hasConstant)
            for i in stride(from: 0, to: fit.n, by: 97) {
                #expect(close(fit.residuals[i], reference.residuals[i], rel: 1e-10, floor: fit.sigma), "\(solver) e[\(i)]")
            }
        }
    }
}
