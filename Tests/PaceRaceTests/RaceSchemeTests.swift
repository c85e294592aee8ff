import PaceData
import Testing
@testable import PaceRace

@Suite("RaceScheme: reading and validation with located messages")
struct RaceSchemeTests {
    func scheme(_ text: String) throws -> RaceScheme {
        try RaceScheme(document: CSVDocument(bytes: Array(text.utf8), source: "s.csv"))
    }

    func message(_ text: String) -> String? {
        do { _ = try scheme(text); return nil } catch { return "\(error)" }
    }

    @Test("a valid scheme keeps order; direction is optional and defaults to higher")
    func valid() throws {
        let s = try scheme("metric,indicator,weight\ngrowth_gap_pp,gdp,60\np_meet, fai ,40\n")
        #expect(s.entries.map(\.indicator) == ["gdp", "fai"])
        #expect(s.entries.map(\.weight) == [60, 40])
        #expect(s.entries.map(\.direction) == [.higher, .higher])
        #expect(s.entries.map(\.line) == [2, 3])
        #expect(s.metrics == ["growth_gap_pp", "p_meet"])
        let d = try scheme("indicator,weight,metric,direction\nunemployment,1,ytd_growth,LOWER\ncpi,1,ytd_growth,\n")
        #expect(d.entries.map(\.direction) == [.lower, .higher])
        #expect(d.metrics == ["ytd_growth"])
    }

    @Test("bad schemes: exact messages naming file, line, column, found and expected")
    func invalid() {
        #expect(message("indicator,weight,metric\n")
                == "s.csv:2: the scheme has no rows (expected at least one row indicator,weight,metric,direction)")
        #expect(message("indicator,weight,metric\ngdp,1,p_meet\nfai,2,p_meet\ngdp,3,ytd_growth\n")
                == "s.csv:4:1: duplicate scheme row (found \"gdp\", expected each indicator once (also on line 2))")
        #expect(message("indicator,weight,metric\ngdp,-1,p_meet\n")
                == "s.csv:2:2: weight must be a finite number ≥ 0 (found \"-1\", expected a number ≥ 0)")
        #expect(message("indicator,weight,metric\ngdp,0,p_meet\nfai,0,p_meet\n")
                == "s.csv: the weights sum to zero (found \"0 + 0\", expected at least one positive weight)")
        #expect(message("indicator,weight,metric\ngdp,1,light\n")
                == "s.csv:2:3: metric is not a numeric pace gap column (found \"light\", expected one of "
                    + GapColumns.numeric.joined(separator: ", ") + ")")
        #expect(message("indicator,weight,metric,direction\ngdp,1,p_meet,up\n")
                == "s.csv:2:4: unknown direction (found \"up\", expected higher or lower)")
        #expect(message("indicator,weight,metric\ngdp,,p_meet\n")
                == "s.csv:2:2: missing weight (found \"\", expected a number ≥ 0)")
        #expect(message("indicator,weight,metric\ngdp,heavy,p_meet\n")
                == "s.csv:2:2: not a number (found \"heavy\", expected a decimal number)")
        #expect(message("indicator,weight,metric\n,1,p_meet\n")
                == "s.csv:2:1: empty indicator (expected an indicator name)")
        #expect(message("indicator,metric\ngdp,p_meet\n")?.hasPrefix("s.csv:1: no column named \"weight\"") == true)
    }

    @Test("the metric list is exactly SPEC §4's numeric gap columns")
    func numericColumns() {
        #expect(GapColumns.numeric.count == 18)
        for name in ["region", "indicator", "year", "as_of", "type", "light", "method", "notes"] {
            #expect(!GapColumns.isNumeric(name))
        }
    }
}
