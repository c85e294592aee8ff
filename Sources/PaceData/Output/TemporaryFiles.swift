#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of unfinished atomic outputs (``OutputSink``), kept where a signal
/// handler can remove them: a fixed table of C strings, allocated once, walked without
/// allocating or locking. The CLI's handlers for SIGINT, SIGTERM and SIGBUS (a mapped input
/// file that shrank while being read) call ``removeAll()`` so an interrupted run leaves no
/// `.NAME.pace-tmp-…` file behind.
public enum TemporaryFiles {
    static let slots = 16
    static let slotBytes = 4096
    nonisolated(unsafe) private static var table: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var lock = pthread_mutex_t()

    /// Records `path`; returns its slot (nil when the table is full or the path too long: the
    /// file is then simply not removed by a signal).
    static func register(_ path: String) -> Int? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        if table == nil {
            let t = UnsafeMutablePointer<CChar>.allocate(capacity: slots * slotBytes)
            t.initialize(repeating: 0, count: slots * slotBytes)
            table = t
        }
        let bytes = Array(path.utf8)
        guard let t = table, bytes.count < slotBytes, !bytes.contains(0) else { return nil }
        for slot in 0..<slots where t[slot * slotBytes] == 0 {
            let at = t + slot * slotBytes
            for (k, b) in bytes.enumerated().reversed() { at[k] = CChar(bitPattern: b) }  // first byte last
            at[bytes.count] = 0
            return slot
        }
        return nil
    }

    /// Forgets the file of `slot` (committed or removed by its owner).
    static func unregister(_ slot: Int) {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        table?[slot * slotBytes] = 0
    }

    /// Removes every recorded file. Async-signal-safe: only `unlink` on the fixed table.
    public static func removeAll() { removeAll(prefix: nil, count: 0) }

    /// Removes the recorded files whose paths start with the `count` bytes at `prefix` (all
    /// for nil): the handlers' walk, which tests can confine to their own folder.
    static func removeAll(prefix: UnsafePointer<CChar>?, count: Int) {
        guard let t = table else { return }
        for slot in 0..<slots where t[slot * slotBytes] != 0 {
            let path = t + slot * slotBytes
            if let prefix, strncmp(path, prefix, count) != 0 { continue }
            _ = unlink(path)
        }
    }

    /// ``removeAll()`` for the files under `folder` only (tests run in parallel).
    static func removeAll(under folder: String) {
        let bytes = Array((folder + "/").utf8CString)
        bytes.withUnsafeBufferPointer { removeAll(prefix: $0.baseAddress, count: $0.count - 1) }
    }

    /// Whether `path` is recorded (for tests).
    static func contains(_ path: String) -> Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard let t = table else { return false }
        return (0..<slots).contains { t[$0 * slotBytes] != 0 && String(cString: t + $0 * slotBytes) == path }
    }
}
