/// A failure to write results: the destination and the system's reason.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output file, or `<stdout>`.
    public var destination: String
    public var problem: String

    public init(destination: String, problem: String) {
        self.destination = destination
        self.problem = problem
    }

    public var description: String { destination + ": " + problem }
}
