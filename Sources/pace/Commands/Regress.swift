import ArgumentParser

struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a linear regression (OLS or WLS) with full inference.")

    @Argument(help: "CSV file with a header row; '-' or nothing reads standard input.")
    var file: String?

    func run() throws {
        throw ValidationError("pace regress is not built yet")
    }
}
