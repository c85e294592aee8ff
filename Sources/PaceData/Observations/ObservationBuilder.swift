/// Collects observations row by row straight into dense per-series arrays: the shared back end
/// of the long and wide readers. Rows of one series usually come together and in period
/// order, so the series being filled is kept open (taken out of the list, no copy-on-write)
/// and a row is one append; rows out of order fill earlier slots or extend the start.
///
/// Problems either stop the read (the first one is thrown) or are collected (for
/// `pace check`), with the offending row left out.
struct ObservationBuilder {
    struct SeriesKey: Hashable {
        var region: Int32
        var indicator: Int32
        var measure: UInt8
    }

    struct SeriesStore {
        var key: SeriesKey
        var frequency: Frequency
        var firstLine: Int
        var unit: Int32 = -1
        var unitLine: Int = 0
        var startOrdinal: Int = 0
        var values: [Double] = []
        var lines: [Int32] = []
        var attributeCodes: [[Int32]]
    }

    let source: String
    let collecting: Bool
    let problemLimit: Int
    private(set) var problems: [InputError] = []
    private(set) var problemCount = 0
    private(set) var rowsKept = 0

    var regions = FieldInterner()
    var indicators = FieldInterner()
    var units = FieldInterner()
    var attributeNames: [String] = []
    var attributeInterners: [FieldInterner] = []

    private var seriesIndex: [SeriesKey: Int32] = [:]
    private var lastKey = SeriesKey(region: -1, indicator: -1, measure: 0)
    private var lastSeries: Int32 = -1
    private var stores: [SeriesStore] = []
    /// The series being filled, taken out of `stores` (whose slot then holds a placeholder).
    private var open: SeriesStore?
    private var openID: Int32 = -1
    private var totalSlots = 0
    private let slotLimit: Int

    init(source: String, collecting: Bool, problemLimit: Int = 1000, expectedRows: Int) {
        self.source = source
        self.collecting = collecting
        self.problemLimit = problemLimit
        slotLimit = max(64 * expectedRows, 1 << 22)
    }

    mutating func setAttributes(_ names: [String]) {
        attributeNames = names
        attributeInterners = names.map { _ in FieldInterner() }
    }

    /// Records a problem: thrown when stopping at the first, kept otherwise.
    mutating func fail(_ error: InputError) throws {
        if !collecting { throw error }
        problemCount += 1
        if problems.count < problemLimit { problems.append(error) }
    }

    /// The series for a key, created on first sight with the frequency of its first period.
    @inline(__always)
    mutating func seriesID(region: Int32, indicator: Int32, measure: Measure, frequency: Frequency,
                           line: Int) -> Int32 {
        let key = SeriesKey(region: region, indicator: indicator, measure: measure.code)
        if key == lastKey { return lastSeries }
        let id: Int32
        if let known = seriesIndex[key] {
            id = known
        } else {
            id = Int32(stores.count)
            stores.append(SeriesStore(key: key, frequency: frequency, firstLine: line,
                                      attributeCodes: attributeNames.map { _ in [] }))
            seriesIndex[key] = id
        }
        lastKey = key
        lastSeries = id
        return id
    }

    /// Makes `id` the open series.
    @inline(__always)
    private mutating func openSeries(_ id: Int32) {
        if id == openID { return }
        closeOpenSeries()
        let placeholder = SeriesStore(key: stores[Int(id)].key, frequency: .annual, firstLine: 0, attributeCodes: [])
        open = stores[Int(id)]
        stores[Int(id)] = placeholder
        openID = id
    }

    mutating func closeOpenSeries() {
        if let store = open {
            stores[Int(openID)] = store
            open = nil
            openID = -1
        }
    }

