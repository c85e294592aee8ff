#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceRegression

/// Exponential smoothing state-space models (ETS) of Hyndman, Koehler, Ord & Snyder (2008):
/// maximum-likelihood fits of one specification, evaluation at given parameters, and automatic
/// selection by AICc as R forecast's `ets()` does.
public enum ETS {
    /// Fits `specification` by maximum likelihood (R's criterion "lik", see ``ETSFit``): Nelder–Mead
    /// over the smoothing parameters and the initial states from R's starting values, respecting the
    /// usual and admissible bounds, restarted from its optimum until it stops improving; the same from the
    /// mirrored start (α at the other end of its range, where a second mode of the likelihood often is),
    /// and small-simplex runs from the better optimum to settle it (optima in a corner of the region).
    /// Against R's `ets()` on every model of the M3 series (Benchmarks/ETSBenchmark, `ets-fitcheck`) this
    /// optimum is never below R's by more than 1e-6 relative.
    ///
    /// A constant series is answered as automatic selection answers it (``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``),
    /// from ``constantSeriesMinimumObservations`` (3) values on rather than the model's own minimum: the
    /// level-only models ETS(A,N,N) and ETS(M,N,N) (positive data) get ``constantFit(_:spec:)`` — the level
    /// is the constant, every error is zero, σ² = 0, the likelihood unbounded, α R's convention 0.9999 (no
    /// value of α changes a zero-error fit) — so their forecasts are the constant with zero-width intervals,
    /// the same as automatic selection's ETS(A,N,N). ETS(M,N,N) is included because it represents a positive
    /// constant exactly too (relative errors zero) with the same single smoothing parameter and state, so
    /// `ets:MNN` need not be refused where `ets:ANN` and `auto` answer. Models with a trend or a season are
    /// refused (``ETSError/constantSeries(model:value:)``, naming ETS(A,N,N) and automatic selection): their
    /// only exact fit has a zero trend and zero (additive) or unit (multiplicative) seasonal states, i.e. it
    /// is the level-only model, and their β, γ, φ would be arbitrary numbers reported as estimates. Fewer than
    /// three equal values: ``ETSError/seriesTooShort(model:count:required:)`` naming three (for ETS(A,N,N),
    /// ETS(M,N,N)) or the model's own minimum (others).
    ///
    /// Throws for NaN/±∞ values, non-positive data with a multiplicative component, a series shorter
    /// than R's minimum (n > npars + 4, npars = 2 + 2·trend + m·season + damped; for a constant series see
    /// above), a constant series (unless the model is ETS(A,N,N) or ETS(M,N,N)), or infeasible starting values.
    public static func fit(_ y: [Double], specification spec: ETSSpecification, bounds: ETSBounds = .standard,
                           fixed: ETSFixedSmoothing = .none) throws(ETSError) -> ETSFit {
        try validateValues(y, spec)
        if let c = constantValue(y) {
            let levelOnly = spec.code == "ANN" || spec.code == "MNN"
            if y.count < constantSeriesMinimumObservations {
                guard levelOnly else { try validate(y, spec); throw .constantSeries(model: spec.description, value: c) }
                throw .seriesTooShort(model: spec.description + " of a constant series", count: y.count,
                                      required: constantSeriesMinimumObservations)
            }
            guard levelOnly else { throw .constantSeries(model: spec.description, value: c) }
            return constantFit(y, spec: spec)
        }
        try validate(y, spec)
        return try estimate(y, spec: spec, bounds: bounds, fixed: fixed)
    }

    /// Evaluates the model at the given parameters and initial states (no estimation): the
    /// recursion, likelihood, fitted values and residuals. Information criteria count every
    /// smoothing parameter and free initial state as estimated.
    public static func evaluate(_ y: [Double], specification spec: ETSSpecification,
                                parameters: ETSParameters) throws(ETSError) -> ETSFit {
        try parameters.validate(for: spec)
        try validateValues(y, spec)
        return makeFit(y, spec: spec, parameters: parameters,
                       smoothingCount: 1 + (spec.hasTrend ? 1 : 0) + (spec.hasSeason ? 1 : 0) + (spec.damped ? 1 : 0),
                       fixedCount: 0, evaluations: 0, converged: true)
    }

    // MARK: - Validation

