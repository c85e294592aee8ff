// libFuzzer target: `pace race`'s readers — the gap output it ranks (CSV with a `#` provenance block, the JSON
// report or JSON Lines: RaceInput(gapOutput:source:scheme:), whose JSON reader is PaceRace's own) and the scheme
// file (RaceScheme(document:)) — and the race run on what they read. Compiled into one module with the PaceData
// sources and all of PaceRace (race.sources; see Tests/Fuzz/run.sh).
//
// Whatever the bytes: no crash, and every failure an InputError naming the file. The same bytes read twice give
// the same rows. Read with a scheme, the rows carry only the scheme's metrics, equal bit for bit to the reading
// without a scheme whenever that one succeeds. A race on rows that were read either refuses with an InputError
// or ranks every region once: ranks 1…n in order, ties (equal comparison keys) sharing a rank, finite points. The same bytes taken as a
// scheme file: a scheme with at least one entry, finite weights ≥ 0 not all zero, no repeated indicator — or an
// InputError naming the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let source = "fuzz.gap"
private let scheme = try! RaceScheme(document: try! CSVDocument(
    bytes: Array("indicator,weight,metric,direction\ngdp,60,growth_gap_pp,higher\ncpi,40,ytd_growth,lower\n".utf8),
    source: "scheme.csv"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRace(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let plain = read(bytes, scheme: nil)
    let again = read(bytes, scheme: nil)
    require(same(plain, again), "two reads of the same bytes differ")
    let schemed = read(bytes, scheme: scheme)
    if case .success(let all) = plain, case .success(let some) = schemed {
        require(all.rows.count == some.rows.count, "\(all.rows.count) rows without the scheme, \(some.rows.count) with it")
        for (a, b) in zip(all.rows, some.rows) {
            require(a.region == b.region && a.indicator == b.indicator && a.asOf == b.asOf, "\(a) vs \(b)")
            let wanted = Set(scheme.entries.filter { $0.indicator == b.indicator }.map(\.metric))
            require(Set(b.metrics.keys).isSubset(of: wanted), "metrics \(b.metrics.keys) outside the scheme's \(wanted)")
            for (k, v) in b.metrics { require(a.metrics[k]?.bitPattern == v.bitPattern, "\(k): \(String(describing: a.metrics[k])) vs \(v)") }
        }
    }
    if case .success(let input) = schemed { race(input) }
    if case .success(let input) = plain { race(input) }
    readScheme(bytes)
    return 0
}

private func read(_ bytes: [UInt8], scheme: RaceScheme?) -> Result<RaceInput, InputError> {
    do {
        return .success(try RaceInput(gapOutput: bytes, source: source, scheme: scheme))
    } catch let error as InputError {
        require(error.file == source, "error naming \(error.file): \(error)")
        return .failure(error)
    } catch {
        fail("unexpected error type \(type(of: error)): \(error)")
    }
}

private func same(_ a: Result<RaceInput, InputError>, _ b: Result<RaceInput, InputError>) -> Bool {
    switch (a, b) {
    case (.failure(let x), .failure(let y)): return x == y
    case (.success(let x), .success(let y)):
        guard x.source == y.source, x.columns == y.columns, x.rows.count == y.rows.count else { return false }
        for (r, s) in zip(x.rows, y.rows) {
            guard r.region == s.region, r.indicator == s.indicator, r.asOf == s.asOf, r.line == s.line,
                  r.metrics.count == s.metrics.count,
                  r.metrics.allSatisfy({ s.metrics[$0.key]?.bitPattern == $0.value.bitPattern }) else { return false }
        }
        return true
    default: return false
    }
}

private func race(_ input: RaceInput) {
    for scoring in RaceScoring.allCases {
        let result: RaceResult
        let horseRace = try! HorseRace(scheme: scheme, scoring: scoring)
        do {
            result = try horseRace.run(input, previous: input)
        } catch let error as InputError {
            require(!error.file.isEmpty, "\(error)")
            continue
        } catch {
            fail("unexpected error type \(type(of: error)): \(error)")
        }
        require(result.standings.count == Set(result.standings.map(\.region)).count, "a region ranked twice")
        require(Set(result.standings.map(\.region)).isSubset(of: Set(input.rows.map(\.region))), "a region not in the input")
        for (k, s) in result.standings.enumerated() {
            require(s.points.isFinite, "points \(s.points)")
            require(s.rank >= 1 && s.rank <= k + 1, "rank \(s.rank) at place \(k + 1)")
            if k > 0 {
                let before = result.standings[k - 1]
                // Order and ties by the race's own comparison key (points in units of 1e-12 of the largest weight).
                let (key, keyBefore) = (horseRace.comparisonKey(s.points), horseRace.comparisonKey(before.points))
                require(key <= keyBefore, "points out of order")
                require(s.rank == (key == keyBefore ? before.rank : k + 1), "rank \(s.rank) after \(before.rank)")
            }
            require(s.rankChange == 0, "against itself the rank change is 0, found \(String(describing: s.rankChange))")
        }
    }
}

private func readScheme(_ bytes: [UInt8]) {
    guard let document = try? CSVDocument(bytes: bytes, source: "fuzz.scheme") else { return }
    do {
        let s = try RaceScheme(document: document)
        require(!s.entries.isEmpty, "empty scheme accepted")
        require(s.entries.allSatisfy { $0.weight.isFinite && $0.weight >= 0 }, "\(s.entries)")
        require(s.entries.contains { $0.weight > 0 }, "all weights zero")
        require(Set(s.entries.map(\.indicator)).count == s.entries.count, "repeated indicator")
    } catch let error as InputError {
        require(error.file == "fuzz.scheme", "error naming another file: \(error)")
    } catch {
        fail("unexpected error type \(type(of: error)): \(error)")
    }
}

/// `precondition` that prints its message in optimized builds too (they drop it), then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", file: StaticString = #file, line: UInt = #line) {
    if !condition { fail(message(), file: file, line: line) }
}

private func fail(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
    fputs("\(file):\(line): check failed: \(message)\n", stderr)
    abort()
}
