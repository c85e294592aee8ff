import Foundation
import PaceData
import Testing
@testable import PaceGap

/// Reading observations and targets for the gap analysis.
@Suite("gap: loading observations and targets")
struct LoadingTests {
    func document(_ text: String, _ name: String = "t.csv") throws -> CSVDocument {
        try CSVDocument(bytes: Array(text.utf8), source: name)
    }

    func same(_ a: [GapSeries], _ b: [GapSeries]) -> Bool {
        guard a.count == b.count else { return false }
        func eq(_ x: [Double], _ y: [Double]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        }
        return zip(a, b).allSatisfy { x, y in
            x.region == y.region && x.indicator == y.indicator && x.periodsPerYear == y.periodsPerYear
                && x.kind == y.kind && x.firstYear == y.firstYear && x.yearCount == y.yearCount
                && eq(x.level, y.level) && eq(x.ytd, y.ytd) && eq(x.stock, y.stock) && eq(x.yoy, y.yoy)
                && eq(x.ytdYoY, y.ytdYoY) && x.notes == y.notes
        }
    }

    @Test("the fast loader equals the general reader on the fixture panel")
    func fastEqualsGeneralOnFixture() throws {
        let doc = try document(try gapFixture("panel_small.csv"))
        let fast = try #require(GapSeries.fastPanel(doc, metadata: IndicatorMetadata()))
        let general = GapSeries.panel(from: try ObservationSet(document: doc))
        #expect(fast.count == 15)
        #expect(same(fast, general))
    }

    /// Several measures, NA and empty cells, interleaved series, a padded measure spelling.
    static let mixedRows = """
        region,indicator,period,measure,value
        A,gdp,2023Q1,ytd,10
        B,gdp,2023Q1,ytd,5
        A,gdp,2023Q2,ytd,NA
        A,gdp,2024Q1,ytd_yoy,4.5
        A,loans,2023-12,stock,100
        A,loans,2024-03,stock,
        B,gdp,2024Q2,yoy,3
        A,gdp,2024Q1, YTD ,10.5
        B,cpi,2024-02,level,2.1
        """

    @Test("the fast loader equals the general reader: several measures, NA, interleaved rows, kinds; unused measures decline")
    func fastEqualsGeneralMixed() throws {
        let text = Self.mixedRows
        // A measure the gap does not use (qoq, here monthly in a quarterly indicator: an error
        // for the general reader) makes the fast loader decline.
        let unused = try document(text + "\nA,gdp,2023Q3,qoq,1.2\nA,gdp,2023-07,qoq,1.2")
        #expect(GapSeries.fastPanel(unused, metadata: IndicatorMetadata()) == nil)
        #expect(throws: InputError.self) { _ = try GapSeries.panel(from: unused) }
        let doc = try document(text)
        let meta = IndicatorMetadata(entries: [.init(indicator: "loans", kind: .stock), .init(indicator: "cpi", kind: .rate)])
        let fast = try #require(GapSeries.fastPanel(doc, metadata: meta))
        let general = GapSeries.panel(from: try ObservationSet(document: doc), metadata: meta)
        #expect(same(fast, general))
        #expect(fast.map(\.indicator) == ["gdp", "gdp", "loans", "cpi"])
        #expect(fast[2].kind == .stock && fast[3].kind == .rate)
        #expect(fast[0].value(.ytd, year: 2024, position: 1) == 10.5)
        #expect(fast[0].value(.ytd, year: 2023, position: 2).isNaN)
    }

