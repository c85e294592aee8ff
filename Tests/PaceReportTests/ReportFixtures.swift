import Foundation
import PaceGap
import PaceReport

/// The small deterministic case of Tests/Fixtures/report (made by make_small.py there).
enum ReportFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/report")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func request(scheme: Bool = true) -> ReportRequest {
        ReportRequest(dataPath: path("small_data.csv"), targetsPath: path("small_targets.csv"),
                      schemePath: scheme ? path("small_scheme.csv") : nil,
                      gap: GapOptions(asOf: AsOfPeriod(year: 2024, position: 2, periodsPerYear: 4)),
                      version: "0.0.0-test")
    }

    /// The model of the small case (built once; the build is deterministic).
    static let model: ReportModel = try! ReportBuilder.build(request())

    /// Absolute fixture paths shown as the repository-relative ones, so goldens do not
    /// depend on where the repository is checked out.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: directory.path + "/", with: "Tests/Fixtures/report/")
    }

    static func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// The region names of the fixture, one with every character HTML must escape.
    static let regions = ["North & \"Coast\" <N>", "South", "West"]
    static let indicators = ["investment", "revenue"]
}
