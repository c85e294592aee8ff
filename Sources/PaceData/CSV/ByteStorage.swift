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
/// of a `\r\n`, or the end of the content. Immutable after construction.
final class FieldTable: @unchecked Sendable {
    let ends: UnsafeMutablePointer<UInt32>
    let count: Int

    /// Takes ownership of the buffer's memory.
    init(adopting buffer: OffsetBuffer) {
        ends = buffer.base
        count = buffer.count
        capacity = buffer.capacity
    }

    let capacity: Int

    deinit { LargeAllocation.free(ends, bytes: capacity * 4) }
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

    /// Appends every offset of `other` and frees `other`'s memory.
    mutating func appendAndRelease(_ other: OffsetBuffer) {
        if count + other.count > capacity { grow(to: count + other.count) }
        memcpy(base + count, other.base, other.count * 4)
        count += other.count
        other.release()
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func release() { LargeAllocation.free(base, bytes: capacity * 4) }
}
