#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceData

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

/// The whole content of a file, or of standard input for `nil` or `-` (named `<stdin>`).
/// - Throws: `InputError` naming the file when it cannot be opened or read.
func readInputBytes(path: String?) throws -> (bytes: [UInt8], source: String) {
    let useStdin = path == nil || path == "-"
    let source = useStdin ? "<stdin>" : path!
    var fd: Int32 = 0
    if !useStdin {
        fd = open(path!, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw InputError(file: source, problem: "cannot open the file: " + String(cString: strerror(errno)))
        }
    }
    defer { if !useStdin { close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        throw InputError(file: source, problem: "cannot read the file: " + String(cString: strerror(EISDIR)))
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let r = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
        if r < 0 {
            if errno == EINTR { continue }
            throw InputError(file: source, problem: "cannot read the file: " + String(cString: strerror(errno)))
        }
        if r == 0 { break }
        bytes.append(contentsOf: chunk[0..<r])
    }
    return (bytes, source)
}
