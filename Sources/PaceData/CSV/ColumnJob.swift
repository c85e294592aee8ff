/// One column's parse, shared by the (at most two) threads of `doubleColumn`; each thread
/// writes a disjoint range of `out` and its own `firstBad` slot.
final class ColumnJob: @unchecked Sendable {
    let document: CSVDocument
    let column: Int
    let missing: Double
    let out: UnsafeMutablePointer<Double>
    var firstBad0 = Int.max
    var firstBad1 = Int.max

    init(document: CSVDocument, column: Int, missing: Double, out: UnsafeMutablePointer<Double>) {
        self.document = document
        self.column = column
        self.missing = missing
        self.out = out
    }

    func run(_ range: Range<Int>, slot: Int) {
        let p = UnsafePointer(document.storage.base)
        let ends = document.table.ends
        let columns = document.columns
        let dataStart = document.dataStart
        let column = column
        let out = out
        let missing = missing
        var bad = Int.max
        for row in range {
            let k = row &* columns &+ column
            let e = ends[k]
            let s: Int
            if column > 0 {
                s = ends[k - 1] + 1
            } else if row == 0 {
                s = dataStart
            } else {
                let previous = ends[k - 1]
                s = previous + (p[previous] == CSVByte.cr ? 2 : 1)
            }
            let value: Double
            if let x = DecimalParser.parseFast(p + s, count: e - s) {
                value = x
            } else {
                switch CSVDocument.withUnquoted(p, start: s, end: e, { DecimalParser.classify($0) }) {
                case .number(let x): value = x
                case .missing: value = missing
                case .notANumber, .notFinite:
                    value = missing
                    if bad == Int.max { bad = row }
                }
            }
            out[row] = value
        }
        if slot == 0 { firstBad0 = bad } else { firstBad1 = bad }
    }
}
