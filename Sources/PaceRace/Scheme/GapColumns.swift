/// The columns of `pace gap` output (SPEC §4) as far as the horse race is concerned.
public enum GapColumns {
    /// Every numeric output column of `pace gap`, in output order: the metrics a race scheme
    /// may name. `year` is numeric but is not a measure of performance, so it is left out.
    public static let numeric: [String] = [
        "target", "stretch", "ytd", "time_share", "task_share", "progress_pp", "ytd_growth",
        "growth_gap_pp", "required_growth", "acceleration_pp", "projected", "projected_growth",
        "lo80", "hi80", "lo95", "hi95", "p_meet", "p_meet_stretch",
    ]

    /// Whether `name` is a numeric `pace gap` column.
    public static func isNumeric(_ name: String) -> Bool { numeric.contains(name) }
}
