/// Parameter bounds for ETS estimation, R forecast's defaults and `bounds = "both"` rule:
/// every estimated smoothing parameter must lie inside the *usual* region
///
///     lower₁ ≤ α ≤ upper₁,  lower₂ ≤ β ≤ min(α, upper₂),  lower₃ ≤ γ ≤ min(1 − α, upper₃),  lower₄ ≤ φ ≤ upper₄
///
/// and the model must be *admissible* (forecastable): Hyndman et al. (2008, ch. 10; Hyndman,
/// Akram & Archibald 2008) — simple inequalities plus the characteristic polynomial
///
///     P(z) = φ(1 − α − γ) + (α + β − αφ + γ − 1) z + Σⱼ₌₂^{m−1} (α + β − αφ) zʲ + (α + β − φ) zᵐ + z^{m+1}
///
/// having all roots of modulus ≤ 1 + 10⁻¹⁰. Pace decides the root condition with the Schur–Cohn
/// test (Jury 1964) on P(rz), r = 1 + 10⁻¹⁰, rather than computing roots as R does. Seasonal models without
/// trend have P(1) = 0 exactly; Pace tests P(z)/(z − 1) instead, where R's numerical roots put the unit root
/// on either side of 1 + 10⁻¹⁰ by rounding when α and γ are near their lower bounds (R forecast 8.20 then
/// rejects some admissible points and accepts others — e.g. aus_visnights VICEstCo, ETS(M,N,A): R's optimum
/// α 2.26·10⁻⁴, γ 1.0006·10⁻⁴ has max|root| − 1 = 9.95·10⁻¹¹, a neighbour with γ 1.68·10⁻⁴ 1.6·10⁻¹⁰).
///
/// `region` may narrow the usual region further (``ETSSmoothingRegion``): ``capped`` is ``standard`` with
/// statsforecast's caps β ≤ α₀, γ ≤ 1 − α₀ (α₀ the starting α), the default of automatic selection.
public struct ETSBounds: Sendable, Hashable {
    public var lower: (alpha: Double, beta: Double, gamma: Double, phi: Double)
    public var upper: (alpha: Double, beta: Double, gamma: Double, phi: Double)
    /// The region of β and γ searched within these bounds.
    public var region: ETSSmoothingRegion

    /// R forecast 8.20 defaults: lower (10⁻⁴, 10⁻⁴, 10⁻⁴, 0.8), upper (0.9999, 0.9999, 0.9999, 0.98),
    /// R's usual region. The default of ``ETS/fit(_:specification:bounds:fixed:)``.
    public static let standard = ETSBounds(lower: (1e-4, 1e-4, 1e-4, 0.8), upper: (0.9999, 0.9999, 0.9999, 0.98))

    /// ``standard`` with statsforecast AutoETS's region (``ETSSmoothingRegion/capsAtStartingAlpha``): β ≤ α₀,
    /// γ ≤ 1 − α₀. The default of ``ETS/select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``.
    public static let capped = ETSBounds(lower: standard.lower, upper: standard.upper, region: .capsAtStartingAlpha)

    public init(lower: (alpha: Double, beta: Double, gamma: Double, phi: Double),
                upper: (alpha: Double, beta: Double, gamma: Double, phi: Double),
                region: ETSSmoothingRegion = .usual) {
        self.lower = lower
        self.upper = upper
        self.region = region
    }

    public static func == (a: ETSBounds, b: ETSBounds) -> Bool {
        a.lower == b.lower && a.upper == b.upper && a.region == b.region
    }
    public func hash(into h: inout Hasher) {
        for v in [lower.alpha, lower.beta, lower.gamma, lower.phi, upper.alpha, upper.beta, upper.gamma, upper.phi] {
            h.combine(v)
        }
        h.combine(region)
    }
}

