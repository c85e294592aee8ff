import PaceLinearAlgebra

/// The numerical heart of a fit: estimates, (AᵀA)⁻¹, residuals and sums of squares.
///
/// A is the weighted design (rows multiplied by √wᵢ), b = √w ∘ y. Everything here is computed
/// once per fit; the inference layered on top is O(k²) except the robust covariances.
struct LeastSquaresCore {
    var beta: [Double]
    /// (AᵀA)⁻¹, k × k.
    var xtxInverse: Matrix
    /// S = D⁻¹R⁻¹ (k × k upper triangular) with (AᵀA)⁻¹ = SSᵀ; rows of A·S are the thin Q.
    var inverseR: Matrix
    /// R·D, whose singular values are those of A.
    var rFactor: Matrix
    /// y − Xβ (unweighted).
    var residuals: [Double]
    /// √w ∘ (y − Xβ).
    var weightedResiduals: [Double]
    /// Xβ.
    var fitted: [Double]
    /// Σ wᵢeᵢ², accumulated in extended precision.
    var ssr: Double
    /// Σ wᵢ(yᵢ − ȳ_w)² with an intercept, Σ wᵢyᵢ² without.
    var tss: Double
    /// The weighted design A (double), present when a robust covariance needs it.
    var weightedDesign: Matrix?
    /// Whether the model contains a constant (explicit intercept, or a combination of columns
    /// equal to a constant, e.g. a full set of seasonal dummies).
    var hasConstant: Bool
}

extension LeastSquaresCore {
    /// From R of the unit-norm-scaled design (k × k upper triangular) and the column norms D:
    /// S = D⁻¹R⁻¹, (AᵀA)⁻¹ = SSᵀ and R·D (whose singular values are those of A).
    /// - Throws: ``LinearAlgebraError`` when R is singular.
    static func inverseGram(scaledR r: Matrix, norms: [Double]) throws(LinearAlgebraError)
        -> (inverseR: Matrix, gramInverse: Matrix, rFactor: Matrix)
    {
        let k = r.columns
        var inv = try r.upperTriangularInverse()
        for c in 0..<k { for i in 0...c { inv[i, c] /= norms[i] } }
        let xtx = inv.withUnsafeBufferPointer { Matrix.upperTriangularOuterProduct($0, order: k) }
        var rd = r
        for c in 0..<k { for i in 0...c { rd[i, c] *= norms[c] } }
        return (inv, xtx, rd)
    }
}

extension RegressionModel {
    typealias E = ExtendedDouble

    /// Fills `a` (column-major n × k) with the weighted design in extended precision.
    func extendedDesign(rootWeights sw: [E]?) -> [E] {
        let n = response.count, k = parameterCount
        var a = [E](repeating: 1, count: n * k)
        var col = 0
        if intercept { col = 1 }
        switch terms {
        case .columns(let cols):
            for c in cols {
                let base = col * n
                for i in 0..<n { a[base + i] = E(c[i]) }
                col += 1
            }
        case .polynomial(let x, let degree):
            for p in 1...max(degree, 1) where p <= degree {
                let base = col * n
                for i in 0..<n { a[base + i] = ExtendedPolynomial.power(E(x[i]), p) }
                col += 1
            }
        }
        if let sw {
            for j in 0..<k { for i in 0..<n { a[j * n + i] *= sw[i] } }
        }
        return a
    }

    func rankError(dependent: [Int], rank: Int) -> RegressionError {
        let pn = parameterNames
        return .rankDeficient(columns: dependent.map { pn[$0] }, rank: rank)
    }

    /// Weighted total sum of squares in extended precision.
    func totalSumOfSquares(centred: Bool) -> Double {
        let n = response.count
        var mean: E = 0
        if centred {
            var sw: E = 0, swy: E = 0
            if let w = weights {
                for i in 0..<n { sw += E(w[i]); swy += E(w[i]) * E(response[i]) }
            } else {
                swy = ExtendedSums.sum(response)
                sw = E(n)
            }
            mean = swy / sw
        }
        var tss: E = 0
        if let w = weights {
            for i in 0..<n { let d = E(response[i]) - mean; tss += E(w[i]) * d * d }
        } else {
            tss = ExtendedSums.sumOfSquares(response, about: mean)
        }
        return Double(tss)
    }
}
