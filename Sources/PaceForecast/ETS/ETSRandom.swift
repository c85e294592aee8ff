/// Pace's seeded pseudo-random generator for simulations (ETS sample paths, the gap analysis's model and
/// trend paths): xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64, with standard normals by Marsaglia's polar method (1964).
///
/// Reproducible everywhere: only integer operations, IEEE +, −, ×, ÷, √ and a portable logarithm
/// written here (no platform libm), so the same seed gives the same bits on every machine.
public struct ETSRandom: Sendable {
    private var s0, s1, s2, s3: UInt64
    private var spare: Double? = nil

    public init(seed: UInt64) {
        var z = seed
        func splitmix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal (polar method; the second variate of each pair is kept for the next call).
    public mutating func normal() -> Double {
        if let v = spare { spare = nil; return v }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let f = (-2 * Self.portableLog(s) / s).squareRoot()
            spare = v * f
            return u * f
        }
    }

    /// Natural logarithm of x ∈ (0, ∞) from +, −, ×, ÷ only: x = 2ᵉ·f with f ∈ [√½, √2),
    /// log x = e·ln 2 + 2·atanh((f − 1)/(f + 1)) by its odd power series (error < 1e-16 relative).
    static func portableLog(_ x: Double) -> Double {
        var e = Int(x.exponent)
        var f = x.significand  // [1, 2)
        if f > 1.4142135623730951 { f *= 0.5; e += 1 }
        let s = (f - 1) / (f + 1)
        let s2 = s * s
        var term = 1.0 / 25.0
        for k in stride(from: 23, through: 1, by: -2) { term = 1.0 / Double(k) + s2 * term }
        let ln2hi = 0.693147180369123816490, ln2lo = 1.90821492927058770002e-10
        return (Double(e) * ln2hi + 2 * s * term) + Double(e) * ln2lo
    }
}
