import Testing
@testable import PaceGap

@Suite("time basis")
struct TimeBasisTests {
    @Test("option spellings are the SPEC's")
    func spellings() {
        #expect(TimeBasis.allCases.map(\.rawValue) == ["calendar", "days", "seasonal"])
    }
}
