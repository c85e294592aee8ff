/// A fingerprint of the input bytes for provenance ("a hash of its inputs", SPEC §7).
extension CSVDocument {
    /// FNV-1a (64-bit offset basis and prime) applied to the file's bytes taken as 8-byte
    /// little-endian words, then to the remaining 0–7 bytes one at a time, then to the length.
    /// Word-wise so a 70 MB file hashes in about 10 ms; any change of content or length
    /// changes it with overwhelming probability. Not a cryptographic hash.
    public var contentHash: UInt64 { ContentHash.fnv1a64w(storage) }

    /// `contentHash` as 16 lower-case hex digits.
    public var contentHashHex: String { ContentHash.hex(contentHash) }
}

/// The input fingerprint shared by ``CSVDocument``, ``LoadedFile`` and inputs read as raw bytes.
public enum ContentHash {
    /// ``CSVDocument/contentHashHex`` of bytes read some other way (e.g. JSON input), as 16 hex digits.
    public static func hex(of bytes: [UInt8]) -> String {
        hex(bytes.withUnsafeBytes { b in b.baseAddress.map { fnv1a64w($0, count: b.count) } ?? fnv1a64w(nil, count: 0) })
    }

    /// See ``CSVDocument/contentHash``.
    static func fnv1a64w(_ storage: ByteStorage) -> UInt64 {
        fnv1a64w(UnsafeRawPointer(storage.base), count: storage.count)
    }

    static func fnv1a64w(_ base: UnsafeRawPointer?, count: Int) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        let words = count / 8
        guard let base else { return (h ^ 0) &* prime }
        for i in 0..<words {
            h ^= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h &*= prime
        }
        for i in (words * 8)..<count {
            h ^= UInt64(base.load(fromByteOffset: i, as: UInt8.self))
            h &*= prime
        }
        h ^= UInt64(count)
        h &*= prime
        return h
    }

    /// 16 lower-case hex digits.
    static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.utf8.count) + s
    }
}
