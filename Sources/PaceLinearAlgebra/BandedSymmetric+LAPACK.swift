import _PaceCLapack

extension BandedSymmetricMatrix {
    /// Cholesky factorisation A = L Lᵀ in place in lower band storage by LAPACK `dpbtrf`
    /// (through `LAPACKE_dpbtrf_work`, which skips LAPACKE's NaN scan).
    ///
    /// - Throws: `LinearAlgebraError.notPositiveDefinite(routine: "dpbtrf", order:)` for
    ///   `info > 0`, `.illegalArgument` for `info < 0`.
    public static func factorCholeskyLAPACK(_ band: UnsafeMutableBufferPointer<Double>, order n: Int,
                                            subdiagonals kd: Int) throws {
        precondition(band.count >= (kd + 1) * n, "band storage too small")
        guard n > 0 else { return }
        let info = LAPACKE_dpbtrf_work(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(kd),
            band.baseAddress, Int32(kd + 1))
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(routine: "dpbtrf", order: Int(info)) }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dpbtrf", position: Int(-info)) }
    }

    /// Solves L Lᵀ x = b in place with a factor from
    /// ``factorCholeskyLAPACK(_:order:subdiagonals:)`` (LAPACK `dpbtrs`).
    public static func solveCholeskyLAPACK(_ band: UnsafeBufferPointer<Double>, order n: Int,
                                           subdiagonals kd: Int, _ x: UnsafeMutableBufferPointer<Double>) throws {
        precondition(band.count >= (kd + 1) * n && x.count >= n, "buffer too small")
        guard n > 0 else { return }
        let info = LAPACKE_dpbtrs_work(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(kd), 1,
            band.baseAddress, Int32(kd + 1), x.baseAddress, Int32(n))
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dpbtrs", position: Int(-info)) }
    }
}
