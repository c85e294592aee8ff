/// Iterative refinement of a least-squares solution on the augmented system
///
///     [ I  A ] [r]   [b]
///     [ Aᵀ 0 ] [x] = [0]
///
/// (Björck 1967, "Iterative refinement of linear least squares solutions I", BIT 7; Björck,
/// *Numerical Methods for Least Squares Problems*, SIAM 1996, §2.9). Each step computes
/// f = b − r − Ax and g = −Aᵀr in doubled extended precision, then solves the correction system
/// with the existing QR factors: with Â = AD⁻¹ = Q[R; 0], h = R⁻ᵀD⁻¹g, (d₁; d₂) = Qᵀf,
/// δx = D⁻¹R⁻¹(d₁ − h), δr = Q(h; d₂). Refining r together with x removes the κ·ε·‖r‖ error term
/// that plain refinement (x ← x + A⁺(b − Ax)) cannot, which matters for large-residual problems.
extension HouseholderLeastSquares where Scalar == ExtendedDouble {
    /// Refines `solution` (and the residual) for the design it was factorised from.
    /// Only for full column rank; otherwise returns the input with a plain residual.
    /// - Parameters:
    ///   - design: the same column-major n × k design given to `init`.
    ///   - response: b.
    ///   - solution: a starting x, e.g. from ``solve(_:)``.
    ///   - maxIterations: at most this many correction steps (stops when δx is below 1e-19·|x|).
    public func refineAugmented(design a: [Scalar], response b: [Scalar], solution: [Scalar],
                                maxIterations: Int = 6) -> (solution: [Scalar], residual: [Scalar]) {
        let n = rows, k = columns
        var x = solution
        var r = CompensatedArithmetic.residual(a, b, x, n, k, minus: nil)
        guard rank == k, a.count == n * k, b.count == n else { return (x, r) }
        for _ in 0..<maxIterations {
            let f = CompensatedArithmetic.residual(a, b, x, n, k, minus: r)
            var gHat = [Scalar](repeating: 0, count: k)
            for j in 0..<k { gHat[j] = -CompensatedArithmetic.dot(a, column: j, n, r) / columnNorms[j] }
            // h = R⁻ᵀ ĝ (forward substitution with Rᵀ).
            var h = gHat
            for i in 0..<k {
                var s = h[i]
                for m in 0..<i { s -= rElement(m, i) * h[m] }
                h[i] = s / rElement(i, i)
            }
            var d = f
            applyQTranspose(&d)
            var z = [Scalar](repeating: 0, count: k)
            for i in 0..<k { z[i] = d[i] - h[i] }
            solveR(&z)
            var u = d
            for i in 0..<k { u[i] = h[i] }
            applyQ(&u)
            var converged = true
            for j in 0..<k {
                let dx = z[j] / columnNorms[j]
                if abs(dx) > 1e-19 * abs(x[j]) { converged = false }
                x[j] += dx
            }
            for i in 0..<n { r[i] += u[i] }
            if converged { break }
        }
        // Return the residual consistent with the final x.
        r = CompensatedArithmetic.residual(a, b, x, n, k, minus: nil)
        return (x, r)
    }

    @inline(__always)
    private func rElement(_ i: Int, _ j: Int) -> Scalar { r[i + j * rank] }

}

extension HouseholderLeastSquares {
    /// Overwrites `y` (n values) with Qy.
    @inlinable
    public func applyQ(_ y: inout [Scalar]) {
        let n = rows
        reflectors.withUnsafeBufferPointer { vp in
            y.withUnsafeMutableBufferPointer { yp in
                for m in stride(from: rank - 1, through: 0, by: -1) {
                    let cj = independentColumns[m] * n
                    var d: Scalar = 0
                    for i in m..<n { d += vp[cj + i] * yp[i] }
                    let f = betas[m] * d
                    for i in m..<n { yp[i] -= f * vp[cj + i] }
                }
            }
        }
    }
}

/// Sums and dot products in doubled extended precision: Dekker's exact product (splitting
/// each factor in halves) and Knuth's two-sum (Ogita, Rump & Oishi 2005, "Accurate sum and dot
/// product", SIAM J. Sci. Comput. 26). Results are correct to about ε_ext relative to the result
/// itself, not to the size of the terms.
public enum CompensatedArithmetic {
    public typealias Scalar = ExtendedDouble
    /// 2^⌈p/2⌉ + 1 for the significand length p.
    static let splitter: Scalar = Scalar(sign: .plus, exponent: (Scalar.significandBitCount + 2) / 2,
                                         significand: 1) + 1

    @inline(__always)
    static func split(_ a: Scalar) -> (Scalar, Scalar) {
        let c = splitter * a
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// b − (minus ?? 0) − A x for column-major n × k A.
    public static func residual(_ a: [Scalar], _ b: [Scalar], _ x: [Scalar], _ n: Int, _ k: Int,
                                minus: [Scalar]?) -> [Scalar] {
        var s = b
        var comp = [Scalar](repeating: 0, count: n)
        if let m = minus {
            for i in 0..<n {
                let t = s[i] - m[i]
                let bb = t - s[i]
                comp[i] += (s[i] - (t - bb)) + (-m[i] - bb)
                s[i] = t
            }
        }
        for j in 0..<k {
            let xj = x[j]
            if xj == 0 { continue }
            let (xh, xl) = split(xj)
            let base = j * n
            for i in 0..<n {
                let aij = a[base + i]
                let p = aij * xj
                let (ah, al) = split(aij)
                let pe = ((ah * xh - p) + ah * xl + al * xh) + al * xl
                let t = s[i] - p
                let bb = t - s[i]
                let se = (s[i] - (t - bb)) + (-p - bb)
                s[i] = t
                comp[i] += se - pe
            }
        }
        for i in 0..<n { s[i] += comp[i] }
        return s
    }

    /// Σᵢ a[i, column] · v[i].
    public static func dot(_ a: [Scalar], column j: Int, _ n: Int, _ v: [Scalar]) -> Scalar {
        var s: Scalar = 0, c: Scalar = 0
        let base = j * n
        for i in 0..<n {
            let x = a[base + i], y = v[i]
            let p = x * y
            let (xh, xl) = split(x)
            let (yh, yl) = split(y)
            let pe = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl
            let t = s + p
            let bb = t - s
            c += ((s - (t - bb)) + (p - bb)) + pe
            s = t
        }
        return s + c
    }
}
