import Testing
@testable import PaceData

private func document(_ text: String, _ name: String = "t.csv") throws -> CSVDocument {
    try CSVDocument(bytes: Array(text.utf8), source: name)
}

private func load(_ text: String, layout: ObservationLayout = .long) throws -> ObservationSet {
    try ObservationSet(document: document(text), layout: layout)
}

private func error(_ text: String, layout: ObservationLayout = .long) -> String {
    do {
        _ = try load(text, layout: layout)
        return "no error"
    } catch {
        return "\(error)"
    }
}

@Suite("observations: reading long and wide files")
struct ObservationLoadingTests {
    @Test("edge cases: header only, missing required columns, empty indicator, NA and empty values")
    func edges() throws {
        #expect(error("region,indicator,period,measure,value\n") == "t.csv: no observations after the header (expected at least one data row)")
        #expect(error("region,indicator,measure,value\nA,x,level,1\n").hasPrefix("t.csv:1: missing required column \"period\""))
        #expect(error("indicator,period\nx,2020\n").hasPrefix("t.csv:1: missing required column \"value\""))
        #expect(error("indicator,period,value\n,2020,1\n") == #"t.csv:2:1: missing indicator name (found "", expected a name)"#)
        let set = try load("indicator,period,value\nx,2020,NA\nx,2021,\nx,2022,3\n")
        let s = try #require(set.series.first)
        #expect(s.values.count == 3 && s.values[0].isNaN && s.values[1].isNaN && s.values[2] == 3)
        #expect(s.sourceLines == [2, 3, 4])
        #expect(set.missingValueCount == 2)
        #expect(set.rowCount == 3)
    }

    @Test("long layout: any column order, region optional (\"\"), measure default level, unit and attributes kept")
    func long() throws {
        let set = try load("""
            value,period,indicator,source,unit,measure,region
            1.5,2020Q2,gdp,NBS,bn,ytd,A
            1.0,2020Q1,gdp,NBS,bn,ytd,A
            7,2020Q1,gdp,WB,bn,,B
            8,2020Q4,gdp,WB,bn,level,B

            """)
        #expect(set.series.count == 2)
        let a = try #require(set.series(region: "A", indicator: "gdp", measure: .ytd))
        #expect(a.start == Period.quarter(2020, 1))
        #expect(a.values == [1.0, 1.5])
        #expect(a.sourceLines == [3, 2])
        #expect(a.unit == "bn")
        #expect(a.attributes.first?.name == "source")
        #expect(a.attributes.first?.value(at: 0) == "NBS")
        let b = try #require(set.series(region: "B", indicator: "gdp", measure: .level))
        #expect(b.count == 4 && b.values[1].isNaN && b.values[2].isNaN)
        #expect(set.gaps() == [Gap(seriesIndex: 1, first: .quarter(2020, 2)!, last: .quarter(2020, 3)!, lineAfter: 5)])
        let plain = try load("series,period,value\nUKgas,1960Q1,160.1\nUKgas,1960Q2,129.7\n")
        #expect(plain.series.first?.region == "")
        #expect(plain.series.first?.indicator == "UKgas")
        #expect(plain.series.first?.measure == .level)
    }

    @Test("problems name file, line, column, the value and what was expected")
    func problems() {
        #expect(error("indicator,period,value\nx,2024Q5,1\n") == #"t.csv:2:2: bad period (found "2024Q5", expected a quarter 1–4, as in 2024Q1)"#)
        #expect(error("indicator,period,value\nx,,1\n") == #"t.csv:2:2: missing period (found "", expected a period like 2024, 2024Q1 or 2024-03)"#)
        #expect(error("indicator,period,measure,value\nx,2024,growth,1\n") == #"t.csv:2:3: unknown measure (found "growth", expected level, ytd, stock, yoy, ytd_yoy, qoq, saar, two_year, index or index_prev_year_100)"#)
        #expect(error("indicator,period,value\nx,2024,abc\n") == #"t.csv:2:3: not a number (found "abc", expected a decimal number)"#)
        #expect(error("indicator,period,value\nx,2024Q1,1\nx,2024-02,2\n") == #"t.csv:3:2: monthly period in the quarterly series x/level (first row on line 2) (found "2024-02", expected one frequency per series)"#)
        #expect(error("indicator,period,value\nx,2024Q1,1\ny,2024,1\nx,2024-Q1,2\n") == #"t.csv:4:2: duplicate observation of x/level for 2024Q1, first on line 2 (found "2024Q1", expected one row per region, indicator, period and measure)"#)
        #expect(error("indicator,period,value,unit\nx,2024Q1,1,bn\nx,2024Q2,2,m\n") == #"t.csv:3:4: unit changes within series x/level (found "m", expected "bn" as on line 2)"#)
        // Measures ignore case; different measures are different series, not duplicates.
        #expect(error("indicator,period,measure,value\nx,2024,YTD,1\nx,2024,ytd_yoy,1\n") == "no error")
    }

    @Test("collecting problems (pace check) keeps going and leaves bad rows out")
    func collecting() throws {
        let doc = try document("indicator,period,value\nx,2024Q1,1\nx,2024Q9,2\nx,2024Q1,3\nx,2024Q2,4\n")
        let (set, problems, count) = try ObservationSet.readCollectingProblems(document: doc)
        #expect(count == 2)
        #expect(problems.map { $0.line } == [3, 4])
        #expect(set.series.first?.values == [1, 4])
    }

    @Test("wide: one column per period, and one column per indicator")
    func wide() throws {
        let byPeriod = try load("""
            region,indicator,measure,2020Q1,2020Q2,note
            A,gdp,ytd,1,3,x
            A,cpi,,2.5,NA,y

            """, layout: .wide)
        #expect(byPeriod.series.count == 2)
        #expect(byPeriod.series(region: "A", indicator: "gdp", measure: .ytd)?.values == [1, 3])
        let cpi = try #require(byPeriod.series(region: "A", indicator: "cpi", measure: .level))
        #expect(cpi.values[0] == 2.5 && cpi.values[1].isNaN)
        #expect(cpi.attributes.first?.value(at: 0) == "y")
        let byIndicator = try load("""
            period,gdp,retail
            2020-01,1,10
            2020-02,2,
            """, layout: .wide)
        #expect(byIndicator.series.map(\.indicator) == ["gdp", "retail"])
        #expect(byIndicator.series[0].values == [1, 2])
        #expect(byIndicator.series[0].sourceLines == [2, 3])
        #expect(error("a,b\n1,2\n", layout: .wide).hasPrefix("t.csv:1: a wide file needs period columns or a period column"))
        #expect(error("indicator,2020Q1,2020-Q1\nx,1,2\n", layout: .wide).hasPrefix("t.csv:2:3: duplicate observation of x/level for 2020Q1, first on line 2"))
    }

    @Test("indicator metadata: defaults, kinds, a repeated indicator is an error")
    func metadata() throws {
        let meta = try IndicatorMetadata(document: document("indicator,kind,unit,direction\nloans,stock,bn,\nunemp,rate,%,lower\n"))
        #expect(meta.kind(of: "loans") == .stock)
        #expect(meta.kind(of: "gdp") == .flow)
        #expect(meta.direction(of: "unemp") == .lower)
        #expect(meta.direction(of: "loans") == .higher)
        #expect(throws: InputError.self) { try IndicatorMetadata(document: document("indicator,kind\nx,flow\nx,stock\n")) }
        #expect(throws: InputError.self) { try IndicatorMetadata(document: document("indicator,kind\nx,flux\n")) }
    }
}
