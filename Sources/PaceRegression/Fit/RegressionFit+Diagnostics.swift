#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceLinearAlgebra
import PaceStatistics

/// The Jarque–Bera normality test of the residuals.
public struct JarqueBera: Sendable, Hashable {
    /// JB = n/6 · (S² + (K − 3)²/4).
    public let statistic: Double
    /// P(χ²₂ > JB) = exp(−JB/2).
    public let pValue: Double
    /// S = m₃ / m₂^{3/2} (moments about the mean, divisor n).
    public let skewness: Double
    /// K = m₄ / m₂² (not excess kurtosis; 3 for the normal).
    public let kurtosis: Double
}

extension RegressionFit {
    /// Durbin–Watson d = Σₜ₌₂ (eₜ − eₜ₋₁)² / Σ eₜ² on the weighted residuals (statsmodels);
    /// NaN for a perfect fit. Scale-free: computed on the residuals scaled as for ``jarqueBera``.
    public var durbinWatson: Double {
        let e = RegressionFit.scaledByPowerOfTwo(weightedResiduals)
        var num = 0.0, den = 0.0
        for i in 0..<e.count {
            den += e[i] * e[i]
            if i > 0 { let d = e[i] - e[i - 1]; num += d * d }
        }
        return den == 0 ? .nan : num / den
    }

    /// Jarque & Bera (1980) test on the weighted residuals (statsmodels' summary). The mean is
    /// subtracted before the moments are taken. NaN moments for a perfect fit.
    ///
    /// S and K are scale-free, so the moments are taken of the residuals divided by a power of two
    /// near their largest magnitude: exact (the same digits as unscaled), and finite for residuals of
    /// any size — m₄ of residuals near 1e80 would overflow to ∞ unscaled.
    public var jarqueBera: JarqueBera {
        let e = RegressionFit.scaledByPowerOfTwo(weightedResiduals)
        let nn = Double(e.count)
        var mean = 0.0
        for v in e { mean += v }
        mean /= nn
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for v in e {
            let d = v - mean, d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        m2 /= nn; m3 /= nn; m4 /= nn
        if m2 == 0 { return JarqueBera(statistic: .nan, pValue: .nan, skewness: .nan, kurtosis: .nan) }
        let s = m3 / (m2 * m2.squareRoot())
        let kurt = m4 / (m2 * m2)
        let jb = nn / 6 * (s * s + (kurt - 3) * (kurt - 3) / 4)
        return JarqueBera(statistic: jb, pValue: exp(-jb / 2), skewness: s, kurtosis: kurt)
    }

    /// `e` divided by 2^exponent(max|eᵢ|), so that the largest magnitude is in [1, 2): exact, unless tiny values
    /// next to the largest lose digits below 2^−1074 (where they count for nothing against it). `e` as it is when
    /// it is all zeros or holds a NaN or ±∞.
    static func scaledByPowerOfTwo(_ e: [Double]) -> [Double] {
        var largest = 0.0
        for v in e { largest = max(largest, abs(v)) }
        guard largest > 0, largest.isFinite, !e.contains(where: \.isNaN) else { return e }
        let exponent = Int(largest.exponent)
        guard exponent != 0 else { return e }
        // 2^−exponent may itself be out of range (largest subnormal or near the top): scale in two halves.
        let half = exponent / 2
        let a = Double(sign: .plus, exponent: -half, significand: 1)
        let b = Double(sign: .plus, exponent: half - exponent, significand: 1)
        return e.map { $0 * a * b }
    }

    /// Condition number of the (weighted) design as given: √(λ_max/λ_min) of AᵀA, i.e.
    /// σ_max(A)/σ_min(A) (statsmodels' `condition_number`; computed from the singular values of
    /// the triangular factor R, without forming AᵀA). Sensitive to the units of the columns.
    public var conditionNumber: Double {
        (try? rFactor.conditionNumber()) ?? .nan
    }
}
