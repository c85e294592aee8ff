import PaceStatistics

/// One estimated parameter with its standard error and test of β = 0.
public struct Coefficient: Sendable, Hashable {
    /// Parameter name (`const` for the intercept).
    public let name: String
    /// β̂.
    public let estimate: Double
    /// √V_jj of the chosen covariance.
    public let standardError: Double
    /// Degrees of freedom of the Student t reference distribution, or nil for the standard
    /// normal (robust covariances, as statsmodels).
    public let degreesOfFreedom: Double?

    public init(name: String, estimate: Double, standardError: Double, degreesOfFreedom: Double?) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// t (or z) = β̂ / se. For an exact fit (se = 0): ±∞ when β̂ ≠ 0, and 0 when β̂ = 0 too
    /// (an exactly zero estimate with no uncertainty gives no evidence against β = 0).
    public var t: Double {
        if standardError == 0 && estimate == 0 { return 0 }
        return estimate / standardError
    }

    /// Two-sided p-value P(|T| ≥ |t|) under t(df) or N(0, 1); 0 for t = ±∞, 1 for t = 0.
    public var p: Double {
        let tv = t
        if tv.isNaN { return .nan }
        if let df = degreesOfFreedom { return StudentT(degreesOfFreedom: df).twoSidedPValue(tv) }
        return min(1, 2 * Normal.survival(abs(tv)))
    }

    /// The critical value q with P(|T| ≤ q) = level.
    func criticalValue(level: Double) -> Double {
        let p = 0.5 + level / 2
        if let df = degreesOfFreedom { return StudentT(degreesOfFreedom: df).quantile(p) }
        return Normal.quantile(p)
    }

    /// The two-sided confidence interval β̂ ∓ q·se at `level` (e.g. 0.95).
    public func confidenceInterval(level: Double = 0.95) -> (low: Double, high: Double) {
        let q = criticalValue(level: level)
        return (estimate - q * standardError, estimate + q * standardError)
    }
}
