#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

extension CSVDocument {
    /// Reads and parses a whole CSV file; `nil` or `-` reads standard input (named `<stdin>`).
    /// - Throws: `InputError` naming the file when it cannot be opened or read, or for any
    ///   malformed content.
    public static func read(path: String?) throws -> CSVDocument {
        let useStdin = path == nil || path == "-"
        let source = useStdin ? "<stdin>" : path!
        let storage = try readAll(path: useStdin ? nil : path, source: source)
        return try CSVDocument(storage: storage, source: source)
    }

    /// The whole content of a file (or standard input for `nil`) in one malloc'd block.
    static func readAll(path: String?, source: String) throws(InputError) -> ByteStorage {
        var fd: Int32 = 0
        if let path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw fileError(source, "cannot open the file", errno) }
        }
        defer { if path != nil { close(fd) } }
        var info = stat()
        var capacity = 1 << 16
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw fileError(source, "cannot read the file", EISDIR)
            }
            if (info.st_mode & S_IFMT) == S_IFREG { capacity = max(Int(info.st_size) + 1, 16) }
        }
        if capacity > 1 << 20 {
            // Large regular files are mapped, not copied: no copy, no zeroed pages. Pages are
            // not pre-faulted (MAP_POPULATE): the two scanning threads fault their halves in
            // parallel, which measured no slower.
            let length = capacity - 1
            if let m = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED {
                return ByteStorage(mapping: m, length: length)
            }
        }
        var base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
            }
            let r = systemRead(fd, base + count, capacity - count)
            if r < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(base)
                throw fileError(source, "cannot read the file", code)
            }
            if r == 0 { break }
            count += r
        }
        return ByteStorage(adopting: base, count: count)
    }

    static func fileError(_ source: String, _ problem: String, _ code: Int32) -> InputError {
        let reason = String(cString: strerror(code))
        return InputError(file: source, problem: problem + ": " + reason)
    }
}
