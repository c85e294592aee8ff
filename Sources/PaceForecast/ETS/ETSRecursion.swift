#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Caller-provided output buffers of one pass of the recursion (all optional).
struct ETSRecursionOutput {
    /// n one-step forecasts ŷₜ.
    var fitted: UnsafeMutablePointer<Double>?
    /// n residuals eₜ (relative errors for multiplicative error).
    var residuals: UnsafeMutablePointer<Double>?
    /// (n + 1) × p states, row-major, row 0 = x₀, row t = state after yₜ, order (l, b, s₁…sₘ).
    var states: UnsafeMutablePointer<Double>?
}

/// The result of one pass: R's likelihood criterion and the final level and trend
/// (the final seasonal states are left in the caller's ring buffer).
struct ETSRecursionResult {
    /// lik = n·log(Σeₜ²) + 2·Σlog|ŷₜ| (second term for multiplicative error only); +∞ if the
    /// multiplicative-trend flag was raised; may be NaN.
    var lik: Double
    /// Σeₜ².
    var sumSquaredErrors: Double
    /// Σ(yₜ − ŷₜ)² on the data scale (NaN from the search pass, which needs lik only).
    var sumSquaredDifferences: Double
    var level: Double
    var trend: Double
}

/// The ETS state recursion of Hyndman et al. (2008, ch. 2, Table 2.3) in R forecast's
/// "y-form" (the update written in yₜ, identical for additive and multiplicative error):
///
///     q  = l (T=N) | l + φb (T=A) | l·b^φ (T=M)
///     ŷ  = q (S=N) | q + sₜ₋ₘ (S=A) | q·sₜ₋ₘ (S=M)
///     e  = y − ŷ (E=A) | (y − ŷ)/ŷ (E=M)
///     p  = y | y − sₜ₋ₘ | y/sₜ₋ₘ;             l' = q + α(p − q)
///     r  = l' − l | l'/l;   b' = φb | b^φ + (β/α)(r − φb | b^φ)   (for T=A as φb + β(p − q))
///     u  = y − q | y/q;     s' = sₜ₋ₘ + γ(u − sₜ₋ₘ)
///
/// with R's guards (p, r, u = 10¹⁰ when the divisor is below 10⁻¹⁰ in absolute value; a negative
/// multiplicative trend gives lik = +∞). With additive error and `sseLimit` < ∞ (never with outputs
/// requested), the pass stops with lik = +∞ as soon as the running Σeₜ² exceeds `sseLimit`.
///
/// The seasonal states live in a caller-provided ring buffer `seasonal[0..<m]` where
/// `seasonal[i]` is the state applied to y_{i+1} (so `seasonal[0]` = sₘ of x₀, `seasonal[m−1]` = s₁);
/// after the pass the buffer holds the final seasonal states in the same rotating order
/// (`seasonal[(n + i) mod m]` is applied to y_{n+i+1}). Nothing is allocated; the loop is
/// specialised per component combination through generic marker types.
struct ETSRecursion {
    let errorMultiplicative: Bool
    let trend: Component
    let season: Component
    let period: Int

    init(_ spec: ETSSpecification) {
        errorMultiplicative = spec.error == .multiplicative
        trend = spec.trend
        season = spec.season
        period = spec.period
    }

    @inline(__always)
    func run(y: UnsafePointer<Double>, count n: Int, alpha: Double, beta: Double, gamma: Double, phi: Double,
             level: Double, trend b0: Double, seasonal: UnsafeMutablePointer<Double>,
             output: ETSRecursionOutput? = nil, sseLimit: Double = .infinity) -> ETSRecursionResult {
        if errorMultiplicative {
            return dispatchTrend(_On.self, y, n, alpha, beta, gamma, phi, level, b0, seasonal, output, .infinity)
        } else {
            return dispatchTrend(_Off.self, y, n, alpha, beta, gamma, phi, level, b0, seasonal, output, sseLimit)
        }
    }

