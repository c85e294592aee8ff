import Testing
@testable import PaceRegression

/// `normalizedCovarianceFactor` (used to simulate predictions by gap's trend method and the ytd trend forecasts):
/// L·Lᵀ reproduces (XᵀX)⁻¹ and L is lower triangular.
@Suite("Cholesky factor of the normalised covariance")
struct CovarianceFactorTests {
    @Test("L·Lᵀ = (XᵀX)⁻¹ within 1e-12 of its largest entry, on a trend-and-dummies design")
    func reproduces() throws {
        let n = 30
        let t = (0..<n).map { Double($0 + 1) }
        let q2 = (0..<n).map { $0 % 4 == 1 ? 1.0 : 0 }, q3 = (0..<n).map { $0 % 4 == 2 ? 1.0 : 0 }
        var y: [Double] = []
        for i in 0..<n {
            let season: Double = i % 4 == 1 ? 3 : 0
            let noise: Double = i % 7 == 0 ? 1.5 : -0.4
            y.append(10 + 0.5 * Double(i) + season + noise)
        }
        let fit = try RegressionModel(response: y, regressors: [t, q2, q3], names: ["t", "q2", "q3"]).fit()
        let k = fit.k
        let l = fit.normalizedCovarianceFactor
        var largest = 0.0
        for i in 0..<k { for j in 0..<k { largest = max(largest, abs(fit.normalizedCovariance[i, j])) } }
        for i in 0..<k {
            for j in 0..<k {
                if j > i { #expect(l[i * k + j] == 0) }
                var v = 0.0
                for m in 0..<k { v += l[i * k + m] * l[j * k + m] }
                #expect(abs(v - fit.normalizedCovariance[i, j]) <= 1e-12 * largest, "(\(i), \(j))")
            }
        }
    }
}
