import Foundation
import Testing

/// `pace` stops OpenBLAS's idle workers at start-up (`BLASThreads.stopIdleWorkers`), and OpenBLAS must
/// start them again for a large problem without changing a number. Tested through the binary: stopping the
/// workers inside the test process would pull them from under BLAS calls of tests running alongside
/// (it is only safe before any other thread calls BLAS, which is where `pace` does it).
@Suite("OpenBLAS worker threads stopped at start-up")
struct BLASThreadsCommandTests {
    /// y = 1 + Σ j·xⱼ exactly, 20,000 rows × 12 regressors: the Gram matrix is streamed through `cblas_dsyrk`
    /// in blocks large enough for OpenBLAS to split over its threads.
    static func exactDesign() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pace-blas-threads-\(ProcessInfo.processInfo.processIdentifier).csv")
        var text = "y," + (1...12).map { "x\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<20_000 {
            let xs = (0..<12).map { j in
                Double((i * (j + 3) * 7919) % 1000) / 100 - 5 + Double((i * i * (j + 1)) % 97) / 97
            }
            var y = 1.0
            for (j, x) in xs.enumerated() { y += Double(j + 1) * x }
            text += "\(y)," + xs.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func estimates(_ run: PaceRun) throws -> [Double] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let coefficients = try #require(object["coefficients"] as? [[String: Any]])
        return try coefficients.map { try #require($0["estimate"] as? Double) }
    }

    @Test("a regression large enough for threaded BLAS: the generating coefficients, with and without OpenBLAS threads")
    func threadedAfterStop() throws {
        let file = try Self.exactDesign()
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = ["regress", file.path, "--y", "y", "--x", (1...12).map { "x\($0)" }.joined(separator: ","),
                         "--format", "json"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "2"
        let threaded = try runPace(arguments, environment: environment)
        environment["OPENBLAS_NUM_THREADS"] = "1"
        let single = try runPace(arguments, environment: environment)
        #expect(threaded.status == 0 && single.status == 0, "\(threaded.stderr)\(single.stderr)")
        let a = try estimates(threaded), b = try estimates(single)
        #expect(a.count == 13 && b.count == 13)
        for (j, (x, y)) in zip(a, b).enumerated() {
            let truth = j == 0 ? 1.0 : Double(j)
            #expect(abs(x - truth) <= 1e-11 * max(1, truth), "coefficient \(j): \(x) (threads allowed)")
            #expect(abs(x - y) <= 1e-12 * max(1, truth), "coefficient \(j): \(x) vs \(y) (one thread)")
        }
    }
}
