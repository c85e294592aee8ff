/// Out-of-sample accuracy as in the M3 comparisons (Makridakis & Hibon 2000; Hyndman & Koehler 2006),
/// with the definitions of shared/bench/ets_peers.py and R's `accuracy()`:
///
///     sMAPE = mean_h 200·|y_h − f_h| / (|y_h| + |f_h|)
///     MASE  = mean_h |y_h − f_h| / scale,  scale = mean_{t>m} |x_t − x_{t−m}| over the training data
public struct ETSAccuracy: Sendable, Hashable {
    public let smape: Double
    public let mase: Double
    /// The model chosen by automatic selection.
    public let model: String
    /// The point forecasts that were scored.
    public let forecast: [Double]

    /// Scores given forecasts (`forecast.count` must equal `test.count`; scale uses lag `period`).
    public static func score(train: [Double], test: [Double], forecast: [Double], period: Int) -> (smape: Double, mase: Double) {
        let h = min(test.count, forecast.count)
        guard h > 0 else { return (.nan, .nan) }
        var smape = 0.0, mae = 0.0
        for i in 0..<h {
            let d = abs(test[i] - forecast[i])
            smape += 200 * d / (abs(test[i]) + abs(forecast[i]))
            mae += d
        }
        let lag = max(period, 1)
        var scale = 0.0
        if train.count > lag {
            for t in lag..<train.count { scale += abs(train[t] - train[t - lag]) }
            scale /= Double(train.count - lag)
        } else {
            scale = .nan
        }
        return (smape / Double(h), mae / Double(h) / scale)
    }

    /// Automatic ETS (``ETS/select(_:period:pattern:criterion:allowMultiplicativeTrend:restrict:bounds:polishMargin:screeningTolerance:search:)``)
    /// on `train`, point forecasts (the forecast mean, as R's `forecast(ets(x))$mean`) for `horizon`
    /// steps, scored against `test`.
    public static func evaluate(train: [Double], test: [Double], horizon: Int, period: Int) throws(ETSError) -> ETSAccuracy {
        let fit = try ETS.select(train, period: period).best
        let h = max(horizon, 1)
        let f: [Double]
        if fit.forecastClass != nil {
            f = try fit.forecast(horizon: h, levels: []).mean
        } else {
            f = fit.pointForecasts(horizon: h)
        }
        let s = score(train: train, test: test, forecast: f, period: period)
        return ETSAccuracy(smape: s.smape, mase: s.mase, model: fit.specification.description, forecast: f)
    }
}
