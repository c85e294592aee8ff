/// How hard automatic selection searches each candidate model's likelihood.
///
/// - ``screened``: the search tuned on the M3 sets for forecast accuracy at low cost — one Nelder–Mead run per
///   candidate from R's start, a second start and a polish only for the candidates closest to the best (see
///   ``ETS/select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``).
///   The default, and what `pace forecast` uses in statsforecast's capped region.
/// - ``full``: the screened search, then every candidate also fitted by ``ETS/fit(_:specification:bounds:fixed:)``'s
///   search (R's run and restarts, the mirrored start, small-simplex polish — at least R's optimum on all 33,684
///   M3 model fits), keeping the higher likelihood; so each candidate is at least its screened and its explicit
///   fit, and the chosen criterion is at most the screened search's. `pace forecast --ets-search full`. In R's
///   region (`bounds: .standard`) the chosen AICc is then at most R's `ets()` choice's on all 240 generated series
///   behind `Tests/Fixtures/forecast/ets_r_auto_generated.csv`, where the screened search ended above it on 6
///   (2026-12-07). It costs about ten times the screened search (still several times faster than R), and it does
///   not forecast better on M3 (README, Accuracy).
public enum ETSSelectionSearch: String, Sendable, Hashable, CaseIterable {
    case screened
    case full
}