    @Test("files the fast loader does not handle go through the general reader, with its messages")
    func fallbacks() throws {
        // A unit column: general reader, same panel.
        let withUnit = try document("indicator,period,value,unit\ngdp,2024Q1,1,bn\ngdp,2024Q2,2,bn\n")
        #expect(GapSeries.fastPanel(withUnit, metadata: IndicatorMetadata()) == nil)
        let panel = try GapSeries.panel(from: withUnit)
        #expect(panel.count == 1)
        #expect(panel[0].value(.level, year: 2024, position: 1) == 1 && panel[0].value(.level, year: 2024, position: 2) == 2)
        // Bad input: the general reader's error, unchanged.
        for bad in ["indicator,period,value\ngdp,2024Q5,1\n", "indicator,period,value\ngdp,2024Q1,abc\n",
                    "indicator,period,value\ngdp,2024Q1,1\ngdp,2024Q1,2\n", "indicator,period,measure,value\ngdp,2024Q1,levels,1\n",
                    "indicator,period,value\n,2024Q1,1\n", "indicator,period,value\ngdp,2024Q1,1\ngdp,2024-05,2\n"] {
            let doc = try document(bad)
            #expect(GapSeries.fastPanel(doc, metadata: IndicatorMetadata()) == nil, "\(bad)")
            var expected: InputError?
            do { _ = try ObservationSet(document: doc) } catch let e as InputError { expected = e }
            #expect(expected != nil)
            #expect(throws: expected!) { _ = try GapSeries.panel(from: doc) }
        }
    }

    /// The byte scanner's panel for `text` split into `parts` chunks (nil when it declines).
    func scanned(_ text: String, parts: Int, metadata: IndicatorMetadata = IndicatorMetadata()) throws -> [GapSeries]? {
        let input = try GapSeries.PanelInput(file: LoadedFile(bytes: Array(text.utf8), source: "t.csv"), parts: parts)
        guard input.isScanned else { return nil }
        return try GapSeries.panel(from: input, metadata: metadata)
    }

    @Test("the byte scanner equals the document loader on the fixture panel, for 1 to 7 chunks")
    func byteScannerOnFixture() throws {
        let text = try gapFixture("panel_small.csv")
        let general = GapSeries.panel(from: try ObservationSet(document: try document(text)))
        for parts in 1...7 {
            let fast = try #require(try scanned(text, parts: parts), "parts \(parts)")
            #expect(same(fast, general), "parts \(parts)")
        }
    }

    @Test("the byte scanner: several measures, NA, interleaved rows, CRLF, BOM, kinds, any chunk count")
    func byteScannerMixed() throws {
        let body = Self.mixedRows + "\nЖ,cpi,2024-03,level,1e3"
        let meta = IndicatorMetadata(entries: [.init(indicator: "loans", kind: .stock), .init(indicator: "cpi", kind: .rate)])
        let general = GapSeries.panel(from: try ObservationSet(document: try document(body)), metadata: meta)
        let crlf = "\u{FEFF}" + body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n\r\n"
        for text in [body, body + "\n", crlf] {
            for parts in 1...6 {
                let fast = try #require(try scanned(text, parts: parts, metadata: meta), "parts \(parts)")
                #expect(same(fast, general), "parts \(parts)")
                #expect(fast.map(\.region) == ["A", "B", "A", "B", "Ж"])
                #expect(fast[2].kind == .stock && fast[3].kind == .rate)
            }
        }
    }

    @Test("files the byte scanner declines go through CSVDocument: same panel, same errors")
    func byteScannerFallbacks() throws {
        // Declined but valid: quotes, an extra column, a header in another script.
        for text in ["indicator,period,value\n\"gdp\",2024Q1,1\n", "indicator,period,value,unit\ngdp,2024Q1,1,bn\n",
                     "indicator,period,value,\u{0416}\ngdp,2024Q1,1,x\n"] {
            #expect(try scanned(text, parts: 2) == nil, "\(text)")
        }
        // Bad input: the errors of CSVDocument and of the general reader, unchanged.
        for bad in ["indicator,period,value\ngdp,2024Q5,1\n", "indicator,period,value\ngdp,2024Q1,abc\n",
                    "indicator,period,value\ngdp,2024Q1,1\ngdp,2024Q1,2\n", "indicator,period,measure,value\ngdp,2024Q1,levels,1\n",
                    "indicator,period,value\n,2024Q1,1\n", "indicator,period,value\ngdp,2024Q1,1\ngdp,2024-05,2\n",
                    "indicator,period,value\ngdp,2024Q1\n", "indicator,period,value\ngdp,2024Q1,1,2\n",
                    "indicator,period,value\ngdp,2024Q1,1\n\ngdp,2024Q2,2\n", "indicator,period,value\n", "",
                    "indicator,period,value\ngdp,2024Q1,\"1\n", "indicator,indicator,value\ngdp,2024Q1,1\n"] {
            try expectSameOutcome(Array(bad.utf8))
        }
        // Invalid UTF-8 in a region name.
        try expectSameOutcome(Array("region,indicator,period,value\nR".utf8) + [0xC3, 0x28] + Array(",gdp,2024Q1,1\n".utf8))
    }

