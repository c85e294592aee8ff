#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for big buffers (the CSV reader's, the gap loader's and writers'). Blocks of 4 MiB or more are anonymous mappings with
/// transparent huge pages requested, which cuts the page faults of filling tens of megabytes
/// of offsets roughly 500-fold; smaller blocks use malloc. The regime is a function of the
/// byte count, so `reallocate` and `free` need only the sizes.
@inline(__always)
private func cFree(_ p: UnsafeMutableRawPointer) {
    #if canImport(Glibc)
    Glibc.free(p)
    #else
    Darwin.free(p)
    #endif
}

public enum LargeAllocation {
    public static let threshold = 4 << 20

    public static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        if bytes >= threshold {
            guard let p = mapAnonymous(bytes) else { fatalError("out of memory (\(bytes) bytes)") }
            return p
        }
        guard let p = malloc(max(bytes, 16)) else { fatalError("out of memory (\(bytes) bytes)") }
        return p
    }

    public static func reallocate(_ p: UnsafeMutableRawPointer, from old: Int, to new: Int) -> UnsafeMutableRawPointer {
        if old < threshold && new < threshold { return realloc(p, max(new, 16))! }
        let q = allocate(bytes: new)
        memcpy(q, p, min(old, new))
        free(p, bytes: old)
        return q
    }

    public static func free(_ p: UnsafeMutableRawPointer, bytes: Int) {
        if bytes >= threshold {
            munmap(p, bytes)
        } else {
            cFree(p)
        }
    }

    static func mapAnonymous(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else { return nil }
        adviseHugePages(p, bytes: bytes)
        return p
    }

    /// Asks for transparent huge pages over the 2 MiB-aligned part of a block (a hint only).
    public static func adviseHugePages(_ p: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        let huge = UInt(2 << 20)
        let start = (UInt(bitPattern: p) + huge - 1) & ~(huge - 1)
        let end = (UInt(bitPattern: p) + UInt(bytes)) & ~(huge - 1)
        if end > start {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE)
        }
        #endif
    }
}
