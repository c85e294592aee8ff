/// Escaping of user text (region and indicator names, notes, file names) for each output.
public enum Escaping {
    /// Text for HTML and SVG element content and quoted attribute values: `& < > " '` become
    /// character references, so a region called `A & "B" <C>` cannot open a tag or end an
    /// attribute.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Text for a Markdown table cell or heading: CommonMark's backslash escapes for the
    /// characters that would start emphasis, code, links, HTML or end a cell, and line breaks
    /// become spaces.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\", "|", "*", "_", "`", "<", ">", "[", "]", "#":
                out += "\\"
                out.unicodeScalars.append(c)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
