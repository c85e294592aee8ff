import Foundation
import Testing

@Suite("pace: exit codes and usage")
struct ExitCodeTests {
    @Test("an unknown subcommand is a usage error: exit 64, message on stderr, nothing on stdout")
    func unknownSubcommand() throws {
        let run = try runPace(["frobnicate"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("pace: "))
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let run = try runPace(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
