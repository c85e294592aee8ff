/// The widest hardware floating-point type available: `Float80` (64-bit significand,
/// ε ≈ 5.4 × 10⁻²⁰) on x86-64 Linux and macOS-on-Intel, `Double` elsewhere (arm64 has no
/// extended type; the extended-precision kernels then run in double precision and the NIST
/// accuracy guarantees documented for x86-64 do not hold).
#if arch(x86_64) && !os(Windows)
public typealias ExtendedDouble = Float80
#else
public typealias ExtendedDouble = Double
#endif
