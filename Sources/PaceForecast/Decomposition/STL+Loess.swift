#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numerical kernels of STL (Cleveland, Cleveland, McRae & Terpenning 1990, "STL: a
/// seasonal-trend decomposition procedure based on loess", *J. Official Statistics* 6:3–73),
/// written from the paper's description (section 2) and following the conventions of the
/// authors' published implementation that R's `stl` and statsmodels' `STL` share, so that
/// results agree with both:
///
/// - series positions are 1, 2, …, n (extrapolated cycle-subseries points sit at 0 and k + 1);
/// - the loess neighbourhood of q points around x has half-width h = the distance to its
///   farthest point, widened by ⌊(q − n)/2⌋ when q > n; tricube weights (1 − (d/h)³)³,
///   with weight 1 for d ≤ 0.001h and 0 for d > 0.999h;
/// - a degree-1 fit is skipped (the local mean is used) when the weighted spread of the
///   positions, √Σw(j − x̄)², is at most 0.001·(n − 1);
/// - with a jump J > 1, loess is evaluated at every J-th point (and the last) and linearly
///   interpolated in between.
///
/// All functions work on raw pointers into buffers the caller allocated once per
/// decomposition; nothing here allocates.
enum STLKernels {
    /// Loess estimate at position `xs` from y[nleft…nright] (1-based, inclusive), of the series
    /// y of length n, for a window of `len` points and degree `degree`. `w` is scratch of ≥ n
    /// values; `rw` robustness weights when `useWeights`. Returns nil when all weights vanish.
    @inline(__always)
    static func estimate(_ y: UnsafePointer<Double>, count n: Int, window len: Int, degree: Int,
                         at xs: Double, left nleft: Int, right nright: Int,
                         scratch w: UnsafeMutablePointer<Double>,
                         useWeights: Bool, weights rw: UnsafePointer<Double>) -> Double? {
        let range = Double(n) - 1
        var h = max(xs - Double(nleft), Double(nright) - xs)
        if len > n { h += Double((len - n) / 2) }
        let h9 = 0.999 * h, h1 = 0.001 * h
        var a = 0.0
        for j in nleft...nright {
            var wj = 0.0
            let r = abs(Double(j) - xs)
            if r <= h9 {
                if r <= h1 {
                    wj = 1
                } else {
                    let q = r / h
                    let u = 1 - q * q * q
                    wj = u * u * u
                }
                if useWeights { wj *= rw[j - 1] }
                a += wj
            }
            w[j - 1] = wj
        }
        guard a > 0 else { return nil }
        for j in nleft...nright { w[j - 1] /= a }
        if h > 0 && degree > 0 {
            var mean = 0.0
            for j in nleft...nright { mean += w[j - 1] * Double(j) }
            var b = xs - mean
            var c = 0.0
            for j in nleft...nright {
                let d = Double(j) - mean
                c += w[j - 1] * d * d
            }
            if c.squareRoot() > 0.001 * range {
                b /= c
                for j in nleft...nright { w[j - 1] *= b * (Double(j) - mean) + 1 }
            }
        }
        var ys = 0.0
        for j in nleft...nright { ys += w[j - 1] * y[j - 1] }
        return ys
    }

    /// Loess smoothing of y (length n) into ys (length n) with window `len`, degree and jump.
    static func smooth(_ y: UnsafePointer<Double>, count n: Int, window len: Int, degree: Int,
                       jump: Int, useWeights: Bool, weights rw: UnsafePointer<Double>,
                       into ys: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        if n < 2 {
            ys[0] = y[0]
            return
        }
        let newJump = min(jump, n - 1)
        var nleft = 1, nright = n
        @inline(__always) func fit(_ i: Int) {
            ys[i - 1] = estimate(y, count: n, window: len, degree: degree, at: Double(i), left: nleft,
                                 right: nright, scratch: scratch, useWeights: useWeights, weights: rw)
                ?? y[i - 1]
        }
        if len >= n {
            nleft = 1; nright = n
            for i in stride(from: 1, through: n, by: newJump) { fit(i) }
        } else if newJump == 1 {
            let half = (len + 1) / 2
            nleft = 1; nright = len
            for i in 1...n {
                if i > half && nright != n { nleft += 1; nright += 1 }
                fit(i)
            }
        } else {
            let half = (len + 1) / 2
            for i in stride(from: 1, through: n, by: newJump) {
                if i < half {
                    nleft = 1; nright = len
                } else if i >= n - half + 1 {
                    nleft = n - len + 1; nright = n
                } else {
                    nleft = i - half + 1; nright = len + i - half
                }
                fit(i)
            }
        }
        guard newJump != 1 else { return }
        for i in stride(from: 1, through: n - newJump, by: newJump) {
            let delta = (ys[i + newJump - 1] - ys[i - 1]) / Double(newJump)
            for j in (i + 1)..<(i + newJump) { ys[j - 1] = ys[i - 1] + delta * Double(j - i) }
        }
        let k = ((n - 1) / newJump) * newJump + 1
        if k != n {
            fit(n)   // with the neighbourhood of the last evaluated point, as the original does
            if k != n - 1 {
                let delta = (ys[n - 1] - ys[k - 1]) / Double(n - k)
                for j in (k + 1)..<n { ys[j - 1] = ys[k - 1] + delta * Double(j - k) }
            }
        }
    }

