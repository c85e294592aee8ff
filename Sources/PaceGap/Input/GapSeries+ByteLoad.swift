import Dispatch
import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GapSeries {
    /// A data file ready for ``panel(from:metadata:)-swift.type.method``: scanned straight from
    /// its bytes when it is a plain long file, otherwise parsed by ``CSVDocument``.
    ///
    /// Building one throws exactly the CSV errors ``CSVDocument/read(path:)`` throws for the
    /// same file (the byte scanner only accepts files that reader parses into the same cells);
    /// errors about the cells' content come from `panel(from:metadata:)`, as before.
    public struct PanelInput: Sendable {
        /// The file path as given, or `<stdin>`.
        public var source: String { file.source }
        /// The fingerprint of the file's bytes (``CSVDocument/contentHashHex``).
        public let contentHashHex: String
        let file: LoadedFile
        /// The panel from the byte scanner, or nil.
        let scanned: ScannedPanel?
        /// The parsed file when the byte scanner did not take it.
        let document: CSVDocument?

        /// Scans `file` (on up to `parts` threads' worth of chunks; `nil` chooses by size).
        /// The result does not depend on `parts`.
        /// - Throws: `InputError` for a malformed CSV file.
        public init(file: LoadedFile, parts: Int? = nil) throws {
            self.file = file
            // The fingerprint is taken on one of the scanning threads, alongside the chunks.
            let hash = HashSlot()
            let panel = file.withUnsafeBytes { GapSeries.bytePanel($0, parts: parts, alongside: { hash.value = file.contentHashHex }) }
            contentHashHex = hash.value ?? file.contentHashHex
            if let panel {
                scanned = ScannedPanel(series: panel)
                document = nil
            } else {
                scanned = nil
                document = try file.csvDocument()
            }
        }

        /// The scanned series, held in a box so that setting their kinds (once the metadata is
        /// known) mutates them in place instead of copying 50,000 series.
        /// A mutex guards the moves, so concurrent callers of `panel(from:)` are safe.
        final class ScannedPanel: @unchecked Sendable {
            private var series: [GapSeries]
            private var lock = pthread_mutex_t()

            init(series: [GapSeries]) {
                self.series = series
                pthread_mutex_init(&lock, nil)
            }

            deinit { pthread_mutex_destroy(&lock) }

            /// Runs `body` on the series, in place.
            func update(_ body: (inout [GapSeries]) -> Void) -> [GapSeries] {
                pthread_mutex_lock(&lock)
                defer { pthread_mutex_unlock(&lock) }
                body(&series)
                return series
            }
        }

        /// Written by one worker thread, read after the join.
        final class HashSlot: @unchecked Sendable {
            var value: String?
        }

        /// Whether the byte scanner took the file (for tests).
        public var isScanned: Bool { scanned != nil }
    }

    /// The panel of a data file: ``panel(from:metadata:)-swift.type.method`` on its document, or the
    /// byte scanner's identical result.
    /// - Throws: `InputError` from `ObservationSet` for bad input.
    public static func panel(from input: PanelInput, metadata: IndicatorMetadata = IndicatorMetadata()) throws -> [GapSeries] {
        guard let scanned = input.scanned else { return try panel(from: input.document!, metadata: metadata) }
        return scanned.update { series in
            var lastIndicator = "", lastKind = IndicatorKind.flow
            for i in series.indices {
                if i == 0 || series[i].indicator != lastIndicator {
                    lastIndicator = series[i].indicator
                    switch metadata.kind(of: lastIndicator) {
                    case .flow: lastKind = .flow
                    case .stock: lastKind = .stock
                    case .rate: lastKind = .rate
                    }
                }
                series[i].kind = lastKind
            }
        }
    }

    /// The fewest body bytes per chunk of ``bytePanel(_:parts:alongside:)``: more chunks than
    /// `length / byteChunkMinimum` are not made. Variable only so fuzz targets can cut small
    /// inputs into many chunks.
    nonisolated(unsafe) static var byteChunkMinimum = 64

    /// The byte-level fast path: the same series as ``fastPanel(_:metadata:)`` (kinds all
    /// `.flow`) read straight from the file's bytes in one pass per chunk — no field table,
    /// no separate value column — for a plain file: ASCII header without quotes, no quote
    /// character in any row, exactly the header's field count on every line, `\n` or `\r\n`
    /// line ends. `nil` for anything else (the caller then parses a ``CSVDocument``).
    ///
    /// The body is cut at line starts into `parts` chunks scanned concurrently; each chunk
    /// numbers its (region, indicator) groups in order of first appearance and the chunks are
    /// merged in file order, so the result does not depend on `parts`.
    ///
    /// `alongside` runs once, as one more task of the concurrent scan when the header is one
    /// the scanner takes (otherwise not at all).
    static func bytePanel(_ bytes: UnsafeBufferPointer<UInt8>, parts requested: Int?,
                          alongside: @Sendable () -> Void = {}) -> [GapSeries]? {
        guard let p = bytes.baseAddress else { return nil }
        var start = 0
        let total = bytes.count
        if total >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
        var n = total
        while n > start && (p[n - 1] == 0x0A || p[n - 1] == 0x0D) { n -= 1 }
        guard n > start, let lf = memchr(p + start, 0x0A, n - start) else { return nil }
        let headerEnd = UnsafePointer<UInt8>(lf.assumingMemoryBound(to: UInt8.self)) - p
        let dataStart = headerEnd + 1
        guard dataStart < n else { return nil }

        // Header: plain ASCII names, non-empty and unique (else CSVDocument has the word).
        var lineEnd = headerEnd
        if lineEnd > start && p[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var names: [String] = []
        var fieldStart = start
        for i in start...lineEnd {
            if i == lineEnd || p[i] == 0x2C {
                guard i > fieldStart else { return nil }
                names.append(String(decoding: UnsafeBufferPointer(start: p + fieldStart, count: i - fieldStart), as: UTF8.self))
                fieldStart = i + 1
            } else if p[i] == 0x22 || p[i] >= 0x80 {
                return nil
            }
        }
        guard Set(names).count == names.count else { return nil }
        var columns: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            let key = name.trimmingASCIISpaces().lowercased()
            if columns[key] == nil { columns[key] = i } else { return nil }
        }
        guard let indicatorColumn = columns["indicator"] ?? columns["series"], let periodColumn = columns["period"],
              let valueColumn = columns["value"] else { return nil }
        if columns["indicator"] != nil && columns["series"] != nil { return nil }
        let regionColumn = columns["region"], measureColumn = columns["measure"]
        let known = 3 + (regionColumn == nil ? 0 : 1) + (measureColumn == nil ? 0 : 1)
        guard names.count == known else { return nil }
        let layout = ByteLayout(columns: known, region: regionColumn ?? -1, indicator: indicatorColumn,
                                period: periodColumn, measure: measureColumn ?? -1, value: valueColumn)

        // Chunks cut after a line feed, scanned concurrently.
        let length = n - dataStart
        // Large files: four chunks, so the two threads stay balanced with the extra task.
        let count = max(1, min(requested ?? (length >= 1 << 20 ? 4 : 1), max(1, length / byteChunkMinimum)))
        var bounds = [dataStart]
        for k in 1..<count {
            var cut = dataStart + length * k / count
            cut = max(cut, bounds[bounds.count - 1])
            if let q = memchr(p + cut, 0x0A, n - cut) {
                cut = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
            } else {
                cut = n
            }
            bounds.append(cut)
        }
        bounds.append(n)
        let chunks = (0..<count).map { ByteChunk(p: p, start: bounds[$0], end: bounds[$0 + 1], limit: total, layout: layout) }
        DispatchQueue.concurrentPerform(iterations: count + 1) { k in
            if k == 0 { alongside() } else { chunks[k - 1].scan() }
        }
        defer { for chunk in chunks { chunk.release() } }
        guard chunks.allSatisfy({ $0.ok }) else { return nil }
        if chunks.allSatisfy({ $0.rows == 0 }) { return nil }

        // Merge the chunks' groups in file order: local group numbers → global ones. Each chunk's
        // groups are first looked up (concurrently) in the indexes of the chunks before it; a
        // group's global number is that of its first appearance.
        let earlier = UnsafeMutablePointer<[Int64]>.allocate(capacity: count)
        earlier.initialize(repeating: [], count: count)
        defer { earlier.deinitialize(count: count); earlier.deallocate() }
        let found = SendablePointer(earlier)
        if count > 1 {
            DispatchQueue.concurrentPerform(iterations: count - 1) { t in
                let k = t + 1
                found.pointer[k] = chunks[k].groups.map { local -> Int64 in
                    let key = GroupKey(hash: local.keyHash, region: local.region, indicator: local.indicator)
                    for j in 0..<k {
                        if let i = chunks[j].index[key] { return Int64(j) << 32 | Int64(i) }
                    }
                    return -1
                }
            }
        }
        var groups: [Group] = []
        groups.reserveCapacity(chunks.reduce(0) { $0 + $1.groups.count })
        var remaps: [[Int32]] = []
        for (k, chunk) in chunks.enumerated() {
            var remap: [Int32] = []
            remap.reserveCapacity(chunk.groups.count)
            for (l, local) in chunk.groups.enumerated() {
                let seen = k == 0 ? -1 : earlier[k][l]
                if seen < 0 {
                    remap.append(Int32(groups.count))
                    groups.append(local)
                    continue
                }
                let g = Int(remaps[Int(seen >> 32)][Int(seen & 0xFFFF_FFFF)])
                guard groups[g].absorb(local) else { return nil }
                remap.append(Int32(g))
            }
            remaps.append(remap)
        }

        // Every group's runs, in file order: a counting sort of the chunks' runs by global group.
        let groupCount = groups.count
        var runStart = [Int32](repeating: 0, count: groupCount + 1)
        for (k, chunk) in chunks.enumerated() {
            remaps[k].withUnsafeBufferPointer { remap in
                for run in chunk.runs { runStart[Int(remap[Int(run.group)]) + 1] += 1 }
            }
        }
        for g in 0..<groupCount { runStart[g + 1] += runStart[g] }
        var runRefs = [RunRef](repeating: RunRef(chunk: 0, run: 0), count: Int(runStart[groupCount]))
        var nextRef = runStart
        for (k, chunk) in chunks.enumerated() {
            remaps[k].withUnsafeBufferPointer { remap in
                for (r, run) in chunk.runs.enumerated() {
                    let g = Int(remap[Int(run.group)])
                    runRefs[Int(nextRef[g])] = RunRef(chunk: Int32(k), run: Int32(r))
                    nextRef[g] += 1
                }
            }
        }

        // The series, built on the same threads over parts of the group list: each measure's
        // cells start unwritten, each run is copied into its place, and a cell written twice
        // (a duplicate observation) sends the file to the general reader, which names it.
        let unwritten = Double(bitPattern: 0x7FF8_DEAD_BEEF_0001)
        let measureCount = GapSeries.measures.count
        let built = UnsafeMutablePointer<GapSeries?>.allocate(capacity: groupCount)
        defer { built.deallocate() }
        let builtOut = SendablePointer(built)
        let clashes = UnsafeMutablePointer<Bool>.allocate(capacity: count)
        defer { clashes.deallocate() }
        let clashOut = SendablePointer(clashes)
        let finished = (groups, runStart, runRefs)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            var clash = false
            let range = (groupCount * k / count)..<(groupCount * (k + 1) / count)
            for g in range {
                let group = finished.0[g]
                guard let frequency = group.frequency else {
                    (builtOut.pointer + g).initialize(to: nil)
                    continue
                }
                let ppy = frequency.periodsPerYear
                let firstYear = group.minOrdinal / ppy, lastYear = group.maxOrdinal / ppy
                let origin = firstYear * ppy
                var s = GapSeries(region: group.region, indicator: group.indicator, periodsPerYear: ppy,
                                  firstYear: firstYear, yearCount: lastYear - firstYear + 1)
                let cellsPerMeasure = s.yearCount * ppy
                let refs = Int(finished.1[g])..<Int(finished.1[g + 1])
                for code in 0..<measureCount where group.measures & (1 << code) != 0 {
                    s[GapSeries.measures[code]] = [Double](unsafeUninitializedCapacity: cellsPerMeasure) { values, initialized in
                        let cells = values.baseAddress!
                        cells.initialize(repeating: unwritten, count: cellsPerMeasure)
                        for i in refs {
                            let ref = finished.2[i]
                            let chunk = chunks[Int(ref.chunk)]
                            let run = chunk.runs[Int(ref.run)]
                            guard Int(run.measure) == code else { continue }
                            let from = chunk.values.base + Int(run.start)
                            let to = cells + (Int(run.firstOrdinal) - origin)
                            for j in 0..<Int(run.count) {
                                if to[j].bitPattern != unwritten.bitPattern { clash = true }
                                to[j] = from[j]
                            }
                        }
                        for j in 0..<cellsPerMeasure where cells[j].bitPattern == unwritten.bitPattern {
                            cells[j] = .nan
                        }
                        initialized = cellsPerMeasure
                    }
                }
                (builtOut.pointer + g).initialize(to: consume s)
            }
            clashOut.pointer[k] = clash
        }
        var series: [GapSeries] = []
        series.reserveCapacity(groupCount)
        for g in 0..<groupCount {
            if let s = (built + g).move() { series.append(s) }
        }
        for k in 0..<count where clashes[k] { return nil }
        return series
    }

    /// A run's place: chunk number and run number in that chunk.
    struct RunRef {
        var chunk: Int32
        var run: Int32
    }

    /// Region × indicator with a hash of their bytes computed once while scanning: the
    /// dictionaries of the scan and of the merge hash one word instead of two strings.
    struct GroupKey: Hashable {
        let hash: UInt64
        let region: String
        let indicator: String

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: GroupKey, b: GroupKey) -> Bool {
            a.hash == b.hash && a.region == b.region && a.indicator == b.indicator
        }

        /// FNV-1a (64-bit) over the region's bytes, a 0xFF separator (never in UTF-8), the
        /// indicator's bytes.
        static func hash(_ region: UnsafePointer<UInt8>, _ regionCount: Int,
                         _ indicator: UnsafePointer<UInt8>, _ indicatorCount: Int) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in 0..<regionCount { h = (h ^ UInt64(region[k])) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3
            for k in 0..<indicatorCount { h = (h ^ UInt64(indicator[k])) &* 0x0000_0100_0000_01B3 }
            return h
        }
    }

    /// The pass-1 statistics of the group being read, kept in locals between group changes.
    struct GroupStats {
        var frequency: Frequency?
        var minOrdinal: Int
        var maxOrdinal: Int
        var measures: UInt8
        var rows: Int

        init(_ group: Group) {
            frequency = group.frequency
            minOrdinal = group.minOrdinal
            maxOrdinal = group.maxOrdinal
            measures = group.measures
            rows = group.rows
        }
    }

    /// The values of one chunk's rows, in file order (one block, huge pages when large).
    struct ValueBuffer {
        var count = 0
        var capacity: Int
        var base: UnsafeMutablePointer<Double>

        init(capacity: Int) {
            self.capacity = capacity
            base = LargeAllocation.allocate(bytes: capacity * 8).assumingMemoryBound(to: Double.self)
        }

        func release() {
            LargeAllocation.free(UnsafeMutableRawPointer(base), bytes: capacity * 8)
        }

        mutating func grow() {
            var bigger = ValueBuffer(capacity: capacity * 2)
            bigger.base.update(from: base, count: count)
            bigger.count = count
            release()
            self = bigger
        }
    }

    /// Consecutive rows of one group and measure whose periods follow each other: the values
    /// `start..<start + count` of their chunk, for ordinals `firstOrdinal…`. A long file sorted
    /// by series has one run per series and measure, so rows need no group, measure or period
    /// of their own.
    struct Run {
        var start: Int32
        var count: Int32
        var firstOrdinal: Int32
        var group: Int32
        var measure: UInt8
    }

    /// Column positions of the long layout (−1 = absent).
    struct ByteLayout: Sendable {
        var columns: Int
        var region: Int
        var indicator: Int
        var period: Int
        var measure: Int
        var value: Int
    }

    /// One chunk of lines: its scan results, written by one thread, read after the join.
    final class ByteChunk: @unchecked Sendable {
        let p: UnsafePointer<UInt8>
        let start: Int
        let end: Int
        /// The file's size: bytes up to here may be read (a word at a time) past `end`.
        let limit: Int
        let layout: ByteLayout
        var ok = false
        var rows = 0
        var groups: [Group] = []
        var index: [GroupKey: Int32] = [:]
        var values = ValueBuffer(capacity: 0)
        var runs: [Run] = []

        init(p: UnsafePointer<UInt8>, start: Int, end: Int, limit: Int, layout: ByteLayout) {
            self.p = p
            self.start = start
            self.end = end
            self.limit = limit
            self.layout = layout
        }

        func release() { values.release() }

        /// Scans the chunk; `ok` stays false when a line needs the general reader.
        func scan() {
            // Locals in the loop (a class's stored properties would be checked for exclusive
            // access on every use), stored back at the end.
            var groups: [Group] = [], index: [GroupKey: Int32] = [:]
            var values = ValueBuffer(capacity: max(16, (end - start) / 28))
            var runs: [Run] = []
            ok = ByteChunk.scanLines(p, start, end, limit: limit, layout, &groups, &index, &values, &runs)
            self.groups = groups
            self.index = index
            rows = values.count
            self.values.release()
            self.values = values
            self.runs = runs
        }

        private static func scanLines(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int, _ layout: ByteLayout,
                                      _ groups: inout [Group], _ index: inout [GroupKey: Int32],
                                      _ values: inout ValueBuffer, _ runs: inout [Run]) -> Bool {
            let columns = layout.columns
            var current: Int32 = -1
            var regionStart = 0, regionLength = -1, indicatorStart = 0, indicatorLength = -1
            var measureStart = 0, measureLength = -1
            var lastMeasure: UInt8 = 0
            // The open run: its group, measure, next ordinal, first row and first ordinal.
            var run = Run(start: 0, count: 0, firstOrdinal: 0, group: -1, measure: 0)
            var runNext = 0
            runs.reserveCapacity(Swift.max(16, (end - start) / 1024))
            var stats = GroupStats(Group(region: "", indicator: ""))  // the current group's, stored back on a change
            index.reserveCapacity(Swift.min((end - start) / 1024, 1 << 17))
            let raw = UnsafeRawPointer(p)
            let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C, lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            // bounds[2c], bounds[2c + 1]: start and end of field c of the current line.
            let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 10)
            defer { bounds.deallocate() }
            // The previous line's field c and its comma as a masked word (length −1: none), so
            // a field that repeats the line above (region, indicator, measure) is one compare.
            let previousWord = UnsafeMutablePointer<UInt64>.allocate(capacity: 5)
            let previousMask = UnsafeMutablePointer<UInt64>.allocate(capacity: 5)
            let previousLength = UnsafeMutablePointer<Int>.allocate(capacity: 5)
            defer {
                previousWord.deallocate()
                previousMask.deallocate()
                previousLength.deallocate()
            }
            previousLength.initialize(repeating: -1, count: 5)
            previousWord.initialize(repeating: 0, count: 5)
            previousMask.initialize(repeating: 0, count: 5)
            var i = start
            while i < end {
                // Split one line into exactly `columns` fields, eight bytes at a time where
                // eight bytes are readable: the first comma or line feed of a word is the lowest
                // byte whose XOR with it is zero.
                var same = 0  // bit c: field c equals the line above's
                for column in 0..<columns {
                    let s = i
                    if column < columns - 1 {
                        let length = previousLength[column]
                        if length >= 0 && i &+ 8 <= limit
                            && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & previousMask[column] == previousWord[column] {
                            bounds[2 * column] = s
                            bounds[2 * column + 1] = s + length
                            i += length + 1
                            same |= 1 << column
                            continue
                        }
                    }
                    while true {
                        if i &+ 8 <= limit {
                            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            let a = w ^ commas, b = w ^ lfs
                            let m = ~(((a & low) &+ low) | a | low) | ~(((b & low) &+ low) | b | low)
                            if m != 0 {
                                i += m.trailingZeroBitCount >> 3
                                break
                            }
                            i += 8
                        } else {
                            while i < limit && p[i] != 0x2C && p[i] != 0x0A { i += 1 }
                            break
                        }
                    }
                    if i > end { i = end }
                    var e = i
                    if column < columns - 1 {
                        guard i < end, p[i] == 0x2C else { return false }
                        let length = e - s
                        if length < 8 && s &+ 8 <= limit {
                            let mask: UInt64 = (1 << (8 * (length + 1))) &- 1  // little-endian: the first length + 1 bytes
                            previousLength[column] = length
                            previousMask[column] = mask
                            previousWord[column] = raw.loadUnaligned(fromByteOffset: s, as: UInt64.self) & mask
                        } else {
                            previousLength[column] = -1
                        }
                    } else {
                        if i < end && p[i] != 0x0A { return false }
                        if e > s && p[e - 1] == 0x0D { e -= 1 }
                    }
                    i += 1
                    bounds[2 * column] = s
                    bounds[2 * column + 1] = e
                }
                @inline(__always) func field(_ column: Int) -> (Int, Int) {
                    (bounds[2 * column], bounds[2 * column + 1] - bounds[2 * column])
                }

                // Group: looked up only when region or indicator differ from the line above.
                let (rs, rl) = layout.region >= 0 ? field(layout.region) : (0, 0)
                let (ins, inl) = field(layout.indicator)
                let sameKey = current >= 0 && same & (1 << layout.indicator) != 0
                    && (layout.region < 0 || same & (1 << layout.region) != 0)
                if !sameKey && (current < 0 || rl != regionLength || inl != indicatorLength
                    || !ByteChunk.equal(raw, rs, regionStart, rl, limit) || !ByteChunk.equal(raw, ins, indicatorStart, inl, limit)) {
                    // The series' names: trimmed of ASCII spaces and tabs, as the general reader
                    // interns them (the comparisons with the line above stay on the raw cells).
                    let tr = UnsafeBufferPointer(start: p + rs, count: rl).trimmingASCIISpaces()
                    let ti = UnsafeBufferPointer(start: p + ins, count: inl).trimmingASCIISpaces()
                    guard ti.count > 0, let region = ByteChunk.text(tr.baseAddress!, tr.count),
                          let indicator = ByteChunk.text(ti.baseAddress!, ti.count) else {
                        return false
                    }
                    regionStart = rs
                    regionLength = rl
                    indicatorStart = ins
                    indicatorLength = inl
                    let key = GroupKey(hash: GroupKey.hash(tr.baseAddress!, tr.count, ti.baseAddress!, ti.count), region: region, indicator: indicator)
                    if current >= 0 { groups[Int(current)].take(stats) }
                    if let g = index[key] {
                        current = g
                    } else {
                        current = Int32(groups.count)
                        index[key] = current
                        var group = Group(region: region, indicator: indicator)
                        group.keyHash = key.hash
                        groups.append(group)
                    }
                    stats = GroupStats(groups[Int(current)])
                }

                // Measure: 0…4 = level, ytd, stock, yoy, ytd_yoy; 255 = one the gap does not use.
                var code: UInt8 = 0
                if layout.measure >= 0 {
                    let (ms, ml) = field(layout.measure)
                    if same & (1 << layout.measure) != 0 || (ml == measureLength && ByteChunk.equal(raw, ms, measureStart, ml, limit)) {
                        code = lastMeasure
                    } else {
                        var lo = ms, hi = ms + ml
                        while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo += 1 }
                        while hi > lo, p[hi - 1] == 0x20 || p[hi - 1] == 0x09 { hi -= 1 }
                        if lo < hi {
                            guard let m = PaceData.Measure.parse(bytes: UnsafeBufferPointer(start: p + lo, count: hi - lo)) else {
                                return false
                            }
                            code = m.gapMeasure.map(GapSeries.code) ?? 255
                        }
                        measureStart = ms
                        measureLength = ml
                        lastMeasure = code
                    }
                }

                let (ps, pl) = field(layout.period)
                let ordinal: Int, frequency: Frequency
                if let (o, f) = ByteChunk.commonPeriod(p + ps, pl) {
                    ordinal = o
                    frequency = f
                } else {
                    guard let period = Period.parse(bytes: UnsafeBufferPointer(start: p + ps, count: pl)) else { return false }
                    ordinal = period.ordinal
                    frequency = period.frequency
                }

                // Value: the shared decimal parser, as `CSVDocument.doubleColumn` uses it.
                let (vs, vl) = field(layout.value)
                let value: Double
                if vs &+ 9 <= limit, let x = ByteChunk.shortDecimal(p + vs, vl) {
                    value = x
                } else if let x = ByteChunk.plainDecimal(p + vs, vl) {
                    value = x
                } else if let x = DecimalParser.parseFast(p + vs, count: vl) {
                    value = x
                } else {
                    switch DecimalParser.classify(UnsafeBufferPointer(start: p + vs, count: vl)) {
                    case .number(let x): value = x
                    case .missing:
                        // Missing for the general reader only when empty or NA exactly (a padded
                        // blank or NA is its error): other cells go to it.
                        guard vl == 0 || (vl == 2 && p[vs] == 0x4E && p[vs + 1] == 0x41) else { return false }
                        value = .nan
                    case .notANumber, .notFinite: return false
                    }
                }

                // A measure the gap does not use still must pass the general reader's checks
                // (one frequency per series, no duplicate): such files go through it.
                if code == 255 { return false }
                guard ordinal <= Int(Int32.max), values.count < Int(Int32.max) else { return false }
                if values.count == values.capacity { values.grow() }
                if run.count > 0 && run.group == current && run.measure == code && ordinal == runNext {
                    run.count += 1
                } else {
                    if run.count > 0 { runs.append(run) }
                    run = Run(start: Int32(values.count), count: 1, firstOrdinal: Int32(ordinal), group: current, measure: code)
                }
                runNext = ordinal + 1
                values.base[values.count] = value
                values.count += 1
                if let f = stats.frequency, f != frequency { return false }
                stats.frequency = frequency
                stats.minOrdinal = Swift.min(stats.minOrdinal, ordinal)
                stats.maxOrdinal = Swift.max(stats.maxOrdinal, ordinal)
                stats.measures |= 1 << code
                stats.rows += 1
            }
            if current >= 0 { groups[Int(current)].take(stats) }
            if run.count > 0 { runs.append(run) }
            return true
        }

        /// `2024Q1` and `2024-03` without spaces: the ordinal and frequency `Period.parse` gives;
        /// nil for any other text (which then goes to `Period.parse`).
        @inline(__always)
        static func commonPeriod(_ p: UnsafePointer<UInt8>, _ n: Int) -> (Int, Frequency)? {
            guard n == 6 || n == 7 else { return nil }
            let d0 = Int(p[0]) &- 0x30, d1 = Int(p[1]) &- 0x30, d2 = Int(p[2]) &- 0x30, d3 = Int(p[3]) &- 0x30
            guard UInt(bitPattern: d0) < 10, UInt(bitPattern: d1) < 10, UInt(bitPattern: d2) < 10,
                  UInt(bitPattern: d3) < 10 else { return nil }
            let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3
            guard year >= 1 else { return nil }
            if n == 6 {
                let q = Int(p[5]) &- 0x30
                guard p[4] | 0x20 == 0x71, q >= 1, q <= 4 else { return nil }
                return (year * 4 + q - 1, .quarterly)
            }
            let m1 = Int(p[5]) &- 0x30, m2 = Int(p[6]) &- 0x30
            guard p[4] == 0x2D, UInt(bitPattern: m1) < 10, UInt(bitPattern: m2) < 10 else { return nil }
            let month = m1 * 10 + m2
            guard month >= 1, month <= 12 else { return nil }
            return (year * 12 + month - 1, .monthly)
        }

        /// ``plainDecimal(_:_:)`` for texts of at most eight bytes after an optional minus, the
        /// digits converted eight at a time in one word (SWAR: subtract '0' from every byte, then
        /// combine pairs, quadruples and halves with three multiplications); nil for anything
        /// else, including any text `plainDecimal` rejects. Nine bytes at `p` must be readable.
        @inline(__always)
        static func shortDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
            let negative = p[0] == 0x2D
            let sign = negative ? 1 : 0
            let count = n - sign
            guard count > 0, count <= 8 else { return nil }
            let w = UInt64(littleEndian: UnsafeRawPointer(p + sign).loadUnaligned(as: UInt64.self))
            let keep: UInt64 = count == 8 ? ~0 : (1 << (8 * UInt64(count))) &- 1
            // The first '.' among the count bytes: the lowest zero byte of w XOR "........".
            let t = (w ^ 0x2E2E_2E2E_2E2E_2E2E) | ~keep
            let dot = (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080
            var digits = count, fraction = 0
            var word = w & keep
            if dot != 0 {
                let d = dot.trailingZeroBitCount >> 3
                let low: UInt64 = d == 0 ? 0 : (1 << (8 * UInt64(d))) &- 1
                word = (w & low) | ((w >> 8) & ~low & (keep >> 8))
                digits = count - 1
                fraction = count - 1 - d
            }
            guard digits > 0 else { return nil }
            // Left-padded with '0' to eight digits, the most significant in the lowest byte.
            let pad = 8 - digits
            var v = pad == 0 ? word
                : (word << (8 * UInt64(pad))) | (0x3030_3030_3030_3030 & ((1 << (8 * UInt64(pad))) &- 1))
            // Every byte an ASCII digit: no byte above '9' (+0x46 sets its top bit) or below '0'.
            guard ((v &+ 0x4646_4646_4646_4646) | (v &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0 else {
                return nil
            }
            v = v &- 0x3030_3030_3030_3030
            v = (v &* 10) &+ (v >> 8)  // byte pairs: 10·d₀ + d₁ in every other byte
            v = (((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064)
                 &+ (((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001)) >> 32
            let value = Double(v) / DecimalParser.exactPowerOfTen(fraction)
            return negative ? -value : value
        }

        /// `-ddd.ddd` with at most 15 digits and no spaces or exponent: m / 10^f in one correctly
        /// rounded division of exact operands (Clinger's fast path, hence the value
        /// `DecimalParser` gives); nil for any other text.
        @inline(__always)
        static func plainDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
            guard n > 0, n <= 17 else { return nil }
            var i = 0
            let negative = p[0] == 0x2D
            if negative { i = 1 }
            var mantissa: UInt64 = 0
            var digits = 0, point = -1
            while i < n {
                let d = UInt64(p[i]) &- 0x30
                if d < 10 {
                    mantissa = mantissa &* 10 &+ d
                    digits += 1
                } else if p[i] == 0x2E && point < 0 {
                    point = digits
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0, digits <= 15 else { return nil }
            let fraction = point < 0 ? 0 : digits - point
            let value = Double(mantissa) / DecimalParser.exactPowerOfTen(fraction)
            return negative ? -value : value
        }

        /// Whether the `count` bytes at offsets `a` and `b` are equal: one masked word compare for
        /// fields of up to eight bytes (when eight bytes are readable at both), else byte by byte.
        @inline(__always)
        static func equal(_ raw: UnsafeRawPointer, _ a: Int, _ b: Int, _ count: Int, _ limit: Int) -> Bool {
            if count <= 8 && a + 8 <= limit && b + 8 <= limit {
                if count == 0 { return true }
                let x = raw.loadUnaligned(fromByteOffset: a, as: UInt64.self) ^ raw.loadUnaligned(fromByteOffset: b, as: UInt64.self)
                return UInt64(littleEndian: x) << (64 - 8 * count) == 0
            }
            let p = raw.assumingMemoryBound(to: UInt8.self)
            for k in 0..<count where p[a + k] != p[b + k] { return false }
            return true
        }

        /// The text of a region or indicator cell; nil when it holds a quote character or
        /// invalid UTF-8 (the general reader's case).
        static func text(_ p: UnsafePointer<UInt8>, _ count: Int) -> String? {
            var ascii = true
            for k in 0..<count {
                let c = p[k]
                if c == 0x22 { return nil }
                if c >= 0x80 { ascii = false }
            }
            let bytes = UnsafeBufferPointer(start: p, count: count)
            if ascii { return String(decoding: bytes, as: UTF8.self) }
            return String(validating: bytes, as: UTF8.self)
        }
    }
}