    private func dispatchTrend<E: _ETSFlag>(_ e: E.Type, _ y: UnsafePointer<Double>, _ n: Int, _ alpha: Double, _ beta: Double,
                                             _ gamma: Double, _ phi: Double, _ l0: Double, _ b0: Double,
                                             _ s: UnsafeMutablePointer<Double>, _ out: ETSRecursionOutput?,
                                             _ limit: Double) -> ETSRecursionResult {
        switch trend {
        case .none: return dispatchSeason(e, _KindN.self, y, n, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        case .additive: return dispatchSeason(e, _KindA.self, y, n, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        case .multiplicative: return dispatchSeason(e, _KindM.self, y, n, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        }
    }

    private func dispatchSeason<E: _ETSFlag, T: _ETSKind>(_ e: E.Type, _ t: T.Type, _ y: UnsafePointer<Double>, _ n: Int,
                                                         _ alpha: Double, _ beta: Double, _ gamma: Double, _ phi: Double,
                                                         _ l0: Double, _ b0: Double, _ s: UnsafeMutablePointer<Double>,
                                                         _ out: ETSRecursionOutput?, _ limit: Double) -> ETSRecursionResult {
        if out == nil && T.kind != 2 {
            switch season {
            case .none: return Self.searchLoop(e, t, _KindN.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, limit)
            case .additive: return Self.searchLoop(e, t, _KindA.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, limit)
            case .multiplicative: return Self.searchLoop(e, t, _KindM.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, limit)
            }
        }
        switch season {
        case .none: return Self.loop(e, t, _KindN.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        case .additive: return Self.loop(e, t, _KindA.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        case .multiplicative: return Self.loop(e, t, _KindM.self, y, n, period, alpha, beta, gamma, phi, l0, b0, s, out, limit)
        }
    }

    /// The likelihood pass of the search (no outputs) for trend N or A, written in the one-step forecast
    /// q = l + φb instead of the level: with k = α + φβ (k = α without trend) and c = 1 − k,
    ///
    ///     q' = c·q + k·p + φ²·b,    b' = φ·b + β·p − β·q,
    ///
    /// the same recursion as ``step(_:_:y:l:b:sOld:alpha:beta:betaOverAlpha:gamma:phi:flag:)`` (l' = q + α(p − q),
    /// b' = φb + β(p − q), q' = l' + φb') with the sums regrouped, and advanced two steps at a time:
    ///
    ///     q₊₂ = (c² − φ²β)·q + (cφ² + φ³)·b + [(ck + φ²β)·p + k·p₊₁]
    ///     b₊₂ = −β(c + φ)·q + φ²(1 − β)·b + [β(φ − k)·p + β·p₊₁]
    ///
    /// (q₊₁ for the second step's error from the one-step form, off the chain). The brackets do not depend
    /// on the states, so two steps cost one multiply and two adds of latency (12 cycles) instead of 20 per
    /// step in the level form (T = A; T = N: 8 per two steps instead of 12 per step); the loop is
    /// latency-bound. Values agree with ``loop`` to rounding (relative differences of order 10⁻¹⁴ in lik;
    /// tested), not bit for bit, so the fit reported for the optimum is always recomputed with ``loop``.
    /// The guards of the level form apply unchanged (p = 10¹⁰ when |sₜ₋ₘ| < 10⁻¹⁰ for S = M; u = 10¹⁰
    /// when |q| < 10⁻¹⁰).
    @inline(never)
    private static func searchLoop<E: _ETSFlag, T: _ETSKind, S: _ETSKind>(
        _: E.Type, _: T.Type, _: S.Type, _ y: UnsafePointer<Double>, _ n: Int, _ m: Int,
        _ alpha: Double, _ beta: Double, _ gamma: Double, _ phi: Double, _ l0: Double, _ b0: Double,
        _ s: UnsafeMutablePointer<Double>, _ sseLimit: Double
    ) -> ETSRecursionResult {
        let trend = T.kind == 1
        var b = trend ? b0 : 0
        var q = trend ? l0 + phi * b0 : l0
        let k = trend ? alpha + phi * beta : alpha
        let c = 1 - k
        let phi2 = trend ? phi * phi : 0
        // Two-step coefficients (see the doc comment).
        let qq = trend ? c * c - phi2 * beta : c * c
        let qb = trend ? (c + phi) * phi2 : 0
        let qp0 = trend ? c * k + phi2 * beta : c * alpha
        let bq = -beta * (c + phi)
        let bb = phi2 * (1 - beta)
        let bp0 = beta * (phi - k)
        var sse = 0.0
        var prod = 1.0
        var exponentSum = 0
        var j = 0
        // One step's forecast, data on the level scale, error; updates the seasonal state in place.
        @inline(__always)
        func observe(_ t: Int, _ q: Double) -> (p: Double, e: Double, d: Double) {
            let yt = y[t]
            let sOld = S.kind == 0 ? 0 : s[j]
            let (yhat, p) = seasonalForecast(S.self, y: yt, q: q, sOld: sOld)
            let d = yt - yhat
            if S.kind != 0 {
                s[j] = seasonalUpdate(S.self, y: yt, q: q, sOld: sOld, gamma: gamma)
                j += 1
                if j == m { j = 0 }
            }
            return (p, E.on ? d / yhat : d, d)
        }
        @inline(__always)
        func accumulate(_ e: Double, _ yhatAbs: Double) {
            if E.on {
                prod *= yhatAbs
                if prod > 0x1p400 || prod < 0x1p-400 {
                    if prod == 0 || !prod.isFinite { prod = .nan }
                    else {
                        exponentSum += Int(prod.exponent)
                        prod = Double(sign: .plus, exponent: 0, significand: prod.significand)
                    }
                }
            }
            sse += e * e
        }
        @inline(__always)
        func forecastAbs(_ q: Double, _ sIndex: Int) -> Double {
            guard E.on else { return 0 }
            if S.kind == 1 { return abs(q + s[sIndex]) }
            if S.kind == 2 { return abs(q * s[sIndex]) }
            return abs(q)
        }
        var t = 0
        while t + 1 < n {
            let a0 = forecastAbs(q, j)
            let o0 = observe(t, q)
            accumulate(o0.e, a0)
            // q₊₁ (one-step form) for the second observation; the chain goes through the two-step form.
            let q1 = trend ? c * q + (k * o0.p + phi2 * b) : c * q + alpha * o0.p
            let a1 = forecastAbs(q1, j)
            let o1 = observe(t + 1, q1)
            accumulate(o1.e, a1)
            if !E.on && sse > sseLimit {
                return ETSRecursionResult(lik: .infinity, sumSquaredErrors: sse, sumSquaredDifferences: .nan, level: .nan, trend: .nan)
            }
            if trend {
                let qNew = (qq * q + qb * b) + (qp0 * o0.p + k * o1.p)
                b = (bq * q + bb * b) + (bp0 * o0.p + beta * o1.p)
                q = qNew
            } else {
                q = qq * q + (qp0 * o0.p + alpha * o1.p)
            }
            t += 2
        }
        if t < n {
            let a0 = forecastAbs(q, j)
            let o0 = observe(t, q)
            accumulate(o0.e, a0)
        }
        var lik = Double(n) * log(sse)
        if E.on {
            let sumLog = log(prod) + Double(exponentSum) * 0.693147180559945309417232121458176568
            lik += 2 * sumLog
        }
        // Level, trend and Σ(yₜ − ŷₜ)² are not tracked in this form (the search needs lik only).
        return ETSRecursionResult(lik: lik, sumSquaredErrors: sse, sumSquaredDifferences: .nan, level: .nan, trend: .nan)
    }

    /// One step of the recursion from state (l, b, sOld); returns (ŷ, l', b', s').
    @inline(__always)
    static func step<T: _ETSKind, S: _ETSKind>(_: T.Type, _: S.Type, y: Double, l: Double, b: Double, sOld: Double,
                                               alpha: Double, beta: Double, betaOverAlpha: Double, gamma: Double, phi: Double,
                                               flag: inout Bool) -> (yhat: Double, l: Double, b: Double, s: Double) {
        var q = l
        var phib = 0.0
        if T.kind == 1 {
            phib = phi * b
            q = l + phib
        } else if T.kind == 2 {
            if b < 0 { flag = true }
            phib = abs(phi - 1) < 1e-10 ? b : pow(b, phi)
            q = l * phib
        }
        let (yhat, p) = seasonalForecast(S.self, y: y, q: q, sOld: sOld)
        let d = p - q
        let lNew = q + alpha * d
        var bNew = b
        if T.kind == 1 {
            // = φb + (β/α)(l' − l − φb) exactly in real arithmetic; this form keeps the trend update
            // off the level's dependency chain (≈ 40% shorter latency per step).
            bNew = phib + beta * d
        } else if T.kind == 2 {
            let r = abs(l) < 1e-10 ? 1e10 : lNew / l
            bNew = phib + betaOverAlpha * (r - phib)
        }
        let sNew = seasonalUpdate(S.self, y: y, q: q, sOld: sOld, gamma: gamma)
        return (yhat, lNew, bNew, sNew)
    }

    /// The one-step forecast ŷ and the observation on the level scale p, from q (level and
    /// trend part) and the seasonal state s_{t−m} (R's etscalc; p = 10¹⁰ when |s| < 10⁻¹⁰).
    @inline(__always)
    static func seasonalForecast<S: _ETSKind>(_: S.Type, y: Double, q: Double, sOld: Double) -> (yhat: Double, p: Double) {
        if S.kind == 1 { return (q + sOld, y - sOld) }
        if S.kind == 2 { return (q * sOld, abs(sOld) < 1e-10 ? 1e10 : y / sOld) }
        return (q, y)
    }

    /// The seasonal state's update s_t = s_{t−m} + γ(u − s_{t−m}), u = y − q (additive) or
    /// y / q (multiplicative; 10¹⁰ when |q| < 10⁻¹⁰); unchanged without a season.
    @inline(__always)
    static func seasonalUpdate<S: _ETSKind>(_: S.Type, y: Double, q: Double, sOld: Double, gamma: Double) -> Double {
        if S.kind == 1 { return sOld + gamma * ((y - q) - sOld) }
        if S.kind == 2 {
            let u = abs(q) < 1e-10 ? 1e10 : y / q
            return sOld + gamma * (u - sOld)
        }
        return sOld
    }

    @inline(never)
    private static func loop<E: _ETSFlag, T: _ETSKind, S: _ETSKind>(
        _: E.Type, _: T.Type, _: S.Type, _ y: UnsafePointer<Double>, _ n: Int, _ m: Int,
        _ alpha: Double, _ beta: Double, _ gamma: Double, _ phi: Double, _ l0: Double, _ b0: Double,
        _ s: UnsafeMutablePointer<Double>, _ out: ETSRecursionOutput?, _ sseLimit: Double
    ) -> ETSRecursionResult {
        var l = l0
        var b = T.kind == 0 ? 0 : b0
        let betaOverAlpha = T.kind == 0 ? 0 : beta / alpha
        var sse = 0.0
        var ssd = 0.0
        // Σ log|ŷ| kept as a product split into significand and binary exponent (one log at the end).
        var prod = 1.0
        var exponentSum = 0
        var flag = false
        var j = 0  // ring-buffer index of s_{t-m}
        let fitted = out?.fitted, residuals = out?.residuals, states = out?.states
        let p = 1 + (T.kind == 0 ? 0 : 1) + (S.kind == 0 ? 0 : m)
        if let states { writeState(states, 0, l, b, s, 0, m, T.kind != 0, S.kind != 0) }
        for t in 0..<n {
            let yt = y[t]
            let sOld = S.kind == 0 ? 0 : s[j]
            let r = step(T.self, S.self, y: yt, l: l, b: b, sOld: sOld, alpha: alpha, beta: beta, betaOverAlpha: betaOverAlpha,
                         gamma: gamma, phi: phi, flag: &flag)
            let d = yt - r.yhat
            let e: Double
            if E.on {
                e = d / r.yhat
                prod *= abs(r.yhat)
                if prod > 0x1p400 || prod < 0x1p-400 {
                    if prod == 0 || !prod.isFinite { prod = .nan }
                    else {
                        exponentSum += Int(prod.exponent)
                        prod = Double(sign: .plus, exponent: 0, significand: prod.significand)
                    }
                }
            } else {
                e = d
            }
            sse += e * e
            ssd += d * d
            // Additive error: lik = n·log Σe² only grows with t, so once the partial sum passes the
            // caller's limit the pass is abandoned (lik = +∞; see ETSObjective.value(_:cutoff:)).
            if !E.on && sse > sseLimit {
                return ETSRecursionResult(lik: .infinity, sumSquaredErrors: sse, sumSquaredDifferences: ssd, level: l, trend: b)
            }
            l = r.l
            if T.kind != 0 { b = r.b }
            if S.kind != 0 { s[j] = r.s }
            if let fitted { fitted[t] = r.yhat }
            if let residuals { residuals[t] = e }
            j += 1
            if j == m { j = 0 }
            if let states { writeState(states + (t + 1) * p, 0, l, b, s, j, m, T.kind != 0, S.kind != 0) }
        }
        var lik = Double(n) * log(sse)
        if E.on {
            // prod is NaN when a one-step forecast was 0 or not finite: lik is then NaN (objective +∞).
            let sumLog = log(prod) + Double(exponentSum) * 0.693147180559945309417232121458176568
            lik += 2 * sumLog
        }
        if flag { lik = .infinity }
        return ETSRecursionResult(lik: lik, sumSquaredErrors: sse, sumSquaredDifferences: ssd, level: l, trend: b)
    }

    /// Writes (l, b, s₁…sₘ) where the ring buffer's next-to-use index is `j` (s₁ is at j − 1).
    @inline(__always)
    private static func writeState(_ row: UnsafeMutablePointer<Double>, _ unused: Int, _ l: Double, _ b: Double,
                                   _ s: UnsafeMutablePointer<Double>, _ j: Int, _ m: Int, _ hasTrend: Bool, _ hasSeason: Bool) {
        row[0] = l
        var k = 1
        if hasTrend { row[1] = b; k = 2 }
        if hasSeason {
            for i in 0..<m {
                // s_{i+1} = newest - i: buffer index (j - 1 - i) mod m
                var idx = j - 1 - i
                if idx < 0 { idx += m }
                row[k + i] = s[idx]
            }
        }
    }
}

protocol _ETSFlag { static var on: Bool { get } }
enum _On: _ETSFlag { static var on: Bool { true } }
enum _Off: _ETSFlag { static var on: Bool { false } }
/// 0 = none, 1 = additive, 2 = multiplicative.
protocol _ETSKind { static var kind: Int { get } }
enum _KindN: _ETSKind { static var kind: Int { 0 } }
enum _KindA: _ETSKind { static var kind: Int { 1 } }
enum _KindM: _ETSKind { static var kind: Int { 2 } }
