/// Nelder–Mead simplex minimisation (Nelder & Mead 1965, *Computer Journal* 7:308–313), with the
/// settings R's `optim(method = "Nelder-Mead")` uses: reflection 1, contraction ½, expansion 2,
/// shrink ½ towards the best vertex, relative stopping tolerance on the spread of the vertex values
/// (`VH ≤ VL + reltol·(|f₀| + reltol)`), non-finite values replaced by 10³⁵, and a cap on function
/// evaluations. Written from the published description of the algorithm.
///
/// Unlike R, the initial simplex may use one step per coordinate (``steps``); all work buffers
/// are allocated once per call.
struct NelderMead {
    var relativeTolerance: Double = 1.490116119384765625e-08  // sqrt(.Machine$double.eps)
    var maxEvaluations: Int = 2000
    var reflection = 1.0
    var contraction = 0.5
    var expansion = 2.0

    struct Result {
        var x: [Double]
        var value: Double
        var evaluations: Int
        /// 0 converged, 1 evaluation cap reached, 10 degenerate simplex.
        var status: Int
    }

    /// The moved coordinate of the j-th initial vertex: x₀ + step (a zero step becomes 0.1, and the step grows
    /// tenfold until the sum differs from x₀, as in R's `nmmin`).
    @inline(__always)
    static func initialCoordinate(_ x0: Double, step: Double) -> Double {
        var step = step == 0 ? 0.1 : step
        var value = x0 + step
        while value == x0 {
            step *= 10
            value = x0 + step
        }
        return value
    }

    /// The best (L, lowest value, first on ties) and worst (H, highest, first on ties) of the n + 1 vertex values.
    @inline(__always)
    static func extremes(_ V: UnsafeMutableBufferPointer<Double>, _ n: Int) -> (L: Int, H: Int, VL: Double, VH: Double) {
        var L = 0, H = 0
        var VL = V[0], VH = V[0]
        for j in 1...n {
            if V[j] < VL { VL = V[j]; L = j }
            if V[j] > VH { VH = V[j]; H = j }
        }
        return (L, H, VL, VH)
    }

    /// Minimises `f` from `start`; `steps[i]` is the initial simplex edge along coordinate i.
    /// Returns nil when f(start) is not finite.
    ///
    /// `f(x, cutoff)` receives a pointer to `start.count` doubles and a cutoff: it must return f(x)
    /// exactly when f(x) < cutoff, and may return any value ≥ cutoff (e.g. +∞) otherwise — the
    /// search only compares such trial values with the cutoff (a reflection or contraction with the
    /// worst vertex's value, an expansion with the reflection's), so the iterates, the evaluation count
    /// and the result are those of the plain method. Vertices are evaluated with cutoff +∞.
    func minimize(start: [Double], steps: [Double], _ f: (UnsafePointer<Double>, Double) -> Double) -> Result? {
        let n = start.count
        if n >= 1 && n <= 4 { return minimizeSmall(SIMD4<Double>.self, start: start, steps: steps, f) }
        if n >= 5 && n <= 8 { return minimizeSmall(SIMD8<Double>.self, start: start, steps: steps, f) }
        return minimizeGeneral(start: start, steps: steps, f)
    }

