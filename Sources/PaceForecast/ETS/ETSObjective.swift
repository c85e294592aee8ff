#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// R forecast's estimation objective for one model on one series (its `etsTargetFunction`):
/// the parameter vector x = (α, β, γ, φ — those estimated —, l₀, b₀, s₀…s_{m−2}) maps to
/// lik = n·log Σeₜ² (+ 2Σlog|ŷₜ| for multiplicative error), with
/// +∞ outside the usual bounds (narrowed by ``ETSSmoothingRegion/capsAtStartingAlpha`` when `bounds` asks) or
/// the admissible region (``ETSBounds``), +∞ when a
/// multiplicative initial seasonal state is negative or lik is NaN, and lik clamped below at −10¹⁰.
/// The last initial seasonal state is implied: sₘ = m·[S = M] − Σ s₁…s_{m−1}.
///
/// All buffers are allocated once here; ``value(_:)`` allocates nothing.
final class ETSObjective {
    let spec: ETSSpecification
    let recursion: ETSRecursion
    let n: Int
    let m: Int
    let y: UnsafeMutablePointer<Double>
    let seasonal: UnsafeMutablePointer<Double>
    let work: UnsafeMutablePointer<Double>
    let fixed: ETSFixedSmoothing
    var lower: (alpha: Double, beta: Double, gamma: Double, phi: Double)
    var upper: (alpha: Double, beta: Double, gamma: Double, phi: Double)
    let iAlpha: Int, iBeta: Int, iGamma: Int, iPhi: Int, iLevel: Int, iTrend: Int, iSeason: Int
    let dimension: Int
    /// Number of smoothing parameters estimated.
    let smoothingCount: Int
    /// True when the bounds alone guarantee admissibility, so ``value(_:cutoff:)`` skips the test: a non-seasonal
    /// model with α, β, φ confined to [0, 1] (then 1 − 1/φ ≤ 0 ≤ α < 2 ≤ 1 + 1/φ, α(φ − 1) ≤ 0 ≤ β ≤ 1 ≤ (1 + φ)(2 − α)),
    /// or a seasonal model without trend with α in [0, 1] and γ > 0, γ ≤ 1 − α (R's usual region, with or without
    /// statsforecast's caps): every such point is admissible (``ETSAdmissibility``, the theorem on Q).
    let admissibleByBounds: Bool
    /// The last cutoff of ``value(_:cutoff:)`` and its Σe² limit (Nelder–Mead repeats cutoffs).
    private var lastCutoff = Double.nan
    private var lastLimit = Double.infinity

