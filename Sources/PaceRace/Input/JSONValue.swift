import PaceData

/// A parsed JSON value that remembers the line it starts on, so bad input in a `pace gap`
/// JSON file can be reported as `FILE:LINE: …` like a CSV cell.
///
/// A small RFC 8259 reader for the horse race's input: objects keep member order, numbers
/// are read by `DecimalParser` (correctly rounded), nesting deeper than 256 is refused.
struct JSONValue: Sendable {
    indirect enum Node: Sendable {
        case object([(key: String, value: JSONValue)])
        case array([JSONValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    var node: Node
    /// 1-based line where the value starts.
    var line: Int

    /// The member `key` of an object (the first one if repeated).
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = node { return members.first { $0.key == key }?.value }
        return nil
    }

    /// A short description of the value for messages (`found …`).
    var summary: String {
        switch node {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let s): return s
        case .number(let x): return formatNumber(x)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Parses a whole JSON text.
    /// - Throws: `InputError` at the line of the first syntax error.
    static func parse(_ bytes: [UInt8], source: String) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes, source: source)
        return try parser.parseDocument()
    }

    /// Parses a sequence of JSON values separated by white space: one JSON document, or
    /// JSON Lines (one value per line).
    /// - Throws: `InputError` at the line of the first syntax error.
    static func parseSequence(_ bytes: [UInt8], source: String) throws -> [JSONValue] {
        var parser = JSONParser(bytes: bytes, source: source)
        return try parser.parseSequence()
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let source: String
    var i = 0
    var line = 1
    var depth = 0

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    mutating func parseDocument() throws -> JSONValue {
        let value = try parseValue()
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the JSON value", expected: "the end of the file") }
        return value
    }

    mutating func parseSequence() throws -> [JSONValue] {
        var values: [JSONValue] = []
        skipSpace()
        while i < bytes.count {
            values.append(try parseValue())
            skipSpace()
        }
        return values
    }

    func error(_ problem: String, expected: String) -> InputError {
        let found: String
        if i >= bytes.count {
            found = "end of file"
        } else {
            var end = i
            while end < bytes.count && end - i < 20 && bytes[end] != 0x0A { end += 1 }
            found = String(decoding: bytes[i..<max(end, i + 1)], as: UTF8.self)
        }
        return InputError(file: source, line: line, problem: "invalid JSON: " + problem, found: found,
                          expected: expected)
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A: line += 1; i += 1
            case 0x20, 0x09, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw error("unexpected end", expected: "a JSON value") }
        let start = line
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONValue(node: try parseObject(), line: start)
        case UInt8(ascii: "["): return JSONValue(node: try parseArray(), line: start)
        case UInt8(ascii: "\""): return JSONValue(node: .string(try parseString()), line: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(node: .bool(true), line: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(node: .bool(false), line: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(node: .null, line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(node: .number(try parseNumber()), line: start)
        default: throw error("unexpected character", expected: "a JSON value")
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw error("unexpected character", expected: "a JSON value")
        }
        i += w.count
    }

    mutating func enter() throws {
        depth += 1
        if depth > 256 { throw error("nested too deeply", expected: "at most 256 levels") }
    }

    mutating func parseObject() throws -> JSONValue.Node {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("expected a member name", expected: "a quoted name")
            }
            let key = try parseString()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("missing ':'", expected: "':'") }
            i += 1
            members.append((key, try parseValue()))
            skipSpace()
            guard i < bytes.count else { throw error("unclosed object", expected: "',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("unexpected character in an object", expected: "',' or '}'")
        }
    }

    mutating func parseArray() throws -> JSONValue.Node {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try parseValue())
            skipSpace()
            guard i < bytes.count else { throw error("unclosed array", expected: "',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("unexpected character in an array", expected: "',' or ']'")
        }
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("short \\u escape", expected: "four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("bad \\u escape", expected: "four hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func parseString() throws -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unclosed string", expected: "a closing '\"'") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw error("control character in a string", expected: "an escape such as \\n") }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unclosed string", expected: "a closing '\"'") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 && i + 1 < bytes.count
                    && bytes[i] == UInt8(ascii: "\\") && bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + ((low &- 0xDC00) & 0x3FF)
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                i -= 1
                throw error("unknown escape", expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseNumber() throws -> Double {
        let start = i
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                i += 1
            default:
                return try finishNumber(start)
            }
        }
        return try finishNumber(start)
    }

    mutating func finishNumber(_ start: Int) throws -> Double {
        let value = bytes[start..<i].withUnsafeBufferPointer { DecimalParser.parse($0) }
        guard let value else {
            i = start
            throw error("bad number", expected: "a finite JSON number")
        }
        return value
    }
}
