/// Sums of double-precision data accumulated in extended precision with four independent
/// partial sums (the additions of one sum would otherwise wait on each other).
public enum ExtendedSums {
    /// Σ vᵢ.
    public static func sum(_ v: [Double]) -> ExtendedDouble {
        v.withUnsafeBufferPointer { b in
            var s0: ExtendedDouble = 0, s1: ExtendedDouble = 0, s2: ExtendedDouble = 0, s3: ExtendedDouble = 0
            var i = 0
            while i &+ 4 <= b.count {
                s0 += ExtendedDouble(b[i]); s1 += ExtendedDouble(b[i + 1])
                s2 += ExtendedDouble(b[i + 2]); s3 += ExtendedDouble(b[i + 3])
                i &+= 4
            }
            while i < b.count { s0 += ExtendedDouble(b[i]); i &+= 1 }
            return (s0 + s1) + (s2 + s3)
        }
    }

    /// Σ (vᵢ − c)², each difference and square formed in extended precision.
    public static func sumOfSquares(_ v: [Double], about c: ExtendedDouble = 0) -> ExtendedDouble {
        v.withUnsafeBufferPointer { b in
            var s0: ExtendedDouble = 0, s1: ExtendedDouble = 0, s2: ExtendedDouble = 0, s3: ExtendedDouble = 0
            var i = 0
            while i &+ 4 <= b.count {
                let d0 = ExtendedDouble(b[i]) - c, d1 = ExtendedDouble(b[i + 1]) - c
                let d2 = ExtendedDouble(b[i + 2]) - c, d3 = ExtendedDouble(b[i + 3]) - c
                s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3
                i &+= 4
            }
            while i < b.count { let d = ExtendedDouble(b[i]) - c; s0 += d * d; i &+= 1 }
            return (s0 + s1) + (s2 + s3)
        }
    }
}