    /// ``minimize(start:steps:_:)`` for any n, coordinates in flat buffers.
    func minimizeGeneral(start: [Double], steps: [Double], _ f: (UnsafePointer<Double>, Double) -> Double) -> Result? {
        let n = start.count
        let big = 1.0e35
        let cols = n + 1
        // simplex: (n+1) vertices of n coordinates, plus values.
        var simplex = [Double](repeating: 0, count: cols * n)
        var values = [Double](repeating: 0, count: cols)
        var centroid = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var trial2 = [Double](repeating: 0, count: n)
        var vertexSum = [Double](repeating: 0, count: n)
        var evaluations = 0
        func eval(_ x: UnsafePointer<Double>, _ cutoff: Double = .infinity) -> Double {
            evaluations += 1
            let v = f(x, cutoff)
            return v.isFinite ? v : big
        }
        let f0 = start.withUnsafeBufferPointer { eval($0.baseAddress!) }
        guard f0 < big else { return nil }
        if n == 0 { return Result(x: start, value: f0, evaluations: 1, status: 0) }
        let convtol = relativeTolerance * (abs(f0) + relativeTolerance)
        var status = 1
        simplex.withUnsafeMutableBufferPointer { P in
            values.withUnsafeMutableBufferPointer { V in
                centroid.withUnsafeMutableBufferPointer { C in
                    trial.withUnsafeMutableBufferPointer { R in
                        trial2.withUnsafeMutableBufferPointer { E in
                          vertexSum.withUnsafeMutableBufferPointer { S in
                            for i in 0..<n { P[i] = start[i] }
                            V[0] = f0
                            for j in 1...n {
                                let base = j * n
                                for i in 0..<n { P[base + i] = start[i] }
                                P[base + j - 1] = Self.initialCoordinate(start[j - 1], step: steps[j - 1])
                                V[j] = eval(P.baseAddress! + base)
                            }
                            var sumStale = true
                            var lastSize = 0.0
                            for j in 1...n { lastSize += abs(P[j * n + j - 1] - start[j - 1]) }
                            while true {
                                let (L, H, VL, VH) = Self.extremes(V, n)
                                if VH <= VL + convtol { status = 0; break }
                                if evaluations > maxEvaluations { status = 1; break }
                                // centroid of all vertices but H, from the running vertex sum
                                if sumStale {
                                    for i in 0..<n { S[i] = 0 }
                                    for j in 0...n {
                                        let base = j * n
                                        for i in 0..<n { S[i] += P[base + i] }
                                    }
                                    sumStale = false
                                }
                                let hb = H * n
                                let inv = 1.0 / Double(n)
                                for i in 0..<n { C[i] = (S[i] - P[hb + i]) * inv }
                                for i in 0..<n { R[i] = (1 + reflection) * C[i] - reflection * P[hb + i] }
                                let VR = eval(R.baseAddress!, VH)
                                if VR < VL {
                                    for i in 0..<n { E[i] = expansion * R[i] + (1 - expansion) * C[i] }
                                    let VE = eval(E.baseAddress!, VR)
                                    if VE < VR {
                                        for i in 0..<n { S[i] += E[i] - P[hb + i]; P[hb + i] = E[i] }
                                        V[H] = VE
                                    } else {
                                        for i in 0..<n { S[i] += R[i] - P[hb + i]; P[hb + i] = R[i] }
                                        V[H] = VR
                                    }
                                    continue
                                }
                                if VR < VH {
                                    for i in 0..<n { S[i] += R[i] - P[hb + i]; P[hb + i] = R[i] }
                                    V[H] = VR
                                }
                                for i in 0..<n { E[i] = (1 - contraction) * P[hb + i] + contraction * C[i] }
                                let VC = eval(E.baseAddress!, V[H])
                                if VC < V[H] {
                                    for i in 0..<n { S[i] += E[i] - P[hb + i]; P[hb + i] = E[i] }
                                    V[H] = VC
                                    continue
                                }
                                // Shrink only when the reflection was no better than the worst vertex.
                                if VR < VH { continue }
                                // shrink towards L
                                sumStale = true
                                let lb = L * n
                                var size = 0.0
                                for j in 0...n where j != L {
                                    let base = j * n
                                    for i in 0..<n {
                                        let v = contraction * (P[base + i] - P[lb + i]) + P[lb + i]
                                        size += abs(v - P[lb + i])
                                        P[base + i] = v
                                    }
                                    V[j] = eval(P.baseAddress! + base)
                                }
                                if size >= lastSize { status = 10; break }
                                lastSize = size
                            }
                          }
                        }
                    }
                }
            }
        }
        var best = 0
        for j in 1...n where values[j] < values[best] { best = j }
        return Result(x: Array(simplex[(best * n)..<(best * n + n)]), value: values[best], evaluations: evaluations, status: status)
    }
}

