/// Appends `formatNumber(x)` as UTF-8, with a fast path for the common case of a value that
/// is exactly a decimal with at most `decimals` places (what level/ytd conversions produce):
/// `m = x·10^d` is then an integer, and its digits with the point put back and trailing zeros
/// dropped are the shortest text that reads back as `x` — the same text `formatNumber` gives.
///
/// The fast path is taken only when it provably matches: `d ≤ 9`, `2⁻⁴ ≤ |x|`, `|m| < 2⁵⁰`
/// (so one decimal step is wider than the rounding interval of `x` and the digits are unique),
/// and `m / 10^d == x` checked exactly. Everything else goes through `formatNumber`.
@inlinable
public func appendNumber(_ x: Double, decimals: Int?, to buffer: inout [UInt8]) {
    if let d = decimals, d >= 0, d <= 9, x.isFinite, abs(x) >= 0.0625 {
        let scale = decimalScales[d]
        let m = (x * scale).rounded()
        if abs(m) < 1_125_899_906_842_624, m / scale == x {
            appendFixed(Int64(m), decimals: d, to: &buffer)
            return
        }
    }
    var text = formatNumber(x)
    text.withUTF8 { buffer.append(contentsOf: $0) }
}

/// `m · 10^−d` in plain notation without trailing zeros after the point, built right to left
/// in a 32-byte scratch and appended at once.
@usableFromInline
func appendFixed(_ m: Int64, decimals d: Int, to buffer: inout [UInt8]) {
    var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &scratch) { bytes in
        var n = m.magnitude
        var i = 32
        // Fraction digits, dropping trailing zeros.
        var keep = false
        for _ in 0..<d {
            let digit = UInt8(n % 10)
            n /= 10
            if digit != 0 || keep {
                keep = true
                i -= 1
                bytes[i] = 0x30 + digit
            }
        }
        if keep {
            i -= 1
            bytes[i] = 0x2E
        }
        repeat {
            i -= 1
            bytes[i] = UInt8(0x30 + n % 10)
            n /= 10
        } while n > 0
        if m < 0 {
            i -= 1
            bytes[i] = 0x2D
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<32]))
    }
}
