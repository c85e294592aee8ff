/// A dense real matrix stored column by column (LAPACK's order), with value semantics.
///
/// Element (i, j) lives at `storage[i + j * rows]`. Copies are cheap until mutated
/// (copy-on-write through `Array`). Shapes are checked and mismatches are thrown as
/// ``LinearAlgebraError/dimensionMismatch(_:)``; indices out of range in the subscript are a
/// programming error and trap like `Array`'s.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (m).
    public private(set) var rows: Int
    /// Number of columns (n).
    public private(set) var columns: Int
    /// Column-major elements; `storage.count == rows * columns`.
    public var storage: [Double] {
        elements
    }
    @usableFromInline var elements: [Double]

    /// The 0 × 0 matrix (shared; no allocation).
    public static let empty = Matrix(rows: 0, columns: 0)

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.elements = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix over existing column-major storage.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `columnMajor.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw .dimensionMismatch(
                "\(columnMajor.count) elements cannot fill a \(rows) × \(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// A matrix whose j-th column is `columns[j]`; all columns must have the same length.
    public init(columns: [[Double]]) throws(LinearAlgebraError) {
        let m = columns.first?.count ?? 0
        var data: [Double] = []
        data.reserveCapacity(m * columns.count)
        for (j, c) in columns.enumerated() {
            guard c.count == m else {
                throw .dimensionMismatch("column \(j) has \(c.count) rows, column 0 has \(m)")
            }
            data.append(contentsOf: c)
        }
        self.rows = m
        self.columns = columns.count
        self.elements = data
    }

    /// A matrix whose i-th row is `rows[i]`; all rows must have the same length.
    public init(rows: [[Double]]) throws(LinearAlgebraError) {
        let n = rows.first?.count ?? 0
        for (i, r) in rows.enumerated() where r.count != n {
            throw .dimensionMismatch("row \(i) has \(r.count) columns, row 0 has \(n)")
        }
        self.init(rows: rows.count, columns: n)
        for i in 0..<rows.count { for j in 0..<n { elements[i + j * self.rows] = rows[i][j] } }
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<max(n, 0) { m.elements[i + i * n] = 1 }
        return m
    }

    /// A square matrix with `diagonal` on its diagonal and zeros elsewhere.
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        let n = diagonal.count
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = diagonal[i] }
        return m
    }

    /// Element in row `row`, column `column` (both 0-based).

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// A copy of column `j`.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// A copy of row `i`.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The columns as arrays.
    public var columnArrays: [[Double]] { (0..<columns).map(column) }

    /// The diagonal elements (min(rows, columns) of them).
    public var diagonal: [Double] { (0..<min(rows, columns)).map { elements[$0 + $0 * rows] } }

    /// Whether rows == columns.
    public var isSquare: Bool { rows == columns }

    /// Calls `body` with the column-major elements; the pointer must not escape.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with mutable access to the column-major elements; the pointer must not escape.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        var lines: [String] = []
        for i in 0..<rows {
            lines.append((0..<columns).map { "\(self[i, $0])" }.joined(separator: "  "))
        }
        return "Matrix \(rows)×\(columns)\n" + lines.joined(separator: "\n")
    }
}

extension Matrix {
    /// S·Sᵀ for the upper-triangular k × k matrix S stored column-major at `s` (entries below the
    /// diagonal are not read), accumulated in `S`'s precision and rounded to double — (AᵀA)⁻¹ from
    /// S = D⁻¹R⁻¹ of a QR factorisation.
    public static func upperTriangularOuterProduct<S: BinaryFloatingPoint>(_ s: UnsafeBufferPointer<S>, order k: Int) -> Matrix {
        var g = Matrix(rows: k, columns: k)
        g.elements.withUnsafeMutableBufferPointer { gp in
            for i in 0..<k {
                for j in i..<k {
                    var acc: S = 0
                    for m in j..<k { acc += s[i + m * k] * s[j + m * k] }
                    gp[i + j * k] = Double(acc)
                    gp[j + i * k] = Double(acc)
                }
            }
        }
        return g
    }
}
