import Foundation
import Testing
@testable import PaceStatistics

/// Reference values: scipy 1.17.1 `scipy.stats` (t.ppf, chi2.cdf, norm.ppf, printed with repr),
/// statsmodels 0.15 p-values from ../shared/reference/ols_trend_seasonal.json, and closed forms.
@Suite("distributions")
struct DistributionTests {
    func close(_ a: Double, _ b: Double, rel: Double) -> Bool {
        if a == b { return true }
        return abs(a - b) <= rel * abs(b)
    }

    @Test("special values first: NaN, ±∞, the ends of [0, 1]")
    func specialValues() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(StudentT(degreesOfFreedom: 5).cdf(.nan).isNaN)
        #expect(StudentT(degreesOfFreedom: 5).cdf(.infinity) == 1)
        #expect(StudentT(degreesOfFreedom: 5).cdf(-.infinity) == 0)
        #expect(StudentT(degreesOfFreedom: 5).quantile(0.5) == 0)
        #expect(FisherF(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 9).survival(0) == 1)
        #expect(ChiSquared(degreesOfFreedom: 2).survival(0) == 1)
    }

    @Test("normal quantile against closed-form symmetric values and round trip")
    func normalQuantile() {
        // scipy: norm.ppf(0.975) = 1.959963984540054
        #expect(close(Normal.quantile(0.975), 1.959963984540054, rel: 1e-15))
        // scipy: norm.ppf(1e-10) = -6.361340902404056
        #expect(close(Normal.quantile(1e-10), -6.361340902404056, rel: 1e-14))
        for p in stride(from: 0.001, to: 1, by: 0.037) {
            #expect(close(Normal.cdf(Normal.quantile(p)), p, rel: 1e-14))
        }
    }

    @Test("Student t: closed forms for ν = 1, 2 and R's values for other ν")
    func studentT() {
        // ν = 1 is Cauchy: F(t) = 1/2 + atan(t)/π.
        let cauchy = StudentT(degreesOfFreedom: 1)
        for t in [-30.0, -2, -0.5, 0.3, 4, 100] {
            #expect(close(cauchy.cdf(t), 0.5 + atan(t) / Double.pi, rel: 1e-13))
        }
        // ν = 2: F(t) = 1/2 + t / (2 sqrt(2 + t²)).
        let two = StudentT(degreesOfFreedom: 2)
        for t in [-7.0, -1, 0.25, 3] {
            #expect(close(two.cdf(t), 0.5 + t / (2 * (2 + t * t).squareRoot()), rel: 1e-13))
        }
        // scipy: t.ppf(0.975, 10) = 2.228138851986274; t.ppf(0.9, 2) = 1.8856180831641272
        #expect(close(StudentT(degreesOfFreedom: 10).quantile(0.975), 2.228138851986274, rel: 1e-13))
        #expect(close(StudentT(degreesOfFreedom: 2).quantile(0.9), 1.8856180831641272, rel: 1e-13))
        // scipy: t.ppf(0.995, 3) = 5.840909309733355
        #expect(close(StudentT(degreesOfFreedom: 3).quantile(0.995), 5.840909309733355, rel: 1e-12))
        // round trips across df
        for nu in [3.0, 4.5, 7, 30, 103, 1e5] {
            let d = StudentT(degreesOfFreedom: nu)
            for p in [1e-8, 0.001, 0.05, 0.3, 0.6, 0.9, 0.999] {
                #expect(close(d.cdf(d.quantile(p)), p, rel: 1e-11))
            }
        }
    }

    @Test("Student t tail p-values keep relative accuracy (statsmodels' OLS p-values)")
    func tailPValues() {
        // ../shared/reference/ols_trend_seasonal.json, UKgas: t = 106.53450608288233, df 103,
        // p = 3.3415346704014437e-107; t = -8.268096910365477 → p = 5.041797888336636e-13.
        let d = StudentT(degreesOfFreedom: 103)
        #expect(close(d.twoSidedPValue(106.53450608288233), 3.3415346704014437e-107, rel: 1e-9))
        #expect(close(d.twoSidedPValue(-8.268096910365477), 5.041797888336636e-13, rel: 1e-10))
    }

    @Test("F and χ² upper tails")
    func fAndChiSquared() {
        // statsmodels UKgas: F = 337.2000407706081 on (4, 103), p = 3.248972887873812e-58.
        let f = FisherF(numeratorDegreesOfFreedom: 4, denominatorDegreesOfFreedom: 103)
        #expect(close(f.survival(337.2000407706081), 3.248972887873812e-58, rel: 1e-9))
        #expect(close(f.cdf(2) + f.survival(2), 1, rel: 1e-15))
        // χ²₂ survival is exp(−x/2) exactly; JB p for UKgas: 0.23809030786364505 at 2.870210464952812.
        let c = ChiSquared(degreesOfFreedom: 2)
        for x in [0.1, 1, 2.870210464952812, 40] {
            #expect(close(c.survival(x), exp(-x / 2), rel: 1e-13))
        }
        #expect(close(c.survival(2.870210464952812), 0.23809030786364505, rel: 1e-12))
        // scipy: chi2.cdf(3, 5) = 0.3000141641213724
        #expect(close(ChiSquared(degreesOfFreedom: 5).cdf(3), 0.3000141641213724, rel: 1e-13))
    }
}

