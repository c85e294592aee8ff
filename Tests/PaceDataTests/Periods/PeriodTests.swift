import PropertyBased
import Testing
@testable import PaceData

@Suite("periods: parsing, printing, arithmetic")
struct PeriodTests {
    @Test("edge cases first: empty, too short, year 0000, out-of-range positions, junk")
    func rejects() {
        for text in ["", " ", "202", "0000", "0000Q1", "2024Q0", "2024Q5", "2024-00", "2024-13", "2024M0",
                     "2024M13", "2024-3", "2024-Q", "2024Q", "2024Q12", "20240", "2024/03", "2024 Q1",
                     "２０２４", "2024-03-01", "-2024", "2024.0", "24Q1", "2024W1"] {
            #expect(Period(text) == nil, "accepted \(text)")
        }
    }

    @Test("every documented spelling, printed canonically")
    func spellings() throws {
        let cases: [(String, String, Frequency, Int, Int)] = [
            ("2024", "2024", .annual, 2024, 1),
            ("2024Q1", "2024Q1", .quarterly, 2024, 1),
            ("2024-Q2", "2024Q2", .quarterly, 2024, 2),
            ("2024q4", "2024Q4", .quarterly, 2024, 4),
            ("2024-q3", "2024Q3", .quarterly, 2024, 3),
            ("2024-03", "2024-03", .monthly, 2024, 3),
            ("2024M03", "2024-03", .monthly, 2024, 3),
            ("2024M3", "2024-03", .monthly, 2024, 3),
            ("2024m12", "2024-12", .monthly, 2024, 12),
            (" 1992-02 ", "1992-02", .monthly, 1992, 2),
            ("0001", "0001", .annual, 1, 1),
            ("9999-12", "9999-12", .monthly, 9999, 12),
        ]
        for (text, canonical, frequency, year, position) in cases {
            let p = try #require(Period(text), "rejected \(text)")
            #expect(p.description == canonical)
            #expect(p.frequency == frequency)
            #expect(p.year == year)
            #expect(p.position == position)
        }
    }

    @Test("diagnostics say what was expected")
    func diagnostics() {
        #expect(Period.diagnose("2024Q5").expected == "a quarter 1–4, as in 2024Q1")
        #expect(Period.diagnose("2024-Q0").expected == "a quarter 1–4, as in 2024Q1")
        #expect(Period.diagnose("2024-13").expected == "a two-digit month 01–12, as in 2024-03")
        #expect(Period.diagnose("2024M13").expected == "a month 1–12, as in 2024M3 or 2024M03")
        #expect(Period.diagnose("0000").expected == "a year 0001–9999")
        #expect(Period.diagnose("Q1 2024").expected == Period.syntaxDescription)
        #expect(throws: PeriodSyntaxError.self) { try Period(parsing: "2024Q9") }
    }

    @Test("previous, next, a year earlier, first of year; year boundaries and the range ends")
    func arithmetic() throws {
        let q1 = try #require(Period.quarter(2024, 1))
        #expect(q1.previous == Period.quarter(2023, 4))
        #expect(q1.next == Period.quarter(2024, 2))
        #expect(q1.yearEarlier == Period.quarter(2023, 1))
        let dec = try #require(Period.month(2023, 12))
        #expect(dec.next == Period.month(2024, 1))
        #expect(dec.firstOfYear == Period.month(2023, 1))
        #expect(Period.year(2024)?.previous == Period.year(2023))
        #expect(Period.year(2024)?.yearEarlier == Period.year(2023))
        #expect(Period.month(1, 1)?.previous == nil)
        #expect(Period.month(9999, 12)?.next == nil)
        #expect(Period.quarter(2020, 3)!.distance(to: Period.quarter(2022, 1)!) == 6)
        #expect(Period.month(2024, 5)?.periodsPerYear == 12)
        #expect(Period.quarter(2024, 5) == nil)
        #expect(Period.month(2024, 0) == nil)
        #expect(Period.year(10000) == nil)
    }

    @Test("days elapsed and days in year, leap years included (1900 no, 2000 yes)")
    func days() {
        #expect(Period.quarter(2024, 1)?.daysElapsedInYear == 91)   // 31+29+31
        #expect(Period.quarter(2023, 1)?.daysElapsedInYear == 90)
        #expect(Period.quarter(2023, 2)?.daysElapsedInYear == 181)
        #expect(Period.quarter(2024, 4)?.daysElapsedInYear == 366)
        #expect(Period.month(2024, 2)?.daysElapsedInYear == 60)
        #expect(Period.month(1900, 2)?.daysElapsedInYear == 59)
        #expect(Period.month(2000, 2)?.daysElapsedInYear == 60)
        #expect(Period.month(2023, 1)?.daysElapsedInYear == 31)
        #expect(Period.year(2024)?.daysInYear == 366)
        #expect(Period.year(2023)?.daysElapsedInYear == 365)
        #expect(Period.year(1900)?.daysInYear == 365)
        // τ by days for 2024Q2: 182/366 (hand computed: 31+29+31+30+31+30).
        #expect(abs(Period.quarter(2024, 2)!.dayShare - 182.0 / 366.0) < 1e-15)
        #expect(Period.quarter(2024, 3)?.calendarShare == 0.75)
    }

    @Test("ordering: chronological within a frequency, by end month across frequencies")
    func ordering() {
        let sorted = ["2024-04", "2023Q4", "2024Q1", "2024-03", "2023", "2024-01"].compactMap(Period.init).sorted()
        #expect(sorted.map(\.description) == ["2023Q4", "2023", "2024-01", "2024-03", "2024Q1", "2024-04"])
    }

    @Test("property: printing then parsing gives the same period, for every spelling")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...9999), Gen.int(in: 0...2), Gen.int(in: 1...12)) {
            year, f, k in
            let frequency = [Frequency.annual, .quarterly, .monthly][f]
            let position = (k - 1) % frequency.periodsPerYear + 1
            let period = Period(year: year, position: position, frequency: frequency)!
            #expect(Period(period.description) == period)
            var bytes: [UInt8] = []
            period.appendCanonical(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == period.description)
            let y = period.description.prefix(4)
            switch frequency {
            case .quarterly:
                #expect(Period("\(y)-Q\(position)") == period)
                #expect(Period("\(y)q\(position)") == period)
            case .monthly:
                #expect(Period("\(y)M\(position)") == period)
                #expect(Period("\(y)M\(position < 10 ? "0" : "")\(position)") == period)
            case .annual:
                break
            }
            #expect(period.next.map { $0.previous == period } ?? true)
            #expect(period.yearEarlier.map { $0.year == year - 1 && $0.position == position } ?? (year == 1))
        }
    }

    @Test("property: the byte parser never traps on arbitrary short byte strings")
    func noTraps() async {
        await propertyCheck(count: 500, input: Gen.element(of: Array("0123456789QqMm- x".utf8)).array(of: 0...9)) { bytes in
            let parsed = bytes.map { $0 ?? 0x30 }.withUnsafeBufferPointer { Period.parse(bytes: $0) }
            if let parsed { #expect(Period(parsed.description) == parsed) }
        }
    }
}