    @Test("property: on random long files (key lengths 1–12, repeated and changing fields, NA, unused measures, CRLF) the byte scanner's panel or error equals the general reader's")
    func byteScannerRandomFiles() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed-seed linear congruential generator
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let names = ["A", "R1", "Moscow", "region_12345", "Ж", "ind", "gdp_real", "x"]
        let measures = ["ytd", "level", "yoy", " ytd ", "qoq", "", "ytd_yoy", "stock"]
        for _ in 0..<150 {
            var lines = [["region,indicator,period,measure,value", "indicator,region,value,period,measure",
                          "region,indicator,period,value"][next(3)]]
            let order = lines[0].split(separator: ",").map(String.init)
            var region = names[next(5)], indicator = names[5 + next(3)], measure = measures[next(measures.count)]
            for k in 0..<(1 + next(60)) {
                if next(5) == 0 { region = names[next(names.count)] }
                if next(4) == 0 { indicator = names[5 + next(3)] }
                if next(6) == 0 { measure = measures[next(measures.count)] }
                let period = next(20) == 0 ? "20\(10 + next(15))-0\(1 + next(9))" : "20\(10 + k / 4)Q\(1 + k % 4)"
                let value = [String(next(100_000)) + "." + String(next(100)), "NA", "", "-\(next(50))", "1e\(next(3))"][next(5)]
                let cells = ["region": region, "indicator": indicator, "period": period, "measure": measure, "value": value]
                lines.append(order.map { cells[$0]! }.joined(separator: ","))
            }
            if next(10) == 0 { lines.append("bad,line") }
            let newline = next(4) == 0 ? "\r\n" : "\n"
            try expectSameOutcome(Array((lines.joined(separator: newline) + (next(2) == 0 ? newline : "")).utf8))
        }
    }

    @Test("byte scanner runs: shuffled, descending and gapped periods give the general reader's panel; a duplicate in another run or chunk gives its error")
    func byteScannerRuns() throws {
        // Rows are stored as runs of consecutive periods; every way of breaking a run is checked
        // against the general reader on 1–3 chunks (`expectSameOutcome`) and on up to 6 chunks.
        var rows: [String] = []
        for region in ["A", "B", "C"] {
            for k in 0..<24 { rows.append("\(region),gdp,\(2015 + k / 4)Q\(1 + k % 4),ytd,\(k * 10 + Int(region.utf8.first!) % 7)") }
        }
        let header = "region,indicator,period,measure,value"
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var shuffled = rows
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, next(i + 1)) }
        let gapped = rows.enumerated().filter { $0.offset % 5 != 2 }.map(\.element)
        for body in [rows, Array(rows.reversed()), shuffled, gapped, rows + ["A,gdp,2016Q1,yoy,5", "A,gdp,2016Q2,yoy,6"]] {
            let text = ([header] + body).joined(separator: "\n") + "\n"
            try expectSameOutcome(Array(text.utf8))
            let general = GapSeries.panel(from: try ObservationSet(document: try document(text)))
            for parts in 4...6 {
                let fast = try #require(try scanned(text, parts: parts), "parts \(parts)")
                #expect(same(fast, general), "parts \(parts)")
            }
        }
        // Duplicates: in the next run of the same series, in a later chunk, inside a shuffled file.
        for body in [rows + ["A,gdp,2015Q3,ytd,1"], ["B,gdp,2019Q4,ytd,1"] + rows, shuffled + [shuffled[7]]] {
            let text = ([header] + body).joined(separator: "\n") + "\n"
            try expectSameOutcome(Array(text.utf8))
            #expect(throws: InputError.self) { _ = try GapSeries.panel(from: try GapSeries.PanelInput(file: LoadedFile(bytes: Array(text.utf8), source: "t.csv"), parts: 5)) }
        }
    }

    @Test("padded region and indicator names are trimmed by the fast loader and the byte scanner, as by the general reader (fuzz regression)")
    func paddedNames() throws {
        // Found by Tests/Fuzz panel: the general reader trims ASCII spaces and tabs around
        // region and indicator names; the two fast paths kept them, giving a series "A " that
        // no target "A" joins, and a blank name that the general reader rejects.
        let padded = "region,indicator,period,value\nR,gdp,2024Q1,1\nR ,A ,2024-05,2\n\tR, gdp\t,2024Q2,3\n"
        let doc = try document(padded)
        let general = GapSeries.panel(from: try ObservationSet(document: doc))
        #expect(general.map(\.indicator) == ["gdp", "A"] && general.map(\.region) == ["R", "R"])
        let fast = try #require(GapSeries.fastPanel(doc, metadata: IndicatorMetadata()))
        #expect(same(fast, general))
        for parts in 1...3 {
            let scanned = try #require(try scanned(padded, parts: parts), "parts \(parts)")
            #expect(same(scanned, general), "parts \(parts)")
        }
        try expectSameOutcome(Array(padded.utf8))
        // A name of spaces only is a missing name, whichever path reads the file.
        for blank in ["indicator,period,value\n ,2024Q1,1\n", "indicator,period,value\ngdp,2024Q1,1\n\t ,2024Q2,1\n"] {
            #expect(GapSeries.fastPanel(try document(blank), metadata: IndicatorMetadata()) == nil)
            try expectSameOutcome(Array(blank.utf8))
        }
    }

    @Test("a padded blank or NA value is the general reader's error on every path, not a missing value (fuzz regression)")
    func paddedMissingValues() throws {
        // Found by Tests/Fuzz panel: the general reader takes only an empty or NA cell as a
        // missing value and reports " " or " NA " (which the decimal parser trims to missing);
        // the two fast paths took them as missing.
        for cell in [" ", "\t", " NA", "NA\t", "  "] {
            let text = "indicator,period,value\ngdp,2024Q2,2\ncpi,2024-01,\ncpi,2024-02,\(cell)\ncpi,2024-03,NA\n"
            let doc = try document(text)
            #expect(GapSeries.fastPanel(doc, metadata: IndicatorMetadata()) == nil, "\(cell.debugDescription)")
            var expected: InputError?
            do { _ = try ObservationSet(document: doc) } catch let e as InputError { expected = e }
            #expect(expected?.line == 4 && expected?.column == 3, "\(cell.debugDescription)")
            #expect(throws: expected!) { _ = try GapSeries.panel(from: doc) }
            #expect(try scanned(text, parts: 1) == nil, "\(cell.debugDescription)")
            try expectSameOutcome(Array(text.utf8))
        }
        // Empty and NA cells stay missing values on the fast paths.
        let fine = "indicator,period,value\ngdp,2024Q2,2\ncpi,2024-01,\ncpi,2024-03,NA\ncpi,2024-04,1\n"
        #expect(GapSeries.fastPanel(try document(fine), metadata: IndicatorMetadata()) != nil)
        #expect(try scanned(fine, parts: 2) != nil)
        try expectSameOutcome(Array(fine.utf8))
    }

    @Test("target names are trimmed as the data reader trims them, also before a combining mark (fuzz regression)")
    func targetNamesTrimmedLikeData() throws {
        // Found by Tests/Fuzz targets: the targets reader trimmed whole characters, so a space
        // followed by a combining mark (one character) stayed, while the data readers trim the
        // space byte: the target " \u{301}A" did not join the series "\u{301}A".
        let targets = try GapTarget.read(document: document("region,indicator,year,type,target\n \u{301}A,\t\u{301}gdp ,2024,growth,5\n"))
        let panel = try GapSeries.panel(from: document("region,indicator,period,value\n \u{301}A,\t\u{301}gdp ,2024Q1,1\n"))
        #expect(targets.map(\.region) == ["\u{301}A"] && targets.map(\.indicator) == ["\u{301}gdp"])
        #expect(panel.map(\.region) == targets.map(\.region) && panel.map(\.indicator) == targets.map(\.indicator))
    }

    @Test("property: the eight-digits-at-a-time decimal reader gives plainDecimal's value or declines, on random short texts")
    func shortDecimalAgrees() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        // Mostly digits and dots, some signs, spaces, letters and non-ASCII bytes; what follows
        // the text (read by the word load) is random too.
        let alphabet: [UInt8] = Array("0123456789".utf8) + Array("0123456789..-".utf8) + [0x20, 0x2B, 0x65, 0x2C, 0x0A, 0xC3, 0xFF, 0x2F, 0x3A]
        var accepted = 0
        for _ in 0..<200_000 {
            let n = next(11)
            var bytes = (0..<16).map { _ in alphabet[next(alphabet.count)] }
            if next(3) == 0 { bytes[0] = 0x2D }
            let short = bytes.withUnsafeBufferPointer { GapSeries.ByteChunk.shortDecimal($0.baseAddress!, n) }
            let plain = bytes.withUnsafeBufferPointer { GapSeries.ByteChunk.plainDecimal($0.baseAddress!, n) }
            let text = String(decoding: bytes[0..<n], as: UTF8.self)
            if let short {
                accepted += 1
                // Bit for bit: the same correctly rounded division, and the general parser's value.
                #expect(plain?.bitPattern == short.bitPattern, "\(text)")
                if case .number(let x) = bytes.withUnsafeBufferPointer({ DecimalParser.classify(UnsafeBufferPointer(rebasing: $0[0..<n])) }) {
                    #expect(x.bitPattern == short.bitPattern, "\(text)")
                } else {
                    Issue.record("DecimalParser rejects \(text), the short reader took it")
                }
            } else if n >= 1, n - (bytes[0] == 0x2D ? 1 : 0) <= 8 {
                // Declined only what plainDecimal declines.
                #expect(plain == nil, "\(text)")
            }
        }
        #expect(accepted > 10_000)
    }

    /// The panel or the error of the byte-scanner path equals the general reader's, for 1–3 chunks.
    func expectSameOutcome(_ bytes: [UInt8]) throws {
        let file = LoadedFile(bytes: bytes, source: "t.csv")
        var expected: InputError?
        var general: [GapSeries] = []
        do {
            general = GapSeries.panel(from: try ObservationSet(document: try file.csvDocument()))
        } catch let e as InputError {
            expected = e
        }
        for parts in [1, 2, 3] {
            if let expected {
                #expect(throws: expected, "\(bytes)") {
                    _ = try GapSeries.panel(from: try GapSeries.PanelInput(file: file, parts: parts))
                }
            } else {
                #expect(same(try GapSeries.panel(from: try GapSeries.PanelInput(file: file, parts: parts)), general), "\(bytes)")
            }
        }
    }

    @Test("targets: read with optional region and stretch; bad cells are located errors")
    func targets() throws {
        let ok = try GapTarget.read(document: document("""
            indicator,year,type,target,stretch
            gdp,2024,growth,6.5,7
            cpi,2024, MAX ,3,
            """))
        #expect(ok == [GapTarget(region: "", indicator: "gdp", year: 2024, type: .growth, target: 6.5, stretch: 7),
                       GapTarget(region: "", indicator: "cpi", year: 2024, type: .max, target: 3, stretch: nil)])
        let cases: [(String, InputError)] = [
            ("indicator,year,type,target\ngdp,2024,grow,6\n",
             InputError(file: "t.csv", line: 2, column: 3, problem: "unknown target type", found: "grow",
                        expected: "growth, level, max, min")),
            ("indicator,year,type,target\ngdp,24,growth,6\n",
             InputError(file: "t.csv", line: 2, column: 2, problem: "bad year", found: "24", expected: "a year 0001–9999")),
            ("indicator,year,type,target\ngdp,2024,growth,\n",
             InputError(file: "t.csv", line: 2, column: 4, problem: "missing target", found: "", expected: "a number")),
            ("indicator,year,type\ngdp,2024,growth\n",
             InputError(file: "t.csv", line: 1, problem: "missing required column \"target\"", found: "indicator,year,type",
                        expected: "a header region,indicator,year,type,target[,stretch]")),
            ("indicator,year,type,target\ngdp,2024,growth,6\ngdp,2024,growth,7\n",
             InputError(file: "t.csv", line: 3, problem: "duplicate target", found: "gdp 2024 growth",
                        expected: "one row per region, indicator, year and type (first on line 2)")),
        ]
        for (text, error) in cases {
            #expect(throws: error) { _ = try GapTarget.read(document: try document(text)) }
        }
    }

    @Test("a target year outside 0001–9999 (0000 is four digits) is refused saying what is accepted, as periods say it")
    func targetYearRange() throws {
        // The accepted range is Period.years (1…9999, SPEC §2's four-digit years); the wording is the period parser's.
        let periodWording = try #require(#expect(throws: PeriodSyntaxError.self) { _ = try Period(parsing: "0000Q1") })
        #expect(periodWording.expected == "a year 0001–9999")
        for year in ["0000", "10000", "99", "20x4", "-001"] {
            #expect(throws: InputError(file: "t.csv", line: 2, column: 2, problem: "bad year", found: year,
                                       expected: periodWording.expected)) {
                _ = try GapTarget.read(document: try document("indicator,year,type,target\ngdp,\(year),growth,6\n"))
            }
        }
        // The ends of the range are read.
        let ends = try GapTarget.read(document: try document("indicator,year,type,target\ngdp,0001,growth,6\ngdp,9999,growth,6\n"))
        #expect(ends.map(\.year) == [Period.years.lowerBound, Period.years.upperBound])
    }
}

