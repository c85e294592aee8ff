import ArgumentParser
import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output formats a command may offer (SPEC §7). Each command lists the ones it supports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, jsonl, md, html

    /// The values `--help` lists: no command writes HTML through `--format` yet (`pace report` decides by the
    /// output file's extension), so `html` is left out; asked for, it gets `resolveFormat`'s message.
    static var allValueStrings: [String] { allCases.filter { $0 != .html }.map(\.rawValue) }

    /// The SPEC's default: a table on a terminal, CSV when piped or redirected.
    static func defaultForStandardOutput() -> OutputFormat {
        isatty(1) != 0 ? .table : .csv
    }
}

/// Resolves `--format` against the formats a command supports, with the SPEC's default.
func resolveFormat(_ requested: OutputFormat?, supported: [OutputFormat], output: String?,
                   command: String) throws -> OutputFormat {
    let format = requested ?? (output == nil ? OutputFormat.defaultForStandardOutput() : .csv)
    let chosen = supported.contains(format) ? format : (requested == nil ? .csv : format)
    guard supported.contains(chosen) else {
        throw ValidationError(
            "pace \(command) does not write '\(chosen.rawValue)' (expected one of: "
                + supported.map(\.rawValue).joined(separator: ", ") + ")")
    }
    return chosen
}

/// A command with `--output FILE`: `PaceMain` checks the name (`validateOutputName`) once for all of them, after
/// parsing and before `run()`. `pace report` checks it in its own `validate()` (through `resolvedFormat()`, which
/// reads the name's extension), so it is not listed.
protocol WritesOutputFile {
    var output: String? { get }
}

extension Gap: WritesOutputFile {}
extension Race: WritesOutputFile {}
extension Convert: WritesOutputFile {}
extension Forecast: WritesOutputFile {}
extension FilterHP: WritesOutputFile {}
extension Decompose: WritesOutputFile {}
extension Regress: WritesOutputFile {}

/// A usage error for an `--output` value that names no file: empty, ending in `/`, or an existing folder (the atomic
/// rename would fail only after the whole run, as "cannot replace the file").
func validateOutputName(_ output: String?) throws {
    guard let output, output != "-" else { return }
    if output.isEmpty { throw ValidationError("--output needs a file name") }
    var status = stat()
    if output.hasSuffix("/") || (stat(output, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR) {
        throw ValidationError("--output \(output): is a folder, expected a file name")
    }
}

/// `--seed` (forecast, gap, race --data, report): the simulations' random seed, a whole number 0…2⁶⁴ − 1 (the
/// generator's seed is 64 bits). Read from the text here, not by ArgumentParser, whose message for a value beyond the
/// type ("The value '…' is invalid") did not say what is accepted.
enum SeedOption {
    static let range = "a whole number from 0 to \(UInt64.max)"

    static func parse(_ text: String) throws -> UInt64 {
        // Digits only: UInt64("+5") would read 5.
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seed = UInt64(text) else {
            let found = text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && !text.isEmpty ? text + ", beyond the largest seed" : "\"" + text + "\""
            throw ValidationError("--seed: found \(found), expected \(range)")
        }
        return seed
    }
}

/// Splits a comma-separated option value into trimmed, non-empty names.
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}

/// The provenance `inputs` member of a one-file command's JSON: the observations read and
/// their content hash (`CSVDocument+ContentHash`).
func writeObservationInputs(_ json: JSONWriter, source: String, hash: String) {
    json.inputsMember([("observations", source, hash)])
}

/// Refuses more than one input read from standard input (`-`): `named` pairs an option (or argument) with its
/// value, nil when it is not given.
func refuseSharedStandardInput(_ named: [(String, String?)]) throws {
    let fromStdin = named.filter { $0.1 == "-" }.map(\.0)
    if fromStdin.count > 1 {
        throw ValidationError(fromStdin.joined(separator: " and ") + (fromStdin.count == 2 ? " cannot both" : " cannot all")
                              + " be standard input: at most one input can be read from '-'")
    }
}

/// A report that writes every `--format` a command offers (forecast, filter hp, decompose, regress): one dispatch.
protocol FormattedReport {
    func writeJSON(to sink: OutputSink)
    func writeJSONLines(to sink: OutputSink)
    func writeCSV(to sink: OutputSink)
    func writeTable(to sink: OutputSink, markdown: Bool)
}

extension FormattedReport {
    func write(_ format: OutputFormat, to sink: OutputSink) {
        switch format {
        case .json: writeJSON(to: sink)
        case .jsonl: writeJSONLines(to: sink)
        case .csv: writeCSV(to: sink)
        case .md: writeTable(to: sink, markdown: true)
        default: writeTable(to: sink, markdown: false)
        }
    }
}
