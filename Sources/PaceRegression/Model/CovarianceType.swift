/// How the covariance matrix of the estimates is computed.
///
/// With A the (weighted) design, e the (weighted) residuals, (AᵀA)⁻¹ the "bread":
/// - `classical`: σ̂²(AᵀA)⁻¹, σ̂² = Σe²/(n − k). Inference uses Student t on n − k df.
/// - `hc0`…`hc3`: White's sandwich (AᵀA)⁻¹ AᵀΩA (AᵀA)⁻¹ with Ω = diag(ωᵢ):
///   HC0 ωᵢ = eᵢ² (White 1980); HC1 = HC0 · n/(n − k); HC2 ωᵢ = eᵢ²/(1 − hᵢ);
///   HC3 ωᵢ = eᵢ²/(1 − hᵢ)² (MacKinnon & White 1985), hᵢ the leverage (row norms of thin Q).
/// - `hac(maxLags:smallSampleCorrection:)`: Newey & West (1987), meat
///   Γ₀ + Σ_{j=1}^{L} (1 − j/(L+1)) (Γⱼ + Γⱼᵀ), Γⱼ = Σ_t uₜuₜ₋ⱼᵀ, uₜ = eₜaₜ (Bartlett kernel);
///   with the correction the result is multiplied by n/(n − k).
///
/// As in statsmodels (`cov_type="HC0"…`, `"HAC"` with default `use_t=False`), inference with
/// every robust covariance uses the standard normal (z statistics, normal p-values and
/// intervals), and the F test of the fit becomes the Wald test with that covariance
/// (F(q, n − k) reference distribution). R's `coeftest` with sandwich covariances uses t instead.
public enum CovarianceType: Sendable, Hashable {
    case classical
    case hc0
    case hc1
    case hc2
    case hc3
    case hac(maxLags: Int, smallSampleCorrection: Bool)

    /// Whether inference uses the normal distribution (robust covariances) rather than Student t.
    public var usesNormalInference: Bool { self != .classical }
}
