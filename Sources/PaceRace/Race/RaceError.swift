/// A horse race that cannot be run for a reason that is not located in an input file.
public enum RaceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The floor of the rank/minmax scale must lie in [0, 1].
    case invalidFloor(Double)

    public var description: String {
        switch self {
        case .invalidFloor(let f):
            return "floor must be between 0 and 1 (found \(f))"
        }
    }
}
