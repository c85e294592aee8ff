import Foundation
import Testing

/// `pace regress` end to end: the built binary on files, its JSON against statsmodels, and
/// every way the input can be wrong.
@Suite("pace regress")
struct RegressCommandTests {
    let ukgas = "Tests/Fixtures/cli/ukgas_log_trend_seasonal.csv"

    func json(_ run: PaceRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    func close(_ a: Double?, _ b: Double, rel: Double = 1e-10) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= rel * abs(b)
    }

    @Test("JSON agrees with statsmodels 0.15 (../shared/reference/ols_trend_seasonal.json, UKgas) to 1e-10")
    func jsonAgainstStatsmodels() throws {
        let run = try runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let j = try json(run)
        #expect(j["schema"] as? String == "pace.regress/1")
        #expect(j["n"] as? Int == 108)
        #expect(j["k"] as? Int == 5)
        #expect(j["df_resid"] as? Int == 103)
        #expect(j["cov_type"] as? String == "classical")
        let coefficients = try #require(j["coefficients"] as? [[String: Any]])
        #expect(coefficients.map { $0["name"] as? String } == ["const", "trend", "Q2", "Q3", "Q4"])
        // params, bse, tvalues, pvalues from the reference file.
        let params = [5.03044216133009, 0.018091797505921527, -0.4205932371924046, -0.9858963020767562, -0.3433412911008462]
        let bse = [0.04721889973767257, 0.0005772297598286518, 0.05086941308889581, 0.05087923712670641, 0.05089560630912823]
        let p = [3.3415346704014437e-107, 1.7578003559003805e-54, 5.041797888336636e-13, 3.9294684356683054e-36, 9.08501388797216e-10]
        for (i, c) in coefficients.enumerated() {
            #expect(close(c["estimate"] as? Double, params[i]))
            #expect(close(c["std_error"] as? Double, bse[i]))
            #expect(close(c["t"] as? Double, params[i] / bse[i]))
            #expect(close(c["p"] as? Double, p[i], rel: 1e-9))
            // 95% interval: estimate ± t_{0.975,103}·se; scipy 1.17.1 t.ppf(0.975, 103) = 1.9832641447734565
            let half = (c["ci_high"] as? Double ?? .nan) - params[i]
            #expect(close(half / bse[i], 1.9832641447734565, rel: 1e-9))
        }
        #expect(close(j["r_squared"] as? Double, 0.9290535966180686))
        #expect(close(j["adj_r_squared"] as? Double, 0.9262983964867315))
        #expect(close(j["f_statistic"] as? Double, 337.2000407706081))
        #expect(close(j["f_p"] as? Double, 3.248972887873812e-58, rel: 1e-9))
        #expect(close(j["log_likelihood"] as? Double, 30.453363265888385))
        #expect(close(j["aic"] as? Double, -50.90672653177677))
        #expect(close(j["bic"] as? Double, -37.49607039615567))
        #expect(close(j["durbin_watson"] as? Double, 1.7841559412066335))
        #expect(close(j["jarque_bera"] as? Double, 2.870210464952812))
        #expect(close(j["sigma"] as? Double, 0.1868941248848575))
        #expect(close(j["condition_number"] as? Double, 277.9266809524111))
    }

