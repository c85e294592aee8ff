/// Bad input, located precisely: the message every command prints as
/// `pace: FILE:LINE:COL: what is wrong (found X, expected Y)`.
///
/// `line` and `column` are 1-based; `column` counts fields (CSV columns), not bytes, when the
/// problem is a cell, and is `nil` when the problem concerns a whole line or file.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: String
    public var found: String?
    public var expected: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String,
                found: String? = nil, expected: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.found = found
        self.expected = expected
    }

    public var description: String {
        var s = locationText(file: file, line: line, column: column)
        s += ": " + problem
        switch (found, expected) {
        case let (f?, e?): s += " (found \(InputError.quote(f)), expected \(e))"
        case let (f?, nil): s += " (found \(InputError.quote(f)))"
        case let (nil, e?): s += " (expected \(e))"
        case (nil, nil): break
        }
        return s
    }

    /// Shows a found value safely on one line: control characters escaped, long values cut.
    static func quote(_ value: String) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == 60 { out += "…"; break }
            if scalar == "\"" { out += "\\\"" } else { appendEscaping(scalar, to: &out) }
            count += 1
        }
        return "\"" + out + "\""
    }
}

/// `text` fit for a one-line message: control characters — a newline or tab in a region or series name, an escape
/// sequence — written as `\n`, `\r`, `\t` or `\u{1b}`, everything else as is. Messages (stderr diagnostics,
/// `pace check`'s findings) go through it; CSV and JSON output do not (their writers quote and escape).
public func escapingControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars { appendEscaping(scalar, to: &out) }
    return out
}

/// C0 controls, DEL and C1 controls (U+0080–U+009F, which some terminals act on).
private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

private func appendEscaping(_ scalar: Unicode.Scalar, to out: inout String) {
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
        if isControl(scalar) {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
}

/// `file`, `file:line` or `file:line:column` — how every diagnostic names where it applies.
func locationText(file: String, line: Int?, column: Int?) -> String {
    var s = file
    if let line { s += ":\(line)" }
    if let column { s += ":\(column)" }
    return s
}
