#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one CSV file in one malloc'd block, owned and freed by this object.
///
/// Immutable after construction, hence `@unchecked Sendable`: the pointer is only read.
final class ByteStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    /// Bytes to release: `munmap` them when `mapped`, else `free`.
    let mappedLength: Int?

    /// Takes ownership of `base` (allocated with `malloc`).
    init(adopting base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        mappedLength = nil
    }

    /// Takes ownership of a read-only file mapping of `length` bytes.
    init(mapping base: UnsafeMutableRawPointer, length: Int) {
        self.base = base.assumingMemoryBound(to: UInt8.self)
        count = length
        mappedLength = length
    }

    convenience init(copying bytes: [UInt8]) {
        let p = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { memcpy(p, s, src.count) }
        }
        self.init(adopting: p, count: bytes.count)
    }

    deinit {
        if let mappedLength { munmap(base, mappedLength) } else { free(base) }
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

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

/// A growable buffer of `UInt32` offsets for the scanner's hot loop: a plain struct so the
/// compiler checks exclusivity statically (no runtime access checks per append).
struct OffsetBuffer {
    var base: UnsafeMutablePointer<UInt32>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = LargeAllocation.allocate(bytes: self.capacity * 4).assumingMemoryBound(to: UInt32.self)
    }

    @inline(__always)
    mutating func append(_ offset: Int) {
        if _slowPath(count == capacity) { grow(to: capacity * 2) }
        base[count] = UInt32(truncatingIfNeeded: offset)
        count += 1
    }

    mutating func grow(to newCapacity: Int) {
        base = LargeAllocation.reallocate(base, from: capacity * 4, to: newCapacity * 4)
            .assumingMemoryBound(to: UInt32.self)
        capacity = newCapacity
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func release() { LargeAllocation.free(base, bytes: capacity * 4) }
}