    /// Adds one observation. `attributes` are interned codes, one per attribute column.
    @inline(__always)
    mutating func append(series id: Int32, period: Period, value: Double, unit: Int32,
                         line: Int, periodColumn: Int, unitColumn: Int, attributes: [Int32]) throws {
        openSeries(id)
        if open!.frequency != period.frequency {
            let store = open!
            try fail(InputError(
                file: source, line: line, column: periodColumn + 1,
                problem: "\(period.frequency) period in the \(store.frequency) series \(label(store.key)) (first row on line \(store.firstLine))",
                found: period.description, expected: "one frequency per series"))
            return
        }
        if unit >= 0 && !units.table[Int(unit)].isEmpty {
            if open!.unit < 0 {
                open!.unit = unit
                open!.unitLine = line
            } else if open!.unit != unit {
                let store = open!
                try fail(InputError(
                    file: source, line: line, column: unitColumn + 1,
                    problem: "unit changes within series \(label(store.key))", found: units.table[Int(unit)],
                    expected: "\"\(units.table[Int(store.unit)])\" as on line \(store.unitLine)"))
                return
            }
        }
        let ordinal = period.ordinal
        var slot: Int
        if open!.values.isEmpty {
            open!.startOrdinal = ordinal
            slot = 0
        } else {
            slot = ordinal - open!.startOrdinal
        }
        let count = open!.values.count
        if slot >= count {
            let extra = slot - count + 1
            if totalSlots + extra > slotLimit { throw tooManySlots() }
            totalSlots += extra
            if extra > 1 {
                open!.values.append(contentsOf: repeatElement(.nan, count: extra - 1))
                open!.lines.append(contentsOf: repeatElement(0, count: extra - 1))
                for k in attributes.indices { open!.attributeCodes[k].append(contentsOf: repeatElement(-1, count: extra - 1)) }
            }
            open!.values.append(value)
            open!.lines.append(Int32(truncatingIfNeeded: line))
            for k in attributes.indices { open!.attributeCodes[k].append(attributes[k]) }
        } else {
            if slot < 0 {
                // An earlier period than any so far: extend the series at the start.
                let extra = -slot
                if totalSlots + extra > slotLimit { throw tooManySlots() }
                totalSlots += extra
                open!.values.insert(contentsOf: repeatElement(.nan, count: extra), at: 0)
                open!.lines.insert(contentsOf: repeatElement(0, count: extra), at: 0)
                for k in attributes.indices { open!.attributeCodes[k].insert(contentsOf: repeatElement(-1, count: extra), at: 0) }
                open!.startOrdinal = ordinal
                slot = 0
            }
            let first = open!.lines[slot]
            if first != 0 {
                let store = open!
                try fail(InputError(
                    file: source, line: line, column: periodColumn + 1,
                    problem: "duplicate observation of \(label(store.key)) for \(period), first on line \(first)",
                    found: period.description, expected: "one row per region, indicator, period and measure"))
                return
            }
            open!.values[slot] = value
            open!.lines[slot] = Int32(truncatingIfNeeded: line)
            for k in attributes.indices { open!.attributeCodes[k][slot] = attributes[k] }
        }
        rowsKept += 1
    }

    private func tooManySlots() -> InputError {
        InputError(file: source, problem: "series span far more periods than the file has rows",
                   found: "more than \(slotLimit) periods", expected: "periods that belong together (check the years)")
    }

    func label(_ key: SeriesKey) -> String {
        let region = regions.table[Int(key.region)]
        return (region.isEmpty ? "" : region + "/") + indicators.table[Int(key.indicator)] + "/"
            + Measure.fromCode(key.measure).rawValue
    }

