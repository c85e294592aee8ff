/// Streams JSON into an `OutputSink` without building a document in memory.
///
/// Call `beginObject`/`endObject`, `beginArray`/`endArray`, `key` (inside objects, before each
/// value) and the value functions; commas are inserted automatically. Strings are escaped per
/// RFC 8259 (`"`, `\`, control characters; other text is written as UTF-8). Numbers use
/// `formatNumber`; NaN and ±∞ become `null`. `pretty` indents with two spaces.
///
/// Misuse (a value without a key inside an object, unbalanced ends) is a programmer error and
/// traps in debug builds.
public final class JSONWriter {
    public let sink: OutputSink
    public let pretty: Bool
    /// One entry per open container: whether it is an object, and whether it has members.
    private var stack: [(isObject: Bool, hasMembers: Bool)] = []
    private var afterKey = false

    public init(sink: OutputSink, pretty: Bool = false) {
        self.sink = sink
        self.pretty = pretty
    }

    /// Whether every container has been closed.
    public var isComplete: Bool { stack.isEmpty }

    public func beginObject() {
        prepareValue()
        sink.write(byte: 0x7B)
        stack.append((true, false))
    }

    public func endObject() {
        close(0x7D, object: true)
    }

    public func beginArray() {
        prepareValue()
        sink.write(byte: 0x5B)
        stack.append((false, false))
    }

    public func endArray() {
        close(0x5D, object: false)
    }

    /// Writes a member name; the next call writes its value.
    public func key(_ name: String) {
        assert(stack.last?.isObject == true && !afterKey, "JSON key outside an object")
        separateMember()
        JSONWriter.writeString(name, to: sink)
        sink.write(byte: 0x3A)
        if pretty { sink.write(byte: 0x20) }
        afterKey = true
    }

    public func string(_ text: String) {
        prepareValue()
        JSONWriter.writeString(text, to: sink)
    }

    /// A number, or `null` when NaN or ±∞.
    public func number(_ x: Double) {
        prepareValue()
        sink.write(x.isFinite ? formatNumber(x) : "null")
    }

    public func number(_ n: Int) {
        prepareValue()
        sink.write(String(n))
    }

    /// An unsigned integer (a seed: above `Int.max` too), written exactly.
    public func number(_ n: UInt64) {
        prepareValue()
        sink.write(String(n))
    }

    /// A number, or `null` when `nil`, NaN or ±∞.
    public func number(_ x: Double?) {
        if let x { number(x) } else { null() }
    }

    public func bool(_ b: Bool) {
        prepareValue()
        sink.write(b ? "true" : "false")
    }

    public func null() {
        prepareValue()
        sink.write("null")
    }

    /// Convenience: `key(name)` then `string(value)` (or `null` for nil).
    public func member(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// Convenience: `key(name)` then `number(value)`.
    public func member(_ name: String, _ value: Double?) {
        key(name)
        number(value)
    }

    /// Convenience: `key(name)` then `number(value)`.
    public func member(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    /// Convenience: `key(name)` then `bool(value)`.
    public func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// The provenance `inputs` member (SPEC §7): an array of `{role, source, hash}` objects, the
    /// hash written as `fnv1a64w:HEX` (``ContentHash``).
    public func inputsMember(_ inputs: [(role: String, source: String, hash: String)]) {
        inputsMember(inputs.map { InputRecord(role: $0.role, source: $0.source, hash: $0.hash) })
    }

    /// ``inputsMember(_:)`` for ``InputRecord``s.
    public func inputsMember(_ inputs: [InputRecord]) {
        key("inputs")
        beginArray()
        for input in inputs {
            beginObject()
            member("role", input.role)
            member("source", input.source)
            member("hash", "fnv1a64w:" + input.hash)
            endObject()
        }
        endArray()
    }

    // MARK: - Layout

    private func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        assert(stack.last?.isObject != true, "JSON value inside an object needs a key")
        separateMember()
    }

    private func separateMember() {
        guard !stack.isEmpty else { return }
        if stack[stack.count - 1].hasMembers { sink.write(byte: 0x2C) }
        stack[stack.count - 1].hasMembers = true
        newline(depth: stack.count)
    }

    private func close(_ byte: UInt8, object: Bool) {
        assert(stack.last?.isObject == object && !afterKey, "unbalanced JSON container")
        let top = stack.removeLast()
        if top.hasMembers { newline(depth: stack.count) }
        sink.write(byte: byte)
    }

    private func newline(depth: Int) {
        guard pretty else { return }
        sink.write(byte: 0x0A)
        for _ in 0..<(2 * depth) { sink.write(byte: 0x20) }
    }

    // MARK: - Escaping

    /// The JSON string literal for `text`, quotes included: `"` and `\` escaped, C0 controls as `\n`, `\t`, … or
    /// `\u00XX`, and DEL and the C1 controls (U+007F–U+009F) as `\u007f`…`\u009f` — JSON allows them raw, but
    /// output piped to a terminal would pass them on (U+009B is a CSI). The one escaper of every JSON and JSON Lines
    /// writer (``JSONWriter``, ``JSONLinesWriter``).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u00" + hexByte(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func writeString(_ text: String, to sink: OutputSink) {
        var plain = true
        // Bytes that may need an escape: C0 controls, `"`, `\`, DEL, and 0xC2, the lead byte of U+0080–U+00BF (C1
        // controls among them).
        for b in text.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 {
            plain = false
            break
        }
        if plain {
            sink.write(byte: 0x22)
            sink.write(text)
            sink.write(byte: 0x22)
        } else {
            sink.write(quoted(text))
        }
    }

    static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }
}

/// One input file of a report (SPEC §7 provenance): its role (`data`, `targets`, `scheme`, `gap`, …), its name as
/// given, and the fingerprint of its bytes (``ContentHash``, 16 hex digits).
public struct InputRecord: Sendable, Equatable {
    public var role: String
    public var source: String
    public var hash: String
    public init(role: String, source: String, hash: String) {
        self.role = role
        self.source = source
        self.hash = hash
    }
}
