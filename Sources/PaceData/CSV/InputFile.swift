/// Whole-file input for readers that must look at the bytes before choosing a parser (e.g.
/// `pace race`, which accepts CSV or JSON): the same file handling and error messages as
/// ``CSVDocument/read(path:)``.
public enum InputFile {
    /// The content of `path`, or of standard input for `nil` or `-` (named `<stdin>`).
    /// - Throws: `InputError` naming the file when it cannot be opened or read.
    public static func readBytes(path: String?) throws -> (bytes: [UInt8], source: String) {
        let useStdin = path == nil || path == "-"
        let source = useStdin ? "<stdin>" : path!
        let storage = try CSVDocument.readAll(path: useStdin ? nil : path, source: source)
        return (Array(storage.buffer), source)
    }
}
