#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A transformation applied to a series before filtering or decomposing it.
///
/// `.log` turns multiplicative structure (growth, seasonal factors) into additive structure;
/// results are then reported on the log scale (see each filter's documentation).
public enum SeriesTransform: String, Sendable, Hashable, CaseIterable {
    /// The series as given.
    case none
    /// The natural logarithm; every value must be positive.
    case log

    /// The transformed series. Throws `FilterError.nonFinite` for NaN or ±∞ and, for `.log`,
    /// `FilterError.nonPositive` naming the first value ≤ 0.
    public func apply(_ y: [Double]) throws -> [Double] {
        switch self {
        case .none:
            try FilterError.checkFinite(y)
            return y
        case .log:
            try FilterError.checkPositive(y, method: "the log transform")
            return y.map { naturalLog($0) }
        }
    }
}

@inline(__always) private func naturalLog(_ x: Double) -> Double { log(x) }