    @Test("--cov hac --maxlags 4 [--small-sample] gives statsmodels' Newey–West standard errors")
    func hac() throws {
        let plain = try json(runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "json",
                                      "--cov", "hac", "--maxlags", "4"]))
        let corrected = try json(runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "json",
                                          "--cov", "hac", "--maxlags", "4", "--small-sample"]))
        // ../shared/reference/ols_trend_seasonal.json UKgas hac_nw4.bse and hac_nw4_corrected.bse
        let nw4 = [0.04980072468682087, 0.0005622739879246557, 0.04596961581696888, 0.07225809896171752, 0.034904894820499265]
        let nw4c = [0.05099515638220712, 0.0005757596927390309, 0.047072161342195884, 0.07399115333373694, 0.035742061607928775]
        let a = try #require(plain["coefficients"] as? [[String: Any]])
        let b = try #require(corrected["coefficients"] as? [[String: Any]])
        for i in 0..<5 {
            #expect(close(a[i]["std_error"] as? Double, nw4[i]))
            #expect(close(b[i]["std_error"] as? Double, nw4c[i]))
        }
        #expect(plain["inference"] as? String == "normal")
    }

    @Test("CSV output carries the same shortest round-trip numbers as JSON")
    func csvMatchesJSON() throws {
        let csv = try runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "csv"])
        let json = try runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "json"])
        let lines = csv.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "name,estimate,std_error,t,p,ci_low,ci_high")
        #expect(lines.count == 6)
        // Compare the printed text itself (Foundation's JSON parser is not correctly rounded).
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let fragment = "{\"name\":\"\(cells[0])\",\"estimate\":\(cells[1]),\"std_error\":\(cells[2]),\"t\":\(cells[3]),\"p\":\(cells[4]),\"ci_low\":\(cells[5]),\"ci_high\":\(cells[6])}"
            #expect(json.stdout.contains(fragment), "\(fragment)")
            for cell in cells.dropFirst() {
                let value = try #require(Double(cell))
                #expect(value.description == cell || "\(value)" == cell)
            }
        }
    }

    /// Each bad input: exit 2, one `pace: ` line on stderr naming the problem, nothing on stdout.
    func expectBadInput(_ csv: String, _ arguments: [String], contains fragments: [String],
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try runPace(["regress", "-"] + arguments, stdin: csv)
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("pace: "), sourceLocation: sourceLocation)
        #expect(run.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(run.stderr.contains(fragment), "\(run.stderr) lacks \(fragment)", sourceLocation: sourceLocation)
        }
    }

    @Test("bad input: empty file, header alone, missing column, non-numeric, missing cell, NaN, inf")
    func badInput() throws {
        try expectBadInput("", ["--y", "y", "--x", "x"], contains: ["<stdin>", "header"])
        try expectBadInput("y,x\n", ["--y", "y", "--x", "x"], contains: ["<stdin>:1", "no data rows"])
        try expectBadInput("y,x\n1,2\n2,3\n3,5\n", ["--y", "y", "--x", "z"], contains: ["<stdin>:1", "\"z\""])
        try expectBadInput("y,x\n1,2\n2,abc\n3,5\n", ["--y", "y", "--x", "x"], contains: ["<stdin>:3:2", "\"abc\""])
        try expectBadInput("y,x\n1,2\n2,\n3,5\n", ["--y", "y", "--x", "x"], contains: ["<stdin>:3:2", "missing"])
        try expectBadInput("y,x\n1,2\nNaN,4\n3,5\n", ["--y", "y", "--x", "x"], contains: ["<stdin>:3:1", "finite"])
        try expectBadInput("y,x\n1,2\n2,inf\n3,5\n", ["--y", "y", "--x", "x"], contains: ["<stdin>:3:2", "finite"])
    }

    @Test("bad input: n ≤ k, weights ≤ 0, collinear pair and constant column are named")
    func badDesigns() throws {
        try expectBadInput("y,x\n1,2\n2,3\n", ["--y", "y", "--x", "x"], contains: ["n = 2", "k = 2"])
        try expectBadInput("y,x,w\n1,2,1\n2,3,0\n3,5,1\n4,4,1\n", ["--y", "y", "--x", "x", "--weights", "w"],
                           contains: ["<stdin>:3:3", "weight"])
        let collinear = "y,a,b\n1,1,2\n2,2,4\n4,3,6\n3,4,8\n5,5,10\n"
        try expectBadInput(collinear, ["--y", "y", "--x", "a,b"], contains: ["'b'", "rank"])
        let constant = "y,a,c\n1,1,7\n2,2,7\n4,3,7\n3,4,7\n5,5,7\n"
        try expectBadInput(constant, ["--y", "y", "--x", "a,c"], contains: ["'c'"])
    }

    @Test("a perfect fit: R² = 1, no NaN, exit 0")
    func perfectFit() throws {
        let run = try runPace(["regress", "-", "--y", "y", "--x", "x", "--format", "json"],
                              stdin: "y,x\n3,1\n5,2\n7,3\n9,4\n")
        #expect(run.status == 0)
        let j = try json(run)
        #expect(j["r_squared"] as? Double == 1)
        let coefficients = try #require(j["coefficients"] as? [[String: Any]])
        #expect(close(coefficients[0]["estimate"] as? Double, 1, rel: 1e-12))
        #expect(close(coefficients[1]["estimate"] as? Double, 2, rel: 1e-12))
        #expect(!run.stdout.contains(":nan") && !run.stdout.contains("NaN"))
    }

    @Test("usage errors exit 64: missing --x, bad --cov, --maxlags without hac")
    func usage() throws {
        for arguments in [["regress", ukgas, "--y", "y"],
                          ["regress", ukgas, "--y", "y", "--x", "trend", "--cov", "hc9"],
                          ["regress", ukgas, "--y", "y", "--x", "trend", "--maxlags", "3"],
                          ["regress", ukgas, "--y", "y", "--x", "trend", "--cov", "hac", "--maxlags", "9223372036854775807"]] {
            let run = try runPace(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("pace: "))
        }
    }

    @Test("--help is golden (Tests/Fixtures/cli/help-regress.txt)")
    func help() throws {
        let run = try runPace(["regress", "--help"])
        #expect(run.status == 0)
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/cli/help-regress.txt"), encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test("--output writes atomically; a failed run leaves the previous file untouched")
    func atomicOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-regress-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fit.json").path
        let ok = try runPace(["regress", ukgas, "--y", "y", "--x", "trend,Q2", "--format", "json", "--output", out])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first.hasPrefix("{\"schema\":\"pace.regress/1\""))
        let bad = try runPace(["regress", ukgas, "--y", "y", "--x", "nope", "--format", "json", "--output", out])
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["fit.json"])
    }

    @Test("values near 1e80: skew, kurtosis and Jarque–Bera are those of the unscaled data, not null (m₄ overflowed)")
    func hugeValuesDiagnostics() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(ukgas), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        for i in 1..<lines.count {
            var fields = lines[i].split(separator: ",").map(String.init)
            fields[0] = String(Double(fields[0])! * 1e80)
            lines[i] = fields.joined(separator: ",")
        }
        let arguments = ["regress", "-", "--y", "y", "--x", "trend,Q2,Q3,Q4", "--format", "json"]
        let plain = try json(runPace(arguments, stdin: text))
        let huge = try json(runPace(arguments, stdin: lines.joined(separator: "\n") + "\n"))
        for key in ["skew", "kurtosis", "jarque_bera", "jarque_bera_p", "durbin_watson"] {
            let want = try #require(plain[key] as? Double, "\(key)")
            #expect(close(huge[key] as? Double, want, rel: 1e-12), "\(key): \(String(describing: huge[key])) vs \(want)")
        }
    }
}
