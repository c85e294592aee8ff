/// Smoothing parameters and initial states of an ETS model, in the parameterisation of
/// Hyndman et al. (2008, ch. 2) and R forecast:
///
/// - α (`smoothingLevel`), β (`smoothingTrend`, the state-space β = α·β* so 0 < β < α),
///   γ (`smoothingSeasonal`, the state-space γ so 0 < γ < 1 − α), φ (`dampingTrend`);
/// - initial state x₀ = (l₀, b₀, s₁…sₘ) with s₁ = s₀ the newest seasonal state (applied to yₘ)
///   and sₘ = s₁₋ₘ the oldest (applied to y₁). Additive seasonals sum to 0, multiplicative ones to m
///   when estimated (only at x₀).
public struct ETSParameters: Sendable, Hashable {
    /// α, level smoothing.
    public var smoothingLevel: Double
    /// β, trend smoothing (`nil` without a trend).
    public var smoothingTrend: Double?
    /// γ, seasonal smoothing (`nil` without a season).
    public var smoothingSeasonal: Double?
    /// φ, trend damping (`nil` when not damped, i.e. φ = 1).
    public var dampingTrend: Double?
    /// l₀.
    public var initialLevel: Double
    /// b₀ (`nil` without a trend).
    public var initialTrend: Double?
    /// s₁…sₘ of x₀ (newest first; empty without a season).
    public var initialSeasonal: [Double]

    public init(smoothingLevel: Double, smoothingTrend: Double? = nil, smoothingSeasonal: Double? = nil,
                dampingTrend: Double? = nil, initialLevel: Double, initialTrend: Double? = nil,
                initialSeasonal: [Double] = []) {
        self.smoothingLevel = smoothingLevel
        self.smoothingTrend = smoothingTrend
        self.smoothingSeasonal = smoothingSeasonal
        self.dampingTrend = dampingTrend
        self.initialLevel = initialLevel
        self.initialTrend = initialTrend
        self.initialSeasonal = initialSeasonal
    }

    /// α (alias of ``smoothingLevel``).
    public var alpha: Double { smoothingLevel }
    /// β (alias of ``smoothingTrend``).
    public var beta: Double? { smoothingTrend }
    /// γ (alias of ``smoothingSeasonal``).
    public var gamma: Double? { smoothingSeasonal }
    /// φ (alias of ``dampingTrend``).
    public var phi: Double? { dampingTrend }

    /// The initial state vector x₀ = (l₀, b₀, s₁…sₘ) in R's order.
    public var initialState: [Double] {
        [initialLevel] + (initialTrend.map { [$0] } ?? []) + initialSeasonal
    }

    /// Checks that the parameters present match the specification (programmer-facing errors as ETSError).
    func validate(for spec: ETSSpecification) throws(ETSError) {
        func need(_ present: Bool, _ wanted: Bool, _ name: String) throws(ETSError) {
            if present != wanted {
                throw .invalidSpecification("\(spec) \(wanted ? "needs" : "has no") \(name)")
            }
        }
        try need(smoothingTrend != nil, spec.hasTrend, "smoothingTrend (β)")
        try need(initialTrend != nil, spec.hasTrend, "initialTrend (b₀)")
        try need(smoothingSeasonal != nil, spec.hasSeason, "smoothingSeasonal (γ)")
        try need(dampingTrend != nil, spec.damped, "dampingTrend (φ)")
        if initialSeasonal.count != (spec.hasSeason ? spec.period : 0) {
            throw .invalidSpecification("\(spec) needs \(spec.hasSeason ? spec.period : 0) initial seasonal states, got \(initialSeasonal.count)")
        }
        let values: [(String, Double?)] = [
            ("α", smoothingLevel), ("β", smoothingTrend), ("γ", smoothingSeasonal), ("φ", dampingTrend),
            ("l₀", initialLevel), ("b₀", initialTrend),
        ] + initialSeasonal.enumerated().map { ("s\($0.offset + 1)", $0.element) }
        for case let (name, value?) in values where !value.isFinite {
            throw .parameterOutOfRange(name: name, value: value, constraint: "must be finite")
        }
    }
}