    /// The magnitudes a nonzero value may have: Σeₜ² of the likelihood must neither overflow nor underflow
    /// (R's `ets()` has the same limits; its objective is then infinite or clamped, and it fails or returns a
    /// degenerate fit). Values outside are refused with ``ETSError/valueOutOfRange(index:value:)``.
    public static let magnitudeRange: ClosedRange<Double> = RegressionModel.magnitudeRange

    static func validateValues(_ y: [Double], _ spec: ETSSpecification?) throws(ETSError) {
        for (i, v) in y.enumerated() where !v.isFinite { throw .nonFiniteValue(index: i, value: v) }
        for (i, v) in y.enumerated() where v != 0 && !magnitudeRange.contains(abs(v)) {
            throw .valueOutOfRange(index: i, value: v)
        }
        if let spec, spec.needsPositiveData {
            for (i, v) in y.enumerated() where v <= 0 {
                throw .nonPositiveValue(model: spec.description, index: i, value: v)
            }
        }
    }

    static func validate(_ y: [Double], _ spec: ETSSpecification) throws(ETSError) {
        try validateValues(y, spec)
        if y.count < spec.minimumObservations {
            throw .seriesTooShort(model: spec.description + (spec.hasSeason ? " with period \(spec.period)" : ""),
                                  count: y.count, required: spec.minimumObservations)
        }
    }

    static func constantValue(_ y: [Double]) -> Double? {
        guard let first = y.first else { return nil }
        for v in y where v != first { return nil }
        return first
    }

    // MARK: - Estimation

    /// ``fit(_:specification:bounds:fixed:)``'s search: R's run from R's start and the restarts, the same from the
    /// mirrored start (``mirroredSmoothingStart(_:objective:)``), then local runs from the better optimum with a
    /// small simplex (``localPolish``). Automatic selection does not use it (its own search is in ETSSelection).
    static func estimate(_ y: [Double], spec: ETSSpecification, bounds: ETSBounds,
                         fixed: ETSFixedSmoothing) throws(ETSError) -> ETSFit {
        var best = try estimateVector(y, spec: spec, bounds: bounds, fixed: fixed)
        var evaluations = best.fit.evaluations
        if fixed.alpha == nil,
           let second = try? estimateVector(y, spec: spec, bounds: bounds, fixed: fixed, mirroredAlphaStart: true) {
            evaluations += second.fit.evaluations
            if second.fit.logLikelihood > best.fit.logLikelihood { best = second }
        }
        guard let polished = try? estimateVector(y, spec: spec, bounds: bounds, fixed: fixed, from: best.x, maxRuns: 0,
                                                 localPolish: true, priorEvaluations: evaluations),
              polished.fit.logLikelihood >= best.fit.logLikelihood
        else { return best.fit }
        return polished.fit
    }

