/// A whole input file in memory, read but not yet parsed: for readers with a fast path of
/// their own that fall back to ``CSVDocument`` for everything else (e.g. the gap analysis'
/// observation loader), so the file is read once and a failed fast path costs no second read.
///
/// Immutable; the bytes stay valid while the value (or a document made from it) lives.
public struct LoadedFile: Sendable {
    /// The file path as given, or `<stdin>`.
    public let source: String
    let storage: ByteStorage

    /// Reads `path`, or standard input for `nil` or `-` (named `<stdin>`): the same file
    /// handling and messages as ``CSVDocument/read(path:)``.
    /// - Throws: `InputError` naming the file when it cannot be opened or read.
    public static func read(path: String?) throws -> LoadedFile {
        let useStdin = path == nil || path == "-"
        let source = useStdin ? "<stdin>" : path!
        return LoadedFile(source: source, storage: try CSVDocument.readAll(path: useStdin ? nil : path, source: source))
    }

    /// The bytes of `bytes` as a file read from `source` (tests, inline tables).
    public init(bytes: [UInt8], source: String) {
        self.init(source: source, storage: ByteStorage(copying: bytes))
    }

    init(source: String, storage: ByteStorage) {
        self.source = source
        self.storage = storage
    }

    /// The whole content (byte-order mark included).
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(storage.buffer)
    }

    /// The file parsed as CSV, without copying the bytes.
    /// - Throws: `InputError` for malformed content, exactly as ``CSVDocument/read(path:)``.
    public func csvDocument() throws -> CSVDocument {
        try CSVDocument(storage: storage, source: source)
    }

    /// The fingerprint ``CSVDocument/contentHashHex`` of the same bytes.
    public var contentHashHex: String { ContentHash.hex(ContentHash.fnv1a64w(storage)) }
}
