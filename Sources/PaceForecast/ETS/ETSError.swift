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
    /// An automatic selection's series is shorter than any candidate allows: `count` observations, `constant` when
    /// they are all equal; a constant series is fitted from ``ETS/constantSeriesMinimumObservations`` values on,
    /// one that varies from `required` (the minimum of `smallestModel`, the candidate needing the fewest), nil when
    /// no candidate of `pattern` can be fitted to a varying series at `period` whatever its length.
    case selectionTooShort(pattern: String, period: Int, count: Int, constant: Bool, required: Int?, smallestModel: String?)
    /// No candidate model could be fitted in an automatic selection: why each failed, in R's loop order
    /// (empty when the pattern leaves no candidate for this series).
    case noModelFitted(pattern: String, failures: [ETSCandidateFailure])
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
        case .selectionTooShort(let pattern, let period, let count, let constant, let required, let smallest):
            let what = "automatic ETS selection" + (pattern == "ZZZ" ? "" : " of \(pattern)")
            let minimum = ETS.constantSeriesMinimumObservations
            guard let required else {
                return "\(what) needs at least \(minimum) observations of a constant series (no candidate fits a series that "
                    + "varies with period \(period)), the series has \(count)"
            }
            let smallestText = "the minimum of its smallest candidate, \(smallest ?? "?")"
            if constant {
                return "\(what) needs at least \(minimum) observations of a constant series (\(required) if the values vary: "
                    + "\(smallestText)), the series has \(count)"
            }
            return "\(what) needs at least \(required) observations (\(smallestText); \(minimum) if every value is the same), "
                + "the series has \(count)"
        case .noModelFitted(let pattern, let failures):
            guard !failures.isEmpty else { return "no ETS model could be fitted: no candidate model matches \(pattern) for this series" }
            return "no ETS model could be fitted: " + ETSCandidateFailure.summary(failures)
        case .invalidForecastArgument(let reason):
            return "ETS forecast: \(reason)"
        }
    }
}

/// Why one candidate of an automatic selection was not fitted: `reason` without the model's name, so that
/// candidates failing alike can be grouped; `detail` what is particular to the model (e.g. its minimum length).
public struct ETSCandidateFailure: Sendable, Equatable {
    public let model: String
    public let reason: String
    public let detail: String?

    public init(model: String, reason: String, detail: String? = nil) {
        self.model = model
        self.reason = reason
        self.detail = detail
    }

    /// The candidate's failure from the error its fit threw.
    init(model: String, error: ETSError) {
        switch error {
        case .seriesTooShort(_, let count, let required):
            self.init(model: model, reason: "too few observations (the series has \(count))", detail: "needs \(required)")
        case .nonPositiveValue(_, let index, let value):
            self.init(model: model, reason: "a multiplicative component needs values > 0, the value at index \(index) is \(value)")
        case .startingValuesInfeasible:
            self.init(model: model, reason: "the likelihood is not finite at the starting values")
        default:
            self.init(model: model, reason: error.description)
        }
    }

    /// One line: how many candidates failed, then each distinct reason (in order of first appearance) with the
    /// models it applies to, e.g. "all 6 candidates failed, for 2 reasons: R1: ETS(A,N,N), ETS(A,A,N); R2: ETS(M,N,N)".
    public static func summary(_ failures: [ETSCandidateFailure]) -> String {
        var order: [String] = []
        var groups: [String: [ETSCandidateFailure]] = [:]
        for f in failures {
            if groups[f.reason] == nil { order.append(f.reason) }
            groups[f.reason, default: []].append(f)
        }
        let head = failures.count == 1 ? "the only candidate failed" : "all \(failures.count) candidates failed"
        let reasons = order.count == 1 ? "" : ", for \(order.count) reasons"
        let parts = order.map { reason in
            reason + ": " + groups[reason]!.map { $0.model + ($0.detail.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        }
        return head + reasons + ": " + parts.joined(separator: "; ")
    }
}