    /// Estimation with control over the search: `from` continues from an earlier optimum (no R-style
    /// first run), `maxRuns` caps the Nelder–Mead runs (1 = R's single run), `mirroredAlphaStart` starts
    /// from the other end of α's range (see ``mirroredSmoothingStart(_:objective:)``), `localPolish` ends with
    /// small-simplex runs (with `maxRuns: 0` and `from`, only those).
    static func estimateVector(_ y: [Double], spec: ETSSpecification, bounds: ETSBounds, fixed: ETSFixedSmoothing,
                               from: [Double]? = nil, maxRuns: Int = 6,
                               tolerance: Double = 1.490116119384765625e-08,
                               mirroredAlphaStart: Bool = false, localPolish: Bool = false,
                               priorEvaluations: Int = 0) throws(ETSError) -> (fit: ETSFit, x: [Double]) {
        let objective = ETSObjective(y: y, spec: spec, bounds: bounds, fixed: fixed)
        var start = from ?? objective.start(y, bounds: bounds)
        if mirroredAlphaStart && from == nil { mirroredSmoothingStart(&start, objective: objective) }
        let f0 = start.withUnsafeBufferPointer { objective.value($0.baseAddress!) }
        guard f0.isFinite else { throw .startingValuesInfeasible(model: spec.description) }
        var scale = 0.0
        for v in y { scale += abs(v) }
        scale /= Double(y.count)
        // Restart simplex (scaled by `factor`): smoothing parameters move halfway towards their usual
        // upper bound (φ towards its lower bound), states by 10% (at least 0.1% of the data's mean |y|).
        func steps(_ x: [Double], _ factor: Double) -> [Double] {
            var s = [Double](repeating: 0, count: x.count)
            let a = objective.iAlpha >= 0 ? x[objective.iAlpha] : fixed.alpha ?? 0.5
            for i in 0..<x.count {
                switch i {
                case objective.iAlpha: s[i] = 0.5 * (objective.upper.alpha - x[i])
                case objective.iBeta: s[i] = 0.5 * (min(a, objective.upper.beta) - x[i])
                case objective.iGamma: s[i] = 0.5 * (min(1 - a, objective.upper.gamma) - x[i])
                case objective.iPhi: s[i] = -0.5 * (x[i] - objective.lower.phi)
                default: s[i] = max(0.1 * abs(x[i]), 1e-3 * scale)
                }
                s[i] *= factor
                if s[i] == 0 { s[i] = 1e-4 }
            }
            return s
        }
        var nm = NelderMead()
        nm.maxEvaluations = 2000
        nm.relativeTolerance = tolerance
        var evaluations = priorEvaluations
        var converged = true
        var best: NelderMead.Result? = nil
        // Run 1: R's simplex (one common step, max 0.1·|x₀ᵢ|) from R's start — what R's `ets()` does.
        // Then restarts from the best point with per-coordinate steps until no further improvement.
        var commonStep = 0.0
        for v in start { commonStep = max(commonStep, 0.1 * abs(v)) }
        var x = start
        for run in 0..<maxRuns {
            let s = (run == 0 && from == nil) ? [Double](repeating: commonStep, count: x.count) : steps(x, 0.25)
            guard let r = nm.minimize(start: x, steps: s, { objective.value($0, cutoff: $1) }) else { break }
            evaluations += r.evaluations
            let improved = best.map { r.value < $0.value - 1e-8 * (abs($0.value) + 1e-8) } ?? true
            if best == nil || r.value < best!.value { best = r }
            converged = r.status == 0
            if !improved && (run > 0 || from != nil) { break }
            x = best!.x
        }
        // Local polish: Nelder–Mead from the optimum with a small simplex — each smoothing parameter steps half
        // its distance to its lower bound, each state 0.1% — repeated (at most 4 runs) while it improves. The
        // restarts' simplex (a quarter of the way to the upper bounds) is too coarse to settle an optimum in a
        // corner of the region, e.g. α and γ both near 10⁻⁴ (M3 N1546, ETS(M,N,A)).
        if localPolish && best == nil, let f = from {
            best = NelderMead.Result(x: f, value: f0, evaluations: 1, status: 0)
            evaluations += 1
        }
        for _ in 0..<(localPolish ? 4 : 0) {
            guard let b = best else { break }
            var s = [Double](repeating: 0, count: b.x.count)
            for i in 0..<s.count {
                switch i {
                case objective.iAlpha: s[i] = 0.5 * (b.x[i] - objective.lower.alpha)
                case objective.iBeta: s[i] = 0.5 * (b.x[i] - objective.lower.beta)
                case objective.iGamma: s[i] = 0.5 * (b.x[i] - objective.lower.gamma)
                case objective.iPhi: s[i] = 0.5 * (b.x[i] - objective.lower.phi)
                default: s[i] = max(1e-3 * abs(b.x[i]), 1e-4 * scale)
                }
                if !(s[i] > 1e-6) { s[i] = 1e-6 }
            }
            if let r = nm.minimize(start: b.x, steps: s, { objective.value($0, cutoff: $1) }) {
                evaluations += r.evaluations
                if r.value < b.value { best = r }
                if !(r.value < b.value - 1e-10 * abs(b.value)) { break }
            } else { break }
        }
        guard let best else { throw .startingValuesInfeasible(model: spec.description) }
        let parameters = objective.parameters(best.x)
        return (makeFit(y, spec: spec, parameters: parameters, smoothingCount: objective.smoothingCount,
                       fixedCount: [fixed.alpha, spec.hasTrend ? fixed.beta : nil, spec.hasSeason ? fixed.gamma : nil,
                                    spec.damped ? fixed.phi : nil].compactMap { $0 }.count,
                       evaluations: evaluations, converged: converged), best.x)
    }

