/// Why a gap analysis cannot run at all. Per-row problems are never errors: they are
/// reported in the row's `notes`.
public enum GapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option is outside its domain.
    case invalidOption(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidOption(name, value, expected):
            return "\(name): found \(value), expected \(expected)"
        }
    }
}
