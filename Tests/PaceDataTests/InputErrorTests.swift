import Testing
@testable import PaceData

@Suite("input error messages")
struct InputErrorTests {
    @Test("file, line, column, found and expected, with control characters escaped")
    func format() {
        let e = InputError(file: "a.csv", line: 3, column: 2, problem: "not a number",
                           found: "1,2\n", expected: "a decimal number")
        #expect(e.description == #"a.csv:3:2: not a number (found "1,2\n", expected a decimal number)"#)
        let whole = InputError(file: "b.csv", problem: "the file is empty", expected: "a header row")
        #expect(whole.description == "b.csv: the file is empty (expected a header row)")
    }
}
