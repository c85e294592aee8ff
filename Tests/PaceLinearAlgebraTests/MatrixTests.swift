import Testing
@testable import PaceLinearAlgebra

@Suite("Matrix")
struct MatrixTests {
    @Test("shape errors are thrown, not trapped")
    func shapes() {
        #expect(throws: LinearAlgebraError.dimensionMismatch("5 elements cannot fill a 2 × 3 matrix")) {
            try Matrix(rows: 2, columns: 3, columnMajor: [1, 2, 3, 4, 5])
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix(columns: [[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: [[1, 2], [3]]) }
        let a = Matrix(rows: 2, columns: 3), b = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.self) { try a * b }
        #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try a + Matrix(rows: 3, columns: 2) }
    }

    @Test("empty matrices")
    func empty() throws {
        let e = try Matrix(columns: [])
        #expect(e.rows == 0 && e.columns == 0)
        #expect(Matrix.identity(0).storage.isEmpty)
        #expect(try e.singularValues().isEmpty)
    }

    @Test("column-major layout, rows/columns initialisers, transpose, identity")
    func layout() throws {
        let m = try Matrix(columns: [[1, 2, 3], [4, 5, 6]])   // 3 × 2
        #expect(m.rows == 3 && m.columns == 2)
        #expect(m.storage == [1, 2, 3, 4, 5, 6])
        #expect(m[2, 1] == 6)
        #expect(m.row(1) == [2, 5])
        #expect(try Matrix(rows: [[1, 4], [2, 5], [3, 6]]) == m)
        #expect(m.transposed.storage == [1, 4, 2, 5, 3, 6])
        #expect(try Matrix.identity(3) * m == m)
        var c = m
        c[0, 0] = 10
        #expect(m[0, 0] == 1, "value semantics")
        c.scale(by: 0.5)
        #expect(c[0, 0] == 5)
    }

    @Test("small products (loops) and large products (BLAS) agree with a naive sum, exactly for integers")
    func products() throws {
        for size in [3, 40] {   // 40³ > BLAS threshold
            let a = try Matrix(rows: size, columns: size + 1, columnMajor: (0..<(size * (size + 1))).map { Double($0 % 7) - 3 })
            let b = try Matrix(rows: size + 1, columns: size, columnMajor: (0..<(size * (size + 1))).map { Double($0 % 5) - 2 })
            let c = try a * b
            for i in 0..<size {
                for j in 0..<size {
                    var s = 0.0
                    for p in 0..<(size + 1) { s += a[i, p] * b[p, j] }
                    #expect(c[i, j] == s)   // small integers: exact in any summation order
                }
            }
            let x = (0..<(size + 1)).map { Double($0) - 1 }
            let y = try a.multiplied(by: x)
            for i in 0..<size { #expect(y[i] == (0..<(size + 1)).reduce(0.0) { $0 + a[i, $1] * x[$1] }) }
            let g = a.gram()
            #expect(try g == a.transposed * a)
        }
    }

    @Test("sum and difference, in place and copying")
    func sums() throws {
        let a = try Matrix(columns: [[1, 2], [3, 4]])
        let b = Matrix.identity(2)
        #expect(try (a + b).storage == [2, 2, 3, 5])
        #expect(try (a - b).storage == [0, 2, 3, 3])
        var c = a
        try c.subtract(a)
        #expect(c.storage == [0, 0, 0, 0])
    }
}

@Suite("lagged cross-products")
struct LaggedCrossProductTests {
    @Test("loop and BLAS versions equal the defining sum (integers: exact)", arguments: [5, 400])
    func definition(rows: Int) throws {
        let k = 3
        let a = try Matrix(rows: rows, columns: k, columnMajor: (0..<(rows * k)).map { Double(($0 * 13) % 7) - 3 })
        for lag in [0, 1, 4, rows, rows + 2] {
            let g = a.laggedCrossProduct(lag: lag)
            for r in 0..<k {
                for c in 0..<k {
                    var s = 0.0
                    if lag < rows { for t in lag..<rows { s += a[t, r] * a[t - lag, c] } }
                    #expect(g[r, c] == s, "lag \(lag) [\(r),\(c)]")
                }
            }
        }
        #expect(a.laggedCrossProduct(lag: 0) == a.gram())
    }
}
