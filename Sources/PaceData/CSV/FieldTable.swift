/// The end offset of every field, row-major (`row * columns + column`), owned by this object.
///
/// An end is the offset of the byte that terminates the field: the comma, the `\n`, the `\r`
/// of a `\r\n`, or the end of the content. Stored in one or two segments (the two halves
/// scanned by two threads are kept as they are instead of being copied together).
/// Immutable after construction.
final class FieldTable: @unchecked Sendable {
    let first: OffsetBuffer
    let second: OffsetBuffer?

    /// Takes ownership of the buffers' memory.
    init(adopting first: OffsetBuffer, _ second: OffsetBuffer? = nil) {
        self.first = first
        self.second = second
    }

    var count: Int { first.count + (second?.count ?? 0) }

    var ends: FieldEnds {
        let split = first.count
        let secondBase = second.map { UnsafePointer($0.base) } ?? UnsafePointer(first.base)
        return FieldEnds(first: UnsafePointer(first.base), secondShifted: secondBase - split, split: split)
    }

    deinit {
        first.release()
        second?.release()
    }
}

/// A read-only view of a `FieldTable` for hot loops; valid while the table is alive.
struct FieldEnds {
    let first: UnsafePointer<UInt32>
    /// The second segment's base minus `split`, so that `secondShifted[k]` is entry `k`.
    let secondShifted: UnsafePointer<UInt32>
    let split: Int

    @inline(__always)
    subscript(k: Int) -> Int {
        Int((k < split ? first : secondShifted)[k])
    }
}
