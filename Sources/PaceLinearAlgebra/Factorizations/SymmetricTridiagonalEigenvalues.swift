/// Eigenvalues of small symmetric matrices by Householder tridiagonalisation and the implicit
/// symmetric QR algorithm with Wilkinson shifts (Golub & Van Loan, *Matrix Computations*, 4th ed.,
/// Alg. 8.3.1 and 8.3.3), on caller-provided buffers — no allocation, a few dozen square roots
/// for a 6 × 6 matrix where one-sided Jacobi needs hundreds.
///
/// Accuracy: each eigenvalue has an absolute error of a small multiple of ε‖A‖ (backward
/// stability), so the smallest eigenvalue of a Gram matrix has a relative error of about ε·κ(A)²;
/// callers that need high relative accuracy for ill-conditioned matrices use one-sided Jacobi.
enum SymmetricTridiagonalEigenvalues {
    /// Overwrites the symmetric k × k column-major matrix at `a` (both triangles) with scratch and
    /// writes its eigenvalues, unsorted, to `d` (k values); `e` holds k values of scratch.
    /// - Returns: false if the QR iteration did not converge within 30k steps.
    static func compute(_ a: UnsafeMutablePointer<Double>, _ k: Int,
                        eigenvalues d: UnsafeMutablePointer<Double>, work e: UnsafeMutablePointer<Double>) -> Bool {
        tridiagonalize(a, k, d, e)
        return implicitQR(d, e, k)
    }

    /// A = QTQᵀ with T tridiagonal: diagonal into `d`, off-diagonal into `e[0..<k−1]`.
    static func tridiagonalize(_ a: UnsafeMutablePointer<Double>, _ k: Int,
                               _ d: UnsafeMutablePointer<Double>, _ e: UnsafeMutablePointer<Double>) {
        for j in 0..<max(k - 2, 0) {
            // Reflector H = I − βvvᵀ mapping x = A[j+1..<k, j] to αe₁.
            let m = k - j - 1
            let x = a + j * k + j + 1
            var sigma2 = 0.0
            for i in 0..<m { sigma2 += x[i] * x[i] }
            let x0 = x[0]
            let tail = sigma2 - x0 * x0
            if !(tail > 0) {
                e[j] = x0
                continue
            }
            let sigma = sigma2.squareRoot()
            let alpha = x0 >= 0 ? -sigma : sigma
            let beta = 1 / (sigma * (sigma + abs(x0)))
            e[j] = alpha
            x[0] = x0 - alpha  // x now holds v
            // B ← HBH for the trailing m × m block B = A[j+1.., j+1..]:
            // p = βBv, w = p − (β/2)(pᵀv)v, B ← B − vwᵀ − wvᵀ.
            let b = a + (j + 1) * k + j + 1
            withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { pbuf in
                let p = pbuf.baseAddress!
                for i in 0..<m { p[i] = 0 }
                for c in 0..<m {
                    let col = b + c * k
                    let vc = x[c]
                    for i in 0..<m { p[i] += col[i] * vc }
                }
                var pv = 0.0
                for i in 0..<m { p[i] *= beta; pv += p[i] * x[i] }
                let h = beta / 2 * pv
                for i in 0..<m { p[i] -= h * x[i] }
                for c in 0..<m {
                    let col = b + c * k
                    let vc = x[c], wc = p[c]
                    for i in 0..<m { col[i] -= x[i] * wc + p[i] * vc }
                }
            }
        }
        for j in 0..<k { d[j] = a[j + j * k] }
        if k >= 2 { e[k - 2] = a[(k - 1) + (k - 2) * k] }
    }

    /// Implicit symmetric QR steps with Wilkinson shifts on (d, e) until every off-diagonal
    /// element is negligible: |eᵢ| ≤ ε(|dᵢ| + |dᵢ₊₁|).
    static func implicitQR(_ d: UnsafeMutablePointer<Double>, _ e: UnsafeMutablePointer<Double>, _ k: Int) -> Bool {
        let eps = Double.ulpOfOne
        var hi = k - 1
        var steps = 0
        while hi > 0 {
            if abs(e[hi - 1]) <= eps * (abs(d[hi - 1]) + abs(d[hi])) {
                hi -= 1
                continue
            }
            var lo = hi - 1
            while lo > 0 && abs(e[lo - 1]) > eps * (abs(d[lo - 1]) + abs(d[lo])) { lo -= 1 }
            steps += 1
            if steps > 30 * k { return false }
            // Wilkinson shift: the eigenvalue of the trailing 2 × 2 block nearer d[hi].
            let delta = (d[hi - 1] - d[hi]) / 2
            let b2 = e[hi - 1] * e[hi - 1]
            let root = (delta * delta + b2).squareRoot()
            let mu = d[hi] - b2 / (delta + (delta >= 0 ? root : -root))
            var x = d[lo] - mu
            var z = e[lo]
            for i in lo..<hi {
                // Rotation [c s; −s c] with c·x + s·z = r, −s·x + c·z = 0.
                let r = (x * x + z * z).squareRoot()
                let c = r == 0 ? 1 : x / r
                let s = r == 0 ? 0 : z / r
                if i > lo { e[i - 1] = r }
                let di = d[i], dn = d[i + 1], ei = e[i]
                let cc = c * c, ss = s * s, cs = c * s
                d[i] = cc * di + 2 * cs * ei + ss * dn
                d[i + 1] = ss * di - 2 * cs * ei + cc * dn
                e[i] = cs * (dn - di) + (cc - ss) * ei
                if i + 1 < hi {
                    x = e[i]
                    z = s * e[i + 1]
                    e[i + 1] *= c
                }
            }
        }
        return true
    }
}
