/// Per-series seeds for the gap simulations: the run's `--seed` mixed with the series' region and
/// indicator by FNV-1a, so each series gets its own stream of ``PaceForecast/ETSRandom`` (the one
/// generator of Pace's simulations) and a series' result does not depend on which other series
/// are in the file or on their order.
enum SeriesSeed {
    /// The seed of series (`region`, `indicator`) for a run seeded with `seed`; `salt` separates the
    /// streams of different methods.
    static func derive(region: String, indicator: String, seed: UInt64, salt: UInt64) -> UInt64 {
        fnv1a(indicator, into: fnv1a(region + "\u{1F}", into: seed ^ salt))
    }

    /// FNV-1a (64-bit) of a string's UTF-8 bytes, continuing from `hash`.
    static func fnv1a(_ text: String, into hash: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var h = hash
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }
}
