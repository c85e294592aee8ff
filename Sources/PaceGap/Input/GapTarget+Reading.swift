import PaceData

extension GapTarget {
    /// Reads a targets CSV (SPEC §2): `region,indicator,year,type,target[,stretch]`, header
    /// required, column order free, names matched ignoring case; `region` optional (the one
    /// region `""`), `stretch` optional and may be empty. Stops at the first problem.
    ///
    /// - Throws: `InputError` naming file, line, column, the value found and what was expected:
    ///   a missing column, an empty indicator, a year that is not four digits 0001–9999, an
    ///   unknown type, a target that is missing or not a finite number, a stretch that is not
    ///   a number, or the same (region, indicator, year, type) twice (naming both lines).
    public static func read(document: CSVDocument) throws -> [GapTarget] {
        func column(_ name: String) -> Int? {
            document.header.firstIndex { $0.trimmingASCIISpaces().lowercased() == name }
        }
        func require(_ name: String) throws -> Int {
            guard let c = column(name) else {
                throw InputError(file: document.source, line: 1, problem: "missing required column \"\(name)\"",
                                 found: document.header.joined(separator: ","),
                                 expected: "a header region,indicator,year,type,target[,stretch]")
            }
            return c
        }
        let indicatorColumn = try require("indicator"), yearColumn = try require("year")
        let typeColumn = try require("type"), targetColumn = try require("target")
        let regionColumn = column("region"), stretchColumn = column("stretch")
        var targets: [GapTarget] = []
        targets.reserveCapacity(document.rowCount)
        struct Key: Hashable { var region: String; var indicator: String; var year: Int; var type: TargetType }
        var seen: [Key: Int] = [:]
        seen.reserveCapacity(document.rowCount)
        let types = TargetType.allCases.map(\.rawValue).joined(separator: ", ")
        for row in 0..<document.rowCount {
            let region = regionColumn.map { document.string(row: row, column: $0).trimmingASCIISpaces() } ?? ""
            let indicator = document.string(row: row, column: indicatorColumn).trimmingASCIISpaces()
            guard !indicator.isEmpty else {
                throw InputError(file: document.source, line: document.lineNumber(row: row), column: indicatorColumn + 1,
                                 problem: "missing indicator name", found: "", expected: "a name")
            }
            let year = document.withFieldBytes(row: row, column: yearColumn) { GapTarget.parseYear($0) }
            guard let year else {
                throw InputError(file: document.source, line: document.lineNumber(row: row), column: yearColumn + 1,
                                 problem: "bad year", found: document.string(row: row, column: yearColumn),
                                 expected: "a year 0001–9999")
            }
            let type = document.withFieldBytes(row: row, column: typeColumn) { GapTarget.parseType($0) }
            guard let type else {
                throw InputError(file: document.source, line: document.lineNumber(row: row), column: typeColumn + 1,
                                 problem: "unknown target type", found: document.string(row: row, column: typeColumn),
                                 expected: types)
            }
            guard let value = try document.double(row: row, column: targetColumn) else {
                throw InputError(file: document.source, line: document.lineNumber(row: row), column: targetColumn + 1,
                                 problem: "missing target", found: document.string(row: row, column: targetColumn),
                                 expected: "a number")
            }
            let stretch = try stretchColumn.flatMap { try document.double(row: row, column: $0) }
            let key = Key(region: region, indicator: indicator, year: year, type: type)
            if let earlier = seen.updateValue(row, forKey: key) {
                throw InputError(file: document.source, line: document.lineNumber(row: row), problem: "duplicate target",
                                 found: "\(region.isEmpty ? "" : region + "/")\(indicator) \(year) \(type.rawValue)",
                                 expected: "one row per region, indicator, year and type (first on line \(document.lineNumber(row: earlier)))")
            }
            targets.append(GapTarget(region: region, indicator: indicator, year: year, type: type, target: value,
                                     stretch: stretch))
        }
        return targets
    }

    /// Four ASCII digits (surrounding spaces allowed) → the year; otherwise nil.
    static func parseYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        guard hi - lo == 4 else { return nil }
        var year = 0
        for i in lo..<hi {
            let d = bytes[i] &- 0x30
            guard d < 10 else { return nil }
            year = year * 10 + Int(d)
        }
        return year >= 1 ? year : nil
    }

    /// `growth`, `level`, `max`, `min`, ignoring ASCII case and surrounding spaces.
    static func parseType(_ bytes: UnsafeBufferPointer<UInt8>) -> TargetType? {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        func matches(_ word: StaticString) -> Bool {
            guard hi - lo == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for i in 0..<(hi - lo) where bytes[lo + i] | 0x20 != w[i] { return false }
            return true
        }
        if matches("growth") { return .growth }
        if matches("level") { return .level }
        if matches("max") { return .max }
        if matches("min") { return .min }
        return nil
    }
}
