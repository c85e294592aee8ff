import PaceLinearAlgebra

extension RegressionModel {
    /// Least squares by LAPACK's blocked Householder QR in double precision (large problems).
    func solveLAPACK(needDesign: Bool) throws(RegressionError) -> LeastSquaresCore {
        let n = response.count, k = parameterCount
        let sw: [Double]? = weights.map { $0.map { $0.squareRoot() } }
        var a = Matrix(rows: n, columns: k)
        a.withUnsafeMutableBufferPointer { p in
            var col = 0
            if intercept {
                for i in 0..<n { p[i] = sw?[i] ?? 1 }
                col = 1
            }
            switch terms {
            case .columns(let cols):
                for c in cols {
                    let base = col * n
                    for i in 0..<n { p[base + i] = c[i] * (sw?[i] ?? 1) }
                    col += 1
                }
            case .polynomial(let x, let degree):
                for q in 1...max(degree, 1) where q <= degree {
                    let base = col * n
                    for i in 0..<n {
                        p[base + i] = Double(ExtendedPolynomial.power(ExtendedDouble(x[i]), q)) * (sw?[i] ?? 1)
                    }
                    col += 1
                }
            }
        }
        var b = response
        if let sw { for i in 0..<n { b[i] *= sw[i] } }
        // Unit-norm column scaling.
        var norms = [Double](repeating: 1, count: k)
        var scaled = a
        scaled.withUnsafeMutableBufferPointer { p in
            for j in 0..<k {
                var s = 0.0
                for i in 0..<n { s += p[j * n + i] * p[j * n + i] }
                let norm = s.squareRoot()
                if norm > 0 {
                    norms[j] = norm
                    for i in 0..<n { p[j * n + i] /= norm }
                }
            }
        }
        do {
            let qr = try QRFactorization(scaled)
            // Dependence among the columns of A equals that among the columns of R (A = QR, Q
            // orthogonal), so the left-to-right test of ExtendedLeastSquares on the k × k factor
            // names the same columns as on A, at O(k³) cost.
            let r0 = qr.r
            let check = try ExtendedLeastSquares(design: r0.storage.map { ExtendedDouble($0) }, rows: k,
                                                 columns: k, tolerance: collinearityTolerance)
            if check.rank < k { throw rankError(dependent: check.dependentColumns, rank: check.rank) }
            var beta = try qr.solve(b)
            for j in 0..<k { beta[j] /= norms[j] }
            let fittedW = try a.multiplied(by: beta)
            var residuals = [Double](repeating: 0, count: n)
            var weighted = [Double](repeating: 0, count: n)
            var fitted = [Double](repeating: 0, count: n)
            var ssr: ExtendedDouble = 0
            for i in 0..<n {
                let ewi = b[i] - fittedW[i]
                weighted[i] = ewi
                ssr += ExtendedDouble(ewi) * ExtendedDouble(ewi)
                let e = sw.map { ewi / $0[i] } ?? ewi
                residuals[i] = e
                fitted[i] = response[i] - e
            }
            let (inv, xtx, rd) = try LeastSquaresCore.inverseGram(scaledR: qr.r, norms: norms)
            var hasConstant = intercept
            if !intercept {
                var u = try Matrix(rows: n, columns: 1, columnMajor: sw ?? [Double](repeating: 1, count: n))
                let norm2 = u.storage.reduce(0) { $0 + $1 * $1 }
                try qr.applyQTranspose(to: &u)
                var rest = 0.0
                for i in k..<n { rest += u[i, 0] * u[i, 0] }
                hasConstant = rest <= 1e-20 * norm2
            }
            return LeastSquaresCore(
                beta: beta, xtxInverse: xtx, inverseR: inv, rFactor: rd, residuals: residuals,
                weightedResiduals: weighted, fitted: fitted, ssr: Double(ssr),
                tss: totalSumOfSquares(centred: hasConstant), weightedDesign: needDesign ? a : nil,
                hasConstant: hasConstant)
        } catch let e as RegressionError {
            throw e
        } catch {
            throw .numerical("\(error)")
        }
    }
}
