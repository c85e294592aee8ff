/// Information criterion used to choose among ETS models.
public enum ETSInformationCriterion: String, Sendable, Hashable, CaseIterable {
    case aicc, aic, bic
}

/// The result of an automatic selection: the chosen fit and every candidate tried.
public struct ETSSelection: Sendable {
    /// One candidate of the search: its information criteria, or why it was not fitted.
    public struct Candidate: Sendable {
        public let specification: ETSSpecification
        public let logLikelihood: Double?
        public let aic: Double?
        public let aicc: Double?
        public let bic: Double?
        /// Why the candidate was skipped or failed (nil when fitted).
        public let failure: String?
        /// Objective evaluations spent on this candidate.
        public var evaluations: Int = 0
    }

    public let best: ETSFit
    public let criterion: ETSInformationCriterion
    /// In R's loop order.
    public let candidates: [Candidate]
}

extension ETS {
    /// Default `polishMargin` of ``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``:
    /// only the best screened candidate is polished.
    public static let defaultPolishMargin: Double = 0
    /// Default `secondStartMargin` of ``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:secondStartMargin:search:)``:
    /// candidates within 2 of the best screened criterion get the second start (a difference of AICc below 2 is
    /// conventionally read as no evidence for either model; Burnham & Anderson 2002, §2.6).
    public static let defaultSecondStartMargin: Double = 2
    /// Fewest values of a constant series that selection answers with the constant fit (other series need
    /// the candidates' own minimum, ``selectionMinimumObservations(period:pattern:allowMultiplicativeTrend:restrict:positiveData:)``:
    /// 7, ETS(A,N,N)'s, unless a pattern leaves it out). ``fit(_:specification:bounds:fixed:)`` answers a constant
    /// series with ETS(A,N,N) or ETS(M,N,N) from the same count, so that `ets:ANN` agrees with automatic selection.
    public static let constantSeriesMinimumObservations = 3
    /// Screening tolerance used when `screeningTolerance` is nil and every candidate is non-seasonal.
    public static let screeningToleranceNonseasonal: Double = 1e-7
    /// Screening tolerance used when `screeningTolerance` is nil and seasonal candidates are searched.
    public static let screeningToleranceSeasonal: Double = 1e-5

