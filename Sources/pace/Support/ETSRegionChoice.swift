import ArgumentParser
import PaceForecast

/// `--ets-region`: the parameter region automatic ETS selection searches (``ETSBounds/capped``
/// or R's ``ETSBounds/standard``).
enum ETSRegionChoice: String, ExpressibleByArgument, CaseIterable {
    case capped, usual

    var bounds: ETSBounds { self == .capped ? .capped : .standard }

    static let help = "Parameter region of automatic ETS: capped (default; adds beta <= alpha0, gamma <= 1 - alpha0, alpha0 the starting alpha, as statsforecast's AutoETS) or usual (R ets()'s: beta <= alpha, gamma <= 1 - alpha)."
}

extension ETSSelectionSearch: ExpressibleByArgument {
    static let help = "Search of automatic ETS: screened (default; one run per candidate, a second start and a polish for the closest, tuned for forecast accuracy on M3) or full (every candidate also optimised as --model ets:SPEC is; with --ets-region usual the chosen AICc is then at most R ets()'s; about ten times slower)."
}
