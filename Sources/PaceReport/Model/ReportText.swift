import PaceData

/// Formatting shared by both renderers, so both print the same digits.
public enum ReportText {
    /// A fraction as a percentage with one decimal, e.g. 0.4567 → "45.7"; empty for nil/NaN.
    public static func percent(_ x: Double?) -> String { fixed(x.map { $0 * 100 }, 1) }

    /// `x` rounded to `digits` decimals (``formatFixed(_:_:)``: exponent form beyond 9·10¹⁵); empty for nil or
    /// non-finite; no "-0.0".
    public static func fixed(_ x: Double?, _ digits: Int) -> String {
        guard let x else { return "" }
        return formatFixed(x, digits)
    }

    /// A number with about four significant digits for chart labels and values.
    public static func compact(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        let a = abs(x)
        if a == 0 { return "0" }
        if a >= 1000 { return fixed(x, 0) }
        if a >= 100 { return fixed(x, 1) }
        if a >= 1 { return fixed(x, 2) }
        return fixed(x, 3)
    }

    /// Signed points with one decimal, e.g. "+1.2", "-3.0".
    public static func points(_ x: Double?) -> String {
        let s = fixed(x, 1)
        if s.isEmpty || s.hasPrefix("-") || s == "0.0" { return s }
        return "+" + s
    }

    /// Rank change as "▲2", "▼1", "=" or "" (new).
    public static func rankChange(_ change: Int?) -> String {
        guard let change else { return "" }
        if change > 0 { return "▲" + String(change) }
        if change < 0 { return "▼" + String(-change) }
        return "="
    }

    /// A lower-case ASCII identifier from any text: letters and digits kept, runs of anything
    /// else become one `-`, and a short checksum keeps distinct names distinct.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        var hash: UInt32 = 2_166_136_261
        for b in text.utf8 {
            hash = (hash ^ UInt32(b)) &* 16_777_619
            let c = (b >= 65 && b <= 90) ? b + 32 : b
            if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                out.append(Character(Unicode.Scalar(c)))
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        let h = String(hash % 46_656, radix: 36)
        return out + (dash ? "" : "-") + h
    }
}
