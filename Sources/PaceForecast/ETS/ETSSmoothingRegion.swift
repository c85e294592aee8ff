/// The region of trend and seasonal smoothing parameters an ETS search explores, on top of the fixed
/// bounds and the admissibility rule of ``ETSBounds``.
///
/// - ``usual``: R forecast's usual region, β ≤ α and γ ≤ 1 − α at the α being tried
///   (Hyndman et al. 2008, §5.2: 0 < β* < 1, 0 < γ* < 1 in the classical parameterisation).
/// - ``capsAtStartingAlpha``: statsforecast AutoETS's region — in addition
///
///       β ≤ α₀   and   γ ≤ 1 − α₀,   α₀ = lower_α + 0.2·(upper_α − lower_α)/m_eff
///
///   where α₀ is the starting value of α (R's and statsforecast's `initparam`; m_eff = m for seasonal
///   models, 1 otherwise: α₀ = 0.20006 for non-seasonal models, 0.05006 for quarterly and 0.01677 for
///   monthly seasonal ones with the default bounds). statsforecast (2.1.1, `ets.py`, `initparam`) fixes
///   its optimiser's box for β and γ from α₀ before the search (`upper[1] = min(upper[1], alpha)`), so
///   its AutoETS never estimates a trend smoothing above α₀. Pace states the rule per candidate model
///   (statsforecast's bound also carries over from one candidate to the next, so there it depends on
///   the candidate order; Pace does not reproduce that).
///
/// Why it is the default of automatic selection: maximum likelihood on short series piles the trend
/// smoothing up at its upper limit β = α (β* = 1: the slope then follows the latest change of level
/// completely). On the M3 yearly training series 129 of the 333 trend models Pace chose under ``usual``
/// sat there. Bounding β by α₀ is a shrinkage towards a slowly changing trend; it is what gives
/// statsforecast its edge over R on yearly data (with the bound removed, statsforecast scores
/// 16.71 / 2.816 sMAPE / MASE on M3 yearly, Pace in R's region 16.72 / 2.835, R 17.00 / 2.860),
/// and it improves Pace on M3 yearly, monthly and a quarterly proxy alike, costing 0.04 sMAPE on M3
/// other, within noise (table in
/// ``ETS/select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``).
///
/// Chosen through ``ETSBounds/region``: automatic selection defaults to ``ETSBounds/capped`` (this region),
/// ``ETS/fit(_:specification:bounds:fixed:)`` (one given model, R's `ets(y, model = …)`) to
/// ``ETSBounds/standard`` (``usual``), so that its optimum is comparable with R's; pass `bounds: .capped`
/// to refit a selected model in the region it was selected in, or `bounds: .standard` to select as R does.
public enum ETSSmoothingRegion: String, Sendable, Hashable, CaseIterable {
    /// R forecast's usual region: β ≤ α, γ ≤ 1 − α.
    case usual
    /// statsforecast AutoETS's region: also β ≤ α₀, γ ≤ 1 − α₀ (α₀ the starting α).
    case capsAtStartingAlpha
}
