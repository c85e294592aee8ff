import Foundation
import Testing

/// `pace forecast --model ets:SPEC` on a constant series. The reference is the constant itself (an exact model's
/// forecast is the constant with zero-width intervals) and `--model auto`'s answer on the same input, which the
/// explicit level-only specifications must repeat field for field.
@Suite("pace forecast: explicit ETS specifications on a constant series")
struct ForecastConstantSpecificationTests {
    typealias S = SeriesCLI

    func series(_ run: PaceRun) throws -> [String: Any] {
        try #require((try S.json(run)["series"] as? [[String: Any]])?.first)
    }

    func forecast(_ input: String, _ model: String, horizon: Int = 3) throws -> PaceRun {
        try runPace(["forecast", "-", "--model", model, "--horizon", String(horizon), "--format", "json"], stdin: input)
    }

    @Test("ets:ANN on 3–6 equal values answers as auto does (was: 'needs at least 7 observations'); 7 and 12 too",
          arguments: [3, 4, 5, 6, 7, 12])
    func annAgreesWithAuto(_ n: Int) throws {
        let input = S.csv("A", quarterlyFrom: 2020, [Double](repeating: 5, count: n))
        let ann = try forecast(input, "ets:ANN")
        let auto = try forecast(input, "auto")
        #expect(ann.status == 0 && auto.status == 0, "\(ann.stderr) \(auto.stderr)")
        let a = try series(ann), b = try series(auto)
        #expect(NSDictionary(dictionary: a).isEqual(to: b), "\(a)\n\(b)")
        #expect(a["model"] as? String == "ETS(A,N,N)" && a["sigma2"] as? Double == 0)
        for key in ["log_likelihood", "aic", "aicc", "bic"] { #expect(a[key] is NSNull, "\(key)") }
        #expect((a["notes"] as? [String] ?? []).contains { $0.contains("the series is constant") && $0.contains("likelihood is unbounded") })
        for row in a["forecast"] as? [[String: Any]] ?? [] {
            for key in ["mean", "lo80", "hi80", "lo95", "hi95"] { #expect(row[key] as? Double == 5, "\(key)") }
        }
        // The table says the same as auto's.
        let table = { (m: String) in try runPace(["forecast", "-", "--model", m, "--horizon", "2", "--format", "csv"], stdin: input) }
        let t1 = try table("ets:ANN").stdout, t2 = try table("auto").stdout
        let body = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(body(t1) == body(t2) && t1.contains("AICc undefined (exact fit)"), "\(t1)")
    }

    @Test("the reported case: five equal quarterly values, ets:ANN, horizon 2")
    func reportedCase() throws {
        let input = "series,period,value\nA,2020Q1,5\nA,2020Q2,5\nA,2020Q3,5\nA,2020Q4,5\nA,2021Q1,5\n"
        let run = try runPace(["forecast", "-", "--model", "ets:ANN", "--horizon", "2", "--format", "csv"], stdin: input)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.contains("\n,A,2021Q2,5,5,5,5,5\n,A,2021Q3,5,5,5,5,5\n"), "\(run.stdout)")
    }

    @Test("ets:MNN on a positive constant: ETS(M,N,N) with σ² = 0, the same forecast, note and fields as auto")
    func mnnOnPositiveConstant() throws {
        let input = S.csv("A", quarterlyFrom: 2020, [Double](repeating: 5, count: 4))
        let mnn = try series(try forecast(input, "ets:MNN"))
        let auto = try series(try forecast(input, "auto"))
        #expect(mnn["model"] as? String == "ETS(M,N,N)")
        #expect(Set(mnn.keys) == Set(auto.keys))
        // The model's name and its interval class (class 2: multiplicative error) are the only differences.
        for key in auto.keys where !["model", "notes", "interval_method"].contains(key) {
            #expect((mnn[key] as? NSObject)?.isEqual(auto[key]) == true, "\(key): \(String(describing: mnn[key])) vs \(String(describing: auto[key]))")
        }
        let notes = (mnn["notes"] as? [String] ?? []).map { $0.replacing("ETS(M,N,N)", with: "ETS(A,N,N)") }
        #expect(notes == auto["notes"] as? [String], "\(notes)")
        // A constant ≤ 0 is refused for its sign.
        let negative = try forecast(S.csv("A", quarterlyFrom: 2020, [-5, -5, -5, -5]), "ets:MNN")
        #expect(negative.status == 2 && negative.stderr.contains("needs values > 0"), "\(negative.stderr)")
    }

    @Test("models with a trend or season are refused on a constant series, naming what fits it; short varying series keep their minimum")
    func refusals() throws {
        let constant = S.csv("A", quarterlyFrom: 2020, [Double](repeating: 5, count: 5))
        for code in ["AAN", "ANA", "MAdM"] {
            let run = try forecast(constant, "ets:\(code)")
            #expect(run.status == 2 && run.stdout.isEmpty)
            #expect(run.stderr.contains("the series is constant") && run.stderr.contains("use ETS(A,N,N) or automatic selection"),
                    "\(code): \(run.stderr)")
        }
        let varying = S.csv("A", quarterlyFrom: 2020, [5, 6, 5, 6, 5])
        let short = try forecast(varying, "ets:ANN")
        #expect(short.status == 2 && short.stderr.contains("ETS(A,N,N) needs at least 7 observations, the series has 5"), "\(short.stderr)")
        let two = try forecast(S.csv("A", quarterlyFrom: 2020, [5, 5]), "ets:ANN")
        #expect(two.status == 2 && two.stderr.contains("ETS(A,N,N) of a constant series needs at least 3 observations, the series has 2"),
                "\(two.stderr)")
    }

    @Test("a ytd series whose period levels are constant: ets:ANN as auto, the cumulated constant")
    func constantYearToDateLevels() throws {
        var text = "region,indicator,period,measure,value\n"
        for i in 0..<6 { text += "R,x,\(2020 + i / 4)Q\(i % 4 + 1),ytd,\(5 * Double(i % 4 + 1))\n" }
        let ann = try series(try forecast(text, "ets:ANN", horizon: 4))
        let auto = try series(try forecast(text, "auto", horizon: 4))
        #expect(NSDictionary(dictionary: ann).isEqual(to: auto))
        // Last observation 2021Q2 (ytd 10): 2021Q3 15, Q4 20, 2022Q1 5, Q2 10.
        let rows = ann["forecast"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["mean"] as? Double } == [15, 20, 5, 10])
        #expect(rows.allSatisfy { $0["lo95"] as? Double == $0["mean"] as? Double && $0["hi95"] as? Double == $0["mean"] as? Double })
    }
}
