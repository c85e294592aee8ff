import PaceLinearAlgebra

extension RegressionModel {
    /// Least squares in extended precision (small and medium problems).
    func solveExtended(needDesign: Bool) throws(RegressionError) -> LeastSquaresCore {
        let n = response.count, k = parameterCount
        let sw: [E]? = weights.map { $0.map { E($0).squareRoot() } }
        let a = extendedDesign(rootWeights: sw)
        let ls: ExtendedLeastSquares
        do { ls = try ExtendedLeastSquares(design: a, rows: n, columns: k, tolerance: collinearityTolerance) }
        catch { throw .numerical(error.description) }
        if ls.rank < k { throw rankError(dependent: ls.dependentColumns, rank: ls.rank) }
        var b = [E](repeating: 0, count: n)
        for i in 0..<n { b[i] = E(response[i]) * (sw?[i] ?? 1) }
        var betaE: [E]
        do { betaE = try ls.solve(b) } catch { throw .numerical(error.description) }
        // Weighted residuals b − Aβ in extended precision; one step of iterative refinement
        // (x ← x + A⁺r) removes most of the rounding left by the first solve.
        var ew = residual(a, b, betaE, n, k)
        if let delta = try? ls.solve(ew) {
            for j in 0..<k { betaE[j] += delta[j] }
            if Self.notNegligible(delta, betaE, threshold: 1e-15) {
                // A correction that is not negligible means rounding at ε·‖b‖ limits the
                // accuracy (large-residual or ill-conditioned problems such as NIST Wampler5,
                // Filip): refine x and r together on the augmented system, residuals in
                // doubled extended precision.
                let refined = ls.refineAugmented(design: a, response: b, solution: betaE)
                betaE = refined.solution
                ew = refined.residual
            } else {
                ew = residual(a, b, betaE, n, k)
            }
        }
        var ssr: E = 0
        for i in 0..<n { ssr += ew[i] * ew[i] }
        var residuals = [Double](repeating: 0, count: n)
        var weighted = [Double](repeating: 0, count: n)
        var fitted = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let e = sw.map { ew[i] / $0[i] } ?? ew[i]
            residuals[i] = Double(e)
            weighted[i] = Double(ew[i])
            fitted[i] = Double(E(response[i]) - e)
        }
        var hasConstant = intercept
        if !intercept {
            // Is the (weighted) constant √w in the column space? Then R² is centred (statsmodels'
            // implicit-constant rule).
            var u = [E](repeating: 1, count: n)
            if let sw { u = sw }
            var norm2: E = 0
            for v in u { norm2 += v * v }
            ls.applyQTranspose(&u)
            var rest: E = 0
            for i in k..<n { rest += u[i] * u[i] }
            hasConstant = rest <= E(collinearityTolerance * collinearityTolerance * 100) * norm2
        }
        let s = ls.scaledInverseR()
        var inv = Matrix(rows: k, columns: k)
        for c in 0..<k { for i in 0...c { inv[i, c] = Double(s[i + c * k]) } }
        let xtx = s.withUnsafeBufferPointer { Matrix.upperTriangularOuterProduct($0, order: k) }
        var design: Matrix? = nil
        if needDesign {
            var d = Matrix(rows: n, columns: k)
            d.withUnsafeMutableBufferPointer { p in for i in 0..<(n * k) { p[i] = Double(a[i]) } }
            design = d
        }
        return LeastSquaresCore(
            beta: betaE.map { Double($0) }, xtxInverse: xtx, inverseR: inv, rFactor: ls.unscaledR(),
            residuals: residuals, weightedResiduals: weighted, fitted: fitted, ssr: Double(ssr),
            tss: totalSumOfSquares(centred: hasConstant), weightedDesign: design, hasConstant: hasConstant)
    }

    static func notNegligible(_ delta: [E], _ x: [E], threshold: E) -> Bool {
        for j in 0..<x.count where abs(delta[j]) > threshold * abs(x[j]) { return true }
        return false
    }

    private func residual(_ a: [E], _ b: [E], _ x: [E], _ n: Int, _ k: Int) -> [E] {
        var r = b
        a.withUnsafeBufferPointer { ap in
            r.withUnsafeMutableBufferPointer { rp in
                for j in 0..<k {
                    let xj = x[j]
                    if xj == 0 { continue }
                    let base = j * n
                    for i in 0..<n { rp[i] -= ap[base + i] * xj }
                }
            }
        }
        return r
    }
}
