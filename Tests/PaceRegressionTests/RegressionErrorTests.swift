import Testing
@testable import PaceRegression

@Suite("regression errors")
struct RegressionErrorTests {
    @Test("a rank-deficient design names the collinear columns")
    func rankDeficient() {
        let e = RegressionError.rankDeficient(columns: ["x2"], rank: 2)
        #expect(e.description.contains("'x2'"))
        #expect(e.description.contains("rank 2"))
    }
}
