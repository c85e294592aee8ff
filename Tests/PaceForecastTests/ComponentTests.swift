import Testing
@testable import PaceForecast

@Suite("model components")
struct ComponentTests {
    @Test("letters parse as in R's model strings")
    func letters() {
        #expect(Component(rawValue: "M") == .multiplicative)
        #expect(Component(rawValue: "Z") == nil)
    }
}
