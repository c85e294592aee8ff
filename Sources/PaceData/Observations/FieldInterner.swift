#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a repeated text field (region, indicator, unit…) into a small integer
/// without allocating a String per row: data files are sorted by key more often than not, so
/// the field usually equals the previous row's and a byte comparison settles it.
struct FieldInterner {
    private(set) var table: [String] = []
    private var ids: [String: Int32] = [:]
    private var last: [UInt8] = []
    private var lastID: Int32 = -1

    /// The id of the field's text with ASCII spaces and tabs trimmed.
    mutating func intern(_ raw: UnsafeBufferPointer<UInt8>) -> Int32 {
        let bytes = raw.trimmingASCIISpaces()
        if lastID >= 0, bytes.count == last.count,
           bytes.count == 0 || last.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return lastID
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let id: Int32
        if let known = ids[text] {
            id = known
        } else {
            id = Int32(table.count)
            table.append(text)
            ids[text] = id
        }
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: bytes)
        lastID = id
        return id
    }

    /// The id of an already-made string.
    mutating func intern(_ text: String) -> Int32 {
        if let known = ids[text] { return known }
        let id = Int32(table.count)
        table.append(text)
        ids[text] = id
        return id
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes without leading and trailing ASCII spaces and tabs.
    @inline(__always)
    public func trimmingASCIISpaces() -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = count
        while lo < hi, self[lo] == 0x20 || self[lo] == 0x09 { lo += 1 }
        while hi > lo, self[hi - 1] == 0x20 || self[hi - 1] == 0x09 { hi -= 1 }
        if lo == 0 && hi == count { return self }
        return UnsafeBufferPointer(rebasing: self[lo..<hi])
    }
}
