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

    @Test("control characters in region and series names are escaped in messages (one line each), not in CSV output")
    func controlCharactersInNames() throws {
        let esc = "\u{1B}"
        // A region with a newline, a series with a tab: a series failure (too short for STL) names them.
        let short = try runPace(["decompose", "-"], stdin: "region,indicator,period,value\n\"A\nB\",\"g\tx\",2024Q1,1\n")
        #expect(short.status == 2)
        #expect(short.stderr == "pace: <stdin>: A\\nB/g\\tx: STL needs at least 8 observations, found 1 (two full seasons of period 4)\n")
        // An input error listing the series, and an escape sequence.
        let missing = try runPace(["forecast", "-", "--series", "nope"], stdin: "indicator,period,value\n\"g\(esc)[31mx\",2024Q1,1\n")
        #expect(missing.status == 2)
        #expect(missing.stderr == "pace: <stdin>: no series named \"nope\" (expected one of: g\\u{1b}[31mx)\n")
        // convert's notes on stderr.
        let note = try runPace(["convert", "--to", "level"],
                               stdin: "region,indicator,period,measure,value\n\"A\r\nB\",g,2024,yoy,5\nC,h,2024,level,1\n")
        #expect(note.status == 0)
        #expect(note.stderr == "pace: note: 1 series not converted to level (growth only (yoy): no level or ytd values; --to index gives the implied index): A\\r\\nB/g\n")
        // pace check's findings (standard output) are messages too.
        let check = try runPace(["check"], stdin: "region,indicator,period,value\n\"A\nB\",\"g\tx\",2024Q1,1\n\"A\nB\",\"g\tx\",2024Q4,1\n")
        #expect(check.stdout == "<stdin>:4: note: gap in A\\nB/g\\tx/level: no row for 2024Q2 to 2024Q3 (2 periods)\n"
                + "<stdin>: 2 rows, 1 series, 0 problems, 1 note\n")
        // CSV output keeps the names as they are, quoted by the CSV writer.
        let csv = try runPace(["convert", "--to", "ytd"], stdin: "region,indicator,period,value\n\"A\nB\",\"g\tx\",2024Q1,1\n")
        #expect(csv.stdout == "region,indicator,period,measure,value,note\n\"A\nB\",g\tx,2024Q1,ytd,1,\n")
    }
}
