#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's results go: standard output, or a file written atomically.
///
/// - Buffered (64 KiB) and written with raw `write(2)`.
/// - With a path, bytes go to a temporary file in the same folder (`.NAME.pace-tmp-PID-N`),
///   which `commit()` flushes and renames over `NAME`. If the sink is discarded
///   without `commit()` (an error, a thrown input error), the temporary file is removed and
///   any previous `NAME` is left untouched: a failed run never leaves a partial file.
///   The file is not `fsync`ed: the rename makes the result appear whole to every reader,
///   and forcing it to disk (15–20 ms for the 18 MB national-panel gap output) would only
///   guard against a power cut in the seconds after the run — as `sed -i`, `sort -o` or
///   pandas' `to_csv`, pace leaves that to the file system.
/// - A closed pipe (`EPIPE`; the CLI ignores `SIGPIPE`) ends the process quietly with exit
///   status 0, like `head` expects. Other write errors are kept and thrown by `commit()`;
///   after one, further writes are dropped.
///
/// Not thread-safe: one writer thread per sink.
public final class OutputSink {
    /// The output file, or `<stdout>`.
    public let destination: String
    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    private let capacity = 1 << 16
    private var failure: OutputError?
    private var committed = false
    /// The temporary file's slot in ``TemporaryFiles`` (removed by a fatal signal).
    private var cleanupSlot: Int?

    /// A sink writing to standard output.
    public init() {
        destination = "<stdout>"
        fd = 1
        finalPath = nil
        temporaryPath = nil
        buffer = .allocate(capacity: capacity)
    }

    /// A sink writing atomically to `path`, or to standard output when `path` is nil or `-`.
    /// - Throws: `OutputError` when the temporary file cannot be created (missing folder, no
    ///   permission).
    public convenience init(path: String?) throws {
        if let path, path != "-" {
            try self.init(file: path)
        } else {
            self.init()
        }
    }

    private static let counter = Counter()

    private init(file path: String) throws {
        destination = path
        finalPath = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var opened: Int32 = -1
        var temporary = ""
        for _ in 0..<100 {
            temporary = folder + "." + name + ".pace-tmp-\(getpid())-\(OutputSink.counter.next())"
            opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if opened >= 0 || errno != EEXIST { break }
        }
        if opened < 0 {
            throw OutputError(destination: path, problem: "cannot create the output file: "
                              + String(cString: strerror(errno)))
        }
        // Keep the permissions of a file being replaced.
        var previous = stat()
        if stat(path, &previous) == 0 { _ = fchmod(opened, previous.st_mode & 0o7777) }
        fd = opened
        temporaryPath = temporary
        cleanupSlot = TemporaryFiles.register(temporary)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if let cleanupSlot { TemporaryFiles.unregister(cleanupSlot) }
        if let temporaryPath, !committed {
            close(fd)
            unlink(temporaryPath)
        } else if temporaryPath == nil && !committed {
            flushQuietly()
        }
        buffer.deallocate()
    }

    // MARK: - Writing

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        if bytes.count > capacity - used {
            flushBuffer()
            if bytes.count >= capacity {
                writeAll(bytes.baseAddress!, bytes.count)
                return
            }
        }
        (buffer + used).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        used += bytes.count
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) {
        if used == capacity { flushBuffer() }
        buffer[used] = byte
        used += 1
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Writes out the buffer (standard output stays open).
    public func flush() throws {
        flushBuffer()
        if let failure { throw failure }
    }

    /// Finishes the output: flushes; for a file, closes it and renames the temporary file over
    /// the destination. Call once, after the last write.
    /// - Throws: `OutputError` for any write, sync or rename failure (the temporary file is
    ///   then removed and the destination untouched).
    public func commit() throws {
        flushBuffer()
        if let failure { throw failure }
        guard let temporaryPath, let finalPath else {
            committed = true
            return
        }
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            committed = true
            throw OutputError(destination: destination, problem: "cannot write: " + reason)
        }
        committed = true
        let renamed = rename(temporaryPath, finalPath) == 0
        let reason = renamed ? "" : String(cString: strerror(errno))
        if !renamed { unlink(temporaryPath) }
        // After the rename (a signal in between finds no file to remove).
        if let cleanupSlot {
            TemporaryFiles.unregister(cleanupSlot)
            self.cleanupSlot = nil
        }
        if !renamed {
            throw OutputError(destination: destination, problem: "cannot replace the file: " + reason)
        }
    }

    // MARK: - Internals

    private func flushBuffer() {
        if used > 0 {
            writeAll(buffer, used)
            used = 0
        }
    }

    private func flushQuietly() {
        flushBuffer()
    }

    private func writeAll(_ p: UnsafeRawPointer, _ count: Int) {
        if failure != nil { return }
        var offset = 0
        while offset < count {
            let n = systemWrite(fd, p + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE {
                    // The reader went away (`pace … | head`): stop quietly and successfully.
                    exit(0)
                }
                failure = OutputError(destination: destination,
                                      problem: "cannot write: " + String(cString: strerror(errno)))
                return
            }
            offset += n
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// Distinct numbers for temporary file names within one process.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func next() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}
