/// The SPEC §4 output columns, in order, with their cells — the single source every writer
/// (CSV, JSON, table, Markdown) uses.
extension GapRow {
    /// Exactly SPEC §4's column names, in its order.
    public static let columnNames: [String] = [
        "region", "indicator", "year", "as_of", "type", "target", "stretch", "ytd", "time_share",
        "task_share", "progress_pp", "light", "ytd_growth", "growth_gap_pp", "required_growth",
        "acceleration_pp", "projected", "projected_growth", "lo80", "hi80", "lo95", "hi95",
        "p_meet", "p_meet_stretch", "method", "notes",
    ]

    /// A cell: text, a number (nil = empty), or an integer.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double?)
        case integer(Int)
    }

    /// The cells in `columnNames` order. Shares are fractions; notes are joined with "; ".
    public var cells: [Cell] {
        [
            .text(region), .text(indicator), .integer(year), .text(asOf), .text(type?.rawValue ?? ""),
            .number(target), .number(stretch), .number(ytd), .number(timeShare), .number(taskShare),
            .number(progressPP), .text(light?.rawValue ?? ""), .number(ytdGrowth), .number(growthGapPP),
            .number(requiredGrowth), .number(accelerationPP), .number(projected), .number(projectedGrowth),
            .number(lo80), .number(hi80), .number(lo95), .number(hi95), .number(pMeet),
            .number(pMeetStretch), .text(method.rawValue), .text(notes.joined(separator: "; ")),
        ]
    }

    /// The numeric value of a numeric output column by its SPEC name (for `pace race`);
    /// `nil` when the column is not numeric or the value is undefined.
    public func number(forColumn name: String) -> Double? {
        switch name {
        case "year": return Double(year)
        case "target": return target
        case "stretch": return stretch
        case "ytd": return ytd
        case "time_share": return timeShare
        case "task_share": return taskShare
        case "progress_pp": return progressPP
        case "ytd_growth": return ytdGrowth
        case "growth_gap_pp": return growthGapPP
        case "required_growth": return requiredGrowth
        case "acceleration_pp": return accelerationPP
        case "projected": return projected
        case "projected_growth": return projectedGrowth
        case "lo80": return lo80
        case "hi80": return hi80
        case "lo95": return lo95
        case "hi95": return hi95
        case "p_meet": return pMeet
        case "p_meet_stretch": return pMeetStretch
        default: return nil
        }
    }
}
