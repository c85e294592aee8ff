/// Why an exponential-smoothing fit, selection or forecast was refused.
///
/// Every case names the input, the offending value and the constraint, so that the CLI can
/// print the message as it is.
public enum ETSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A model string such as `"MAdM"` could not be read.
    case invalidModelString(String, reason: String)
    /// A component combination that is not an ETS model (e.g. no error term, damping without trend,
    /// a season with period 1).
    case invalidSpecification(String)
    /// A value of the series is NaN or infinite (index is 0-based).
    case nonFiniteValue(index: Int, value: Double)
    /// A value's magnitude is outside ``ETS/magnitudeRange`` (index is 0-based): the likelihood squares the
    /// errors, which would overflow or underflow.
    case valueOutOfRange(index: Int, value: Double)
    /// Multiplicative error, trend or season requested for data with a value ≤ 0 (index is 0-based).
    case nonPositiveValue(model: String, index: Int, value: Double)
    /// The series has fewer observations than the model needs.
    case seriesTooShort(model: String, count: Int, required: Int)
    /// The series is constant: only ETS(A,N,N) is fitted to it.
    case constantSeries(model: String, value: Double)
    /// A user-supplied parameter is outside its bounds.
    case parameterOutOfRange(name: String, value: Double, constraint: String)
    /// The likelihood could not be evaluated at the starting values.
    case startingValuesInfeasible(model: String)
    /// No candidate model could be fitted in an automatic selection.
    case noModelFitted(reasons: [String])
    /// A forecast argument is invalid (horizon < 1, level outside (0, 100), path count < 1).
    case invalidForecastArgument(String)

    public var description: String {
        switch self {
        case .invalidModelString(let s, let reason):
            return "ETS model string '\(s)': \(reason)"
        case .invalidSpecification(let reason):
            return "ETS specification: \(reason)"
        case .nonFiniteValue(let index, let value):
            return "series value at index \(index) is \(value); ETS needs finite values (remove or fill missing values first)"
        case .valueOutOfRange(let index, let value):
            return "series value at index \(index) is \(value); ETS squares its errors, so nonzero values must lie within "
                + "±1e-150…1e150 in magnitude: rescale the series (e.g. to thousands or billions)"
        case .nonPositiveValue(let model, let index, let value):
            return "\(model) has a multiplicative component and needs strictly positive data, but the value at index \(index) is \(value)"
        case .seriesTooShort(let model, let count, let required):
            return "\(model) needs at least \(required) observations, the series has \(count)"
        case .constantSeries(let model, let value):
            return "the series is constant (every value is \(value)); \(model) cannot be estimated, use ETS(A,N,N) or automatic selection"
        case .parameterOutOfRange(let name, let value, let constraint):
            return "ETS parameter \(name) = \(value) is out of range: \(constraint)"
        case .startingValuesInfeasible(let model):
            return "\(model): the likelihood is not finite at the starting values"
        case .noModelFitted(let reasons):
            return "no ETS model could be fitted: " + reasons.joined(separator: "; ")
        case .invalidForecastArgument(let reason):
            return "ETS forecast: \(reason)"
        }
    }
}
