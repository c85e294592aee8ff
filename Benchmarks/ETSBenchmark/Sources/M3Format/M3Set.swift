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

    /// Sums of k consecutive values, the first `count % k` values dropped.
    public static func aggregated(_ x: [Double], _ k: Int) -> [Double] {
        guard k > 1 else { return x }
        return stride(from: x.count % k, to: x.count, by: k).map { x[$0..<($0 + k)].reduce(0, +) }
    }
}
