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