    /// Automatic model selection: R forecast's `ets(y)` (model "ZZZ") candidates and AICc rule, searched in
    /// statsforecast AutoETS's smoothing-parameter region by default.
    ///
    /// Candidates in the order error {A, M} × trend {N, A (, M if `allowMultiplicativeTrend`; R's and
    /// statsforecast's default is false)} × season {N, A, M} × damped {true, false}, restricted by `pattern`;
    /// skipped are: damping without trend; with `restrict` (R's default) additive error with multiplicative
    /// trend or season, and ETS(M,M,A); multiplicative error unless every value is > 0 (and any multiplicative
    /// component on data ≤ 0); seasonal models unless 2 ≤ m ≤ 24 and n > m; models needing more data than n
    /// (n > npars + 4). Each is fitted by maximum likelihood within `bounds`; one that fails gets an
    /// infinite criterion; the first candidate with a strictly smaller criterion wins.
    ///
    /// Region (`bounds`, default ``ETSBounds/capped``): R's bounds and usual + admissible region, plus
    /// statsforecast's caps β ≤ α₀ and γ ≤ 1 − α₀, α₀ = the starting α (0.20006 for non-seasonal models,
    /// 0.05006 / 0.01677 for quarterly / monthly seasonal ones) — see ``ETSSmoothingRegion`` for the rule,
    /// its source and why. `bounds: .standard` searches R's usual region (R's `ets()`; Pace's chosen AICc is
    /// then ≤ R's on every reference series).
    ///
    /// Search effort: every candidate is first screened with one Nelder–Mead run from R's starting values
    /// and R's initial simplex, stopped at relative tolerance `screeningTolerance` (R: 1.49e-8). Candidates
    /// whose screened criterion is within `secondStartMargin` (default 2) of the best are searched once more,
    /// from a second start at the other end of α's range (``mirroredSmoothingStart(_:objective:)``:
    /// α₀′ = upper − (α₀ − lower), 0.7999 where R starts at 0.2001), keeping the higher likelihood: the
    /// likelihood is often bimodal in α (a level near a long-run mean, or one that follows the data), and
    /// a run from R's α₀ usually stays on its own side (with one start, statsforecast's chosen fit had a lower
    /// AICc than Pace's choice in 124 of the 645 M3 yearly series; e.g. N0010, ETS(A,A,N): Pace α = 0.0001,
    /// statsforecast α = 0.9997). The window is where the second start is most likely to change the decision
    /// (a difference of AICc below 2 is conventionally no evidence either way); it costs ~20% more
    /// evaluations on M3 yearly, 5% on monthly. With `bounds: .standard` the second start is searched in R's
    /// region (the `.standard` column below). Then candidates
    /// whose criterion is within `polishMargin` of the best are restarted from their optimum at R's
    /// tolerance until the likelihood stops improving (as ``fit(_:specification:bounds:fixed:)`` does), so the
    /// chosen fit is fully optimised. `bounds: .standard, polishMargin: -.infinity, screeningTolerance:
    /// 1.490116119384765625e-08, secondStartMargin: -.infinity` is R's own search (M3 yearly: sMAPE 17.00,
    /// MASE 2.860, as R). Defaults: `polishMargin` 0 (polish the best only), `screeningTolerance` nil (10⁻⁷
    /// when every candidate is non-seasonal, 10⁻⁵ when seasonal candidates are searched), chosen earlier on
    /// the M3 sets in R's region as the cheapest settings no worse than the peers where reachable.
    ///
    /// M3, mean sMAPE / MASE, measured in one sitting (2026-11-22; Benchmarks/ETSBenchmark/README.md;
    /// quarterly = the monthly series summed by 3, m = 4, h = 6, as no M3 quarterly file is at hand):
    ///
    /// | set | Pace (default) | Pace, one start | Pace, `.standard` | statsforecast | statsforecast, usual region | R `ets()` |
    /// |---|---|---|---|---|---|---|
    /// | yearly (645)    | **16.03 / 2.685** | 16.14 / 2.706 | 16.76 / 2.830 | 16.19 / 2.695 | 16.71 / 2.816 | 17.00 / 2.860 |
    /// | monthly (1428)  | **14.04 / 0.856** | 14.03 / 0.857 | 14.07 / 0.861 | 14.16 / 0.863 | – | 14.14 / 0.865 |
    /// | quarterly proxy | **11.47 / 0.910** | 11.59 / 0.920 | 11.55 / 0.909 | 11.72 / 0.940 | 11.75 / 0.932 | 11.58 / 0.920 |
    /// | other (174)     | 4.385 / 1.815 | 4.385 / 1.811 | 4.356 / 1.801 | 4.345 / 1.801 | 4.352 / 1.811 | 4.372 / 1.814 |
    ///
    /// Ahead of both peers on yearly, monthly and the quarterly proxy; on M3 other 0.04 sMAPE / 0.014 MASE
    /// behind statsforecast (paired bootstrap intervals of the difference −0.015 … +0.110 and
    /// −0.025 … +0.053) and 0.013 / 0.001 behind R (−0.050 … +0.081, −0.039 … +0.038). Where Pace and
    /// statsforecast choose different models their AICc are mostly within 2 and the forecasts can be far apart
    /// (M3 other: one series, N3003, is 0.011 of the MASE difference); better likelihoods did not give
    /// systematically better forecasts in any search variant tried (see the benchmark README).
    ///
    /// A constant series gets ETS(A,N,N) (see ``ETSFit/isConstantSeriesFit``), from three values on, as R answers
    /// a constant series before checking its length. A series too short for every candidate throws
    /// ``ETSError/selectionTooShort(pattern:period:count:constant:required:smallestModel:)`` naming the fewest
    /// observations that would do; when the candidates fail otherwise, ``ETSError/noModelFitted(pattern:failures:)``
    /// groups them by reason.
    public static func select(_ y: [Double], period: Int = 1, pattern: ETSModelPattern = .automatic,
                              criterion: ETSInformationCriterion = .aicc, allowMultiplicativeTrend: Bool = false,
                              restrict: Bool = true, bounds: ETSBounds = .capped,
                              polishMargin: Double = defaultPolishMargin,
                              screeningTolerance: Double? = nil,
                              search: ETSSelectionSearch = .screened) throws(ETSError) -> ETSSelection {
        try select(y, period: period, pattern: pattern, criterion: criterion, allowMultiplicativeTrend: allowMultiplicativeTrend,
                   restrict: restrict, bounds: bounds, polishMargin: polishMargin, screeningTolerance: screeningTolerance,
                   secondStartMargin: defaultSecondStartMargin, search: search)
    }