    /// Merges the series another builder read from later rows of the same file (no attribute
    /// columns): new series are appended in their order, common ones are joined period by
    /// period. Throws the problem with the earliest line: a frequency or unit that differs,
    /// or a period present in both.
    mutating func absorb(_ other: ObservationBuilder, periodColumn: Int, unitColumn: Int) throws {
        closeOpenSeries()
        var other = other
        other.closeOpenSeries()
        rowsKept += other.rowsKept
        var earliest: InputError?
        func keep(_ error: InputError) {
            if earliest == nil || (error.line ?? 0) < (earliest!.line ?? 0) { earliest = error }
        }
        for var store in other.stores where !store.values.isEmpty {
            let region = regions.intern(other.regions.table[Int(store.key.region)])
            let indicator = indicators.intern(other.indicators.table[Int(store.key.indicator)])
            let key = SeriesKey(region: region, indicator: indicator, measure: store.key.measure)
            let unitLine = store.unitLine
            let unitText = store.unit >= 0 ? other.units.table[Int(store.unit)] : ""
            store.key = key
            store.unit = store.unit >= 0 ? units.intern(unitText) : -1
            guard let id = seriesIndex[key], !stores[Int(id)].values.isEmpty else {
                if let id = seriesIndex[key] {
                    stores[Int(id)] = store
                } else {
                    seriesIndex[key] = Int32(stores.count)
                    stores.append(store)
                }
                totalSlots += store.values.count
                continue
            }
            var mine = stores[Int(id)]
            let firstSlot = store.lines.firstIndex(of: Int32(truncatingIfNeeded: store.firstLine)) ?? 0
            let firstPeriod = Period(ordinal: store.startOrdinal + firstSlot, frequency: store.frequency)!
            if mine.frequency != store.frequency {
                keep(InputError(
                    file: source, line: store.firstLine, column: periodColumn + 1,
                    problem: "\(store.frequency) period in the \(mine.frequency) series \(label(key)) (first row on line \(mine.firstLine))",
                    found: firstPeriod.description, expected: "one frequency per series"))
                continue
            }
            if store.unit >= 0 && !unitText.isEmpty {
                if mine.unit < 0 {
                    mine.unit = store.unit
                    mine.unitLine = unitLine
                } else if mine.unit != store.unit {
                    keep(InputError(
                        file: source, line: unitLine, column: unitColumn + 1,
                        problem: "unit changes within series \(label(key))", found: unitText,
                        expected: "\"\(units.table[Int(mine.unit)])\" as on line \(mine.unitLine)"))
                    continue
                }
            }
            let start = min(mine.startOrdinal, store.startOrdinal)
            let end = max(mine.startOrdinal + mine.values.count, store.startOrdinal + store.values.count)
            var values = [Double](repeating: .nan, count: end - start)
            var lines = [Int32](repeating: 0, count: end - start)
            for i in 0..<mine.values.count {
                values[mine.startOrdinal - start + i] = mine.values[i]
                lines[mine.startOrdinal - start + i] = mine.lines[i]
            }
            for i in 0..<store.values.count where store.lines[i] != 0 {
                let slot = store.startOrdinal - start + i
                if lines[slot] != 0 {
                    let period = Period(ordinal: start + slot, frequency: store.frequency)!
                    keep(InputError(
                        file: source, line: Int(store.lines[i]), column: periodColumn + 1,
                        problem: "duplicate observation of \(label(key)) for \(period), first on line \(lines[slot])",
                        found: period.description, expected: "one row per region, indicator, period and measure"))
                    continue
                }
                values[slot] = store.values[i]
                lines[slot] = store.lines[i]
            }
            totalSlots += values.count - mine.values.count
            mine.startOrdinal = start
            mine.values = values
            mine.lines = lines
            stores[Int(id)] = mine
        }
        if let earliest { throw earliest }
    }

    /// The series read, in order of first appearance.
    mutating func build() -> ObservationSet {
        closeOpenSeries()
        var result: [ObservationSeries] = []
        result.reserveCapacity(stores.count)
        for k in stores.indices {
            let store = stores[k]
            stores[k] = SeriesStore(key: store.key, frequency: store.frequency, firstLine: 0, attributeCodes: [])
            guard !store.values.isEmpty else { continue }  // every row had a problem
            let attributes = attributeNames.indices.map { a in
                SeriesAttribute(name: attributeNames[a], table: attributeInterners[a].table, codes: store.attributeCodes[a])
            }
            result.append(ObservationSeries(
                region: regions.table[Int(store.key.region)], indicator: indicators.table[Int(store.key.indicator)],
                measure: Measure.fromCode(store.key.measure), unit: store.unit >= 0 ? units.table[Int(store.unit)] : "",
                start: Period(ordinal: store.startOrdinal, frequency: store.frequency)!,
                values: store.values, sourceLines: store.lines, attributes: attributes))
        }
        return ObservationSet(source: source, series: result, attributeNames: attributeNames)
    }
}

extension Measure {
    /// A one-byte code for compact keys.
    var code: UInt8 {
        switch self {
        case .level: 0
        case .ytd: 1
        case .stock: 2
        case .yoy: 3
        case .ytdYoy: 4
        case .qoq: 5
        case .saar: 6
        case .twoYear: 7
        case .index: 8
        case .previousYearIndex: 9
        }
    }
    static func fromCode(_ code: UInt8) -> Measure { all[Int(code)] }
}
