import Foundation
import Testing
@testable import PaceForecast

@Suite("classical decomposition")
struct ClassicalDecompositionTests {
    private static let quarterly: [Double] = (0..<24).map { i -> Double in
        let pattern: [Double] = [1.2, 0.9, 0.8, 1.1]
        return (100 + 2 * Double(i)) * pattern[i % 4]
    }

    // MARK: edge cases

    @Test("fewer than two full periods, or a period below 2, are refused")
    func tooShort() {
        #expect(throws: FilterError.tooShort(method: "classical decomposition", count: 7, minimum: 8,
                                             reason: "two full seasons of period 4")) {
            try ClassicalDecomposition(period: 4).decompose(Array(Self.quarterly.prefix(7)))
        }
        #expect(throws: FilterError.invalidParameter(name: "period", value: "1", constraint: "at least 2")) {
            try ClassicalDecomposition(period: 1).decompose(Self.quarterly)
        }
    }

    @Test("multiplicative decomposition refuses zero or negative data naming the index and value")
    func nonPositive() {
        var y = Self.quarterly
        y[10] = 0
        let expected = FilterError.nonPositive(index: 10, value: 0, method: "multiplicative decomposition")
        #expect(throws: expected) { try ClassicalDecomposition(period: 4, model: .multiplicative).decompose(y) }
        #expect(expected.description
            == "multiplicative decomposition needs positive values; the value at index 10 (observation 11) is 0.0")
        // The additive model accepts it.
        #expect((try? ClassicalDecomposition(period: 4).decompose(y)) != nil)
    }

    @Test("NaN is refused naming the index")
    func nan() {
        var y = Self.quarterly
        y[3] = .nan
        for model in SeasonalDecomposition.Model.allCases {
            #expect(throws: FilterError.nonFinite(index: 3, value: .nan)) {
                try ClassicalDecomposition(period: 4, model: model).decompose(y)
            }
        }
    }

    // MARK: reference

    @Test("statsmodels seasonal_decompose, additive and multiplicative, periods 12 and 4 (1e-12)",
          arguments: ["air", "gas"])
    func reference(series: String) throws {
        // Reference: Tests/Fixtures/forecast/decomposition_statsmodels.json, computed with
        // statsmodels 0.15 seasonal_decompose by make_decomposition_references.py.
        let json = try FilterFixtures.json("decomposition_statsmodels.json")
        let file = series == "air" ? ("air_passengers_monthly.csv", "AirPassengers") : ("uk_gas_quarterly.csv", "UKgas")
        let y = try FilterFixtures.csvSeries(file.0, series: file.1)
        for c in (json["classical"] as! [[String: Any]]) where c["series"] as! String == series {
            let model = SeasonalDecomposition.Model(rawValue: c["model"] as! String)!
            let period = c["period"] as! Int
            let d = try ClassicalDecomposition(period: period, model: model).decompose(y)
            let half = period / 2
            #expect(d.definedRange == half..<(y.count - half))
            func column(_ key: String) -> [Double] {
                (c[key] as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
            }
            let trend = column("trend"), seasonal = column("seasonal"), resid = column("resid")
            for i in y.indices {
                if d.definedRange.contains(i) {
                    // Moving sums in a different order: differences of a few ulps.
                    #expect(abs(d.trend[i] - trend[i]) <= 1e-12 * abs(trend[i]))
                    #expect(abs(d.remainder[i] - resid[i]) <= 1e-12 * max(abs(y[i]), 1))
                } else {
                    #expect(d.trend[i].isNaN && d.remainder[i].isNaN && trend[i].isNaN)
                }
                #expect(abs(d.seasonal[i] - seasonal[i]) <= 1e-12 * max(abs(y[i]), 1))
            }
        }
    }

    // MARK: invariants

    @Test("seasonal indices sum to 0 (additive) or average 1 (multiplicative); components recombine")
    func invariants() throws {
        let y = Self.quarterly
        let a = try ClassicalDecomposition(period: 4).decompose(y)
        let sumIndices: Double = a.seasonal[0..<4].reduce(0, +)
        #expect(abs(sumIndices) < 1e-12)
        let m = try ClassicalDecomposition(period: 4, model: .multiplicative).decompose(y)
        let meanFactor: Double = m.seasonal[0..<4].reduce(0, +) / 4
        #expect(abs(meanFactor - 1) < 1e-14)
        for i in a.definedRange {
            #expect(abs(a.trend[i] + a.seasonal[i] + a.remainder[i] - y[i]) <= 4 * y[i].ulp)
            #expect(abs(m.trend[i] * m.seasonal[i] * m.remainder[i] - y[i]) <= 4 * y[i].ulp)
        }
        #expect(a.weights == nil && a.method == .classical)
        // An odd period: equal weights over the period, ⌊m/2⌋ missing at each end.
        let odd = try ClassicalDecomposition(period: 5).decompose((0..<20).map { Double($0 % 5) + Double($0) })
        #expect(odd.definedRange == 2..<18)
        // y_t = t mod 5 + t for t = 0…4: 0, 2, 4, 6, 8, mean 4.
        #expect(abs(odd.trend[2] - 4.0) < 1e-12)
    }
}