    /// ``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``
    /// with the window of the second start given: every candidate whose screened criterion is within
    /// `secondStartMargin` of the best is searched once more from the mirrored α start; `-.infinity` turns the second
    /// start off (R's single start), `.infinity` gives it to every candidate.
    public static func select(_ y: [Double], period: Int = 1, pattern: ETSModelPattern = .automatic,
                              criterion: ETSInformationCriterion = .aicc, allowMultiplicativeTrend: Bool = false,
                              restrict: Bool = true, bounds: ETSBounds = .capped,
                              polishMargin: Double = defaultPolishMargin,
                              screeningTolerance: Double? = nil,
                              secondStartMargin: Double,
                              search: ETSSelectionSearch = .screened) throws(ETSError) -> ETSSelection {
        try validateValues(y, nil)
        guard period >= 1 else { throw .invalidSpecification("seasonal period must be ≥ 1, got \(period)") }
        // A pattern that fixes a season needs one (else every candidate fails alike, and a constant series would
        // get ETS(A,N,N) against the pattern).
        if period < 2, let season = pattern.season, season != .none {
            throw .invalidSpecification("the pattern \(pattern) asks for a seasonal component, but the seasonal period is \(period)")
        }
        if constantValue(y) != nil {
            // R's ets() answers a constant series before its length checks; Pace asks for three values
            // (σ² = 0 needs n > 2 estimated quantities, α and l₀).
            let spec = try ETSSpecification(error: .additive)
            guard y.count >= constantSeriesMinimumObservations else {
                let smallest = selectionMinimumObservations(period: period, pattern: pattern,
                                                            allowMultiplicativeTrend: allowMultiplicativeTrend,
                                                            restrict: restrict, positiveData: y[0] > 0)
                throw .selectionTooShort(pattern: pattern.description, period: period, count: y.count, constant: true,
                                         required: smallest?.observations, smallestModel: smallest?.model.description)
            }
            let fit = constantFit(y, spec: spec)
            return ETSSelection(best: fit, criterion: criterion, candidates: [
                .init(specification: spec, logLikelihood: fit.logLikelihood, aic: fit.aic, aicc: fit.aicc, bic: fit.bic,
                      failure: nil),
            ])
        }
        var positive = true
        for v in y where v <= 0 { positive = false; break }
        let n = y.count
        let seasonAllowed = period >= 2 && period <= 24 && n > period
        let combinations = candidateCombinations(pattern: pattern, seasonal: seasonAllowed,
                                                 allowMultiplicativeTrend: allowMultiplicativeTrend, restrict: restrict)
        let tolerance = screeningTolerance
            ?? (seasonAllowed && combinations.contains { $0.season != .none } ? screeningToleranceSeasonal : screeningToleranceNonseasonal)
        // Phase 1: every candidate with one Nelder–Mead run from R's start (what R does).
        var specs: [ETSSpecification] = []
        var failures: [String?] = []
        var fits: [ETSFit?] = []
        var vectors: [[Double]] = []
        var evaluations: [Int] = []
        var reasons: [ETSCandidateFailure] = []
        for (e, t, d, s) in combinations {
            let spec: ETSSpecification
            do { spec = try ETSSpecification(error: e, trend: t, damped: d, season: s, period: period) } catch {
                reasons.append(.init(model: e.rawValue + t.rawValue + (d ? "d" : "") + s.rawValue, error: error))
                continue
            }
            if !positive && spec.needsPositiveData && pattern.error == nil && e == .multiplicative { continue }  // R skips silently
            specs.append(spec)
            if s != .none && !seasonAllowed {
                let why = "seasonal models need 2 ≤ m ≤ 24 and n > m (m = \(period), n = \(n))"
                failures.append("\(spec): " + why); fits.append(nil); vectors.append([]); evaluations.append(0)
                reasons.append(.init(model: spec.description, reason: why))
                continue
            }
            do {
                try validate(y, spec)
                let r = try estimateVector(y, spec: spec, bounds: bounds, fixed: .none, maxRuns: 1,
                                           tolerance: tolerance)
                failures.append(nil); fits.append(r.fit); vectors.append(r.x); evaluations.append(r.fit.evaluations)
            } catch {
                failures.append(error.description); fits.append(nil); vectors.append([]); evaluations.append(0)
                reasons.append(.init(model: spec.description, error: error))
            }
        }
        func value(_ fit: ETSFit) -> Double {
            switch criterion {
            case .aicc: return fit.aicc
            case .aic: return fit.aic
            case .bic: return fit.bic
            }
        }
        let phase1Best = fits.compactMap { $0.map(value) }.min() ?? .infinity
        // Phase 2: a second screening run, from the mirrored α start, for every candidate within
        // `secondStartMargin` of the best; the higher likelihood is kept.
        for i in fits.indices {
            guard let fit = fits[i], value(fit) <= phase1Best + secondStartMargin else { continue }
            if let r = try? estimateVector(y, spec: specs[i], bounds: bounds, fixed: .none, maxRuns: 1,
                                           tolerance: tolerance, mirroredAlphaStart: true) {
                evaluations[i] += r.fit.evaluations
                if r.fit.logLikelihood > fit.logLikelihood { fits[i] = r.fit; vectors[i] = r.x }
            }
        }
        // Phase 3: restart Nelder–Mead from the optimum of every candidate within `polishMargin` of the best.
        let phase2Best = fits.compactMap { $0.map(value) }.min() ?? .infinity
        for i in fits.indices {
            guard let fit = fits[i], value(fit) <= phase2Best + polishMargin else { continue }
            if let r = try? estimateVector(y, spec: specs[i], bounds: bounds, fixed: .none, from: vectors[i]),
               r.fit.logLikelihood >= fit.logLikelihood {
                fits[i] = r.fit
                evaluations[i] += r.fit.evaluations
            }
        }
        // Full search: every candidate also gets ETS.fit's search; the higher likelihood is kept, so each
        // candidate is at least its screened fit and at least its explicit fit.
        if search == .full {
            for i in fits.indices {
                guard let fit = fits[i], let r = try? estimate(y, spec: specs[i], bounds: bounds, fixed: .none) else { continue }
                evaluations[i] += r.evaluations
                if r.logLikelihood > fit.logLikelihood { fits[i] = r }
            }
        }
        var candidates: [ETSSelection.Candidate] = []
        var best: ETSFit? = nil
        var bestValue = Double.infinity
        for i in specs.indices {
            if let fit = fits[i] {
                candidates.append(.init(specification: specs[i], logLikelihood: fit.logLikelihood, aic: fit.aic,
                                        aicc: fit.aicc, bic: fit.bic, failure: nil, evaluations: evaluations[i]))
                let v = value(fit)
                if v < bestValue { best = fit; bestValue = v }
            } else {
                candidates.append(.init(specification: specs[i], logLikelihood: nil, aic: nil, aicc: nil, bic: nil,
                                        failure: failures[i]))
            }
        }
        guard let best else {
            // Too short for every candidate: one message with the fewest observations that would do.
            if let smallest = selectionMinimumObservations(period: period, pattern: pattern,
                                                           allowMultiplicativeTrend: allowMultiplicativeTrend,
                                                           restrict: restrict, positiveData: positive),
               n < smallest.observations {
                throw .selectionTooShort(pattern: pattern.description, period: period, count: n, constant: false,
                                         required: smallest.observations, smallestModel: smallest.model.description)
            }
            throw .noModelFitted(pattern: pattern.description, failures: reasons)
        }
        return ETSSelection(best: best, criterion: criterion, candidates: candidates)
    }

