import Testing
@testable import PaceForecast

/// M3-style accuracy measures (definitions of shared/bench/ets_peers.py and R's accuracy()).
@Suite("ETS accuracy measures")
struct ETSAccuracyTests {
    @Test("sMAPE and MASE by hand")
    func byHand() {
        // train 1,2,4,7 with lag 1: |1|,|2|,|3| → scale 2; test 10, 10 vs forecast 8, 12:
        // sMAPE = mean(200·2/18, 200·2/22) = 20.2020…; MASE = mean(2, 2)/2 = 1.
        let s = ETSAccuracy.score(train: [1, 2, 4, 7], test: [10, 10], forecast: [8, 12], period: 1)
        #expect(abs(s.smape - (400.0 / 18 + 400.0 / 22) / 2) < 1e-12)
        #expect(abs(s.mase - 1) < 1e-15)
        // seasonal lag 2: |4−1|, |7−2| → scale 4 → MASE 0.5
        #expect(abs(ETSAccuracy.score(train: [1, 2, 4, 7], test: [10, 10], forecast: [8, 12], period: 2).mase - 0.5) < 1e-15)
        #expect(ETSAccuracy.score(train: [1], test: [], forecast: [], period: 1).smape.isNaN)
    }

    @Test("evaluate fits automatic ETS on the training part and scores the forecasts")
    func evaluate() throws {
        let y = ETSFixture.y("UKgas")
        let r = try ETSAccuracy.evaluate(train: Array(y.prefix(100)), test: Array(y.suffix(8)), horizon: 8, period: 4)
        #expect(r.forecast.count == 8)
        #expect(r.smape > 0 && r.smape < 30 && r.mase > 0 && r.mase < 3)
        #expect(r.model.hasPrefix("ETS("))
    }
}
