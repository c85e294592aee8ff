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
                for v in response { swy += E(v) }
                sw = E(n)
            }
            mean = swy / sw
        }
        var tss: E = 0
        if let w = weights {
            for i in 0..<n { let d = E(response[i]) - mean; tss += E(w[i]) * d * d }
        } else {
            for v in response { let d = E(v) - mean; tss += d * d }
        }
        return Double(tss)
    }

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
        var xtx = Matrix(rows: k, columns: k)
        for c in 0..<k { for i in 0...c { inv[i, c] = Double(s[i + c * k]) } }
        for i in 0..<k {
            for j in i..<k {
                var acc: E = 0
                for m in j..<k { acc += s[i + m * k] * s[j + m * k] }
                xtx[i, j] = Double(acc)
                xtx[j, i] = Double(acc)
            }
        }
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
            let r = qr.r
            var inv = try r.upperTriangularInverse()
            for c in 0..<k { for i in 0...c { inv[i, c] /= norms[i] } }
            var xtx = Matrix(rows: k, columns: k)
            for i in 0..<k {
                for j in i..<k {
                    var acc = 0.0
                    for m in j..<k { acc += inv[i, m] * inv[j, m] }
                    xtx[i, j] = acc
                    xtx[j, i] = acc
                }
            }
            var rd = r
            for c in 0..<k { for i in 0...c { rd[i, c] *= norms[c] } }
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