    /// The fewest observations of a series that varies with which automatic selection (``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``)
    /// has a candidate long enough to fit, and that candidate (the first in R's loop order needing so few): the
    /// minimum over the candidates it would try of R's n > npars + 4 (seasonal ones also need 2 ≤ m ≤ 24 and n > m),
    /// leaving out those with a multiplicative component unless `positiveData`. Nil when no candidate is ever
    /// tried or can be fitted. A constant series needs ``constantSeriesMinimumObservations`` instead.
    public static func selectionMinimumObservations(period: Int, pattern: ETSModelPattern = .automatic,
                                                    allowMultiplicativeTrend: Bool = false, restrict: Bool = true,
                                                    positiveData: Bool = true) -> (observations: Int, model: ETSSpecification)? {
        var best: (observations: Int, model: ETSSpecification)? = nil
        for (e, t, d, s) in candidateCombinations(pattern: pattern, seasonal: period >= 2,
                                                  allowMultiplicativeTrend: allowMultiplicativeTrend, restrict: restrict) {
            guard let spec = try? ETSSpecification(error: e, trend: t, damped: d, season: s, period: period) else { continue }
            if spec.needsPositiveData && !positiveData { continue }
            var required = spec.minimumObservations
            if spec.hasSeason {
                guard period <= 24 else { continue }
                required = Swift.max(required, period + 1)
            }
            if best.map({ required < $0.observations }) ?? true { best = (required, spec) }
        }
        return best
    }

