extension RegressionModel {
    /// Checks shapes, finiteness, weights and n > k, in that order, naming the first offender.
    func validate() throws(RegressionError) {
        let n = response.count
        let regressorCount: Int
        switch terms {
        case .columns(let cols):
            guard cols.count == names.count else {
                throw .dimensionMismatch("\(cols.count) regressor columns but \(names.count) names")
            }
            for (j, c) in cols.enumerated() where c.count != n {
                throw .dimensionMismatch("column '\(names[j])' has \(c.count) values, '\(responseName)' has \(n)")
            }
            regressorCount = cols.count
        case .polynomial(let x, let degree):
            guard x.count == n else {
                throw .dimensionMismatch("'\(names.first ?? "x")' has \(x.count) values, '\(responseName)' has \(n)")
            }
            guard degree >= 0 else {
                throw .invalidOption(name: "degree", value: "\(degree)", expected: "a non-negative integer")
            }
            regressorCount = degree
        }
        if let w = weights, w.count != n {
            throw .dimensionMismatch("\(w.count) weights for \(n) observations")
        }
        let k = regressorCount + (intercept ? 1 : 0)
        guard k > 0 else { throw .dimensionMismatch("no parameters: no regressors and no intercept") }
        guard n > k else { throw .tooFewObservations(n: n, k: k) }
        if !Self.allFinite(response) {
            for (i, v) in response.enumerated() where !v.isFinite {
                throw .nonFinite(column: responseName, row: i + 1, value: v)
            }
        }
        switch terms {
        case .columns(let cols):
            for (j, c) in cols.enumerated() where !Self.allFinite(c) {
                for (i, v) in c.enumerated() where !v.isFinite {
                    throw .nonFinite(column: names[j], row: i + 1, value: v)
                }
            }
        case .polynomial(let x, _):
            for (i, v) in x.enumerated() where !v.isFinite {
                throw .nonFinite(column: names.first ?? "x", row: i + 1, value: v)
            }
        }
        try Self.checkMagnitudes(response, column: responseName)
        switch terms {
        case .columns(let cols):
            for (j, c) in cols.enumerated() { try Self.checkMagnitudes(c, column: names[j]) }
        case .polynomial(let x, _):
            try Self.checkMagnitudes(x, column: names.first ?? "x")
        }
        if let w = weights {
            for (i, v) in w.enumerated() where !(v.isFinite && v > 0) {
                throw .invalidWeight(row: i + 1, value: v)
            }
        }
    }

    /// The magnitudes a nonzero value may have: sums of squares of the data (residual sum of squares, the
    /// condition number's XᵀX, robust covariances' x²e²) must neither overflow nor underflow.
    public static let magnitudeRange: ClosedRange<Double> = 1e-150...1e150

    /// Throws `.outOfRange` for the first nonzero value whose magnitude is outside ``magnitudeRange``
    /// (values are finite here). One branch-free pass (the largest and smallest nonzero magnitudes);
    /// the loop that names the value runs only when there is one.
    static func checkMagnitudes(_ values: [Double], column: String) throws(RegressionError) {
        let inRange = values.withUnsafeBufferPointer { b -> Bool in
            var largest = 0.0, smallest = Double.infinity
            for v in b {
                let a = abs(v)
                largest = max(largest, a)
                smallest = min(smallest, a == 0 ? .infinity : a)
            }
            return largest <= magnitudeRange.upperBound && (smallest == .infinity || smallest >= magnitudeRange.lowerBound)
        }
        if inRange { return }
        for (i, v) in values.enumerated() where v != 0 && !magnitudeRange.contains(abs(v)) {
            throw .outOfRange(column: column, row: i + 1, value: v)
        }
    }

    /// Whether every value is finite: v·0 is ±0 for finite v and NaN for ±∞ and NaN; four
    /// independent sums keep the check branch-free and pipelined.
    static func allFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { b in
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i + 4 <= b.count {
                s0 += b[i] * 0; s1 += b[i + 1] * 0; s2 += b[i + 2] * 0; s3 += b[i + 3] * 0
                i += 4
            }
            while i < b.count { s0 += b[i] * 0; i += 1 }
            return (s0 + s1 + s2 + s3) == 0
        }
    }
}
