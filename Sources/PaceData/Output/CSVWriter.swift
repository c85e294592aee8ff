/// Streams CSV (RFC 4180, `\n` line ends) into an `OutputSink`.
///
/// A field is quoted only when it must be: when it contains a comma, a quote, `\r` or `\n`,
/// or starts or ends with a space (so readers that trim do not change it). Inner quotes are
/// doubled. Numbers use `formatNumber` (non-finite values become empty cells, i.e. missing).
///
/// Build a row field by field (`field`, `missing`, `endRow`) or pass it whole (`writeRow`).
public final class CSVWriter {
    public let sink: OutputSink
    private var fieldsInRow = 0

    public init(sink: OutputSink) {
        self.sink = sink
    }

    /// Writes the header row.
    public func writeHeader(_ names: [String]) {
        writeRow(names)
    }

    /// Writes one row of text fields.
    public func writeRow(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    /// Appends a text field to the current row.
    public func field(_ text: String) {
        separate()
        CSVWriter.writeEscaped(text, to: sink)
    }

    /// Appends a number (empty when NaN or ±∞).
    public func field(_ x: Double) {
        separate()
        sink.write(formatNumber(x))
    }

    /// Appends an integer.
    public func field(_ n: Int) {
        separate()
        sink.write(String(n))
    }

    /// Appends an optional number: empty when `nil`.
    public func field(_ x: Double?) {
        if let x { field(x) } else { missing() }
    }

    /// Appends an empty (missing) field.
    public func missing() {
        separate()
    }

    /// Ends the current row.
    public func endRow() {
        sink.write(byte: 0x0A)
        fieldsInRow = 0
    }

    @inline(__always)
    private func separate() {
        if fieldsInRow > 0 { sink.write(byte: 0x2C) }
        fieldsInRow += 1
    }

    /// Whether `text` must be quoted in CSV.
    public static func needsQuotes(_ text: String) -> Bool { needsQuotes(utf8: text.utf8) }

    /// ``needsQuotes(_:)`` on the field's UTF-8 bytes (for writers that format into byte buffers).
    @inlinable
    public static func needsQuotes<Bytes: BidirectionalCollection>(utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
        if let first = utf8.first, first == 0x20 || utf8.last == 0x20 { return true }
        for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }

    /// The field as it appears in CSV: quoted with doubled inner quotes when needed.
    public static func escape(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    static func writeEscaped(_ text: String, to sink: OutputSink) {
        guard needsQuotes(text) else {
            sink.write(text)
            return
        }
        sink.write(byte: 0x22)
        for b in text.utf8 {
            if b == 0x22 { sink.write(byte: 0x22) }
            sink.write(byte: b)
        }
        sink.write(byte: 0x22)
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }
}
