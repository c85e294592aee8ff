import Foundation

/// An M3-format file (`series_id,t,value,split`, the layout of shared/datasets/m3): each series' `train` and
/// `test` values in file order, optionally aggregated (k consecutive values summed, aligned to the end of each
/// part, e.g. monthly → quarterly with k = 3 for the quarterly proxy).
public struct M3Set {
    public let ids: [String]
    public let train: [String: [Double]]
    public let test: [String: [Double]]

    public init(contentsOfFile path: String, aggregate: Int = 1) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var order: [String] = []
        var train: [String: [Double]] = [:], test: [String: [Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            guard f.count >= 4, let v = Double(f[2]) else { continue }
            let id = String(f[0])
            if train[id] == nil { order.append(id); train[id] = []; test[id] = [] }
            if f[3] == "train" { train[id]!.append(v) } else { test[id]!.append(v) }
        }
        ids = order
        self.train = train.mapValues { Self.aggregated($0, aggregate) }
        self.test = test.mapValues { Self.aggregated($0, aggregate) }
    }

    public init(ids: [String], train: [String: [Double]], test: [String: [Double]]) {
        self.ids = ids
        self.train = train
        self.test = test
    }

    /// The quarterly stand-in with M3 quarterly's horizon of 8 (scripts/quarterly_proxy_h8.py, value for value): each
    /// monthly series with its last 6 training months moved to the test part (6 + 18 = 24 months), summed by 3 into
    /// quarters aligned on the train/test boundary (leading months that do not fill a quarter dropped), each sum
    /// rounded to 10 significant digits as the script writes it. nil when a test part is not 18 months long.
    public func quarterlyProxyH8() -> M3Set? {
        var train: [String: [Double]] = [:], test: [String: [Double]] = [:]
        func rounded(_ x: Double) -> Double { Double(String(format: "%.10g", x))! }
        for id in ids {
            let months = self.train[id]!, ahead = self.test[id]!
            guard ahead.count == 18, months.count >= 6 else { return nil }
            let t = Array(months.dropLast(6)), h = Array(months.suffix(6)) + ahead
            train[id] = Self.aggregated(t, 3).map(rounded)
            test[id] = Self.aggregated(h, 3).map(rounded)
        }
        return M3Set(ids: ids, train: train, test: test)
    }

    /// Sums of k consecutive values, the first `count % k` values dropped.
    public static func aggregated(_ x: [Double], _ k: Int) -> [Double] {
        guard k > 1 else { return x }
        return stride(from: x.count % k, to: x.count, by: k).map { x[$0..<($0 + k)].reduce(0, +) }
    }
}
