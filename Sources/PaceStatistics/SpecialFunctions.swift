#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Special functions behind the distributions: log-gamma, the regularized incomplete beta
/// and gamma functions. Accuracy is close to double precision (relative error ~1e-14) over
/// the ranges the distributions use; tail probabilities keep relative accuracy because the
/// prefactors are computed on the log scale.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inlinable
    public static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    @inlinable
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The regularized incomplete beta function I_x(a, b) for a, b > 0, 0 ≤ x ≤ 1
    /// (Numerical Recipes' modified Lentz continued fraction, with the symmetry
    /// I_x(a,b) = 1 − I_{1−x}(b,a) chosen so the fraction converges quickly).
    /// Returns NaN for invalid arguments.
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double,
                                       oneMinusX: Double? = nil) -> Double {
        guard a > 0, b > 0, x.isFinite, a.isFinite, b.isFinite else { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let y = oneMinusX ?? (1 - x)
        if x < (a + 1) / (a + b + 2) {
            return betaFraction(x, a, b, oneMinusX: y)
        } else {
            return 1 - betaFraction(y, b, a, oneMinusX: x)
        }
    }

    /// The complement 1 − I_x(a, b) = I_{1−x}(b, a), computed without cancellation; `y` is
    /// 1 − x when the caller has it exactly (pass `nil` to use 1 − x).
    public static func regularizedBetaComplement(_ x: Double, _ a: Double, _ b: Double,
                                                 oneMinusX: Double? = nil) -> Double {
        guard a > 0, b > 0, x.isFinite else { return .nan }
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        let y = oneMinusX ?? (1 - x)
        if y < (b + 1) / (a + b + 2) {
            return betaFraction(y, b, a, oneMinusX: x)
        } else {
            return 1 - betaFraction(x, a, b, oneMinusX: y)
        }
    }

    /// x^a (1−x)^b / (a B(a,b)) × continued fraction; valid (fast) for x < (a+1)/(a+b+2).
    @usableFromInline
    static func betaFraction(_ x: Double, _ a: Double, _ b: Double, oneMinusX: Double? = nil) -> Double {
        let y = oneMinusX ?? (1 - x)
        let logFront = a * log(x) + b * (oneMinusX != nil ? log(y) : log1p(-x)) - RecentValues.logBetas.value(a, b) { logBeta(a, b) }
        let front = exp(logFront) / a
        // The continued fraction 1/g, g = 1 + t₁/(1 + t₂/(1 + t₃/(1 + …))) (Abramowitz &
        // Stegun 26.5.8), by the forward recurrence of g's convergents Pₙ/Qₙ:
        // Pₙ = Pₙ₋₁ + tₙPₙ₋₂, Qₙ = Qₙ₋₁ + tₙQₙ₋₂ (P₋₁ = 1, Q₋₁ = 0, P₀ = Q₀ = 1). Unlike Lentz's
        // method there is no division on the recurrence's dependency chain (the terms tₙ depend
        // only on n), which makes it several times faster; P and Q are rescaled by powers of two
        // when they grow or shrink, so nothing overflows.
        let qab = a + b, qap = a + 1, qam = a - 1
        var p0 = 1.0, q0 = 0.0  // Pₙ₋₂, Qₙ₋₂
        var p1 = 1.0, q1 = 1.0  // Pₙ₋₁, Qₙ₋₁
        @inline(__always) func step(_ t: Double) {
            let p = p1 + t * p0, q = q1 + t * q0
            p0 = p1; q0 = q1; p1 = p; q1 = q
        }
        step(-qab * x / qap)
        var f = q1 / p1
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            step(m * (b - m) * x / ((qam + m2) * (a + m2)))
            step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)))
            let big = max(abs(p1), abs(q1))
            if big > 0x1p400 {
                p0 *= 0x1p-400; q0 *= 0x1p-400; p1 *= 0x1p-400; q1 *= 0x1p-400
            } else if big < 0x1p-400 {
                p0 *= 0x1p400; q0 *= 0x1p400; p1 *= 0x1p400; q1 *= 0x1p400
            }
            let next = q1 / p1
            if abs(next - f) <= 1e-16 * abs(next) { f = next; break }
            f = next
            m += 1
        }
        let h = f
        return front * h
    }

    /// The regularized lower incomplete gamma function P(a, x) for a > 0, x ≥ 0.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaFraction(a, x)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in
    /// the far tail.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x)
    }

    static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var ap = a
        var sum = 1 / a
        var del = sum
        for _ in 0..<100_000 {
            ap += 1
            del *= x / ap
            sum += del
            if abs(del) < abs(sum) * 1e-17 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    static func gammaFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
