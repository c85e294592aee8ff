import Foundation
import Testing
@testable import PaceGap

/// The `share` method against ../shared/bench/gap_pandas.py (pandas/scipy 1.17.1), whose
/// output for Tests/Fixtures/gap/panel_small.csv is pandas_small_2024Q2.csv.
@Suite("gap: equals the pandas peer")
struct PandasReferenceTests {
    @Test("seasonal and calendar accounts, growth view, required pace and share projection within 1e-9 relative")
    func equalsPandas() throws {
        let series = quarterlyPanel(try gapFixture("panel_small.csv"))
        let targets = readSimpleCSV(try gapFixture("targets_small.csv")).map {
            GapTarget(region: $0["region"]!, indicator: $0["indicator"]!, year: Int($0["year"]!)!,
                      type: TargetType(rawValue: $0["type"]!)!, target: Double($0["target"]!)!)
        }
        let reference = readSimpleCSV(try gapFixture("pandas_small_2024Q2.csv"))
        let seasonal = try analyse(series: series, targets: targets, options: options("2024Q2", .seasonal))
        let calendar = try analyse(series: series, targets: targets, options: options("2024Q2", .calendar))
        #expect(seasonal.count == reference.count)
        #expect(reference.count == 15)
        for (i, ref) in reference.enumerated() {
            let s = seasonal[i], c = calendar[i]
            #expect(s.region == ref["region"] && s.indicator == ref["indicator"])
            func r(_ key: String) -> Double { Double(ref[key]!)! }
            // 1e-9 relative: the tolerance the task sets for agreement with the pandas peer.
            let tol = 1e-9
            #expect(closeRelative(s.timeShare, r("time_share_seasonal"), tol))
            #expect(closeRelative(c.timeShare, r("time_share"), tol))
            #expect(closeRelative(s.taskShare, r("task_share"), tol))
            #expect(closeRelative(s.progressPP, r("progress_seasonal_pp"), tol))
            #expect(closeRelative(c.progressPP, r("progress_pp"), tol))
            #expect(closeRelative(s.ytdGrowth, r("ytd_growth"), tol))
            #expect(closeRelative(s.growthGapPP, r("growth_gap_pp"), tol))
            #expect(closeRelative(s.requiredGrowth, r("required_growth"), tol))
            #expect(closeRelative(s.accelerationPP, r("acceleration_pp"), tol))
            #expect(closeRelative(s.projected, r("projected"), tol))
            #expect(closeRelative(c.projected, r("projected"), tol))  // projection always uses τ_seasonal
            #expect(closeRelative(s.projectedGrowth, r("projected_growth"), tol))
            for key in ["lo80", "hi80", "lo95", "hi95"] {
                #expect(closeRelative(s.number(forColumn: key), r(key), tol), "\(key) row \(i)")
            }
            #expect(closeRelative(s.pMeet, r("p_meet"), tol, floor: 1e-15), "p_meet row \(i): \(String(describing: s.pMeet)) vs \(r("p_meet"))")
            #expect(s.notes.isEmpty)
        }
    }
}
