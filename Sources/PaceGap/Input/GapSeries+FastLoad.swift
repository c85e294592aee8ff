import Dispatch
import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GapSeries {
    /// The gap-analysis panel read straight from a long observation CSV — the same result as
    /// `panel(from: ObservationSet(document:), metadata:)`, several times faster, for the
    /// common file `region,indicator,period,measure,value` (region and measure optional,
    /// `series` for `indicator`).
    ///
    /// The fast path interns region and indicator only when they change from the row above,
    /// parses periods and measures from bytes, and scatters values into dense per-year arrays
    /// in a second pass. Any file it does not fully handle — other columns (unit, attributes),
    /// a bad cell of any kind, a duplicate observation, mixed frequencies in one indicator, a
    /// measure the gap does not use —
    /// goes through `ObservationSet`, so messages and accepted inputs are exactly the shared
    /// reader's.
    ///
    /// - Throws: `InputError` from `ObservationSet` for bad input.
    public static func panel(from document: CSVDocument, metadata: IndicatorMetadata = IndicatorMetadata()) throws -> [GapSeries] {
        if let panel = fastPanel(document, metadata: metadata) { return panel }
        return panel(from: try ObservationSet(document: document), metadata: metadata)
    }

    /// Files with at least this many rows are read on two threads by ``fastPanel(_:metadata:)``.
    /// Variable only so tests and fuzz targets can force the two-thread path on small inputs.
    nonisolated(unsafe) static var fastPanelParallelRows = 200_000

    /// `nil` when the file needs the general reader.
    static func fastPanel(_ document: CSVDocument, metadata: IndicatorMetadata) -> [GapSeries]? {
        var columns: [String: Int] = [:]
        for (i, name) in document.header.enumerated() {
            let key = name.trimmingASCIISpaces().lowercased()
            if columns[key] == nil { columns[key] = i } else { return nil }
        }
        guard let indicatorColumn = columns["indicator"] ?? columns["series"], let periodColumn = columns["period"],
              let valueColumn = columns["value"], document.rowCount > 0 else { return nil }
        if columns["indicator"] != nil && columns["series"] != nil { return nil }
        let regionColumn = columns["region"], measureColumn = columns["measure"]
        let known = 3 + (regionColumn == nil ? 0 : 1) + (measureColumn == nil ? 0 : 1)
        guard document.columnCount == known else { return nil }

        let rows = document.rowCount
        // Values: the shared column parser (two threads on large files); NaN = missing.
        let rowValue: [Double]
        do { rowValue = try document.doubleColumn(valueColumn) } catch { return nil }
        // A missing value must be a cell the general reader takes as missing (empty or NA, not
        // padded: the decimal parser trims, so " " is NaN here but an error there).
        for row in 0..<rows where rowValue[row].isNaN && !document.isMissing(row: row, column: valueColumn) { return nil }
        // Pass 1, on two threads for large files: group, measure code and period ordinal of
        // every row; each half keeps its own groups, merged below in order of first appearance.
        let layout = RowLayout(region: regionColumn, indicator: indicatorColumn, period: periodColumn,
                               measure: measureColumn)
        var rowGroup = [Int32](unsafeUninitializedCapacity: rows) { _, n in n = rows }
        var rowOrdinal = [Int32](unsafeUninitializedCapacity: rows) { _, n in n = rows }
        var rowMeasure = [UInt8](unsafeUninitializedCapacity: rows) { _, n in n = rows }
        let parts = rows >= fastPanelParallelRows ? 2 : 1
        let half = parts == 1 ? rows : rows / 2
        var scans = [RowScan?](repeating: nil, count: parts)
        rowGroup.withUnsafeMutableBufferPointer { groupBuffer in
            rowOrdinal.withUnsafeMutableBufferPointer { ordinalBuffer in
                rowMeasure.withUnsafeMutableBufferPointer { measureBuffer in
                    scans.withUnsafeMutableBufferPointer { scanBuffer in
                        let g = SendablePointer(groupBuffer.baseAddress!), o = SendablePointer(ordinalBuffer.baseAddress!)
                        let m = SendablePointer(measureBuffer.baseAddress!), out = SendablePointer(scanBuffer.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let range = part == 0 ? 0..<half : half..<rows
                            out.pointer[part] = scanRows(document, layout, range, group: g.pointer, ordinal: o.pointer,
                                                         measure: m.pointer)
                        }
                    }
                }
            }
        }
        guard let first = scans[0] else { return nil }
        var groups = first.groups
        var groupIndex = first.index
        // Local group numbers of the second half → global ones.
        var remap: [Int32] = []
        if parts == 2 {
            guard let second = scans[1] else { return nil }
            remap.reserveCapacity(second.groups.count)
            for local in second.groups {
                let key = SeriesKey(region: local.region, indicator: local.indicator)
                guard let g = merge(local, key: key, into: &groups, index: &groupIndex) else { return nil }
                remap.append(g)
            }
        }

        // Pass 2: every (group, measure) gets a dense block in one buffer; rows scatter their
        // values into it (two threads for large files). Each row fills one cell, so a
        // duplicate observation shows as fewer filled cells than rows.
        let unwritten = Double(bitPattern: 0x7FF8_DEAD_BEEF_0001)
        let measureCount = GapSeries.measures.count
        let (blockStart, origin, total, gapRows) = blockLayout(groups)
        var cells = [Double](repeating: unwritten, count: total)
        let (rowGroupC, rowOrdinalC, rowMeasureC, remapC, blockStartC, originC) =
            (rowGroup, rowOrdinal, rowMeasure, remap, blockStart, origin)
        cells.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = part == 0 ? 0..<half : half..<rows
                rowGroupC.withUnsafeBufferPointer { rowGroup in
                    rowOrdinalC.withUnsafeBufferPointer { rowOrdinal in
                        rowMeasureC.withUnsafeBufferPointer { rowMeasure in
                            rowValue.withUnsafeBufferPointer { rowValue in
                                for row in range {
                                    let code = Int(rowMeasure[row])
                                    if code == 255 { continue }
                                    let g = Int(part == 0 ? rowGroup[row] : remapC[Int(rowGroup[row])])
                                    let cell = blockStartC[g * measureCount + code] + Int(rowOrdinal[row]) - originC[g]
                                    out.pointer[cell] = rowValue[row]
                                }
                            }
                        }
                    }
                }
            }
        }
        var filled = 0
        for i in 0..<total where cells[i].bitPattern != unwritten.bitPattern { filled += 1 }
        guard filled == gapRows else { return nil }

        var series: [GapSeries] = []
        series.reserveCapacity(groups.count)
        for (g, group) in groups.enumerated() {
            guard let frequency = group.frequency else { continue }
            let n = frequency.periodsPerYear
            let firstYear = group.minOrdinal / n, lastYear = group.maxOrdinal / n
            let kind: IndicatorKind
            switch metadata.kind(of: group.indicator) {
            case .flow: kind = .flow
            case .stock: kind = .stock
            case .rate: kind = .rate
            }
            var s = GapSeries(region: group.region, indicator: group.indicator, periodsPerYear: n, kind: kind,
                              firstYear: firstYear, yearCount: lastYear - firstYear + 1)
            let count = s.yearCount * n
            for code in 0..<measureCount {
                let start = blockStart[g * measureCount + code]
                guard start >= 0 else { continue }
                s[GapSeries.measures[code]] = [Double](unsafeUninitializedCapacity: count) { out, initialized in
                    for j in 0..<count {
                        let v = cells[start + j]
                        out[j] = v.bitPattern == unwritten.bitPattern ? .nan : v
                    }
                    initialized = count
                }
            }
            series.append(s)
        }
        return series
    }

    /// Pass-1 statistics of one (region, indicator).
    struct Group {
        var region: String
        var indicator: String
        var frequency: Frequency?
        var minOrdinal = Int.max
        var maxOrdinal = Int.min
        var measures: UInt8 = 0  // bit set of GapSeries.Measure codes present
        var rows = 0  // rows with a measure the gap uses
        var keyHash: UInt64 = 0  // the byte scanner's `GroupKey` hash

        /// Adds the statistics of the same series read elsewhere (another chunk); false when
        /// its frequency differs (the general reader reports that).
        mutating func absorb(_ other: Group) -> Bool {
            guard other.frequency != nil else { return true }
            if let f = frequency, f != other.frequency { return false }
            frequency = other.frequency
            minOrdinal = Swift.min(minOrdinal, other.minOrdinal)
            maxOrdinal = Swift.max(maxOrdinal, other.maxOrdinal)
            measures |= other.measures
            rows += other.rows
            return true
        }

        mutating func take(_ stats: GroupStats) {
            frequency = stats.frequency
            minOrdinal = stats.minOrdinal
            maxOrdinal = stats.maxOrdinal
            measures = stats.measures
            rows = stats.rows
        }
    }

    /// Column positions of the long layout.
    struct RowLayout: Sendable {
        var region: Int?
        var indicator: Int
        var period: Int
        var measure: Int?
    }

    /// What one thread's pass 1 found: its groups in order of first appearance.
    struct RowScan: @unchecked Sendable {
        var groups: [Group]
        var index: [SeriesKey: Int32]
    }

    /// Pass 1 over `range`: writes each row's local group number, period ordinal and measure
    /// code (255 = a measure the gap does not use); `nil` when a row needs the general reader.
    static func scanRows(_ document: CSVDocument, _ layout: RowLayout, _ range: Range<Int>,
                         group rowGroup: UnsafeMutablePointer<Int32>, ordinal rowOrdinal: UnsafeMutablePointer<Int32>,
                         measure rowMeasure: UnsafeMutablePointer<UInt8>) -> RowScan? {
        var groups: [Group] = []
        var groupIndex: [SeriesKey: Int32] = [:]
        var previousRegion: [UInt8] = [], previousIndicator: [UInt8] = []
        var current: Int32 = -1
        var lastMeasureBytes: [UInt8] = []
        var lastMeasure: UInt8 = 0
        for row in range {
            // Group: re-interned only when region or indicator differ from the row above.
            var same = current >= 0
            if same, let c = layout.region {
                same = document.withFieldBytes(row: row, column: c) { bytesEqual($0, previousRegion) }
            }
            if same {
                same = document.withFieldBytes(row: row, column: layout.indicator) { bytesEqual($0, previousIndicator) }
            }
            if !same {
                previousRegion = layout.region.map { c in document.withFieldBytes(row: row, column: c) { Array($0) } } ?? []
                previousIndicator = document.withFieldBytes(row: row, column: layout.indicator) { Array($0) }
                // Names trimmed of ASCII spaces and tabs, as the general reader interns them.
                let name = { (bytes: [UInt8]) in
                    bytes.withUnsafeBufferPointer { String(decoding: $0.trimmingASCIISpaces(), as: UTF8.self) }
                }
                let key = SeriesKey(region: name(previousRegion), indicator: name(previousIndicator))
                if key.indicator.isEmpty { return nil }
                if let g = groupIndex[key] {
                    current = g
                } else {
                    current = Int32(groups.count)
                    groupIndex[key] = current
                    groups.append(Group(region: key.region, indicator: key.indicator))
                }
            }
            // Measure: 0…4 = level, ytd, stock, yoy, ytd_yoy; 255 = a measure the gap does not use.
            var code: UInt8 = 0
            if let c = layout.measure {
                let parsed: UInt8? = document.withFieldBytes(row: row, column: c) { raw in
                    if !lastMeasureBytes.isEmpty && bytesEqual(raw, lastMeasureBytes) { return lastMeasure }
                    var lo = 0, hi = raw.count
                    while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
                    while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 { hi -= 1 }
                    let result: UInt8
                    if lo == hi {
                        result = 0
                    } else {
                        guard let m = PaceData.Measure.parse(bytes: UnsafeBufferPointer(rebasing: raw[lo..<hi])) else { return nil }
                        result = m.gapMeasure.map(GapSeries.code) ?? 255
                    }
                    lastMeasureBytes = Array(raw)
                    lastMeasure = result
                    return result
                }
                guard let parsed else { return nil }
                code = parsed
            }
            guard let period = document.withFieldBytes(row: row, column: layout.period, { Period.parse(bytes: $0) }) else {
                return nil
            }
            let g = Int(current)
            rowGroup[row] = current
            rowMeasure[row] = code
            // A measure the gap does not use still must pass the general reader's checks (one
            // frequency per series, no duplicate): such files go through it.
            if code == 255 { return nil }
            guard period.ordinal <= Int(Int32.max) else { return nil }
            rowOrdinal[row] = Int32(period.ordinal)
            if let f = groups[g].frequency, f != period.frequency { return nil }
            groups[g].frequency = period.frequency
            groups[g].minOrdinal = Swift.min(groups[g].minOrdinal, period.ordinal)
            groups[g].maxOrdinal = Swift.max(groups[g].maxOrdinal, period.ordinal)
            groups[g].measures |= 1 << code
            groups[g].rows += 1
        }
        return RowScan(groups: groups, index: groupIndex)
    }

    static let measures: [GapSeries.Measure] = [.level, .ytd, .stock, .yoy, .ytdYoY]

    /// Folds a chunk's group into the global table: a series already there widens its period
    /// range and measures, a new one is appended. `nil` when the two disagree on the frequency.
    static func merge<Key: Hashable>(_ local: Group, key: Key, into groups: inout [Group],
                                     index: inout [Key: Int32]) -> Int32? {
        if let g = index[key] {
            return groups[Int(g)].absorb(local) ? g : nil
        }
        let g = Int32(groups.count)
        index[key] = g
        groups.append(local)
        return g
    }

    /// The dense value blocks: every (group, measure) gets whole years of cells from the group's
    /// first to its last year; `blockStart[g·M + code]` is −1 for a measure the group lacks, and
    /// `origin[g]` is the ordinal of the group's first cell.
    static func blockLayout(_ groups: [Group]) -> (blockStart: [Int], origin: [Int], cells: Int, rows: Int) {
        let measureCount = GapSeries.measures.count
        var blockStart = [Int](repeating: -1, count: groups.count * measureCount)
        var origin = [Int](repeating: 0, count: groups.count)
        var total = 0, rows = 0
        for (g, group) in groups.enumerated() {
            guard let frequency = group.frequency else { continue }
            let ppy = frequency.periodsPerYear
            let firstYear = group.minOrdinal / ppy, lastYear = group.maxOrdinal / ppy
            origin[g] = firstYear * ppy
            let cells = (lastYear - firstYear + 1) * ppy
            for code in 0..<measureCount where group.measures & (1 << code) != 0 {
                blockStart[g * measureCount + code] = total
                total += cells
            }
            rows += group.rows
        }
        return (blockStart, origin, total, rows)
    }

    static func code(_ m: GapSeries.Measure) -> UInt8 {
        switch m {
        case .level: return 0
        case .ytd: return 1
        case .stock: return 2
        case .yoy: return 3
        case .ytdYoY: return 4
        }
    }

    @inline(__always)
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return b.withUnsafeBufferPointer { memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }
}
