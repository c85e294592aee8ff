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

    /// Starts `pace check -` with standard input left open (pace blocks reading it), sends
    /// `signal`, and returns how the process ended and what it wrote on standard error.
    func signalled(_ signal: Int32) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = paceBinary()
        process.arguments = ["check", "-"]
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data("region,indicator,period,value\n".utf8))
        usleep(300_000)  // pace is now inside read(2), its handlers installed (SIGBUS unblocked)
        kill(process.processIdentifier, signal)
        let text = String(decoding: readToEnd(err.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        return (process.terminationStatus, process.terminationReason, text)
    }

    @Test("SIGBUS (a mapped input shrank) is bad input: exit 2 with a message, not a crash")
    func busError() throws {
        let run = try signalled(SIGBUS)
        #expect(run.reason == .exit && run.status == 2)
        #expect(run.stderr.hasPrefix("pace: an input file changed size while it was being read"), "\(run.stderr)")
    }
}
