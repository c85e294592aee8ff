#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension CSVScanner {
    /// The offset where the header record certainly ends (a line end outside quotes), for
    /// validating its UTF-8 before decoding names; the content end when unclear.
    static func headerExtent(_ p: UnsafePointer<UInt8>, from start: Int, end n: Int) -> Int {
        var inQuotes = false
        var i = start
        while i < n {
            let c = p[i]
            if c == CSVByte.quote { inQuotes.toggle() } else if c == CSVByte.lf && !inQuotes { return i }
            i += 1
        }
        return n
    }

    struct Body {
        var ends: OffsetBuffer
        var second: OffsetBuffer? = nil
        var rows: Int
        var marks: [LineMark]
    }

    /// Results of one thread's plain scan (written by that thread only, read after the join).
    final class PlainJob: @unchecked Sendable {
        let p: UnsafePointer<UInt8>
        let start: Int
        let end: Int
        let columns: Int
        var ends: OffsetBuffer
        var outcome: PlainOutcome = .rows(0)
        var nonASCII: UInt64 = 0

        init(p: UnsafePointer<UInt8>, start: Int, end: Int, columns: Int, capacity: Int) {
            self.p = p
            self.start = start
            self.end = end
            self.columns = columns
            ends = OffsetBuffer(capacity: capacity)
        }

        func run() {
            var buffer = ends
            var acc: UInt64 = 0
            outcome = CSVScanner.scanPlain(p, start: start, end: end, columns: columns,
                                           into: &buffer, nonASCII: &acc)
            ends = buffer
            nonASCII = acc
        }
    }

    /// Scans the data records `p[start..<n]`: the plain scanner (on two threads for large
    /// files) when possible, otherwise — quotes, non-ASCII text to validate, or an error to
    /// locate precisely — the generic scanner.
    static func scanBody(_ p: UnsafePointer<UInt8>, start: Int, end n: Int, columns: Int,
                         firstLine: Int, source: String) throws(InputError) -> Body {
        let length = n - start
        // Estimate the field count from a sample so the offset buffer rarely grows.
        let sample = min(length, 1 << 16)
        var delimiters = 0
        for i in start..<(start + sample) where p[i] == CSVByte.comma || p[i] == CSVByte.lf {
            delimiters += 1
        }
        let perByte = Double(delimiters + 1) / Double(max(sample, 1))
        func capacity(_ bytes: Int) -> Int { Int(Double(bytes) * perByte * 1.05) + 64 }

        var jobs: [PlainJob] = []
        if CSVDocument.forceGenericScanner {
            // Testing only: straight to the byte-level scanner below.
        } else if length >= CSVDocument.parallelThreshold {
            var mid = start + length / 2
            if let q = memchr(p + mid, Int32(CSVByte.lf), n - mid) {
                mid = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
            } else {
                mid = n
            }
            jobs.append(PlainJob(p: p, start: start, end: mid, columns: columns, capacity: capacity(mid - start)))
            jobs.append(PlainJob(p: p, start: mid, end: n, columns: columns, capacity: capacity(n - mid)))
            let work = jobs
            DispatchQueue.concurrentPerform(iterations: work.count) { k in work[k].run() }
        } else {
            let job = PlainJob(p: p, start: start, end: n, columns: columns, capacity: capacity(length))
            job.run()
            jobs.append(job)
        }

        var plainOK = !jobs.isEmpty
        var nonASCII: UInt64 = 0
        var rowsBefore = 0
        for job in jobs {
            nonASCII |= job.nonASCII
            switch job.outcome {
            case .rows(let r): rowsBefore += r
            case .needsGeneric: plainOK = false
            }
        }
        // Non-ASCII text (names in other scripts) keeps the fast result once it is valid UTF-8.
        let bad = plainOK && nonASCII == 0
            ? Int.max : firstInvalidUTF8(p + start, count: length).map { $0 + start } ?? Int.max
        if plainOK && bad == Int.max {
            return Body(ends: jobs[0].ends, second: jobs.count > 1 ? jobs[1].ends : nil,
                        rows: rowsBefore, marks: [])
        }
        for job in jobs { job.ends.release() }

        // Slow path: scan byte by byte (quotes, or an error to locate exactly).
        var ends = OffsetBuffer(capacity: capacity(length))
        var marks: [LineMark] = []
        do {
            let rows = try scanGeneric(p, start: start, end: n, columns: columns, firstLine: firstLine,
                                       badUTF8: bad, source: source, into: &ends, marks: &marks)
            return Body(ends: ends, rows: rows, marks: marks)
        } catch {
            ends.release()
            throw error
        }
    }
}
