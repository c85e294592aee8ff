import ArgumentParser
import PaceData
import PaceLinearAlgebra

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The root of the `pace` command tree. Every subcommand lives in its own file under
/// `Commands/` and only parses arguments, calls a library, and picks a writer.
struct Pace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pace",
        abstract: "Economic indicator statistics, target-gap analysis and forecasting.",
        discussion: """
            Reads CSV (a file, or standard input for '-' or no file) and writes results to \
            standard output; diagnostics go to standard error prefixed 'pace: '.

            Exit status: 0 success; 1 the analysis ran and a requested check failed; \
            2 bad input or runtime error; 64 usage error.
            """,
        version: paceVersion,
        subcommands: [Convert.self, Check.self, Gap.self, Race.self, Report.self, Forecast.self, Filter.self, Decompose.self, Regress.self]
    )
}

/// Exit statuses documented in the README.
enum PaceExit {
    static let success: Int32 = 0
    static let checkFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let usage: Int32 = 64
}

/// Writes one diagnostic line `pace: message` to standard error; control characters in it (a newline in a series
/// name) are escaped, so that it stays one line.
func printDiagnostic(_ message: String) {
    writeStandardError("pace: " + escapingControlCharacters(message) + "\n")
}

/// Writes ArgumentParser's message for a usage error, which may go on with usage lines: each line escaped.
func printUsageDiagnostic(_ message: String) {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { escapingControlCharacters(String($0)) }
    writeStandardError("pace: " + lines.joined(separator: "\n") + "\n")
}

/// ArgumentParser's message for a usage error, without its own "Error: " prefix (ours is "pace: ").
func usageMessage(for error: Error) -> String {
    var message = Pace.fullMessage(for: error)
    if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
    return message
}

@main
enum PaceMain {
    static func main() {
        // A closed pipe (`pace … | head`) must end quietly: ignore SIGPIPE and let the
        // writers see EPIPE, which they turn into a clean exit 0.
        signal(SIGPIPE, SIG_IGN)
        FatalSignals.install()
        BLASThreads.stopIdleWorkers()
        let command: ParsableCommand
        do {
            command = try Pace.parseAsRoot()
        } catch {
            // Usage errors: ArgumentParser prints its message and usage; we exit 64.
            let code = Pace.exitCode(for: error)
            if code == .success {
                Pace.exit(withError: error)  // --help, --version
            }
            let message = usageMessage(for: error)
            if !message.isEmpty { printUsageDiagnostic(message) }
            exit(PaceExit.usage)
        }
        do {
            if let writer = command as? WritesOutputFile { try validateOutputName(writer.output) }
            var mutable = command
            try mutable.run()
            exit(PaceExit.success)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as ValidationError {
            printDiagnostic(error.message)
            exit(PaceExit.usage)
        } catch {
            // ArgumentParser's own requests (`pace help`, `--help` on a subcommand) arrive here
            // as errors that it maps to success or usage; everything else is bad input or a
            // runtime failure: exit 2.
            switch Pace.exitCode(for: error) {
            case .success:
                Pace.exit(withError: error)
            case .validationFailure:
                printUsageDiagnostic(usageMessage(for: error))
                exit(PaceExit.usage)
            default:
                printDiagnostic(String(describing: error))
                exit(PaceExit.badInput)
            }
        }
    }
}
