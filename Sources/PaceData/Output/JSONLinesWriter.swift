/// Streams JSON Lines: one compact JSON object per line.
///
/// ```swift
/// let lines = JSONLinesWriter(sink: sink)
/// lines.record { json in json.member("region", "R1"); json.member("value", 1.5) }
/// ```
public final class JSONLinesWriter {
    public let sink: OutputSink
    private let json: JSONWriter

    public init(sink: OutputSink) {
        self.sink = sink
        json = JSONWriter(sink: sink, pretty: false)
    }

    /// Writes one object: `body` adds its members, then the line ends.
    public func record(_ body: (JSONWriter) throws -> Void) rethrows {
        json.beginObject()
        try body(json)
        json.endObject()
        sink.write(byte: 0x0A)
    }

    /// Writes one record of a report's JSON Lines: `schema` first when given, then `"record": kind` (provenance,
    /// row, fit, …), then `body`'s members.
    public func record(_ kind: String, schema: String? = nil, _ body: (JSONWriter) throws -> Void) rethrows {
        try record { json in
            if let schema { json.member("schema", schema) }
            json.member("record", kind)
            try body(json)
        }
    }
}
