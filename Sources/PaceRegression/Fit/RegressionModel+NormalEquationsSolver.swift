import PaceLinearAlgebra

extension RegressionModel {
    /// Rows per block when streaming the design through `cblas_dsyrk` (≈ 350 KB for k = 10).
    static let gramBlockRows = 4096

    /// The large-n fast path: corrected semi-normal equations (Björck 1987, "Stability analysis
    /// of the method of seminormal equations", Linear Algebra Appl. 88/89). AᵀA is accumulated in
    /// cache-sized row blocks (A is never copied whole), scaled to unit diagonal and
    /// Cholesky-factorised as RᵀR; x = R⁻¹R⁻ᵀAᵀb, then one correction δ = R⁻¹R⁻ᵀAᵀ(b − Ax).
    /// The error after the correction is about κ²ε times the first one, so the path is taken only
    /// when the scaled factor is comfortably conditioned (every |R_jj| ≥ 0.05, i.e. no column
    /// within 0.05 of the span of the earlier ones) and the correction is small (‖Dδ‖∞ ≤
    /// 10⁻⁸‖Dx‖∞); otherwise `nil`, and the caller uses Householder QR (`dgeqrf`).
    func solveNormalEquations(needDesign: Bool) throws(RegressionError) -> LeastSquaresCore? {
        guard case .columns(let cols) = terms else { return nil }
        let n = response.count, k = parameterCount
        let kk = k + 1  // the response rides along as the last column
        let sw: [Double]? = weights.map { $0.map { $0.squareRoot() } }
        var acc = GramAccumulator(columns: kk)
        let blockRows = Self.gramBlockRows
        var block = [Double](repeating: 0, count: blockRows * kk)
        var start = 0
        block.withUnsafeMutableBufferPointer { bp in
            while start < n {
                let m = min(blockRows, n - start)
                var c = 0
                if intercept {
                    for i in 0..<m { bp[i] = sw?[start + i] ?? 1 }
                    c = 1
                }
                for col in cols {
                    let base = c * blockRows
                    col.withUnsafeBufferPointer { cp in
                        if let sw { for i in 0..<m { bp[base + i] = cp[start + i] * sw[start + i] } }
                        else { for i in 0..<m { bp[base + i] = cp[start + i] } }
                    }
                    c += 1
                }
                let base = k * blockRows
                for i in 0..<m { bp[base + i] = response[start + i] * (sw?[start + i] ?? 1) }
                acc.add(block: UnsafeBufferPointer(bp), rows: m, leadingDimension: blockRows)
                start += m
            }
        }
        let g = acc.gram
        var norms = [Double](repeating: 1, count: k)
        for j in 0..<k { norms[j] = g[j, j].squareRoot() }
        if norms.contains(where: { !($0 > 0) || !$0.isFinite }) { return nil }
        var scaled = Matrix(rows: k, columns: k)
        var rhs = [Double](repeating: 0, count: k)
        for j in 0..<k {
            rhs[j] = g[j, k] / norms[j]
            for i in 0..<k { scaled[i, j] = g[i, j] / (norms[i] * norms[j]) }
        }
        guard let chol = try? Cholesky(scaled) else { return nil }
        let r = chol.upper
        for j in 0..<k where !(abs(r[j, j]) >= 0.05) { return nil }
        guard var xs = try? chol.solve(rhs) else { return nil }
        // Residual and Aᵀr in one sweep per column.
        var x = (0..<k).map { xs[$0] / norms[$0] }
        var resid = response  // unweighted residual y − Xβ
        func subtract(_ coef: [Double]) {
            resid.withUnsafeMutableBufferPointer { rp in
                if intercept { let c0 = coef[0]; for i in 0..<n { rp[i] -= c0 } }
                for (j, col) in cols.enumerated() {
                    let c = coef[j + (intercept ? 1 : 0)]
                    col.withUnsafeBufferPointer { cp in for i in 0..<n { rp[i] -= c * cp[i] } }
                }
            }
        }
        subtract(x)
        var gr = [Double](repeating: 0, count: k)  // D⁻¹Aᵀ(√w∘r_w) = D⁻¹ Xᵀ W r
        resid.withUnsafeBufferPointer { rp in
            var wr = Array(rp)
            if let w = weights { for i in 0..<n { wr[i] *= w[i] } }
            var c = 0
            if intercept { gr[0] = wr.reduce(0, +) / norms[0]; c = 1 }
            for col in cols {
                var s0 = 0.0, s1 = 0.0
                col.withUnsafeBufferPointer { cp in
                    var i = 0
                    while i + 2 <= n { s0 += cp[i] * wr[i]; s1 += cp[i + 1] * wr[i + 1]; i += 2 }
                    if i < n { s0 += cp[i] * wr[i] }
                }
                gr[c] = (s0 + s1) / norms[c]
                c += 1
            }
        }
        guard let ds = try? chol.solve(gr) else { return nil }
        var big = 0.0, change = 0.0
        for j in 0..<k {
            xs[j] += ds[j]
            big = max(big, abs(xs[j]))
            change = max(change, abs(ds[j]))
        }
        guard change <= 1e-8 * big else { return nil }
        let delta = (0..<k).map { ds[$0] / norms[$0] }
        for j in 0..<k { x[j] += delta[j] }
        subtract(delta)
        var weighted = resid
        var fitted = [Double](repeating: 0, count: n)
        var ssr: ExtendedDouble = 0
        for i in 0..<n {
            if let sw { weighted[i] = resid[i] * sw[i] }
            ssr += ExtendedDouble(weighted[i]) * ExtendedDouble(weighted[i])
            fitted[i] = response[i] - resid[i]
        }
        guard let (inv, xtx, rd) = try? LeastSquaresCore.inverseGram(scaledR: r, norms: norms) else { return nil }
        var hasConstant = intercept
        if !intercept {
            // Constant in the column space: is Σ wᵢ·(1 − projection) ≈ 0? Use the normal equations:
            // solve (AᵀA) c = Aᵀ√w and compare ‖√w‖² with (Aᵀ√w)ᵀc.
            var atu = [Double](repeating: 0, count: k)
            for (j, col) in cols.enumerated() {
                var s = 0.0
                for i in 0..<n { s += col[i] * (weights?[i] ?? 1) }
                atu[j] = s / norms[j]
            }
            let total = weights?.reduce(0, +) ?? Double(n)
            if let c = try? chol.solve(atu) {
                var proj = 0.0
                for j in 0..<k { proj += atu[j] * c[j] }
                hasConstant = abs(total - proj) <= 1e-10 * total
            }
        }
        var design: Matrix? = nil
        if needDesign {
            var a = Matrix(rows: n, columns: k)
            a.withUnsafeMutableBufferPointer { p in
                var c = 0
                if intercept { for i in 0..<n { p[i] = sw?[i] ?? 1 }; c = 1 }
                for col in cols {
                    for i in 0..<n { p[c * n + i] = col[i] * (sw?[i] ?? 1) }
                    c += 1
                }
            }
            design = a
        }
        return LeastSquaresCore(
            beta: x, xtxInverse: xtx, inverseR: inv, rFactor: rd, residuals: resid, weightedResiduals: weighted,
            fitted: fitted, ssr: Double(ssr), tss: totalSumOfSquares(centred: hasConstant), weightedDesign: design,
            hasConstant: hasConstant)
    }
}