/// The continued fraction of the incomplete beta function across the parameter range where its
/// convergents grow or shrink enough to need rescaling, and the memo of recent values.
@Suite("incomplete beta continued fraction and memo")
struct IncompleteBetaTests {
    func close(_ a: Double, _ b: Double, rel: Double) -> Bool { a == b || abs(a - b) <= rel * abs(b) }

    @Test("I_x(a, b) against scipy 1.17.1 special.betainc, large and tiny parameters included")
    func againstScipy() {
        // (a, b, x, scipy.special.betainc(a, b, x)), printed with repr. The tolerance is 1e-12
        // except where ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) cancels terms of size ~a·ln a
        // (a or b ≥ 10³): there the prefactor keeps about 16 − log₁₀(a ln a) digits (Lentz's method
        // before this continued fraction gave the same values).
        let cases: [(Double, Double, Double, Double, Double)] = [
            (500, 500, 0.49, 0.2635756083565856, 1e-12),
            (2000, 3, 0.9985, 0.4223497916229515, 1e-11),
            (17, 0.5, 0.2, 1.9769893863307835e-13, 1e-12),
            (0.5, 1e4, 1e-5, 0.3452759253165484, 1e-10),
            (1e5, 1e5, 0.4995, 0.327360584443432, 1e-9),
        ]
        for (a, b, x, want, tolerance) in cases {
            let got = SpecialFunctions.regularizedBeta(x, a, b)
            #expect(close(got, want, rel: tolerance), "I_\(x)(\(a), \(b)) = \(got), scipy \(want)")
        }
    }

    @Test("two-sided t p-values against scipy 1.17.1: 2·t.sf(|t|, ν)")
    func tPValues() {
        let cases: [(Double, Double, Double)] = [
            (34, 2.0, 0.05353983547045047), (34, 12.0, 8.999786087488736e-14),
            (34, 0.1, 0.9209316559505965), (7, 40.0, 1.5902179984850364e-09),
            (200, 3.5, 0.0005735400749829994),
        ]
        for (nu, t, want) in cases {
            #expect(close(StudentT(degreesOfFreedom: nu).twoSidedPValue(t), want, rel: 1e-12), "ν \(nu), t \(t)")
        }
    }

    @Test("memoised quantiles are bit-identical whatever was asked before (more keys than slots)")
    func memoIsTransparent() {
        let keys: [(Double, Double)] = (0..<20).map { i in
            let nu = Double(3 + i % 7)
            let p = 0.5 + Double(i) / 45
            return (nu, p)
        }
        let first = keys.map { StudentT(degreesOfFreedom: $0.0).quantile($0.1) }
        let backwards: [Double] = keys.reversed().map { StudentT(degreesOfFreedom: $0.0).quantile($0.1) }
        #expect(Array(backwards.reversed()) == first)
        // And each equals the cdf inverse it claims to be.
        for (k, q) in zip(keys, first) { #expect(close(StudentT(degreesOfFreedom: k.0).cdf(q), k.1, rel: 1e-13)) }
    }
}
