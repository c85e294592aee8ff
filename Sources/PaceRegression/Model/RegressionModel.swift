import PaceLinearAlgebra

/// A linear regression specification y = Xβ + ε, fitted by ordinary or weighted least squares.
///
/// The model is only a description; ``fit(covariance:)`` returns an immutable
/// ``RegressionFit``. With `intercept: true` a column of ones named `const` is the first
/// parameter. With `weights` wᵢ the fit minimises Σ wᵢ(yᵢ − xᵢβ)² (WLS, weights proportional to
/// inverse variances, as statsmodels `WLS`).
///
/// **Numerics.** Columns are scaled to unit norm; dependence is tested left to right (a column
/// within `collinearityTolerance` of the span of the earlier ones is named in
/// ``RegressionError/rankDeficient(columns:rank:)``). The kernel is chosen per problem:
/// - n·k² ≤ ``extendedPrecisionLimit``: Householder QR in double precision plus one step of
///   mixed-precision refinement (residual in extended precision). If the correction shows that
///   double precision loses digits (ill-conditioned or large-residual problems), the problem is
///   re-solved by Householder QR in extended precision (`Float80` on x86-64) with Björck's
///   augmented-system refinement and doubled-extended residuals. This is what gives ≥ 11 correct
///   digits on every certified value of the NIST StRD linear problems, Filip and Wampler5 included.
/// - larger problems: corrected semi-normal equations on a Gram matrix accumulated in cache-sized
///   blocks (`cblas_dsyrk`) when the scaled design is well conditioned, otherwise LAPACK's blocked
///   Householder QR (`dgeqrf`) in double precision.
/// Standard errors come from (RᵀR)⁻¹ of the same factorisation; HC2/HC3 leverages from the
/// thin Q (rows of A·R⁻¹), never from an n × n hat matrix. ``RegressionDesign`` factorises a
/// design once for many responses.
public struct RegressionModel: Sendable {
    /// How the design columns are produced.
    enum Terms: Sendable {
        /// Columns given by the caller.
        case columns([[Double]])
        /// Powers x, x², …, x^degree computed in extended precision.
        case polynomial(x: [Double], degree: Int)
    }

    /// Above this n·k² the large-n kernels (semi-normal equations, LAPACK QR) are used.
    public static let extendedPrecisionLimit = 4_000_000

    /// The response y.
    public let response: [Double]
    /// Name of the response (used in error messages).
    public let responseName: String
    /// Names of the regressors (without the intercept).
    public let names: [String]
    /// Whether a constant column `const` is the first parameter.
    public let intercept: Bool
    /// Observation weights for WLS, or nil for OLS.
    public let weights: [Double]?
    /// Relative distance below which a unit-norm column counts as a linear combination of the
    /// earlier columns (default 1e-11); see `ExtendedLeastSquares`.
    public var collinearityTolerance: Double = 1e-11
    let terms: Terms

    /// An OLS or WLS model.
    /// - Parameters:
    ///   - response: y, n values.
    ///   - regressors: the regressor columns (each n values), without the intercept.
    ///   - names: one name per regressor column.
    ///   - intercept: whether to add a constant named `const` as the first parameter.
    ///   - weights: positive finite weights (n of them) for WLS, or nil.
    ///   - responseName: name of y in error messages.
    public init(response: [Double], regressors: [[Double]], names: [String], intercept: Bool = true,
                weights: [Double]? = nil, responseName: String = "y") {
        self.response = response
        self.names = names
        self.intercept = intercept
        self.weights = weights
        self.responseName = responseName
        self.terms = .columns(regressors)
    }

    /// A polynomial regression y = β₀ + β₁x + … + β_d x^d. The powers are formed in extended
    /// precision (rounding x^j to double first would perturb an ill-conditioned problem such as
    /// NIST's Filip by more than 10⁻⁸ relative). Regressors are named `x`, `x^2`, … after `name`.
    public static func polynomial(response: [Double], x: [Double], degree: Int, name: String = "x",
                                  intercept: Bool = true, weights: [Double]? = nil,
                                  responseName: String = "y") -> RegressionModel {
        let d = max(degree, 0)
        let names = (0..<d).map { $0 == 0 ? name : "\(name)^\($0 + 1)" }
        return RegressionModel(response: response, terms: .polynomial(x: x, degree: d), names: names,
                               intercept: intercept, weights: weights, responseName: responseName)
    }

    init(response: [Double], terms: Terms, names: [String], intercept: Bool, weights: [Double]?,
         responseName: String) {
        self.response = response
        self.terms = terms
        self.names = names
        self.intercept = intercept
        self.weights = weights
        self.responseName = responseName
    }

    /// The regressor columns as given (for a polynomial model, the powers rounded to double).
    public var regressors: [[Double]] {
        switch terms {
        case .columns(let c): return c
        case .polynomial(let x, let degree):
            return (1...max(degree, 1)).prefix(degree).map { p in
                x.map { Double(ExtendedPolynomial.power(ExtendedDouble($0), p)) }
            }
        }
    }

    /// Parameter names in order: `const` first when there is an intercept.
    public var parameterNames: [String] { intercept ? ["const"] + names : names }

    /// Number of parameters k.
    public var parameterCount: Int { names.count + (intercept ? 1 : 0) }

    /// Number of observations n.
    public var observationCount: Int { response.count }
}

/// Powers in extended precision.
enum ExtendedPolynomial {
    static func power(_ x: ExtendedDouble, _ p: Int) -> ExtendedDouble {
        var r: ExtendedDouble = 1
        for _ in 0..<p { r *= x }
        return r
    }
}
