import PaceLinearAlgebra

extension RegressionModel {
    /// The fast path: Householder QR in double precision, one step of mixed-precision iterative
    /// refinement (residual b − Ax accumulated in extended precision; Wilkinson/Moler refinement,
    /// Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §12.1 and §20.5), and
    /// a check: if the correction is not negligible — ‖D δx‖∞ > 10⁻¹⁴ ‖D x‖∞ in the unit-norm
    /// column scaling — the problem is ill-conditioned enough for double precision to lose digits,
    /// and `nil` is returned so that the caller re-solves in extended precision. Well-conditioned
    /// problems (the usual case) never pay for extended arithmetic beyond the O(nk) residuals.
    func solveDouble(needDesign: Bool) throws(RegressionError) -> LeastSquaresCore? {
        let n = response.count, k = parameterCount
        let sw: [Double]? = weights.map { $0.map { $0.squareRoot() } }
        var a = [Double](repeating: 1, count: n * k)
        var col = 0
        if intercept {
            if let sw { for i in 0..<n { a[i] = sw[i] } }
            col = 1
        }
        switch terms {
        case .columns(let cols):
            a.withUnsafeMutableBufferPointer { ap in
                for c in cols {
                    let base = col * n
                    c.withUnsafeBufferPointer { cp in
                        if let sw { for i in 0..<n { ap[base + i] = cp[i] * sw[i] } }
                        else { for i in 0..<n { ap[base + i] = cp[i] } }
                    }
                    col += 1
                }
            }
        case .polynomial:
            return nil  // polynomial designs are built and solved in extended precision
        }
        var b = response
        if let sw { for i in 0..<n { b[i] *= sw[i] } }
        let ls: DoubleLeastSquares
        do { ls = try DoubleLeastSquares(design: a, rows: n, columns: k, tolerance: collinearityTolerance) }
        catch { throw .numerical(error.description) }
        if ls.rank < k { throw rankError(dependent: ls.dependentColumns, rank: ls.rank) }
        guard var x = try? ls.solve(b) else { return nil }
        var r = Self.extendedResidual(a, b, x, n, k)
        guard let delta = try? ls.solve(r) else { return nil }
        // The residual of x + δ is r − Aδ; as ‖Aδ‖ ≪ ‖r‖ double precision suffices for it.
        a.withUnsafeBufferPointer { ap in
            r.withUnsafeMutableBufferPointer { rp in
                for j in 0..<k {
                    let d = delta[j]
                    if d == 0 { continue }
                    let col = ap.baseAddress! + j * n
                    for i in 0..<n { rp[i] -= col[i] * d }
                }
            }
        }
        var big = 0.0, change = 0.0
        for j in 0..<k {
            x[j] += delta[j]
            let d = Double(ls.columnNorms[j])
            big = max(big, abs(x[j]) * d)
            change = max(change, abs(delta[j]) * d)
        }
        guard change <= 1e-14 * big else { return nil }
        // A (near-)exact fit: the updated residual is all rounding, recompute it exactly enough
        // (so that an exact fit gives exactly zero residuals).
        var rr = 0.0, bb = 0.0
        for i in 0..<n { rr += r[i] * r[i]; bb += b[i] * b[i] }
        if rr <= 1e-24 * bb { r = Self.extendedResidual(a, b, x, n, k) }
        var ssr: ExtendedDouble = 0
        for v in r { ssr += ExtendedDouble(v) * ExtendedDouble(v) }
        var residuals = r
        var fitted = [Double](repeating: 0, count: n)
        for i in 0..<n {
            if let sw { residuals[i] = r[i] / sw[i] }
            fitted[i] = response[i] - residuals[i]
        }
        var hasConstant = intercept
        if !intercept {
            var u = sw ?? [Double](repeating: 1, count: n)
            var norm2 = 0.0
            for v in u { norm2 += v * v }
            ls.applyQTranspose(&u)
            var rest = 0.0
            for i in k..<n { rest += u[i] * u[i] }
            hasConstant = rest <= collinearityTolerance * collinearityTolerance * 100 * norm2
        }
        let s = ls.scaledInverseR()
        var inv = Matrix(rows: k, columns: k)
        var xtx = Matrix(rows: k, columns: k)
        for c in 0..<k { for i in 0...c { inv[i, c] = s[i + c * k] } }
        for i in 0..<k {
            for j in i..<k {
                var acc = 0.0
                for m in j..<k { acc += s[i + m * k] * s[j + m * k] }
                xtx[i, j] = acc
                xtx[j, i] = acc
            }
        }
        var design: Matrix? = nil
        if needDesign { design = try? Matrix(rows: n, columns: k, columnMajor: a) }
        return LeastSquaresCore(
            beta: x, xtxInverse: xtx, inverseR: inv, rFactor: ls.unscaledR(), residuals: residuals,
            weightedResiduals: r, fitted: fitted, ssr: Double(ssr),
            tss: totalSumOfSquares(centred: hasConstant), weightedDesign: design, hasConstant: hasConstant)
    }

    /// b − A x with products and sums in extended precision, rounded to double.
    static func extendedResidual(_ a: [Double], _ b: [Double], _ x: [Double], _ n: Int, _ k: Int) -> [Double] {
        var r = [Double](repeating: 0, count: n)
        withUnsafeTemporaryAllocation(of: ExtendedDouble.self, capacity: max(k, 1)) { xe in
            for j in 0..<k { xe[j] = ExtendedDouble(x[j]) }
            a.withUnsafeBufferPointer { abuf in
                b.withUnsafeBufferPointer { bp in
                    r.withUnsafeMutableBufferPointer { rp in
                        let ap = abuf.baseAddress!
                        for i in 0..<n {
                            var s = ExtendedDouble(bp[i])
                            var p = ap + i
                            for j in 0..<k {
                                s -= ExtendedDouble(p.pointee) * xe[j]
                                p += n
                            }
                            rp[i] = Double(s)
                        }
                    }
                }
            }
        }
        return r
    }
}
