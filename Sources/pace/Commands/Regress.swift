import ArgumentParser
import PaceData
import PaceRegression

struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a linear regression (OLS or WLS) with full inference.",
        discussion: """
            Reads a CSV file with a header row and regresses the column named by --y on the \
            columns named by --x (a constant named 'const' comes first unless --no-intercept). \
            Every cell used must hold a finite number: a missing or non-numeric cell is an error \
            naming its line and column.

            Standard errors come from the classical covariance (Student t inference) or, with \
            --cov, from White's HC0–HC3 or Newey–West HAC (Bartlett kernel, --maxlags, \
            --small-sample for the n/(n−k) correction); robust covariances use normal inference \
            as statsmodels does.

            JSON schema pace.regress/1: n, k, df_resid, cov_type, coefficients [name, estimate, \
            std_error, t, p, ci_low, ci_high], r_squared, adj_r_squared, f_statistic, f_p, \
            log_likelihood, aic, bic, durbin_watson, jarque_bera, sigma, condition_number, and \
            provenance (version, method, parameters, input file and hash). jsonl writes a \
            provenance record, a fit record and one record per coefficient. \
            Numbers print in the shortest form that reads back to the same double; a value that \
            is not finite prints as null (JSON) or an empty cell (CSV).
            """)

    enum Covariance: String, ExpressibleByArgument, CaseIterable {
        case classical, hc0, hc1, hc2, hc3, hac
    }

    @Argument(help: "CSV file with a header row; '-' or nothing reads standard input.")
    var file: String?

    @Option(name: .customLong("y"), help: "The response column.")
    var response: String

    @Option(name: .customLong("x"), help: "Regressor columns, comma-separated (A,B,…).")
    var regressors: String

    @Flag(help: "Fit without a constant (R² is then uncentred).")
    var noIntercept = false

    @Option(help: "Column of positive weights for weighted least squares.")
    var weights: String?

    @Option(help: "Covariance of the estimates: classical, hc0, hc1, hc2, hc3 or hac.")
    var cov: Covariance = .classical

    @Option(parsing: .unconditional, help: "Lags of the Newey–West (HAC) covariance (default: floor(4(n/100)^(2/9))).")
    var maxlags: Int?

    @Flag(help: "HAC with the small-sample correction n/(n−k).")
    var smallSample = false

    @Option(parsing: .unconditional, help: "Confidence level of the intervals, in percent.")
    var level: Double = 95

    @Option(help: "Output format: table, csv, json, jsonl or md (default: table on a terminal, else csv).")
    var format: OutputFormat?

    @Option(help: "Write to this file atomically instead of standard output.")
    var output: String?

    func validate() throws {
        guard level / 100 > 0, level / 100 < 1 else {   // as a fraction: 4.9e-324 % is 0
            throw ValidationError("--level must be between 0 and 100 (found \(level))")
        }
        if let maxlags, maxlags < 0 {
            throw ValidationError("--maxlags must be ≥ 0 (found \(maxlags))")
        }
        if let maxlags, maxlags > 1_000_000 {
            throw ValidationError("--maxlags must be at most 1000000 (found \(maxlags))")
        }
        if maxlags != nil && cov != .hac {
            throw ValidationError("--maxlags applies to --cov hac only")
        }
        if smallSample && cov != .hac {
            throw ValidationError("--small-sample applies to --cov hac only")
        }
        if splitList(regressors).isEmpty {
            throw ValidationError("--x needs at least one column name")
        }
    }

    func run() throws {
        let format = try resolveFormat(self.format, supported: [.table, .csv, .json, .jsonl, .md], output: output,
                                       command: "regress")
        let document = try CSVDocument.read(path: file)
        let names = splitList(regressors)
        let data = try RegressionInput(document: document, response: response, regressors: names,
                                       weights: weights)
        let model = RegressionModel(response: data.y, regressors: data.columns, names: names,
                                    intercept: !noIntercept, weights: data.weights,
                                    responseName: response)
        let covariance: CovarianceType
        switch cov {
        case .classical: covariance = .classical
        case .hc0: covariance = .hc0
        case .hc1: covariance = .hc1
        case .hc2: covariance = .hc2
        case .hc3: covariance = .hc3
        case .hac:
            let n = Double(data.y.count)
            let lags = maxlags ?? Int((4 * pow(n / 100, 2.0 / 9.0)).rounded(.down))
            covariance = .hac(maxLags: lags, smallSampleCorrection: smallSample)
        }
        let fit: RegressionFit
        do {
            fit = try model.fit(covariance: covariance)
        } catch {
            throw RegressionFailure(source: document.source, error: error)
        }
        var report = try RegressionReport(fit: fit, level: level / 100, covarianceName: cov.rawValue,
                                          maxLags: covariance.maxLags, smallSample: smallSample)
        report.source = document.source
        report.inputHash = document.contentHashHex
        var parameters: [(String, String)] = [("y", response), ("x", names.joined(separator: ",")),
                                              ("intercept", noIntercept ? "no" : "yes")]
        if let weights { parameters.append(("weights", weights)) }
        parameters.append(("cov", cov.rawValue))
        if let lags = covariance.maxLags {
            parameters.append(("maxlags", String(lags)))
            parameters.append(("small_sample", smallSample ? "yes" : "no"))
        }
        parameters.append(("level", formatNumber(level)))
        report.parameters = parameters
        let sink = try OutputSink(path: output)
        report.write(format, to: sink)
        try sink.commit()
    }
}

/// A regression failure reported against the input file it came from.
struct RegressionFailure: Error, CustomStringConvertible {
    var source: String
    var error: RegressionError
    var description: String { "\(source): \(error)" }
}

extension CovarianceType {
    var maxLags: Int? {
        if case let .hac(lags, _) = self { return lags }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
