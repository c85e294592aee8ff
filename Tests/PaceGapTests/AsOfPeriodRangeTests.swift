import PaceData
import Testing
@testable import PaceGap

/// `AsOfPeriod(parsing:)` and `Period` read the same texts: one range of years (0001–9999), the same spellings.
@Suite("gap: as-of periods read as data periods")
struct AsOfPeriodRangeTests {
    @Test("year 0000 and texts that are not periods are refused by both; accepted texts give the same period")
    func agreesWithPeriod() {
        let texts = ["0000", "0000Q1", "0000-01", "0000M1", "0001", "0001Q1", "0999-12", "9999", "9999Q4", "9999-12",
                     "9999M12", "10000", "10000Q1", "2024M003", "2024M0003", "2024M13", "2024M0", "2024Q0", "2024-Q0",
                     "2024-q4", "2024m07", "+024Q1", "-001", "2024 ", " 2024Q2", "2024Q2\t", "２０２４", "2024-3",
                     "2024-003", "20241", "2024Q12"]
        for text in texts {
            let asOf = AsOfPeriod(parsing: text)
            let period = Period(text)
            #expect((asOf == nil) == (period == nil), "\(text): as-of \(String(describing: asOf)), period \(String(describing: period))")
            if let asOf, let period {
                #expect(asOf == AsOfPeriod(year: period.year, position: period.position, periodsPerYear: period.periodsPerYear))
                #expect(asOf.description == period.description, "\(text)")
            }
        }
        for bad in ["0000", "0000Q1", "0000-06", "0000M6", "10000", "2024M003"] {
            #expect(AsOfPeriod(parsing: bad) == nil, "\(bad)")
        }
        #expect(AsOfPeriod(parsing: "0001Q1") == AsOfPeriod(year: 1, position: 1, periodsPerYear: 4))
        #expect(AsOfPeriod(parsing: "9999-12") == AsOfPeriod(year: 9999, position: 12, periodsPerYear: 12))
    }

    @Test("labels have four-digit years as periods do, so a label reads back")
    func labelsReadBack() {
        for (year, position, n, label) in [(1, 1, 4, "0001Q1"), (999, 3, 12, "0999-03"), (42, 1, 1, "0042"),
                                           (2024, 11, 12, "2024-11"), (9999, 4, 4, "9999Q4")] {
            let asOf = AsOfPeriod(year: year, position: position, periodsPerYear: n)
            #expect(asOf.description == label)
            #expect(AsOfPeriod(parsing: label) == asOf)
            #expect(Period(year: year, position: position, frequency: Frequency(rawValue: n)!)?.description == label)
        }
    }
}
