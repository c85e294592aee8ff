import _PaceCLapack

/// Accumulates the Gram matrix AᵀA of a tall matrix supplied in row blocks.
///
/// Each block (a `rows × k` column-major buffer, typically a few thousand rows so that it stays
/// in cache) is added with one `cblas_dsyrk` call (β = 1). This reads A once without ever
/// materialising it, the cheapest way to form normal equations for n ≫ k.
public struct GramAccumulator: Sendable {
    /// Number of columns k.
    public let columns: Int
    private var upper: [Double]

    public init(columns: Int) {
        self.columns = columns
        upper = [Double](repeating: 0, count: columns * columns)
    }

    /// Adds BᵀB for the first `rows` rows of the column-major block `block` whose leading
    /// dimension is `leadingDimension` (≥ rows).
    public mutating func add(block: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int) {
        guard rows > 0 else { return }
        let k = Int32(columns)
        upper.withUnsafeMutableBufferPointer { g in
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, k, Int32(rows), 1, block.baseAddress,
                        Int32(leadingDimension), 1, g.baseAddress, k)
        }
    }

    /// The accumulated AᵀA (both triangles).
    public var gram: Matrix {
        var m = Matrix(rows: columns, columns: columns)
        for j in 0..<columns {
            for i in 0...j {
                m[i, j] = upper[i + j * columns]
                m[j, i] = upper[i + j * columns]
            }
        }
        return m
    }
}