    init(y values: [Double], spec: ETSSpecification, bounds: ETSBounds, fixed: ETSFixedSmoothing) {
        self.spec = spec
        recursion = ETSRecursion(spec)
        n = values.count
        m = spec.period
        y = .allocate(capacity: max(n, 1))
        y.initialize(from: values, count: n)
        seasonal = .allocate(capacity: max(m, 1))
        seasonal.initialize(repeating: 0, count: max(m, 1))
        work = .allocate(capacity: 2 * (m + 3))
        work.initialize(repeating: 0, count: 2 * (m + 3))
        self.fixed = fixed
        lower = bounds.lower
        upper = bounds.upper
        // R: a fixed α caps β and γ; a fixed β raises α's floor; a fixed γ lowers α's ceiling.
        if let a = fixed.alpha {
            upper.beta = min(a, upper.beta)
            upper.gamma = min(1 - a, upper.gamma)
        }
        if let b = fixed.beta { lower.alpha = max(b, lower.alpha) }
        if let g = fixed.gamma { upper.alpha = min(1 - g, upper.alpha) }
        if bounds.region == .capsAtStartingAlpha {
            // statsforecast's region (``ETSSmoothingRegion``): β ≤ α₀, γ ≤ 1 − α₀.
            let alpha0 = ETSInitialization.smoothingStart(spec: spec, bounds: bounds, fixed: fixed).alpha
            upper.beta = min(upper.beta, alpha0)
            upper.gamma = min(upper.gamma, 1 - alpha0)
        }
        var i = 0
        func slot(_ present: Bool) -> Int {
            guard present else { return -1 }
            defer { i += 1 }
            return i
        }
        iAlpha = slot(fixed.alpha == nil)
        iBeta = slot(spec.hasTrend && fixed.beta == nil)
        iGamma = slot(spec.hasSeason && fixed.gamma == nil)
        iPhi = slot(spec.damped && fixed.phi == nil)
        smoothingCount = i
        iLevel = slot(true)
        iTrend = slot(spec.hasTrend)
        iSeason = spec.hasSeason ? i : -1
        if spec.hasSeason { i += m - 1 }
        dimension = i
        // A fixed value must lie in [0, 1]; an estimated one is held there by its bounds (β ≤ α ≤ 1 is checked
        // by `feasible`, so β needs only its lower bound).
        func unit(_ fixedValue: Double?, lower: Double, upper: Double) -> Bool {
            if let v = fixedValue { return v >= 0 && v <= 1 }
            return lower >= 0 && upper <= 1
        }
        let alphaInUnit = unit(fixed.alpha, lower: lower.alpha, upper: upper.alpha)
        // γ > 0 and γ ≤ 1 − α: an estimated γ is held below 1 − α by `withinBounds`, an estimated α below 1 − γ
        // for a fixed γ by its upper bound (above); both fixed are checked here.
        let gammaPositive = fixed.gamma.map { $0 > 0 } ?? (lower.gamma > 0)
        let gammaBelowOneMinusAlpha = fixed.alpha.flatMap { a in fixed.gamma.map { $0 <= 1 - a } } ?? true
        admissibleByBounds = alphaInUnit && (spec.hasSeason
            ? !spec.hasTrend && m > 1 && gammaPositive && gammaBelowOneMinusAlpha
            : (!spec.hasTrend || unit(fixed.beta, lower: lower.beta, upper: 1))
                && (!spec.damped || unit(fixed.phi, lower: lower.phi, upper: upper.phi)))
    }

    deinit {
        y.deallocate()
        seasonal.deallocate()
        work.deallocate()
    }

    @inline(__always)
    func smoothing(_ x: UnsafePointer<Double>) -> (alpha: Double, beta: Double, gamma: Double, phi: Double) {
        let alpha = iAlpha >= 0 ? x[iAlpha] : fixed.alpha!
        let beta = spec.hasTrend ? (iBeta >= 0 ? x[iBeta] : fixed.beta!) : 0
        let gamma = spec.hasSeason ? (iGamma >= 0 ? x[iGamma] : fixed.gamma!) : 0
        let phi = spec.damped ? (iPhi >= 0 ? x[iPhi] : fixed.phi!) : 1
        return (alpha, beta, gamma, phi)
    }

    /// Fills the seasonal ring buffer from x (`seasonal[i]` = state applied to y_{i+1}).
    /// Returns false if a multiplicative seasonal state is negative.
    @inline(__always)
    func loadSeasonal(_ x: UnsafePointer<Double>) -> Bool {
        guard spec.hasSeason else { return true }
        var sum = 0.0
        for k in 0..<(m - 1) {
            let v = x[iSeason + k]
            seasonal[m - 1 - k] = v
            sum += v
        }
        let multiplicative = spec.season == .multiplicative
        seasonal[0] = (multiplicative ? Double(m) : 0) - sum
        if multiplicative {
            for k in 0..<m where seasonal[k] < 0 { return false }
        }
        return true
    }

    /// The usual bounds for the estimated parameters (β ≤ α and γ ≤ 1 − α included).
    @inline(__always)
    func withinBounds(_ p: (alpha: Double, beta: Double, gamma: Double, phi: Double)) -> Bool {
        if iAlpha >= 0 && (p.alpha < lower.alpha || p.alpha > upper.alpha) { return false }
        if iBeta >= 0 && (p.beta < lower.beta || p.beta > min(p.alpha, upper.beta)) { return false }
        if iGamma >= 0 && (p.gamma < lower.gamma || p.gamma > min(1 - p.alpha, upper.gamma)) { return false }
        if iPhi >= 0 && (p.phi < lower.phi || p.phi > upper.phi) { return false }
        return true
    }