/// The two-thread paths (large inputs) give exactly the one-thread results.
@Suite("gap: large inputs")
struct LargeInputTests {
    /// 3,000 region × indicator series of 72 quarterly ytd rows (216,000 rows: above the
    /// two-thread threshold), with one series split across the middle of the file.
    func bigCSV() -> String {
        var lines = ["region,indicator,period,measure,value"]
        lines.reserveCapacity(216_010)
        var tail: [String] = []
        for s in 0..<3000 {
            for y in 2007...2024 {
                for q in 1...4 {
                    let line = "R\(s / 10),i\(s % 10),\(y)Q\(q),ytd,\(Double(s + 1) * Double(q) * (1 + Double(y - 2007) / 20))"
                    // Series 7 keeps its last years at the end of the file (after the midpoint).
                    if s == 7 && y >= 2020 { tail.append(line) } else { lines.append(line) }
                }
            }
        }
        lines.append(contentsOf: tail)
        lines.append("R0,i7,2006Q4,yoy,3")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the two-thread fast loader equals the general reader")
    func loader() throws {
        let doc = try CSVDocument(bytes: Array(bigCSV().utf8), source: "big.csv")
        #expect(doc.rowCount >= 200_000)
        let fast = try #require(GapSeries.fastPanel(doc, metadata: IndicatorMetadata()))
        let general = GapSeries.panel(from: try ObservationSet(document: doc))
        #expect(fast.count == 3000 && general.count == 3000)
        for (a, b) in zip(fast, general) {
            #expect(a.region == b.region && a.indicator == b.indicator && a.firstYear == b.firstYear
                && a.yearCount == b.yearCount)
            #expect(a.ytd.elementsEqual(b.ytd) { $0 == $1 || ($0.isNaN && $1.isNaN) })
            #expect(a.yoy.elementsEqual(b.yoy) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
        #expect(fast[7].firstYear == 2006 && fast[7].value(.ytd, year: 2024, position: 4) > 0)
    }

    @Test("the byte scanner gives the same panel on 1, 2 and 5 chunks (threads) and equals the general reader")
    func byteScannerThreads() throws {
        let bytes = Array(bigCSV().utf8)
        let general = GapSeries.panel(from: try ObservationSet(document: try CSVDocument(bytes: bytes, source: "big.csv")))
        for parts in [1, 2, 5] {
            let input = try GapSeries.PanelInput(file: LoadedFile(bytes: bytes, source: "big.csv"), parts: parts)
            #expect(input.isScanned)
            let fast = try GapSeries.panel(from: input)
            #expect(fast.count == general.count)
            for (a, b) in zip(fast, general) {
                #expect(a.region == b.region && a.indicator == b.indicator && a.firstYear == b.firstYear
                    && a.yearCount == b.yearCount)
                #expect(a.ytd.elementsEqual(b.ytd) { $0 == $1 || ($0.isNaN && $1.isNaN) })
                #expect(a.yoy.elementsEqual(b.yoy) { $0 == $1 || ($0.isNaN && $1.isNaN) })
            }
        }
    }