    /// The second start of automatic selection: α₀′ = upper₁ − (α₀ − lower₁), R's starting α mirrored in its
    /// bounds (0.7999 for non-seasonal models where R starts at 0.2001), and β₀, γ₀ by R's `initparam` rule at
    /// that α (β₀ = lower₂ + 0.1(min(upper₂, α₀′) − lower₂), γ₀ = lower₃ + 0.05(min(upper₃, 1 − α₀′) − lower₃),
    /// upper₂, upper₃ including the region's caps); φ₀ and the initial states as R's. Why: the likelihood is often
    /// bimodal in α — a level that stays near a long-run mean (small α) or follows the data (α near 1) — and a
    /// Nelder–Mead run from R's α₀ usually settles in the basin on its own side.
    static func mirroredSmoothingStart(_ x: inout [Double], objective o: ETSObjective) {
        guard o.iAlpha >= 0 else { return }
        let alpha = o.upper.alpha - (x[o.iAlpha] - o.lower.alpha)
        x[o.iAlpha] = alpha
        if o.iBeta >= 0 { x[o.iBeta] = o.lower.beta + 0.1 * (min(o.upper.beta, alpha) - o.lower.beta) }
        if o.iGamma >= 0 { x[o.iGamma] = o.lower.gamma + 0.05 * (min(o.upper.gamma, 1 - alpha) - o.lower.gamma) }
    }

    /// Runs the recursion at `parameters` and assembles the fit.
    static func makeFit(_ y: [Double], spec: ETSSpecification, parameters: ETSParameters, smoothingCount: Int,
                        fixedCount: Int, evaluations: Int, converged: Bool) -> ETSFit {
        let n = y.count
        let m = spec.period
        let p = spec.stateLength
        var fitted = [Double](repeating: 0, count: n)
        var residuals = [Double](repeating: 0, count: n)
        var states = [Double](repeating: 0, count: (n + 1) * p)
        var ring = [Double](repeating: 0, count: max(m, 1))
        if spec.hasSeason { for i in 0..<m { ring[i] = parameters.initialSeasonal[m - 1 - i] } }
        let recursion = ETSRecursion(spec)
        let result = y.withUnsafeBufferPointer { yp in
            fitted.withUnsafeMutableBufferPointer { f in
                residuals.withUnsafeMutableBufferPointer { r in
                    states.withUnsafeMutableBufferPointer { s in
                        ring.withUnsafeMutableBufferPointer { ringp in
                            recursion.run(y: yp.baseAddress!, count: n, alpha: parameters.smoothingLevel,
                                          beta: parameters.smoothingTrend ?? 0, gamma: parameters.smoothingSeasonal ?? 0,
                                          phi: parameters.dampingTrend ?? 1, level: parameters.initialLevel,
                                          trend: parameters.initialTrend ?? 0, seasonal: ringp.baseAddress!,
                                          output: ETSRecursionOutput(fitted: f.baseAddress, residuals: r.baseAddress,
                                                                     states: s.baseAddress))
                        }
                    }
                }
            }
        }
        var lik = result.lik
        if lik < -1e10 { lik = -1e10 }
        let stateCount = spec.initialStateCount
        let k = smoothingCount + stateCount + 1
        let np = smoothingCount + fixedCount + stateCount
        let nd = Double(n)
        let aic = lik + 2 * Double(k)
        let bic = lik + log(nd) * Double(k)
        let aicc = n - k - 1 > 0 ? aic + 2 * Double(k) * Double(k + 1) / Double(n - k - 1) : .infinity
        return ETSFit(specification: spec, parameters: parameters, count: n, logLikelihood: -0.5 * lik,
                      aic: aic, aicc: aicc, bic: bic, parameterCount: k,
                      sigma2: n > np ? result.sumSquaredErrors / Double(n - np) : .nan,
                      mse: result.sumSquaredDifferences / nd, fitted: fitted, residuals: residuals,
                      states: states, stateLength: p, evaluations: evaluations, converged: converged)
    }

    /// ETS(A,N,N) (or, from ``fit(_:specification:bounds:fixed:)``, ETS(M,N,N)) of a constant series: α = 0.9999
    /// (R's usual upper bound), l₀ = the constant, σ² = 0, lik clamped at R's floor −10¹⁰ (so logLikelihood =
    /// 5·10⁹); forecasts are the constant with zero-width intervals.
    static func constantFit(_ y: [Double], spec: ETSSpecification) -> ETSFit {
        makeFit(y, spec: spec, parameters: ETSParameters(smoothingLevel: 0.9999, initialLevel: y[0]),
                smoothingCount: 1, fixedCount: 0, evaluations: 0, converged: true)
    }
}

