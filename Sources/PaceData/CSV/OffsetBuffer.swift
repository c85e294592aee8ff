#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
