import Testing
@testable import PaceLinearAlgebra

@Suite("linear algebra errors")
struct LinearAlgebraErrorTests {
    @Test("LAPACK failures read as sentences naming the routine")
    func messages() {
        #expect(LinearAlgebraError.singular(routine: "dtrtrs", index: 3).description
            == "dtrtrs: the matrix is singular (zero pivot at position 3)")
    }
}
