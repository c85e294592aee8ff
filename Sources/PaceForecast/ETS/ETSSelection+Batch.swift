import Dispatch

extension ETS {
    /// Automatic selection (``select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:secondStartMargin:search:)``)
    /// of many series on `threads` threads.
    ///
    /// Contract: element i of the result is exactly what `select(series[i], …)` returns (or the error it
    /// throws), bit for bit, whatever `threads` is: each series is fitted on its own by one thread, with
    /// no shared state, and the work split is fixed in advance (series i goes to worker i mod `threads`;
    /// no work stealing, so the assignment does not depend on timing either). `threads` < 1 is treated
    /// as 1, and no more workers than series are started. The workers are run by
    /// `DispatchQueue.concurrentPerform`, which the calling thread joins; the call returns when every
    /// series is done.
    public static func selectBatch(_ series: [[Double]], period: Int = 1, pattern: ETSModelPattern = .automatic,
                                   criterion: ETSInformationCriterion = .aicc, allowMultiplicativeTrend: Bool = false,
                                   restrict: Bool = true, bounds: ETSBounds = .capped,
                                   polishMargin: Double = defaultPolishMargin,
                                   screeningTolerance: Double? = nil,
                                   secondStartMargin: Double = defaultSecondStartMargin,
                                   search: ETSSelectionSearch = .screened,
                                   threads: Int = 2) -> [Result<ETSSelection, ETSError>] {
        let count = series.count
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        @Sendable func one(_ i: Int) -> Result<ETSSelection, ETSError> {
            do {
                return .success(try select(series[i], period: period, pattern: pattern, criterion: criterion,
                                           allowMultiplicativeTrend: allowMultiplicativeTrend, restrict: restrict,
                                           bounds: bounds, polishMargin: polishMargin,
                                           screeningTolerance: screeningTolerance, secondStartMargin: secondStartMargin,
                                           search: search))
            } catch {
                return .failure(error)
            }
        }
        if workers == 1 { return (0..<count).map(one) }
        var slots = [Result<ETSSelection, ETSError>?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            // Each slot is written by exactly one worker (i mod workers), read only after the join.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < count {
                    out[i] = one(i)
                    i += workers
                }
            }
        }
        return slots.map { $0! }
    }
}
