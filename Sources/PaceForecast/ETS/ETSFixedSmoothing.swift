/// Smoothing parameters held fixed by the user (R's `ets(y, alpha =, beta =, gamma =, phi =)`);
/// `nil` = estimate. Fixed values are not counted in the information criteria's k, as in R.
public struct ETSFixedSmoothing: Sendable, Hashable {
    public var alpha: Double?
    public var beta: Double?
    public var gamma: Double?
    public var phi: Double?

    public init(alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }

    public static let none = ETSFixedSmoothing()
}
