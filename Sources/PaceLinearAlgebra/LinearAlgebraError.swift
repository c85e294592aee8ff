/// A failure reported by a linear-algebra routine.
///
/// LAPACK reports problems through a non-zero `info`; Pace turns every such value into one of
/// these cases (never an `assert`, which vanishes in release builds).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An argument had an illegal value (`info < 0`): a programming error inside Pace.
    case illegalArgument(routine: String, position: Int)
    /// The matrix is singular: the diagonal element `index` (1-based) of the factor is zero.
    case singular(routine: String, index: Int)
    /// The matrix is not positive definite: the leading minor of order `order` is not.
    case notPositiveDefinite(routine: String, order: Int)
    /// An iterative routine did not converge (`info > 0` for SVD-type routines).
    case noConvergence(routine: String, info: Int)
    /// Shapes that cannot be combined.
    case dimensionMismatch(String)

    public var description: String {
        switch self {
        case .illegalArgument(let routine, let position):
            return "\(routine): argument \(position) had an illegal value"
        case .singular(let routine, let index):
            return "\(routine): the matrix is singular (zero pivot at position \(index))"
        case .notPositiveDefinite(let routine, let order):
            return "\(routine): the matrix is not positive definite (leading minor of order \(order))"
        case .noConvergence(let routine, let info):
            return "\(routine): did not converge (info \(info))"
        case .dimensionMismatch(let what):
            return "dimension mismatch: \(what)"
        }
    }
}