    @Test("two-thread analysis and CSV formatting equal one row at a time and CSVWriter")
    func analysisAndCSV() throws {
        let doc = try CSVDocument(bytes: Array(bigCSV().utf8), source: "big.csv")
        let panel = try GapSeries.panel(from: doc)
        var series: [GapSeries] = []
        for _ in 0..<4 { series.append(contentsOf: panel) }  // 12,000 rows
        let targets = panel.map { GapTarget(region: $0.region, indicator: $0.indicator, year: 2024, type: .growth, target: 5) }
        let opts = options("2024Q2", .seasonal)
        let analyzer = try GapAnalyzer(options: opts)
        let rows = analyzer.analyse(series: series, targets: targets)
        #expect(rows.count == 12_000)
        let oneByOne = series.enumerated().map { i, s in analyzer.row(for: s, target: i < 3000 ? targets[i] : nil) }
        #expect(rows == oneByOne)
        // CSV: the chunked formatter against CSVWriter, with notes that need quoting.
        var withNotes = rows
        withNotes[5].notes = ["a, b", "say \"x\""]
        withNotes[6].notes = [" leading space"]
        let report = GapReport(rows: withNotes, options: opts, inputs: [])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-gap-large-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fastPath = dir.appendingPathComponent("fast.csv").path, slowPath = dir.appendingPathComponent("slow.csv").path
        let fastSink = try OutputSink(path: fastPath)
        report.write(.csv, to: fastSink)
        try fastSink.commit()
        let slowSink = try OutputSink(path: slowPath)
        for line in report.provenanceLines { slowSink.write("# " + line + "\n") }
        let writer = CSVWriter(sink: slowSink)
        writer.writeHeader(GapRow.columnNames)
        for row in withNotes {
            for cell in row.cells {
                switch cell {
                case .text(let t): writer.field(t)
                case .number(let x): writer.field(x)
                case .integer(let n): writer.field(n)
                }
            }
            writer.endRow()
        }
        try slowSink.commit()
        let a = try String(contentsOfFile: fastPath, encoding: .utf8), b = try String(contentsOfFile: slowPath, encoding: .utf8)
        #expect(a == b)
        #expect(a.contains("\"a, b; say \"\"x\"\"\""))
    }
}
