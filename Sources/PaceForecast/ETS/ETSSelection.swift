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
    }

    public let best: ETSFit
    public let criterion: ETSInformationCriterion
    /// In R's loop order.
    public let candidates: [Candidate]
}

extension ETS {
    /// Automatic model selection, R forecast's `ets(y)` (model "ZZZ") by default:
    ///
    /// candidates in the order error {A, M} × trend {N, A (, M if `allowMultiplicativeTrend`)} ×
    /// season {N, A, M} × damped {true, false}, restricted by `pattern`; skipped are: damping without
    /// trend; with `restrict` (R's default) additive error with multiplicative trend or season, and
    /// ETS(M,M,A); multiplicative error unless every value is > 0 (and any multiplicative component on
    /// data ≤ 0); seasonal models unless 2 ≤ m ≤ 24 and n > m; models needing more data than n
    /// (n > npars + 4). Each is fitted by ``fit(_:specification:bounds:fixed:)``; one that fails gets an
    /// infinite criterion; the first candidate with a strictly smaller criterion wins.
    ///
    /// A constant series gets ETS(A,N,N) (see ``ETSFit/isConstantSeriesFit``).
    public static func select(_ y: [Double], period: Int = 1, pattern: ETSModelPattern = .automatic,
                              criterion: ETSInformationCriterion = .aicc, allowMultiplicativeTrend: Bool = false,
                              restrict: Bool = true, bounds: ETSBounds = .standard) throws(ETSError) -> ETSSelection {
        try validateValues(y, nil)
        guard period >= 1 else { throw .invalidSpecification("seasonal period must be ≥ 1, got \(period)") }
        if let c = constantValue(y) {
            let spec = try ETSSpecification(error: .additive)
            guard y.count >= spec.minimumObservations else {
                throw .seriesTooShort(model: spec.description, count: y.count, required: spec.minimumObservations)
            }
            _ = c
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
        let errors: [Component] = pattern.error.map { [$0] } ?? [.additive, .multiplicative]
        let trends: [Component] = pattern.trend.map { [$0] } ?? ([.none, .additive] + (allowMultiplicativeTrend ? [.multiplicative] : []))
        let seasons: [Component] = pattern.season.map { [$0] } ?? (seasonAllowed ? [.none, .additive, .multiplicative] : [.none])
        let dampings: [Bool] = pattern.damped.map { [$0] } ?? [true, false]
        var candidates: [ETSSelection.Candidate] = []
        var best: ETSFit? = nil
        var bestValue = Double.infinity
        var reasons: [String] = []
        for e in errors { for t in trends { for s in seasons { for d in dampings {
            if t == .none && d { continue }
            if restrict {
                if e == .additive && (t == .multiplicative || s == .multiplicative) { continue }
                if e == .multiplicative && t == .multiplicative && s == .additive { continue }
            }
            let spec: ETSSpecification
            do { spec = try ETSSpecification(error: e, trend: t, damped: d, season: s, period: period) } catch {
                reasons.append(error.description)
                continue
            }
            if !positive && spec.needsPositiveData {
                if pattern.error == nil && e == .multiplicative { continue }  // R skips silently
            }
            if s != .none && !seasonAllowed {
                let why = "\(spec): seasonal models need 2 ≤ m ≤ 24 and n > m (m = \(period), n = \(n))"
                candidates.append(.init(specification: spec, logLikelihood: nil, aic: nil, aicc: nil, bic: nil, failure: why))
                reasons.append(why)
                continue
            }
            do {
                let fit = try ETS.fit(y, specification: spec, bounds: bounds)
                candidates.append(.init(specification: spec, logLikelihood: fit.logLikelihood, aic: fit.aic,
                                        aicc: fit.aicc, bic: fit.bic, failure: nil))
                let value: Double
                switch criterion {
                case .aicc: value = fit.aicc
                case .aic: value = fit.aic
                case .bic: value = fit.bic
                }
                if value < bestValue || best == nil && value.isFinite {
                    if best == nil || value < bestValue { best = fit; bestValue = value }
                }
            } catch {
                candidates.append(.init(specification: spec, logLikelihood: nil, aic: nil, aicc: nil, bic: nil,
                                        failure: error.description))
                reasons.append(error.description)
            }
        } } } }
        guard let best else {
            throw .noModelFitted(reasons: reasons.isEmpty ? ["no candidate model matches \(pattern) for this series"] : reasons)
        }
        return ETSSelection(best: best, criterion: criterion, candidates: candidates)
    }
}
