import _PaceCLapack

/// Products, sums and scalings. Products of small matrices use plain loops (a BLAS call costs
/// more than the arithmetic below about 32³ multiply-adds); larger ones use `cblas_dgemm` /
/// `cblas_dgemv`.
extension Matrix {
    /// Below this many multiply-adds a product is computed with plain loops.
    static let blasThreshold = 32 * 32 * 32

    /// The transpose (a copy).
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
        }
        return t
    }

    /// Transposes in place.
    public mutating func transpose() { self = transposed }

    /// The product `self · other`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `columns == other.rows`.
    public func multiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard columns == other.rows else {
            throw .dimensionMismatch("cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        }
        let m = rows, n = other.columns, kk = columns
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || kk == 0 { return c }
        if m * n * kk < Matrix.blasThreshold {
            for j in 0..<n {
                for p in 0..<kk {
                    let b = other.elements[p + j * kk]
                    if b == 0 { continue }
                    for i in 0..<m { c.elements[i + j * m] += elements[i + p * m] * b }
                }
            }
            return c
        }
        let m32 = Int32(m), n32 = Int32(n), k32 = Int32(kk)
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                c.elements.withUnsafeMutableBufferPointer { cc in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m32, n32, k32,
                                1, a.baseAddress, m32, b.baseAddress, k32, 0, cc.baseAddress, m32)
                }
            }
        }
        return c
    }

    /// The matrix–vector product `self · x`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `x.count == columns`.
    public func multiplied(by x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == columns else {
            throw .dimensionMismatch("cannot multiply \(rows)×\(columns) by a vector of \(x.count)")
        }
        var y = [Double](repeating: 0, count: rows)
        if rows == 0 || columns == 0 { return y }
        if rows * columns < 4096 {
            for j in 0..<columns {
                let b = x[j]
                for i in 0..<rows { y[i] += elements[i + j * rows] * b }
            }
            return y
        }
        elements.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { xx in
                y.withUnsafeMutableBufferPointer { yy in
                    cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(rows), Int32(columns), 1,
                                a.baseAddress, Int32(rows), xx.baseAddress, 1, 0, yy.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// `selfᵀ · self` (the Gram matrix), symmetric, computed with `cblas_dsyrk` for large inputs.
    public func gram() -> Matrix {
        let n = columns, m = rows
        var g = Matrix(rows: n, columns: n)
        if m * n * n < Matrix.blasThreshold {
            for j in 0..<n {
                for i in 0...j {
                    var s = 0.0
                    for r in 0..<m { s += elements[r + i * m] * elements[r + j * m] }
                    g.elements[i + j * n] = s
                    g.elements[j + i * n] = s
                }
            }
            return g
        }
        elements.withUnsafeBufferPointer { a in
            g.elements.withUnsafeMutableBufferPointer { gg in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(m), 1,
                            a.baseAddress, Int32(m), 0, gg.baseAddress, Int32(n))
            }
        }
        for j in 0..<n { for i in 0..<j { g.elements[j + i * n] = g.elements[i + j * n] } }
        return g
    }

    /// Multiplies every element by `factor`, in place.
    public mutating func scale(by factor: Double) {
        for i in elements.indices { elements[i] *= factor }
    }

    /// `self × factor` (a copy).
    public func scaled(by factor: Double) -> Matrix {
        var c = self
        c.scale(by: factor)
        return c
    }

    /// Adds `other` in place.
    public mutating func add(_ other: Matrix) throws(LinearAlgebraError) {
        try checkSameShape(other, "add")
        for i in elements.indices { elements[i] += other.elements[i] }
    }

    /// Subtracts `other` in place.
    public mutating func subtract(_ other: Matrix) throws(LinearAlgebraError) {
        try checkSameShape(other, "subtract")
        for i in elements.indices { elements[i] -= other.elements[i] }
    }

    /// `self + other` (a copy).
    public func adding(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = self
        try c.add(other)
        return c
    }

    /// `self − other` (a copy).
    public func subtracting(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = self
        try c.subtract(other)
        return c
    }

    private func checkSameShape(_ other: Matrix, _ op: String) throws(LinearAlgebraError) {
        guard rows == other.rows, columns == other.columns else {
            throw .dimensionMismatch("cannot \(op) \(other.rows)×\(other.columns) and \(rows)×\(columns)")
        }
    }

    public static func * (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
        try lhs.multiplied(by: rhs)
    }

    public static func + (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
        try lhs.adding(rhs)
    }

    public static func - (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
        try lhs.subtracting(rhs)
    }
}

extension Matrix {
    /// Γ = Σ_{t=lag}^{m−1} rowₜᵀ · row_{t−lag} (k × k), the lagged cross-product of the rows used
    /// by HAC estimators: Γ[r, c] = Σₜ self[t, r]·self[t − lag, c]. One `cblas_dgemm` on offset
    /// views for large inputs, loops for small ones. `lag` ≥ rows gives the zero matrix.
    public func laggedCrossProduct(lag: Int) -> Matrix {
        let m = rows, k = columns
        var g = Matrix(rows: k, columns: k)
        let len = m - max(lag, 0)
        guard len > 0, k > 0 else { return g }
        if len * k * k < Matrix.blasThreshold {
            for c in 0..<k {
                for r in 0..<k {
                    var s = 0.0
                    for t in lag..<m { s += elements[t + r * m] * elements[t - lag + c * m] }
                    g.elements[r + c * k] = s
                }
            }
            return g
        }
        let k32 = Int32(k), len32 = Int32(len), m32 = Int32(m)
        elements.withUnsafeBufferPointer { a in
            g.elements.withUnsafeMutableBufferPointer { gg in
                // Γ = A[lag..<m, :]ᵀ · A[0..<m−lag, :]
                cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, k32, k32, len32, 1,
                            a.baseAddress! + lag, m32, a.baseAddress, m32, 0, gg.baseAddress, k32)
            }
        }
        return g
    }
}
