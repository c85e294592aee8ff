import PaceLinearAlgebra

/// Sandwich covariance estimators (AᵀA)⁻¹ M (AᵀA)⁻¹; see ``CovarianceType`` for the meats.
enum RobustCovariance {
    /// Leverages hᵢ = ‖aᵢS‖², the squared row norms of the thin Q = A·S, S = D⁻¹R⁻¹ (never the
    /// n × n hat matrix): O(nk²).
    static func leverage(design a: Matrix, inverseR s: Matrix) -> [Double] {
        let n = a.rows, k = a.columns
        var h = [Double](repeating: 0, count: n)
        if let q = try? a.multiplied(by: s) {
            q.withUnsafeBufferPointer { qp in
                for j in 0..<k { for i in 0..<n { h[i] += qp[i + j * n] * qp[i + j * n] } }
            }
        }
        return h
    }

    /// The covariance matrix of the estimates for a robust `type` (not `.classical`).
    static func covariance(type: CovarianceType, design a: Matrix, residuals e: [Double],
                           bread: Matrix, inverseR: Matrix) throws(RegressionError) -> Matrix {
        let n = a.rows, k = a.columns
        var factor = [Double](repeating: 0, count: n)
        var scale = 1.0
        switch type {
        case .classical:
            throw .invalidOption(name: "covariance", value: "classical", expected: "a robust type")
        case .hc0, .hac:
            factor = e
        case .hc1:
            factor = e
            scale = Double(n) / Double(n - k)
        case .hc2, .hc3:
            let h = leverage(design: a, inverseR: inverseR)
            for i in 0..<n {
                let oneMinus = 1 - h[i]
                factor[i] = type == .hc2 ? e[i] / oneMinus.squareRoot() : e[i] / oneMinus
            }
        }
        // U = diag(factor) · A: rows uᵢ = factorᵢ aᵢ.
        var u = a
        u.withUnsafeMutableBufferPointer { p in
            for j in 0..<k { for i in 0..<n { p[i + j * n] *= factor[i] } }
        }
        var meat = u.gram()
        if case let .hac(maxLags, correction) = type {
            guard maxLags >= 0 else {
                throw .invalidOption(name: "maxLags", value: "\(maxLags)", expected: "a non-negative integer")
            }
            let lags = min(maxLags, n - 1)
            for lag in stride(from: 1, through: lags, by: 1) {
                let w = 1 - Double(lag) / (Double(maxLags) + 1)   // in Double: maxLags may be Int.max
                let gamma = u.laggedCrossProduct(lag: lag)
                for c in 0..<k {
                    for r in 0..<k { meat[r, c] += w * (gamma[r, c] + gamma[c, r]) }
                }
            }
            if correction { scale = Double(n) / Double(n - k) }
        }
        do {
            var v = try bread.multiplied(by: meat).multiplied(by: bread)
            if scale != 1 { v.scale(by: scale) }
            // Symmetrise against rounding.
            for c in 0..<k { for r in 0..<c { let m = 0.5 * (v[r, c] + v[c, r]); v[r, c] = m; v[c, r] = m } }
            return v
        } catch { throw .numerical(error.description) }
    }
}
