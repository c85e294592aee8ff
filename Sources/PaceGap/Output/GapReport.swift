import PaceData

/// The result of a gap analysis run with its provenance (SPEC §7: version, method,
/// parameters, as-of period and a hash of the inputs), ready for a writer.
public struct GapReport: Sendable {
    /// One named parameter of the run, in the order written.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One input file and the fingerprint of its bytes.
    public typealias Input = InputRecord

    /// The JSON schema name and version.
    public static let schema = "pace.gap/1"

    public var rows: [GapRow]
    public var version: String
    public var method: ProjectionMethod
    public var asOf: String
    public var parameters: [Parameter]
    public var inputs: [Input]

    public init(rows: [GapRow], options: GapOptions, inputs: [Input], version: String = paceVersion) {
        self.rows = rows
        self.version = version
        self.method = options.method
        self.asOf = options.asOf.description
        self.inputs = inputs
        var p: [Parameter] = [
            Parameter("time_basis", options.timeBasis.rawValue),
            Parameter("years", String(options.historyYears)),
            Parameter("exclude_years", options.excludedYears.sorted().map(String.init).joined(separator: " ")),
            Parameter("green", formatNumber(options.progressLights.green)),
            Parameter("yellow", formatNumber(options.progressLights.yellow)),
            Parameter("growth_yellow", formatNumber(options.growthLights.yellow)),
        ]
        if options.method == .trend || options.method == .model {
            p.append(Parameter("seed", String(options.seed)))
            p.append(Parameter("paths", String(options.simulationPaths)))
        }
        if options.method == .model {
            let region = options.etsBounds == .capped ? "capped" : options.etsBounds == .standard ? "usual" : "custom"
            p.append(Parameter("ets_region", region))
        }
        self.parameters = p
    }

    /// Whether any row's light is at least as bad as `light` (red, or yellow-or-red).
    public func hasLight(atLeast light: Light) -> Bool {
        rows.contains { row in
            guard let l = row.light else { return false }
            return light == .yellow ? l != .green : l == .red
        }
    }
}