extension NelderMead {
    /// ``minimize(start:steps:_:)`` for 1 ≤ n ≤ `V.scalarCount` (the non-seasonal ETS models and the quarterly
    /// seasonal ones): the same iterations with every vertex, the centroid and the trial points held in one SIMD
    /// vector each (lanes ≥ n stay 0). Each lane performs the general loop's scalar operations in the same order
    /// (no fused multiply–adds), so values, evaluation counts and results are bit-identical; the per-coordinate
    /// loops of the general code become a few vector instructions.
    func minimizeSmall<V: SIMD>(_: V.Type, start: [Double], steps: [Double],
                                _ f: (UnsafePointer<Double>, Double) -> Double) -> Result? where V.Scalar == Double {
        let n = start.count
        precondition(n >= 1 && n <= V.scalarCount)
        let big = 1.0e35
        var evaluations = 0
        @inline(__always)
        func eval(_ point: V, _ cutoff: Double = .infinity) -> Double {
            evaluations += 1
            var p = point
            let v = withUnsafePointer(to: &p) {
                $0.withMemoryRebound(to: Double.self, capacity: V.scalarCount) { f($0, cutoff) }
            }
            return v.isFinite ? v : big
        }
        var x0 = V()
        for i in 0..<n { x0[i] = start[i] }
        let f0 = eval(x0)
        guard f0 < big else { return nil }
        let convtol = relativeTolerance * (abs(f0) + relativeTolerance)
        var status = 1
        var P = [V](repeating: x0, count: n + 1)
        var values = [Double](repeating: 0, count: n + 1)
        values[0] = f0
        for j in 1...n {
            P[j][j - 1] = Self.initialCoordinate(start[j - 1], step: steps[j - 1])
            values[j] = eval(P[j])
        }
        var S = V()
        var sumStale = true
        var lastSize = 0.0
        for j in 1...n { lastSize += abs(P[j][j - 1] - start[j - 1]) }
        let inv = 1.0 / Double(n)
        P.withUnsafeMutableBufferPointer { P in
            values.withUnsafeMutableBufferPointer { V in
                while true {
                    let (L, H, VL, VH) = Self.extremes(V, n)
                    if VH <= VL + convtol { status = 0; break }
                    if evaluations > maxEvaluations { status = 1; break }
                    if sumStale {
                        S = .zero
                        for j in 0...n { S += P[j] }
                        sumStale = false
                    }
                    let C = (S - P[H]) * inv
                    let R = (1 + reflection) * C - reflection * P[H]
                    let VR = eval(R, VH)
                    if VR < VL {
                        let E = expansion * R + (1 - expansion) * C
                        let VE = eval(E, VR)
                        if VE < VR {
                            S += E - P[H]; P[H] = E
                            V[H] = VE
                        } else {
                            S += R - P[H]; P[H] = R
                            V[H] = VR
                        }
                        continue
                    }
                    if VR < VH {
                        S += R - P[H]; P[H] = R
                        V[H] = VR
                    }
                    let E = (1 - contraction) * P[H] + contraction * C
                    let VC = eval(E, V[H])
                    if VC < V[H] {
                        S += E - P[H]; P[H] = E
                        V[H] = VC
                        continue
                    }
                    // Shrink only when the reflection was no better than the worst vertex.
                    if VR < VH { continue }
                    sumStale = true
                    let best = P[L]
                    var size = 0.0
                    for j in 0...n where j != L {
                        var vertex = P[j]
                        for i in 0..<n {
                            let v = contraction * (vertex[i] - best[i]) + best[i]
                            size += abs(v - best[i])
                            vertex[i] = v
                        }
                        P[j] = vertex
                        V[j] = eval(vertex)
                    }
                    if size >= lastSize { status = 10; break }
                    lastSize = size
                }
            }
        }
        var best = 0
        for j in 1...n where values[j] < values[best] { best = j }
        return Result(x: (0..<n).map { P[best][$0] }, value: values[best], evaluations: evaluations, status: status)
    }
}
