import PaceData
/// Escaping of user text (region and indicator names, notes, file names) for each output.
public enum Escaping {
    /// Text for HTML and SVG element content and quoted attribute values: `& < > " '` become
    /// character references, so a region called `A & "B" <C>` cannot open a tag or end an
    /// attribute; control characters — C0 (tab, line feed and carriage return included), DEL and C1 (U+0080–U+009F) —
    /// are written visibly as in messages and tables (`\t`, `\n`, `\r`, `\u{1b}`), so none reaches the file raw.
    ///
    /// Not as character references: HTML makes `&#x1b;` and `&#x7f;` parse errors and reads `&#x80;`–`&#x9f;` as
    /// Windows-1252 (`&#x85;` is "…"), and raw they are parse errors too (bar tab, line feed, carriage return and form
    /// feed) and reach a terminal when the file is shown with `cat`. Tab and line breaks are escaped as well although
    /// HTML would take them: in element content they collapse to a space, so a region `A<TAB>B` would read as the
    /// region `A B` — the plain table shows `A\tB`, and so does the report.
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
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    out += escapingControlCharacters(String(c))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// Text for a Markdown table cell or heading: CommonMark's backslash escapes for the
    /// characters that would start emphasis, code, links, HTML or end a cell; control characters, line breaks
    /// included, are escaped as in messages (`\n`, `\t`, `\u{1b}`, with the backslash escaped), so a name stays on
    /// its line, reads as the plain table and the HTML report show it, and no escape sequence reaches a terminal.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\", "|", "*", "_", "`", "<", ">", "[", "]", "#":
                out += "\\"
                out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    out += "\\" + escapingControlCharacters(String(c))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}
