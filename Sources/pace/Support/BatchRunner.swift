import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one independent job per series on a few threads and returns the results in input
/// order, so that the output is identical whatever the thread count.
///
/// Threads take the next unstarted index from a shared counter (dynamic balancing: series of
/// very different lengths do not leave a core idle); each result is written to its own slot.
/// A progress bar is drawn on standard error only when it is a terminal and there is more than
/// one job. The thread count is 2 (the machines Pace targets), or `PACE_THREADS` (1…64) when
/// set — for tests that compare one thread with two.
enum BatchRunner {
    static var threadCount: Int {
        if let text = getenv("PACE_THREADS").map({ String(cString: $0) }), let n = Int(text), n >= 1 {
            return min(n, 64)
        }
        return 2
    }

    static func map<T: Sendable, R: Sendable>(_ items: [T], label: String,
                                              _ job: @Sendable (T) -> R) -> [R] {
        let count = items.count
        if count == 0 { return [] }
        let threads = min(threadCount, count)
        let state = BatchState<R>(count: count, progress: count > 1 && isatty(2) != 0, label: label)
        if threads == 1 {
            for i in 0..<count { state.store(job(items[i]), at: i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let i = state.nextIndex() { state.store(job(items[i]), at: i) }
            }
        }
        state.finishProgress()
        return state.results()
    }
}

/// The shared state of one batch: the next index, the result slots and the progress display,
/// all behind one mutex (a job takes far longer than taking the lock).
final class BatchState<R: Sendable>: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var next = 0
    private var done = 0
    private var slots: [R?]
    private let count: Int
    private let progress: Bool
    private let label: String
    private var lastDrawn = -1

    init(count: Int, progress: Bool, label: String) {
        self.count = count
        self.progress = progress
        self.label = label
        slots = [R?](repeating: nil, count: count)
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    func nextIndex() -> Int? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: R, at index: Int) {
        pthread_mutex_lock(&lock)
        slots[index] = result
        done += 1
        if progress { draw() }
        pthread_mutex_unlock(&lock)
    }

    /// `\r label [=====     ] done/count` on stderr, redrawn when the bar moves by a step.
    private func draw() {
        let width = 30
        let filled = done * width / count
        let step = done * 200 / count
        if step == lastDrawn && done != count { return }
        lastDrawn = step
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        writeStandardError("\r\(label) [\(bar)] \(done)/\(count)")
    }

    func finishProgress() {
        if progress { writeStandardError("\r\u{1B}[K") }
    }

    func results() -> [R] { slots.map { $0! } }
}

/// Writes `text` to standard error unbuffered, retrying short writes (a failed write is dropped).
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
            if n <= 0 { break }
            offset += n
        }
    }
}
