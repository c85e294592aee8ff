extension TrendFit {
    /// Seeded joint draws of the `horizon` future values from the regression's predictive distribution, the one
    /// ``forecast(horizon:level:)``'s intervals come from: `values[path · horizon + h − 1]`.
    ///
    /// With X₀ the future design rows, the future values (log values for the log-linear shape) are jointly
    /// Student t with n − k degrees of freedom, centre X₀β̂ and scale matrix σ̂²(I + X₀(XᵀX)⁻¹X₀ᵀ) — parameter
    /// uncertainty (shared by every step of a path, hence the correlation between horizons) plus an independent
    /// future error per step; each step's margin is the t distribution of the prediction interval
    /// ŷ ± t·√(se(ŷ)² + σ̂²). One path: z ~ N(0, I_k), w ~ χ²_{n−k}, εₕ ~ N(0, 1), and
    /// x₀ₕᵀβ̂ + σ̂·√((n − k)/w)·(x₀ₕᵀLz + εₕ) with L = ``RegressionFit/normalizedCovarianceFactor`` (L·Lᵀ = (XᵀX)⁻¹);
    /// exponentiated for the log-linear shape (so its path quantiles are exp of the log-scale ones, as its intervals).
    ///
    /// These are ``cumulativeSamplePaths(_:count:seed:)``'s draws under a plan that restarts its sum at every step
    /// (each value its own sum, unchanged): one simulation serves level and year-to-date paths, and the same seed
    /// gives the same draws in both. Deterministic in `seed` (``ETSRandom``), whatever the thread.
    public func samplePaths(horizon: Int, count: Int, seed: UInt64) -> [Double] {
        let h = max(horizon, 0), paths = max(count, 0)
        if h == 0 || paths == 0 { return [] }
        let eachStepAlone = CumulationPlan(base: 0, restarts: [Bool](repeating: true, count: h))
        return cumulativeSamplePaths(eachStepAlone, count: paths, seed: seed)
    }
}
