extension RegressionFit {
    /// The lower Cholesky factor L of (XᵀX)⁻¹ (``normalizedCovariance``), row-major k × k, so that
    /// β̂ + σ·L·z with z ~ N(0, I) draws coefficients with covariance σ²(XᵀX)⁻¹ — for simulating predictions. A
    /// non-positive pivot (a direction the data fix exactly, or rounding) gives a zero column instead of failing.
    public var normalizedCovarianceFactor: [Double] {
        let p = k
        var chol = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var sum = normalizedCovariance[i, j]
                for l in 0..<j { sum -= chol[i * p + l] * chol[j * p + l] }
                if i == j {
                    chol[i * p + i] = sum > 0 ? sum.squareRoot() : 0
                } else {
                    chol[i * p + j] = chol[j * p + j] > 0 ? sum / chol[j * p + j] : 0
                }
            }
        }
        return chol
    }
}
