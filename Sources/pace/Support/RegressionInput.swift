import PaceData

/// The numeric columns `pace regress` needs, read from a CSV document with every problem
/// located at its file, line and column.
struct RegressionInput {
    var y: [Double] = []
    var columns: [[Double]] = []
    var weights: [Double]?

    init(document: CSVDocument, response: String, regressors: [String], weights: String?) throws {
        guard document.rowCount > 0 else {
            throw InputError(file: document.source, line: 1, problem: "no data rows after the header",
                             expected: "at least one data row")
        }
        for name in regressors where regressors.filter({ $0 == name }).count > 1 {
            throw InputError(file: document.source, problem: "regressor '\(name)' is named twice in --x")
        }
        let yColumn = try document.requireColumn(response)
        let xColumns = try regressors.map { try document.requireColumn($0) }
        let wColumn = try weights.map { try document.requireColumn($0) }
        y = try Self.column(document, yColumn)
        columns = try xColumns.map { try Self.column(document, $0) }
        if let wColumn {
            let w = try Self.column(document, wColumn)
            for (row, value) in w.enumerated() where !(value > 0) {
                throw InputError(file: document.source, line: document.lineNumber(row: row),
                                 column: wColumn + 1, problem: "weight must be positive",
                                 found: document.string(row: row, column: wColumn),
                                 expected: "a number > 0")
            }
            self.weights = w
        }
    }

    private static func column(_ document: CSVDocument, _ column: Int) throws -> [Double] {
        var values = [Double]()
        values.reserveCapacity(document.rowCount)
        for row in 0..<document.rowCount {
            guard let value = try document.double(row: row, column: column) else {
                throw InputError(file: document.source, line: document.lineNumber(row: row),
                                 column: column + 1, problem: "missing value in '\(document.header[column])'",
                                 found: document.string(row: row, column: column),
                                 expected: "a finite number (regress needs complete rows)")
            }
            values.append(value)
        }
        return values
    }
}
