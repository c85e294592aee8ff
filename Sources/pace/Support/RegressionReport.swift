import PaceData
import PaceRegression

/// Everything `pace regress` prints, computed once and rendered by each writer.
struct RegressionReport: FormattedReport {
    struct Row {
        var name: String
        var estimate, standardError, t, p, low, high: Double
    }

    var fit: RegressionFit
    var level: Double
    var covarianceName: String
    var maxLags: Int?
    var smallSample: Bool
    var rows: [Row]
    /// Provenance (SPEC §7): the options that shaped the fit, and the input file with its content hash.
    var parameters: [(String, String)] = []
    var source = ""
    var inputHash = ""

    init(fit: RegressionFit, level: Double, covarianceName: String, maxLags: Int?, smallSample: Bool) throws {
        self.fit = fit
        self.level = level
        self.covarianceName = covarianceName
        self.maxLags = maxLags
        self.smallSample = smallSample
        let intervals = try fit.confidenceIntervals(level: level)
        rows = zip(fit.coefficients, intervals).map { c, ci in
            Row(name: c.name, estimate: c.estimate, standardError: c.standardError, t: c.t, p: c.p,
                low: ci.low, high: ci.high)
        }
    }

    /// Summary statistics in output order, with their JSON/CSV names.
    var statistics: [(String, Double)] {
        let jb = fit.jarqueBera
        return [
            ("r_squared", fit.rSquared), ("adj_r_squared", fit.adjustedRSquared),
            ("f_statistic", fit.fStatistic), ("f_p", fit.fPValue),
            ("log_likelihood", fit.logLikelihood), ("aic", fit.aic), ("bic", fit.bic),
            ("durbin_watson", fit.durbinWatson), ("jarque_bera", jb.statistic),
            ("jarque_bera_p", jb.pValue), ("skew", jb.skewness), ("kurtosis", jb.kurtosis),
            ("sigma", fit.sigma), ("condition_number", fit.conditionNumber),
        ]
    }

    var covarianceLabel: String {
        var label = covarianceName
        if let maxLags { label += " (maxlags \(maxLags)\(smallSample ? ", small-sample correction" : ""))" }
        return label
    }

    static let schema = "pace.regress/1"

    var method: String { fit.isWeighted ? "WLS" : "OLS" }