    /// The admissible region (``ETSAdmissibility``).
    @inline(__always)
    func admissible(_ p: (alpha: Double, beta: Double, gamma: Double, phi: Double)) -> Bool {
        ETSAdmissibility.isAdmissible(alpha: p.alpha, beta: p.beta, gamma: spec.hasSeason ? p.gamma : nil,
                                      phi: p.phi, hasTrend: spec.hasTrend, m: m, work: work)
    }

    /// The objective at x (see type documentation).
    ///
    /// `cutoff` (Nelder–Mead's, see ``NelderMead/minimize(start:steps:_:)``): the exact value is returned
    /// when it is < `cutoff`; otherwise some value ≥ `cutoff`: +∞, or, for a point outside the admissible region
    /// (tested only when the likelihood is below the cutoff), its likelihood. With additive error, lik = n·log Σeₜ²
    /// and Σeₜ² only grows with t, so the recursion stops once Σeₜ² > exp(cutoff/n)·(1 + 10⁻⁹) (the
    /// margin covers the rounding of log and exp: lik then certainly exceeds the cutoff). Multiplicative
    /// error (+2Σlog|ŷₜ|, of either sign) always runs to the end.
    func value(_ x: UnsafePointer<Double>, cutoff: Double = .infinity) -> Double {
        let p = smoothing(x)
        guard withinBounds(p) else { return .infinity }
        guard loadSeasonal(x) else { return .infinity }
        var limit = Double.infinity
        if cutoff < 1e300 && !recursion.errorMultiplicative {
            if cutoff != lastCutoff {
                lastCutoff = cutoff
                lastLimit = exp(cutoff / Double(n)) * (1 + 1e-9)
            }
            limit = lastLimit
        }
        let r = recursion.run(y: y, count: n, alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi,
                              level: x[iLevel], trend: iTrend >= 0 ? x[iTrend] : 0, seasonal: seasonal,
                              sseLimit: limit)
        if r.lik.isNaN { return .infinity }
        let lik = r.lik < -1e10 ? -1e10 : r.lik
        // The admissibility test after the recursion, only for a value the caller can use (< cutoff): a trial
        // point at or above the cutoff is rejected whether it is admissible or not (see the cutoff's contract).
        if lik >= cutoff || admissibleByBounds || admissible(p) { return lik }
        return .infinity
    }

    /// x → parameters (with the implied last seasonal state).
    func parameters(_ x: [Double]) -> ETSParameters {
        x.withUnsafeBufferPointer { xp in
            let p = smoothing(xp.baseAddress!)
            _ = loadSeasonal(xp.baseAddress!)
            return ETSParameters(
                smoothingLevel: p.alpha, smoothingTrend: spec.hasTrend ? p.beta : nil,
                smoothingSeasonal: spec.hasSeason ? p.gamma : nil, dampingTrend: spec.damped ? p.phi : nil,
                initialLevel: xp[iLevel], initialTrend: spec.hasTrend ? xp[iTrend] : nil,
                initialSeasonal: spec.hasSeason ? (0..<m).map { seasonal[m - 1 - $0] } : [])
        }
    }

    /// R's starting vector (initparam + initstate).
    func start(_ values: [Double], bounds: ETSBounds) -> [Double] {
        let s = ETSInitialization.smoothingStart(spec: spec, bounds: bounds, fixed: fixed)
        let st = ETSInitialization.states(y: values, spec: spec)
        var x = [Double](repeating: 0, count: dimension)
        if iAlpha >= 0 { x[iAlpha] = s.alpha }
        if iBeta >= 0 { x[iBeta] = s.beta }
        if iGamma >= 0 { x[iGamma] = s.gamma }
        if iPhi >= 0 { x[iPhi] = s.phi }
        x[iLevel] = st.level
        if iTrend >= 0 { x[iTrend] = st.trend }
        if iSeason >= 0 { for k in 0..<(m - 1) { x[iSeason + k] = st.seasonal[k] } }
        return x
    }
}
