/// The version of Pace printed by `pace --version` and written into every output's provenance.
public let paceVersion = "0.1.0"
