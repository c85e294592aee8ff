#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution N(0, 1).
public enum Normal {
    /// Φ(x), accurate in both tails (via erfc).
    @inlinable
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// 1 − Φ(x) without cancellation.
    @inlinable
    public static func survival(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }

    /// φ(x).
    @inlinable
    public static func pdf(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

    /// Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, relative accuracy about 1e-16).
    /// Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852545925 * r + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
            value = num / den
        } else {
            r -= 5
            let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
            value = num / den
        }
        return q < 0 ? -value : value
    }
}

/// Student's t distribution with ν > 0 degrees of freedom.
public struct StudentT: Sendable, Hashable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN || degreesOfFreedom.isNaN || degreesOfFreedom <= 0 { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let tail = 0.5 * tailBeta(t)
        return t > 0 ? 1 - tail : tail
    }

    /// P(T > t), accurate in the upper tail.
    public func survival(_ t: Double) -> Double { cdf(-t) }

    /// Two-sided p-value P(|T| ≥ |t|), with full relative accuracy for tiny values.
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isNaN || degreesOfFreedom.isNaN || degreesOfFreedom <= 0 { return .nan }
        if t.isInfinite { return 0 }
        return min(1, tailBeta(t))
    }

    /// I_{ν/(ν+t²)}(ν/2, 1/2) = P(|T| ≥ |t|), computed so that large |t| keeps relative accuracy.
    private func tailBeta(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let t2 = t * t
        if t2 == 0 { return 1 }
        // x = ν/(ν+t²), 1−x = t²/(ν+t²), both formed without cancellation.
        let x = nu / (nu + t2)
        let y = t2 / (nu + t2)
        return SpecialFunctions.regularizedBetaComplement(y, 0.5, nu / 2, oneMinusX: x)
    }

    /// The density at t.
    public func pdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let logc = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logc - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The quantile t_p: P(T ≤ t_p) = p. Closed forms for ν = 1, 2; otherwise Newton's method
    /// on the cdf from a normal-based start, safeguarded by bisection. NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        guard p >= 0, p <= 1, nu > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu == 1 { return tan(Double.pi * (p - 0.5)) }
        if nu == 2 {
            let a = 4 * p * (1 - p)
            return (2 * p - 1) * (2 / a).squareRoot()
        }
        if nu.isInfinite || nu > 1e10 { return Normal.quantile(p) }
        // Confidence intervals in a loop over regions ask for the same (ν, p) again and again.
        return RecentValues.studentTQuantiles.value(nu, p) { newtonQuantile(p) }
    }

    /// Newton's method on the cdf for ν > 2 (see ``quantile(_:)``).
    private func newtonQuantile(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        // Work in the lower half, then reflect.
        let lower = p < 0.5
        let q = lower ? p : 1 - p  // tail probability, ≤ 0.5
        // Start: Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5).
        let z = Normal.quantile(q)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        var t = z + (z3 + z) / (4 * nu)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * nu * nu * nu * nu)
        if !t.isFinite || t >= 0 { t = -1 }
        // Bracket [lo, hi] with cdf(lo) ≤ q ≤ cdf(hi), hi = 0.
        var lo = t, hi = 0.0
        while cdf(lo) > q { hi = lo; lo *= 2; if lo < -1e300 { break } }
        var x = t
        // The density's normalising constant, computed once for the Newton steps.
        let logc = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        for _ in 0..<200 {
            let f = cdf(x) - q
            if f == 0 { break }
            if f > 0 { hi = min(hi, x) } else { lo = max(lo, x) }
            let d = exp(logc - (nu + 1) / 2 * log1p(x * x / nu))
            var next = x - f / d
            if !(next > lo && next < hi) || !next.isFinite { next = 0.5 * (lo + hi) }
            if abs(next - x) <= 1e-15 * abs(x) { x = next; break }
            x = next
        }
        return lower ? x : -x
    }
}

/// The F distribution with (d1, d2) degrees of freedom.
public struct FisherF: Sendable, Hashable {
    public let numeratorDegreesOfFreedom: Double
    public let denominatorDegreesOfFreedom: Double

    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    /// P(F ≤ f).
    public func cdf(_ f: Double) -> Double {
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        guard d1 > 0, d2 > 0, !f.isNaN else { return .nan }
        if f <= 0 { return 0 }
        if f.isInfinite { return 1 }
        let x = d1 * f / (d1 * f + d2), y = d2 / (d1 * f + d2)
        return SpecialFunctions.regularizedBeta(x, d1 / 2, d2 / 2, oneMinusX: y)
    }

    /// P(F > f), accurate in the far upper tail (the regression F test's p-value).
    public func survival(_ f: Double) -> Double {
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        guard d1 > 0, d2 > 0, !f.isNaN else { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        let x = d1 * f / (d1 * f + d2), y = d2 / (d1 * f + d2)
        return SpecialFunctions.regularizedBetaComplement(x, d1 / 2, d2 / 2, oneMinusX: y)
    }
}

/// The χ² distribution with k degrees of freedom.
public struct ChiSquared: Sendable, Hashable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
    }

    /// P(X > x), accurate in the far upper tail.
    public func survival(_ x: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
    }
}