    var provenanceLines: [String] {
        ["pace regress \(paceVersion)", "schema: \(Self.schema)", "method: \(method)",
         "parameters: " + parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " "),
         "input: data \(source) fnv1a64w:\(inputHash)"]
    }

    private func writeProvenance(_ json: JSONWriter) {
        json.beginObject()
        json.member("version", paceVersion)
        json.member("method", method)
        json.key("parameters")
        json.beginObject()
        for (name, value) in parameters { json.member(name, value) }
        json.endObject()
        json.inputsMember([("data", source, inputHash)])
        json.endObject()
    }

    /// JSON Lines: a `provenance` record, a `fit` record (the JSON's members other than the coefficients), then
    /// one `coefficient` record each (name, estimate, std_error, t, p, ci_low, ci_high).
    func writeJSONLines(to sink: OutputSink) {
        let lines = JSONLinesWriter(sink: sink)
        lines.record("provenance", schema: Self.schema) { json in
            json.key("provenance")
            writeProvenance(json)
        }
        lines.record("fit") { json in
            writeFitMembers(json)
            writeStatisticMembers(json)
        }
        for row in rows {
            lines.record("coefficient") { json in
                writeCoefficientMembers(row, json)
            }
        }
    }

    private func writeFitMembers(_ json: JSONWriter) {
        json.member("n", fit.n)
        json.member("k", fit.k)
        json.member("df_resid", fit.dfResidual)
        json.member("cov_type", covarianceName)
        if let maxLags { json.member("maxlags", maxLags); json.member("small_sample", smallSample) }
        json.member("inference", fit.covarianceType.usesNormalInference ? "normal" : "t")
        json.member("level", level)
    }

    private func writeStatisticMembers(_ json: JSONWriter) {
        for (name, value) in statistics where name != "jarque_bera_p" && name != "skew" && name != "kurtosis" {
            json.member(name, value)
        }
        let jb = fit.jarqueBera
        json.member("jarque_bera_p", jb.pValue)
        json.member("skew", jb.skewness)
        json.member("kurtosis", jb.kurtosis)
    }

    private func writeCoefficientMembers(_ row: Row, _ json: JSONWriter) {
        json.member("name", row.name)
        json.member("estimate", row.estimate)
        json.member("std_error", row.standardError)
        json.member("t", row.t)
        json.member("p", row.p)
        json.member("ci_low", row.low)
        json.member("ci_high", row.high)
    }

    func writeJSON(to sink: OutputSink) {
        let json = JSONWriter(sink: sink)
        json.beginObject()
        json.member("schema", Self.schema)
        json.member("version", paceVersion)
        json.key("provenance")
        writeProvenance(json)
        writeFitMembers(json)
        json.key("coefficients")
        json.beginArray()
        for row in rows {
            json.beginObject()
            writeCoefficientMembers(row, json)
            json.endObject()
        }
        json.endArray()
        writeStatisticMembers(json)
        json.endObject()
        sink.write("\n")
    }

    /// CSV: one row per coefficient; the fit statistics come first as `# name: value` lines.
    func writeCSV(to sink: OutputSink) {
        sink.write("# pace \(paceVersion) regress: n \(fit.n), k \(fit.k), df_resid \(fit.dfResidual), cov \(covarianceLabel)\n")
        for line in provenanceLines.dropFirst() { sink.write("# \(escapingControlCharacters(line))\n") }
        for (name, value) in statistics {
            sink.write("# \(name): \(formatNumber(value))\n")
        }
        let csv = CSVWriter(sink: sink)
        csv.writeHeader(["name", "estimate", "std_error", "t", "p", "ci_low", "ci_high"])
        for row in rows {
            csv.field(row.name)
            for value in [row.estimate, row.standardError, row.t, row.p, row.low, row.high] {
                csv.field(value)
            }
            csv.endRow()
        }
    }

    func writeTable(to sink: OutputSink, markdown: Bool) {
        let percent = formatNumber(level * 100)
        let inference = fit.covarianceType.usesNormalInference ? "z" : "t"
        var table = TextTable(header: ["", "estimate", "std error", inference, "p",
                                       "[\(percent)% low", "high]"])
        for row in rows {
            table.addRow([row.name, short(row.estimate), short(row.standardError), short(row.t),
                          short(row.p), short(row.low), short(row.high)])
        }
        sink.write("OLS\(fit.isWeighted ? " (weighted)" : ""): n = \(fit.n), k = \(fit.k), df = \(fit.dfResidual), covariance \(covarianceLabel)\n\n")
        sink.write(markdown ? table.markdown() : table.plainText())
        sink.write("\n")
        var stats = TextTable(header: ["statistic", "value"])
        for (name, value) in statistics { stats.addRow([name, short(value)]) }
        sink.write(markdown ? stats.markdown() : stats.plainText())
        if markdown { sink.write(TextTable.markdownFooter(provenanceLines)) }
    }

    private func short(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "" : (x > 0 ? "inf" : "-inf") }
        if x != 0 && (abs(x) < 1e-4 || abs(x) >= 1e8) {
            return String(format6e(x))
        }
        return trimmed(x)
    }

    private func trimmed(_ x: Double) -> String {
        // Six significant digits for people; the CSV and JSON carry full precision.
        let magnitude = x == 0 ? 0 : Int((abs(x)).log10Floor)
        let decimals = max(0, 5 - magnitude)
        return fixed(x, decimals)
    }
}

private extension Double {
    var log10Floor: Double {
        var e = 0.0
        var v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 && v > 0 { v *= 10; e -= 1 }
        return e
    }
}

/// `x` with `decimals` digits after the point, trailing zeros kept (table columns align).
func fixed(_ x: Double, _ decimals: Int) -> String { formatFixed(x, decimals) }

/// Scientific notation with 6 significant digits, e.g. 1.23457e-05.
func format6e(_ x: Double) -> String {
    var exponent = 0
    var m = abs(x)
    while m >= 10 { m /= 10; exponent += 1 }
    while m < 1 { m *= 10; exponent -= 1 }
    var mantissa = (m * 100_000).rounded() / 100_000
    if mantissa >= 10 { mantissa /= 10; exponent += 1 }
    let sign = x < 0 ? "-" : ""
    let e = exponent < 0 ? "-" + pad2(-exponent) : "+" + pad2(exponent)
    return sign + fixed(mantissa, 5) + "e" + e
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
