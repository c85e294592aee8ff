/// Turns LAPACK's `info` into a thrown ``LinearAlgebraError``.
///
/// `info < 0` is an illegal argument; a positive `info` means what the routine documents, so
/// the caller names the kind.
enum LAPACKInfo {
    enum PositiveMeaning { case singular, notPositiveDefinite, noConvergence }

    static func check(_ info: Int32, _ routine: String, positive: PositiveMeaning) throws(LinearAlgebraError) {
        if info == 0 { return }
        if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
        switch positive {
        case .singular: throw .singular(routine: routine, index: Int(info))
        case .notPositiveDefinite: throw .notPositiveDefinite(routine: routine, order: Int(info))
        case .noConvergence: throw .noConvergence(routine: routine, info: Int(info))
        }
    }
}
