#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PaceRegression

/// A deterministic trend regression: linear, log-linear (constant growth) or quadratic in time,
/// optionally with seasonal dummies and level-shift (break) dummies, fitted by OLS.
///
/// Design, with t = 1, …, n (R `tslm`'s `trend`):
/// - `.linear`: y = β₀ + β₁t (+ dummies) + ε
/// - `.logLinear`: log y = β₀ + β₁t (+ dummies) + ε — y grows by a factor e^β₁ per period
///   (every y must be positive)
/// - `.quadratic`: y = β₀ + β₁t + β₂t² (+ dummies) + ε
/// - seasonal dummies `season2` … `season<m>` for positions 2…m of the period (position 1 is
///   the baseline); observation i (0-based) is at position (i + `seasonOffset`) mod m + 1
/// - break dummies `break@b`: 1 from index b (0-based) on, 0 before it — a level shift
///
/// Forecasts (``TrendFit/forecast(horizon:level:)``) carry regression prediction intervals
/// ŷ ± t_{n−k, (1+level)/2} √(se(ŷ)² + σ̂²). For the log-linear model both the point forecast
/// and the interval are exp of the log-scale ones: the point is the *median* exp(μ̂) of the
/// lognormal forecast distribution, and ``TrendForecast/lognormalMean`` offers the mean
/// exp(μ̂ + s²/2), s² = se(ŷ)² + σ̂².
///
/// Selection (``select(_:shapes:seasonalPeriod:seasonOffset:breaks:)``) is by AICc with the
/// log-likelihood on the scale of y — for the log-linear model the Jacobian −Σ log yₜ is added,
/// so that all shapes are comparable — and p = k + 1 parameters (k coefficients and σ², as
/// R's `AIC`): AIC = −2ℓ + 2p, AICc = AIC + 2p(p + 1)/(n − p − 1).
public struct TrendModel: Sendable, Hashable {
    /// The shape of the trend.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        case linear
        case logLinear = "log-linear"
        case quadratic
    }

    public var shape: Shape
    /// The period of the seasonal dummies (≥ 2), or nil for none.
    public var seasonalPeriod: Int?
    /// Position in the period of the first observation, 0-based (e.g. 2 for a quarterly
    /// series starting in Q3).
    public var seasonOffset: Int
    /// Indices (0-based) from which a level-shift dummy is 1; each must be in 1..<n.
    public var breaks: [Int]

    public init(shape: Shape, seasonalPeriod: Int? = nil, seasonOffset: Int = 0, breaks: [Int] = []) {
        self.shape = shape
        self.seasonalPeriod = seasonalPeriod
        self.seasonOffset = seasonOffset
        self.breaks = breaks
    }

    /// Names of the regressors, in design order (the intercept `const` comes first in the fit).
    public var regressorNames: [String] {
        var names = ["trend"]
        if shape == .quadratic { names.append("trend^2") }
        if let m = seasonalPeriod, m >= 2 { names += (2...m).map { "season\($0)" } }
        names += breaks.map { "break@\($0)" }
        return names
    }

    /// One row of regressors for observation `index` (0-based; ≥ n for forecasts).
    func row(index i: Int) -> [Double] {
        let t = Double(i + 1)
        var r = [t]
        if shape == .quadratic { r.append(t * t) }
        if let m = seasonalPeriod, m >= 2 {
            let position = ((i + seasonOffset) % m + m) % m
            for s in 1..<m { r.append(position == s ? 1 : 0) }
        }
        for b in breaks { r.append(i >= b ? 1 : 0) }
        return r
    }

    func validate(_ y: [Double]) throws {
        if let m = seasonalPeriod, m < 2 {
            throw FilterError.invalidParameter(name: "seasonalPeriod", value: "\(m)", constraint: "at least 2")
        }
        for b in breaks where b < 1 || b >= y.count {
            throw FilterError.invalidParameter(name: "break", value: "\(b)",
                                               constraint: "an index in 1..<\(y.count) (the series has \(y.count) values)")
        }
        if Set(breaks).count != breaks.count {
            throw FilterError.invalidParameter(name: "breaks", value: "\(breaks)", constraint: "distinct indices")
        }
        let k = regressorNames.count + 1
        guard y.count > k else {
            throw FilterError.tooShort(method: "the \(shape.rawValue) trend model", count: y.count, minimum: k + 1,
                                       reason: "more observations than its \(k) coefficients")
        }
        if shape == .logLinear {
            try FilterError.checkPositive(y, method: "the log-linear trend")
        } else {
            try FilterError.checkFinite(y)   // magnitudes beyond 1e±150: RegressionError.outOfRange from the fit
        }
    }

    /// Fits the model by OLS. Throws `FilterError` for NaN/±∞ or (log-linear) non-positive
    /// values naming the index, invalid settings or too few observations, and
    /// `RegressionError.rankDeficient` when dummies are collinear (e.g. a break on a season
    /// boundary that the data cannot separate).
    public func fit(_ y: [Double]) throws -> TrendFit {
        try validate(y)
        let n = y.count
        let response = shape == .logLinear ? y.map { log($0) } : y
        let names = regressorNames
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: names.count)
        for i in 0..<n {
            let r = row(index: i)
            for j in 0..<names.count { columns[j][i] = r[j] }
        }
        let model = RegressionModel(response: response, regressors: columns, names: names, intercept: true,
                                    responseName: shape == .logLinear ? "log y" : "y")
        let regression = try model.fit()
        // Residuals at the level of rounding (e.g. a constant or an exactly linear series): the
        // likelihood is unbounded, and the finite value rounding gives would rank such fits by
        // noise. They get ℓ = +∞ and AICc = −∞; `select` orders ties by fewer coefficients.
        let scale = response.reduce(0) { max($0, abs($1)) }
        let exact = (regression.residualSumOfSquares / Double(n)).squareRoot() <= TrendFit.exactFitTolerance * scale
        var logLikelihood = exact ? .infinity : regression.logLikelihood
        if shape == .logLinear && !exact { logLikelihood -= response.reduce(0, +) }   // Jacobian of y ↦ log y
        let p = Double(regression.k + 1)
        let aic = -2 * logLikelihood + 2 * p
        let dn = Double(n)
        let aicc = dn - p - 1 > 0 ? aic + 2 * p * (p + 1) / (dn - p - 1) : .infinity
        let fitted = shape == .logLinear ? regression.fittedValues.map { exp($0) } : regression.fittedValues
        return TrendFit(model: self, observationCount: n, regression: regression, fittedValues: fitted,
                        logLikelihood: logLikelihood, aic: aic, aicc: aicc)
    }

    /// Fewest observations ``select(_:shapes:seasonalPeriod:seasonOffset:breaks:)`` ranks (AICc of a 3-parameter
    /// trend needs n > 4).
    public static let minimumSelectionCount = 5

    /// Fits every combination of `shapes` × {without, with seasonal dummies (when
    /// `seasonalPeriod` is given)} × {without, with the `breaks` (when given)} and ranks them by
    /// AICc (smallest first; exact fits, AICc −∞, by fewer coefficients). Log-linear candidates are skipped when some y ≤ 0; candidates
    /// with too few observations or collinear dummies are skipped. Throws when none can be
    /// fitted (the error of the first candidate), and below ``minimumSelectionCount`` observations.
    public static func select(_ y: [Double], shapes: [Shape] = Shape.allCases, seasonalPeriod: Int? = nil,
                              seasonOffset: Int = 0, breaks: [Int] = []) throws -> TrendSelection {
        try FilterError.checkFinite(y)
        // AICc needs n > p + 1; the smallest candidate (a linear or log-linear trend) has p = 3.
        guard y.count >= minimumSelectionCount else {
            throw FilterError.tooShort(method: "trend selection by AICc", count: y.count, minimum: minimumSelectionCount,
                                       reason: "AICc of the smallest candidate, 2 coefficients and σ, needs n > p + 1")
        }
        let positive = y.allSatisfy { $0 > 0 }
        var fits: [TrendFit] = []
        var firstError: Error?
        for shape in shapes where shape != .logLinear || positive {
            for period in seasonalPeriod.map({ [nil, $0] }) ?? [nil] {
                for b in breaks.isEmpty ? [[]] : [[], breaks] {
                    let m = TrendModel(shape: shape, seasonalPeriod: period, seasonOffset: seasonOffset, breaks: b)
                    do {
                        let f = try m.fit(y)
                        if f.aicc < .infinity { fits.append(f) }   // a perfect fit (−∞) is kept
                    } catch {
                        if firstError == nil { firstError = error }
                    }
                }
            }
        }
        guard !fits.isEmpty else {
            if let firstError { throw firstError }
            throw FilterError.invalidParameter(name: "shapes", value: "\(shapes.map(\.rawValue))",
                                               constraint: "a non-empty list that fits the data (log-linear needs y > 0)")
        }
        // By AICc; ties (exact fits, AICc −∞) by fewer coefficients, then in candidate order.
        let ranked = fits.enumerated().sorted { a, b in
            if a.element.aicc != b.element.aicc { return a.element.aicc < b.element.aicc }
            if a.element.regression.k != b.element.regression.k { return a.element.regression.k < b.element.regression.k }
            return a.offset < b.offset
        }.map(\.element)
        return TrendSelection(ranked: ranked)
    }
}