    /// Cycle-subseries smoothing: each of the `period` subseries of y (length n) is smoothed
    /// by loess and extended by one extrapolated point at each end; the result, of length
    /// n + 2·period, goes to `season` (position i of subseries j at (i − 1)·period + j − 1,
    /// with i = 0 … k + 1).
    static func cycleSubseries(_ y: UnsafePointer<Double>, count n: Int, period np: Int, window ns: Int,
                               degree: Int, jump: Int, useWeights: Bool, weights rw: UnsafePointer<Double>,
                               into season: UnsafeMutablePointer<Double>,
                               sub: UnsafeMutablePointer<Double>, subWeights: UnsafeMutablePointer<Double>,
                               smoothed: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        for j in 1...np {
            let k = (n - j) / np + 1
            for i in 1...k {
                sub[i - 1] = y[(i - 1) * np + j - 1]
                if useWeights { subWeights[i - 1] = rw[(i - 1) * np + j - 1] }
            }
            smooth(sub, count: k, window: ns, degree: degree, jump: jump, useWeights: useWeights,
                   weights: subWeights, into: smoothed + 1, scratch: scratch)
            smoothed[0] = estimate(sub, count: k, window: ns, degree: degree, at: 0, left: 1,
                                   right: min(ns, k), scratch: scratch, useWeights: useWeights,
                                   weights: subWeights) ?? smoothed[1]
            smoothed[k + 1] = estimate(sub, count: k, window: ns, degree: degree, at: Double(k + 1),
                                       left: max(1, k - ns + 1), right: k, scratch: scratch,
                                       useWeights: useWeights, weights: subWeights) ?? smoothed[k]
            for m in 1...(k + 2) { season[(m - 1) * np + j - 1] = smoothed[m - 1] }
        }
    }

    /// Moving average of length `len` of x (length n) into ave (length n − len + 1), by a
    /// running sum.
    static func movingAverage(_ x: UnsafePointer<Double>, count n: Int, length len: Int,
                              into ave: UnsafeMutablePointer<Double>) {
        let outCount = n - len + 1
        let flen = Double(len)
        var v = 0.0
        for i in 0..<len { v += x[i] }
        ave[0] = v / flen
        if outCount > 1 {
            for j in 1..<outCount {
                v = v - x[j - 1] + x[j + len - 1]
                ave[j] = v / flen
            }
        }
    }

    /// The low-pass filter of STL step 3: moving averages of lengths period, period and 3 of
    /// x (length n + 2·period), giving n values in `out`. `tmp1`, `tmp2` hold ≥ n + period + 1
    /// values.
    static func lowPassFilter(_ x: UnsafePointer<Double>, count nExtended: Int, period np: Int,
                              into out: UnsafeMutablePointer<Double>,
                              tmp1: UnsafeMutablePointer<Double>, tmp2: UnsafeMutablePointer<Double>) {
        movingAverage(x, count: nExtended, length: np, into: tmp1)
        movingAverage(tmp1, count: nExtended - np + 1, length: np, into: tmp2)
        movingAverage(tmp2, count: nExtended - 2 * np + 2, length: 3, into: out)
    }

    /// Robustness weights (paper, eq. in section 2.3): with r_i = |y_i − fit_i| and
    /// h = 6·median(r), ρ_i = B(r_i / h), B(u) = (1 − u²)² for u < 1, else 0 (weight 1 below
    /// 0.001h and 0 above 0.999h, as in the original program). The median of an even number of
    /// residuals is the mean of the two middle ones (statsmodels' correction).
    static func robustnessWeights(_ y: UnsafePointer<Double>, fit: UnsafePointer<Double>, count n: Int,
                                  into rw: UnsafeMutablePointer<Double>, sorted: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<n {
            let r = abs(y[i] - fit[i])
            rw[i] = r
            sorted[i] = r
        }
        var part = UnsafeMutableBufferPointer(rebasing: sorted[0..<n])
        part.sort()
        let median = n % 2 == 1 ? part[n / 2] : (part[n / 2 - 1] + part[n / 2]) / 2
        let cmad = 6 * median
        let c9 = 0.999 * cmad, c1 = 0.001 * cmad
        for i in 0..<n {
            let r = rw[i]
            if r <= c1 {
                rw[i] = 1
            } else if r <= c9 {
                let u = r / cmad
                let v = 1 - u * u
                rw[i] = v * v
            } else {
                rw[i] = 0
            }
        }
    }
}
