/// Unit-norm column scaling shared by the Householder least-squares kernels.
@usableFromInline
enum ColumnScaling {
    /// Scales the n values at `col` to unit Euclidean norm and returns that norm. `sumOfSquares`
    /// is Σcolᵢ² as the caller computed it; when it may have overflowed or underflowed, the norm
    /// is recomputed with the largest magnitude factored out. An all-zero column is left as it is
    /// and 0 is returned; a column holding ±∞ or NaN gives a non-finite result.
    @inlinable static func normalize<S: BinaryFloatingPoint>(_ col: UnsafeMutablePointer<S>, _ n: Int, sumOfSquares: S) -> S {
        let norm: S
        if sumOfSquares.isFinite && sumOfSquares > S.leastNormalMagnitude * 1e8 {
            norm = sumOfSquares.squareRoot()
        } else {
            var big: S = 0
            for i in 0..<n { big = max(big, abs(col[i])) }
            if big == 0 { return 0 }
            var s: S = 0
            for i in 0..<n { let v = col[i] / big; s += v * v }
            norm = big * s.squareRoot()
        }
        let inv = 1 / norm
        for i in 0..<n { col[i] *= inv }
        return norm
    }
}