enum ETSAdmissibility {
    /// R's admissibility rule (see ``ETSBounds``). `beta` = 0 without trend, `phi` = 1 undamped,
    /// `gamma` nil without season. `work` must hold at least 2(m + 2) doubles.
    @inline(__always)
    static func isAdmissible(alpha: Double, beta: Double, gamma: Double?, phi: Double, hasTrend: Bool, m: Int,
                             work: UnsafeMutablePointer<Double>) -> Bool {
        if phi < 0 || phi > 1 + 1e-8 { return false }
        guard let gamma else {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)) { return false }
            return true
        }
        guard m > 1 else { return true }
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - Double(m) + phi + phi * Double(m)) / (2 * phi * Double(m)) { return false }
        if beta < -(1 - phi) * (gamma / Double(m) + alpha) { return false }
        let a = work
        if !hasTrend && phi == 1 {
            // Without trend and damping P(1) = 0 exactly: P(z) = (z − 1)·Q(z) with
            // Q(z) = z^m + α(z^{m−1} + … + z) + (α + γ − 1). The unit root is within R's 1 + 10⁻¹⁰ by
            // definition; testing it numerically (R's polyroot, or Schur–Cohn on P) decides on rounding noise
            // once the other roots crowd towards 1 (α and γ near 10⁻⁴), so only Q's roots are tested.
            //
            // Theorem (why ETSObjective skips this test in the usual region): for 0 ≤ α ≤ 1 and 0 < γ < 2 − α all
            // roots of Q lie strictly inside the unit circle, so every point of R's usual region (γ ≤ 1 − α) is
            // admissible (the easy tests above hold there too: γ ≥ 0 ≥ −α, γ ≤ 2 − α, α ≥ −γ/m).
            // Proof. Q(z) = S(z)(z − 1 + α) + γ with S(z) = 1 + z + … + z^{m−1}. On |z| = 1: Q(1) = mα + γ > 0;
            // for z = e^{iθ} ≠ 1, S(z)(z − 1 + α) = (z^m − 1)(1 + α/(z − 1)) = 2i·sin(mθ/2)·e^{imθ/2}·(A − iB)
            // with A = 1 − α/2 > 0, B = (α/2)·cot(θ/2). Writing A − iB = R·e^{−iψ} (R = √(A² + B²), cos ψ = A/R),
            // the product is real only where cos(mθ/2 − ψ) = 0, i.e. |sin(mθ/2)| = cos ψ = A/R, and its modulus is
            // then 2·(A/R)·R = 2 − α (or 0 where sin(mθ/2) = 0). So Q(z) = 0 on the circle needs γ = 2 − α or
            // γ = 0: for (α, γ) in the connected set 0 ≤ α ≤ 1, 0 < γ < 2 − α no root of the monic Q (degree m) ever
            // crosses the circle, and the number inside is constant. As γ → 0⁺ (0 < α < 1) the roots tend to 1 − α (inside)
            // and the simple roots ω ≠ 1 of ω^m = 1, each moving by δ ≈ −γ·ω(ω − 1)/(m(ω − 1 + α)), whose
            // component along ω, −(γ/m)·Re((ω − 1)/(ω − 1 + α)) = −(γ/m)(1 − cos θ)(2 − α)/|ω − 1 + α|², is
            // negative: inward. Hence all m roots are inside throughout. (Checked, with the bound's sharpness, by
            // ETSObjectiveTests.trendlessSeasonalUsualRegionAdmissible.)
            a[0] = alpha + gamma - 1
            for j in 1..<m { a[j] = alpha }
            a[m] = 1
            return allRootsInDisk(a, degree: m, radius: 1 + 1e-10, scratch: work + (m + 2))
        }
        // Characteristic polynomial, increasing powers, degree m + 1.
        let d = m + 1
        a[0] = phi * (1 - alpha - gamma)
        a[1] = alpha + beta - alpha * phi + gamma - 1
        if m > 2 { for j in 2..<m { a[j] = alpha + beta - alpha * phi } }
        a[m] = alpha + beta - phi
        a[m + 1] = 1
        return allRootsInDisk(a, degree: d, radius: 1 + 1e-10, scratch: work + (m + 2))
    }

    /// Schur–Cohn test: are all roots of Σ aᵢ zⁱ (real coefficients, aₙ ≠ 0) of modulus < radius?
    /// Each step replaces p by (aₙ p(z) − a₀ p*(z))/z, p* the reversed polynomial; all roots lie in the
    /// disk iff |a₀| < |aₙ| at every step. The test is invariant to the scale of p, so instead of dividing
    /// by the new leading coefficient each step, a₀ and aₙ are scaled by the power of two 2^−e(aₙ)
    /// (exact, no division; keeps the coefficients bounded), and the two halves of the work alternate
    /// between `a` and `scratch` (no copy). `a` and `scratch` (degree + 1 doubles each) are overwritten.
    static func allRootsInDisk(_ a: UnsafeMutablePointer<Double>, degree: Int, radius: Double,
                               scratch: UnsafeMutablePointer<Double>) -> Bool {
        var power = 1.0
        for i in 0...degree { a[i] *= power; power *= radius }
        var p = a, q = scratch
        var d = degree
        while d > 0 {
            let a0 = p[0], an = p[d]
            if !(abs(a0) < abs(an)) { return false }
            // 2^−e for aₙ's biased exponent field E = e + 1023 (a normal aₙ: |aₙ·2^−e| ∈ [1, 2)), built from bits
            // (`exponent` branches for zero, subnormals and infinities; a zero or non-finite aₙ ends the test above
            // or makes the next comparison false, and a subnormal one is scaled by 2¹⁰²³ — any power of two is exact).
            let scale = Double(bitPattern: UInt64(2046 &- an.exponentBitPattern) << 52)
            let s0 = a0 * scale, sn = an * scale
            for i in 0..<d { q[i] = sn * p[i + 1] - s0 * p[d - 1 - i] }
            swap(&p, &q)
            d -= 1
        }
        return true
    }
}
