import PaceLinearAlgebra

/// A design matrix factorised once, for fitting many responses by OLS (e.g. the same
/// trend + seasonal regression on thousands of series with a common calendar).
///
/// `init` validates the regressors, builds [const | X], detects dependent columns and computes
/// the double-precision Householder QR, (XᵀX)⁻¹ and the triangular factor once. Each
/// ``fit(response:covariance:)`` then costs O(nk): Qᵀy, a triangular solve, one step of
/// mixed-precision refinement (extended-precision residual) and the inference. If the refinement
/// step shows that double precision is not enough for this response (‖Dδ‖∞ > 10⁻¹⁴‖Dx‖∞, see
/// `RegressionModel.solveDouble`), that response is refitted by the full ``RegressionModel``
/// path, so results are identical in accuracy to ``RegressionModel/fit(covariance:)``.
public struct RegressionDesign: Sendable {
    /// Number of observations n.
    public let n: Int
    /// Number of parameters k.
    public let k: Int
    /// Parameter names, `const` first with an intercept.
    public let parameterNames: [String]
    let regressors: [[Double]]
    let names: [String]
    let intercept: Bool
    let qr: PackedHouseholderQR
    let xtxInverse: Matrix
    let inverseR: Matrix
    let rFactor: Matrix
    let hasConstant: Bool
    /// Relative collinearity tolerance (see ``RegressionModel/collinearityTolerance``).
    public let collinearityTolerance: Double

    /// Factorises the design.
    /// - Throws: the ``RegressionError`` cases of ``RegressionModel/fit(covariance:)`` that concern
    ///   the regressors (shapes, n ≤ k, non-finite values, rank deficiency naming the columns).
    public init(regressors: [[Double]], names: [String], intercept: Bool = true,
                collinearityTolerance: Double = 1e-11) throws(RegressionError) {
        let n = regressors.first?.count ?? 0
        var probe = RegressionModel(response: [Double](repeating: 0, count: n), regressors: regressors,
                                    names: names, intercept: intercept)
        probe.collinearityTolerance = collinearityTolerance
        try probe.validate()
        let k = probe.parameterCount
        let fill = { (a: UnsafeMutablePointer<Double>) in
            var col = 0
            if intercept { a.initialize(repeating: 1, count: n); col = 1 }
            for c in regressors {
                c.withUnsafeBufferPointer { (a + col * n).update(from: $0.baseAddress!, count: n) }
                col += 1
            }
        }
        guard let qr = PackedHouseholderQR(rows: n, columns: k, tolerance: collinearityTolerance, fill: fill) else {
            // Name the dependent columns as the full fit would.
            var a = [Double](repeating: 0, count: n * k)
            a.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
            let ls: DoubleLeastSquares
            do { ls = try DoubleLeastSquares(design: a, rows: n, columns: k, tolerance: collinearityTolerance) }
            catch { throw .numerical(error.description) }
            guard ls.rank < k else { throw .numerical("the design could not be factorised in double precision") }
            throw probe.rankError(dependent: ls.dependentColumns, rank: ls.rank)
        }
        let (xtx, inv) = qr.inverseGram(inverseR: true)
        var constant = intercept
        if !intercept {
            var u = [Double](repeating: 1, count: n)
            u.withUnsafeMutableBufferPointer { qr.applyQTranspose($0.baseAddress!) }
            var rest = 0.0
            for i in k..<n { rest += u[i] * u[i] }
            constant = rest <= collinearityTolerance * collinearityTolerance * 100 * Double(n)
        }
        self.n = n
        self.k = k
        self.parameterNames = probe.parameterNames
        self.regressors = regressors
        self.names = names
        self.intercept = intercept
        self.qr = qr
        self.xtxInverse = xtx
        self.inverseR = inv!
        self.rFactor = qr.unscaledR()
        self.hasConstant = constant
        self.collinearityTolerance = collinearityTolerance
    }

    /// The model for one response (no data copied).
    public func model(response: [Double]) -> RegressionModel {
        var m = RegressionModel(response: response, regressors: regressors, names: names, intercept: intercept)
        m.collinearityTolerance = collinearityTolerance
        return m
    }

    /// Fits `response` on the prepared design with full inference.
    /// - Throws: `dimensionMismatch` if `response.count != n`, `nonFinite` naming `y` and the row.
    public func fit(response: [Double], covariance: CovarianceType = .classical) throws(RegressionError) -> RegressionFit {
        guard response.count == n else {
            throw .dimensionMismatch("response has \(response.count) values, the design has \(n) rows")
        }
        for (i, v) in response.enumerated() where !v.isFinite { throw .nonFinite(column: "y", row: i + 1, value: v) }
        if case let .hac(lags, _) = covariance, lags < 0 {
            throw .invalidOption(name: "maxLags", value: "\(lags)", expected: "a non-negative integer")
        }
        let model = model(response: response)
        guard let core = solve(response, needDesign: covariance != .classical, model: model) else {
            return try model.fit(covariance: covariance)
        }
        return try model.assemble(core, covariance: covariance)
    }

    /// Only the estimates β̂ for `response` (cheapest).
    public func estimates(response: [Double]) throws(RegressionError) -> [Double] {
        guard response.count == n else {
            throw .dimensionMismatch("response has \(response.count) values, the design has \(n) rows")
        }
        for (i, v) in response.enumerated() where !v.isFinite { throw .nonFinite(column: "y", row: i + 1, value: v) }
        let model = model(response: response)
        if let core = solve(response, needDesign: false, model: model) { return core.beta }
        return try model.fitEstimates()
    }

    func solve(_ b: [Double], needDesign: Bool, model: RegressionModel) -> LeastSquaresCore? {
        var x = [Double](repeating: 0, count: k)
        var r = [Double](repeating: 0, count: n)
        let accurate = x.withUnsafeMutableBufferPointer { xp in
            r.withUnsafeMutableBufferPointer { rp in
                b.withUnsafeBufferPointer {
                    qr.refinedSolve(response: $0.baseAddress!, solution: xp.baseAddress!, residual: rp.baseAddress!)
                }
            }
        }
        guard accurate else { return nil }
        let ssr = ExtendedSums.sumOfSquares(r)
        var fitted = [Double](repeating: 0, count: n)
        for i in 0..<n { fitted[i] = b[i] - r[i] }
        return LeastSquaresCore(
            beta: x, xtxInverse: xtxInverse, inverseR: inverseR, rFactor: rFactor, residuals: r,
            weightedResiduals: r, fitted: fitted, ssr: Double(ssr),
            tss: model.totalSumOfSquares(centred: hasConstant),
            weightedDesign: needDesign ? qr.design : nil,
            hasConstant: hasConstant)
    }
}
