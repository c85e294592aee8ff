import Foundation
import Testing

/// Runs the built `pace` binary and captures what it prints.
struct PaceRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Locates the `pace` executable built next to the test bundle (or `$PACE_BIN`).
func paceBinary() -> URL {
    if let override = ProcessInfo.processInfo.environment["PACE_BIN"] {
        return URL(fileURLWithPath: override)
    }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("pace")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pace")
}

/// The repository root, found from this source file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Everything readable from `handle` until end of file. Foundation's `readDataToEndOfFile()` traps when
/// read(2) is interrupted by a signal (EINTR — e.g. a SIGCHLD from another test's child process arriving while
/// this thread waits); this loop retries instead.
func readToEnd(_ handle: FileHandle) -> Data {
    let fd = handle.fileDescriptor
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            data.append(contentsOf: buffer[0..<n])
        } else if n == 0 || errno != EINTR {
            return data
        }
    }
}

@discardableResult
func runPace(_ arguments: [String], stdin: String? = nil,
             environment: [String: String]? = nil) throws -> PaceRun {
    let process = Process()
    process.executableURL = paceBinary()
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a large output cannot deadlock the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = readToEnd(err.fileHandleForReading)
        group.leave()
    }
    let outData = readToEnd(out.fileHandleForReading)
    group.wait()
    process.waitUntilExit()
    return PaceRun(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
}
