import PaceLinearAlgebra

extension RegressionModel {
    /// The fast path: ``PackedHouseholderQR`` in double precision with one step of
    /// mixed-precision iterative refinement (residual b − Ax accumulated in extended precision),
    /// and a check: if the correction is not negligible — ‖D δx‖∞ > 10⁻¹⁴ ‖D x‖∞ in the
    /// unit-norm column scaling — the problem is ill-conditioned enough for double precision to
    /// lose digits, and `nil` is returned so that the caller re-solves in extended precision.
    /// Well-conditioned problems (the usual case) never pay for extended arithmetic beyond the
    /// O(nk) residuals. A dependent column is named through ``HouseholderLeastSquares``, whose
    /// left-to-right detection the packed kernel shares.
    func solveDouble(needDesign: Bool) throws(RegressionError) -> LeastSquaresCore? {
        guard case .columns(let cols) = terms else {
            return nil  // polynomial designs are built and solved in extended precision
        }
        let n = response.count, k = parameterCount
        let sw: [Double]? = weights.map { $0.map { $0.squareRoot() } }
        let fill = { (a: UnsafeMutablePointer<Double>) in
            var col = 0
            if self.intercept {
                if let sw { sw.withUnsafeBufferPointer { a.update(from: $0.baseAddress!, count: n) } }
                else { a.initialize(repeating: 1, count: n) }
                col = 1
            }
            for c in cols {
                let dst = a + col * n
                c.withUnsafeBufferPointer { cp in
                    if let sw { for i in 0..<n { dst[i] = cp[i] * sw[i] } }
                    else { dst.update(from: cp.baseAddress!, count: n) }
                }
                col += 1
            }
        }
        guard let qr = PackedHouseholderQR(rows: n, columns: k, tolerance: collinearityTolerance, fill: fill) else {
            return try diagnoseDoubleFailure(n: n, k: k, fill: fill)
        }
        var beta = [Double](repeating: 0, count: k)
        var weighted = [Double](repeating: 0, count: n)
        let accurate = beta.withUnsafeMutableBufferPointer { xp in
            weighted.withUnsafeMutableBufferPointer { rp in
                if let sw {
                    let b = zip(response, sw).map { $0 * $1 }
                    return b.withUnsafeBufferPointer {
                        qr.refinedSolve(response: $0.baseAddress!, solution: xp.baseAddress!, residual: rp.baseAddress!)
                    }
                }
                return response.withUnsafeBufferPointer {
                    qr.refinedSolve(response: $0.baseAddress!, solution: xp.baseAddress!, residual: rp.baseAddress!)
                }
            }
        }
        guard accurate else { return nil }
        let ssr = ExtendedSums.sumOfSquares(weighted)
        var residuals = weighted
        if let sw { for i in 0..<n { residuals[i] /= sw[i] } }
        var fitted = [Double](repeating: 0, count: n)
        for i in 0..<n { fitted[i] = response[i] - residuals[i] }
        var hasConstant = intercept
        if !intercept {
            // Is the (weighted) constant √w in the column space? Then R² is centred (statsmodels'
            // implicit-constant rule).
            var u = sw ?? [Double](repeating: 1, count: n)
            var norm2 = 0.0
            for v in u { norm2 += v * v }
            u.withUnsafeMutableBufferPointer { qr.applyQTranspose($0.baseAddress!) }
            var rest = 0.0
            for i in k..<n { rest += u[i] * u[i] }
            hasConstant = rest <= collinearityTolerance * collinearityTolerance * 100 * norm2
        }
        let (xtx, inv) = qr.inverseGram(inverseR: needDesign)
        return LeastSquaresCore(
            beta: beta, xtxInverse: xtx, inverseR: inv ?? Matrix.empty, rFactor: qr.unscaledR(),
            residuals: residuals, weightedResiduals: weighted, fitted: fitted, ssr: Double(ssr),
            tss: totalSumOfSquares(centred: hasConstant), weightedDesign: needDesign ? qr.design : nil,
            hasConstant: hasConstant)
    }

    /// The packed kernel refused the design: name the dependent columns (left to right, as
    /// ``HouseholderLeastSquares`` detects them), or let extended precision try (`nil`).
    private func diagnoseDoubleFailure(n: Int, k: Int, fill: (UnsafeMutablePointer<Double>) -> Void)
        throws(RegressionError) -> LeastSquaresCore?
    {
        var a = [Double](repeating: 0, count: n * k)
        a.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
        let ls: DoubleLeastSquares
        do { ls = try DoubleLeastSquares(design: a, rows: n, columns: k, tolerance: collinearityTolerance) }
        catch { throw .numerical(error.description) }
        if ls.rank < k { throw rankError(dependent: ls.dependentColumns, rank: ls.rank) }
        return nil
    }
}
