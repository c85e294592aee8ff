/// A model string in which any letter may be `Z` ("choose automatically"), as in R's `ets(model = "ZZZ")`.
///
/// `nil` means "any": `ETSModelPattern(parsing: "ZZZ")` has every field `nil`; `"MAZ"` fixes error and
/// trend and lets the season be chosen. `damped == nil` tries damped and undamped trends.
public struct ETSModelPattern: Sendable, Hashable, CustomStringConvertible {
    public var error: Component?
    public var trend: Component?
    public var damped: Bool?
    public var season: Component?

    public init(error: Component? = nil, trend: Component? = nil, damped: Bool? = nil, season: Component? = nil) {
        self.error = error
        self.trend = trend
        self.damped = damped
        self.season = season
    }

    /// Fully automatic selection, R's `ets(y)`.
    public static let automatic = ETSModelPattern()

    /// Parses `"ZZZ"`, `"AAdN"`, `"MZM"`, … (case-sensitive letters N, A, M, Z; `d` after the trend
    /// letter means damped). A trend letter without `d` leaves damping to be chosen when the
    /// trend is `Z`, and means undamped otherwise — pass `damped:` to override.
    public init(parsing string: String, damped: Bool? = nil) throws(ETSError) {
        var letters = Array(string)
        var isDamped: Bool? = nil
        if letters.count == 4 {
            guard letters[2] == "d" else {
                throw .invalidModelString(string, reason: "four letters need 'd' (damped) as the third, e.g. AAdN")
            }
            letters.remove(at: 2)
            isDamped = true
        }
        guard letters.count == 3 else {
            throw .invalidModelString(string, reason: "expected three letters (error, trend, season) such as ANN, MAdM or ZZZ")
        }
        func component(_ c: Character, _ role: String) throws(ETSError) -> Component? {
            switch c {
            case "N": return Component.none
            case "A": return .additive
            case "M": return .multiplicative
            case "Z": return nil
            default:
                throw .invalidModelString(string, reason: "\(role) letter '\(c)' must be one of N, A, M, Z")
            }
        }
        let e = try component(letters[0], "error")
        if e == Component.none { throw .invalidModelString(string, reason: "the error letter must be A, M or Z, not N") }
        let t = try component(letters[1], "trend")
        let s = try component(letters[2], "season")
        if isDamped == true && t == Component.none {
            throw .invalidModelString(string, reason: "damped (d) needs a trend A, M or Z, the trend is N")
        }
        if isDamped == nil && t != nil { isDamped = false }
        if let damped { isDamped = damped }
        self.init(error: e, trend: t, damped: isDamped, season: s)
    }

    public var description: String {
        (error?.rawValue ?? "Z") + (trend?.rawValue ?? "Z") + (damped == true ? "d" : "") + (season?.rawValue ?? "Z")
    }
}
