/// Why a filter, a decomposition or a trend model (HP filter, STL, classical decomposition,
/// `TrendModel`) refused its input.
///
/// Indices are 0-based positions in the series passed in; the messages also give the 1-based
/// observation number so that a caller can map either to a period label.
public enum FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The series has `count` values but the method needs at least `minimum`.
    case tooShort(method: String, count: Int, minimum: Int, reason: String)
    /// The value at `index` is NaN or infinite.
    case nonFinite(index: Int, value: Double)
    /// The value at `index` is zero or negative, which a log transform or a multiplicative
    /// decomposition (`method`) cannot take.
    case nonPositive(index: Int, value: Double, method: String)
    /// A parameter is outside its domain.
    case invalidParameter(name: String, value: String, constraint: String)

    public var description: String {
        switch self {
        case let .tooShort(method, count, minimum, reason):
            return "\(method) needs at least \(minimum) observations, found \(count) (\(reason))"
        case let .nonFinite(index, value):
            return "the value at index \(index) (observation \(index + 1)) is not a finite number (found \(value))"
        case let .nonPositive(index, value, method):
            return "\(method) needs positive values; the value at index \(index) (observation \(index + 1)) is \(value)"
        case let .invalidParameter(name, value, constraint):
            return "\(name) must be \(constraint) (found \(value))"
        }
    }

    public static func == (a: FilterError, b: FilterError) -> Bool {
        // NaN-aware: two errors about the same NaN are equal.
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        switch (a, b) {
        case let (.tooShort(m1, c1, n1, r1), .tooShort(m2, c2, n2, r2)):
            return m1 == m2 && c1 == c2 && n1 == n2 && r1 == r2
        case let (.nonFinite(i1, v1), .nonFinite(i2, v2)):
            return i1 == i2 && same(v1, v2)
        case let (.nonPositive(i1, v1, m1), .nonPositive(i2, v2, m2)):
            return i1 == i2 && same(v1, v2) && m1 == m2
        case let (.invalidParameter(n1, v1, c1), .invalidParameter(n2, v2, c2)):
            return n1 == n2 && v1 == v2 && c1 == c2
        default:
            return false
        }
    }

    /// Throws `.nonFinite` for the first NaN or infinite value.
    static func checkFinite(_ y: UnsafeBufferPointer<Double>) throws {
        for i in 0..<y.count where !y[i].isFinite { throw FilterError.nonFinite(index: i, value: y[i]) }
    }

    /// Throws `.nonFinite` for the first NaN or infinite value.
    static func checkFinite(_ y: [Double]) throws {
        try y.withUnsafeBufferPointer { try checkFinite($0) }
    }

    /// Throws `.nonFinite` or `.nonPositive` for the first value that is not finite and positive.
    static func checkPositive(_ y: [Double], method: String) throws {
        for i in y.indices {
            if !y[i].isFinite { throw FilterError.nonFinite(index: i, value: y[i]) }
            if !(y[i] > 0) { throw FilterError.nonPositive(index: i, value: y[i], method: method) }
        }
    }
}
