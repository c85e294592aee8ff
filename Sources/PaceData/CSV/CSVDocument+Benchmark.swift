extension CSVDocument {
    /// The work measured by the CSV benchmark and compared with polars: read the file, index
    /// every field, and parse one numeric column to doubles. Returns a checksum (the sum of the
    /// non-missing values) so the work cannot be optimised away.
    public static func benchmarkReadColumn(path: String, column: String = "value") throws -> Double {
        let document = try CSVDocument.read(path: path)
        let values = try document.doubleColumn(try document.requireColumn(column))
        var sum = 0.0
        for x in values where !x.isNaN { sum += x }
        return sum
    }
}
