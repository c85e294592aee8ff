// A structure-aware libFuzzer mutator for CSV tables, shared by fuzz targets that list this file
// in their Targets/<name>.sources and define
//
//     @_cdecl("LLVMFuzzerCustomMutator")
//     public func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
//         CSVLineMutator.mutate(data, size, maxSize, seed, tokens: [...])
//     }
//
// Byte-level mutations alone (libFuzzer's own) mostly break a table's shape — a comma or line
// feed inserted anywhere makes a ragged row, which the CSV reader rejects before any loader
// runs. So one mutation in five is libFuzzer's own (`LLVMFuzzerMutate`, with the dictionary),
// the others mostly keep the lines, their field counts and valid UTF-8: duplicate, delete, swap or move lines; copy
// a field from another line (repeated keys, duplicates, runs broken and resumed); put a token of
// the column (chosen by its header name) into a field; mutate one field's bytes (commas, line
// feeds and invalid UTF-8 it introduces removed three times in four); toggle a line's `\r`;
// repair a broken table (every line cut or padded to the header's field count, invalid UTF-8
// dropped), so that inputs the CSV reader rejects lead back to ones the loaders read.

/// libFuzzer's default mutation of `data` in place; returns the new size.
@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

enum CSVLineMutator {
    /// `tokens[name]`: replacement texts for a column whose header (trimmed, lowercased) is
    /// `name`; `tokens[""]`: for any column.
    static func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32,
                       tokens: [String: [String]]) -> Int {
        var rng = SplitMix(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        if size == 0 || rng.next(5) == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
        var lines: [[UInt8]] = [[]]
        for i in 0..<size {
            if data[i] == 0x0A { lines.append([]) } else { lines[lines.count - 1].append(data[i]) }
        }
        let finalNewline = lines.count > 1 && lines[lines.count - 1].isEmpty
        if finalNewline { lines.removeLast() }
        let header = fields(lines[0]).map { name -> String in
            var s = String(decoding: name.filter { $0 != 0x0D && $0 != 0x22 }, as: UTF8.self)
            while s.first == " " || s.first == "\t" { s.removeFirst() }
            while s.last == " " || s.last == "\t" { s.removeLast() }
            return s.lowercased()
        }
        let body = lines.count - 1
        func bodyLine() -> Int { 1 + rng.next(body) }
        switch body == 0 ? 4 : rng.next(10) {
        case 0:  // duplicate a line
            let line = lines[bodyLine()]
            lines.insert(line, at: 1 + rng.next(body + 1))
        case 1:  // delete a line
            if body > 1 { lines.remove(at: bodyLine()) }
        case 2:  // swap two lines
            lines.swapAt(bodyLine(), bodyLine())
        case 3:  // move a block of lines elsewhere
            let from = bodyLine(), count = 1 + rng.next(min(8, lines.count - from))
            let block = Array(lines[from..<(from + count)])
            lines.removeSubrange(from..<(from + count))
            lines.insert(contentsOf: block, at: 1 + rng.next(lines.count))
        case 4:  // a token of the column into a field (the header too, now and then)
            let i = body == 0 || rng.next(16) == 0 ? rng.next(lines.count) : bodyLine()
            var f = fields(lines[i])
            let c = rng.next(f.count)
            let name = c < header.count ? header[c] : ""
            let choices = (tokens[name] ?? []) + (rng.next(4) == 0 || tokens[name] == nil ? tokens[""] ?? [] : [])
            guard !choices.isEmpty else { break }
            f[c] = Array(choices[rng.next(choices.count)].utf8)
            lines[i] = join(f)
        case 5:  // a field copied from the same column of another line
            let i = bodyLine(), j = bodyLine()
            var a = fields(lines[i])
            let b = fields(lines[j])
            let c = rng.next(min(a.count, b.count))
            a[c] = b[c]
            lines[i] = join(a)
        case 6, 7:  // one field's bytes mutated by libFuzzer
            let i = bodyLine()
            var f = fields(lines[i])
            let c = rng.next(f.count)
            var scratch = f[c] + [UInt8](repeating: 0, count: 16)
            let n = scratch.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress!, f[c].count, $0.count) }
            var field = Array(scratch[0..<n])
            // Mostly keep the shape: no new comma or line feed, valid UTF-8.
            if rng.next(4) != 0 {
                field.removeAll { $0 == 0x2C || $0 == 0x0A }
                if String(validating: field, as: UTF8.self) == nil { field.removeAll { $0 >= 0x80 } }
            }
            f[c] = field
            lines[i] = join(f)
        case 8:  // toggle the carriage return of a line
            let i = rng.next(lines.count)
            if lines[i].last == 0x0D { lines[i].removeLast() } else { lines[i].append(0x0D) }
        default:  // repair: every line to the header's field count, invalid UTF-8 dropped
            let columns = header.count
            for i in lines.indices {
                if String(validating: lines[i], as: UTF8.self) == nil { lines[i].removeAll { $0 >= 0x80 } }
                var f = fields(lines[i])
                if f.count > columns { f.removeSubrange(columns...) }
                while f.count < columns { f.append([]) }
                lines[i] = join(f)
            }
        }
        var out: [UInt8] = []
        for (k, line) in lines.enumerated() {
            out += line
            if k < lines.count - 1 || finalNewline { out.append(0x0A) }
        }
        guard out.count <= maxSize else { return LLVMFuzzerMutate(data, size, maxSize) }
        out.withUnsafeBufferPointer { if let b = $0.baseAddress { data.update(from: b, count: out.count) } }
        return out.count
    }

    /// A line's fields split at every comma (quotes are not looked at).
    static func fields(_ line: [UInt8]) -> [[UInt8]] {
        line.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ fields: [[UInt8]]) -> [UInt8] {
        Array(fields.joined(separator: [0x2C]))
    }

    struct SplitMix {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(max(n, 1)))
        }
    }
}