    /// The components automatic selection tries, in R's `ets()` loop order (error, trend, season, damped): the
    /// pattern's letters where fixed, seasons only when `seasonal`, no damping without a trend, and with `restrict`
    /// R's exclusions (additive error with a multiplicative trend or season; ETS(M,M*,A)).
    static func candidateCombinations(pattern: ETSModelPattern, seasonal: Bool, allowMultiplicativeTrend: Bool,
                                      restrict: Bool) -> [(error: Component, trend: Component, damped: Bool, season: Component)] {
        let errors: [Component] = pattern.error.map { [$0] } ?? [.additive, .multiplicative]
        let trends: [Component] = pattern.trend.map { [$0] } ?? ([.none, .additive] + (allowMultiplicativeTrend ? [.multiplicative] : []))
        let seasons: [Component] = pattern.season.map { [$0] } ?? (seasonal ? [.none, .additive, .multiplicative] : [.none])
        let dampings: [Bool] = pattern.damped.map { [$0] } ?? [true, false]
        var out: [(error: Component, trend: Component, damped: Bool, season: Component)] = []
        for e in errors { for t in trends { for s in seasons { for d in dampings {
            if t == .none && d { continue }
            if restrict {
                if e == .additive && (t == .multiplicative || s == .multiplicative) { continue }
                if e == .multiplicative && t == .multiplicative && s == .additive { continue }
            }
            out.append((e, t, d, s))
        } } } }
        return out
    }
}
