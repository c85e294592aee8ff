/// Why a regression could not be fitted, naming the offending input.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than parameters (n ≤ k leaves no residual degrees of freedom).
    case tooFewObservations(n: Int, k: Int)
    /// The design is rank deficient; `columns` are the names of columns that are (nearly)
    /// linear combinations of the others, `rank` the numerical rank found.
    case rankDeficient(columns: [String], rank: Int)
    /// A weight is not strictly positive and finite (row is 1-based).
    case invalidWeight(row: Int, value: Double)
    /// A value in the design or response is NaN or infinite (row is 1-based).
    case nonFinite(column: String, row: Int, value: Double)
    /// A nonzero value in the design or response has a magnitude outside
    /// ``RegressionModel/magnitudeRange`` (row is 1-based): its square would overflow or underflow.
    case outOfRange(column: String, row: Int, value: Double)
    /// Shapes of y, X, weights or column names disagree.
    case dimensionMismatch(String)
    /// A confidence level outside the open interval (0, 1).
    case invalidLevel(Double)
    /// An option with a value outside its range (e.g. negative HAC lags).
    case invalidOption(name: String, value: String, expected: String)
    /// A linear-algebra routine failed (should not happen for validated input).
    case numerical(String)

    public var description: String {
        switch self {
        case let .tooFewObservations(n, k):
            return "too few observations: n = \(n) must exceed the number of parameters k = \(k)"
        case let .rankDeficient(columns, rank):
            let list = columns.map { "'\($0)'" }.joined(separator: ", ")
            return "the design matrix is rank deficient (rank \(rank)): \(list) "
                + (columns.count == 1 ? "is a linear combination of the other columns"
                                      : "are linear combinations of the other columns")
        case let .invalidWeight(row, value):
            return "weight in row \(row) must be positive and finite (found \(value))"
        case let .nonFinite(column, row, value):
            return "column '\(column)' row \(row) is not finite (found \(value))"
        case let .outOfRange(column, row, value):
            return "column '\(column)' row \(row) is \(value): least squares squares the values, so nonzero values must lie "
                + "within ±1e-150…1e150 in magnitude (rescale the column, e.g. to thousands or billions)"
        case let .dimensionMismatch(what):
            return "dimension mismatch: \(what)"
        case let .invalidLevel(level):
            return "confidence level must lie strictly between 0 and 1 (found \(level))"
        case let .invalidOption(name, value, expected):
            return "option \(name) = \(value) is invalid: expected \(expected)"
        case let .numerical(what):
            return "numerical failure: \(what)"
        }
    }
}
