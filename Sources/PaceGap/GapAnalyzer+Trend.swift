extension GapAnalyzer {
    /// The `trend` projection: not available until the regression library is merged.
    func trendProjection(_ s: GapSeries, position k: Int, current: Double, base: Double, stock: Bool,
                         goal: Double, goalStretch: Double, notes: inout [String]) -> Projection {
        notes.append("trend projection not available yet")
        return .undefined
    }
}
