import PaceData

/// Everything `pace forecast` prints, rendered by each writer.
///
/// CSV: `# ` provenance lines, then one row per series and horizon:
/// `region,series,period,mean,lo<L>,hi<L>,…` (one pair per `--level`, in the order given).
/// JSON (schema `pace.forecast/1`): `provenance`, then `series`, one object per series with its
/// fit (`model`, `parameters`, `initial_states`, `log_likelihood`, `aic`, `aicc`, `bic`,
/// `sigma2`, `interval_method`), its `forecast` rows and, with `--paths`, `paths`.
struct ForecastReport: FormattedReport {
    static let schema = "pace.forecast/1"
    /// Batches up to this size list each series' model in the CSV comment lines.
    static let csvModelLineLimit = 100

    var forecasts: [SeriesForecast]
    var settings: ForecastSettings
    var source: String
    var inputHash: String
    /// Series left out with `--keep-going`, with the reason.
    var skipped: [SkippedSeries] = []

    /// `lo80`, `hi80`, … for the levels asked for.
    var levelNames: [String] { settings.levels.map { formatNumber($0) } }

    /// The series column: the name, with the measure when one file holds several measures of it.
    func seriesName(_ f: SeriesForecast) -> String {
        let clash = forecasts.contains {
            $0.series.region == f.series.region && $0.series.name == f.series.name && $0.series.measure != f.series.measure
        }
        return clash ? f.series.name + "/" + f.series.measure.rawValue : f.series.name
    }

    var parameterList: [(String, String)] {
        var list: [(String, String)] = [
            ("model", modelArgument), ("horizon", settings.horizon.map(String.init) ?? "2 years"),
            ("levels", levelNames.joined(separator: ",")), ("seed", String(settings.seed)),
        ]
        if settings.paths > 0 { list.append(("paths", String(settings.paths))) }
        if !settings.breaks.isEmpty { list.append(("breaks", settings.breaks.map(\.description).joined(separator: ","))) }
        if !settings.seasonDummies { list.append(("season_dummies", "no")) }
        if let from = settings.from { list.append(("from", from.description)) }
        if !settings.yearToDateAsLevels { list.append(("ytd", "direct")) }
        if settings.model.isAutomaticETS {
            if settings.selectionBounds.region == .usual { list.append(("ets_region", "usual")) }
            if settings.selectionSearch == .full { list.append(("ets_search", "full")) }
        }
        return list
    }

    var modelArgument: String {
        switch settings.model {
        case .etsAutomatic(let p): return p == .automatic ? "auto" : "ets:\(p)"
        case .ets(let code): return "ets:\(code)"
        case .trend(let s): return "trend:" + (s.map { $0 == .logLinear ? "loglinear" : $0.rawValue } ?? "auto")
        }
    }

    var provenanceLines: [String] {
        ["pace forecast \(paceVersion)", "schema: \(Self.schema)", "method: \(settings.model.methodName)",
         "parameters: " + parameterList.map { "\($0.0)=\($0.1)" }.joined(separator: " "),
         "input: observations \(source) fnv1a64w:\(inputHash)"]
    }

    func writeCSV(to sink: OutputSink) {
        for line in provenanceLines { sink.write("# " + escapingControlCharacters(line) + "\n") }
        if forecasts.count <= Self.csvModelLineLimit {
            for f in forecasts {
                sink.write("# \(escapingControlCharacters(f.series.label)): \(f.model), n \(f.series.count), AICc \(f.aiccText(formatNumber)), intervals \(f.intervalMethod)\n")
            }
            for f in forecasts { for note in f.series.notes { sink.write("# note: \(escapingControlCharacters(note))\n") } }
        } else {
            sink.write("# \(forecasts.count) series: each one's model and fit are in --format json\n")
            let noted = forecasts.filter { !$0.series.notes.isEmpty }.count
            if noted > 0 { sink.write("# \(noted) of them have notes (e.g. January–February releases split): see --format json\n") }
        }
        for s in skipped { sink.write("# " + escapingControlCharacters("skipped \(s.label): \(s.reason)") + "\n") }
        let csv = CSVWriter(sink: sink)
        var header = ["region", "series", "period", "mean"]
        for name in levelNames { header += ["lo" + name, "hi" + name] }
        csv.writeHeader(header)
        for f in forecasts {
            let name = seriesName(f)
            for h in f.periods.indices {
                csv.field(f.series.region)
                csv.field(name)
                csv.field(f.periods[h].description)
                csv.field(f.mean[h])
                for i in settings.levels.indices {
                    csv.field(f.lower[i][h])
                    csv.field(f.upper[i][h])
                }
                csv.endRow()
            }
        }
    }

    func writeJSON(to sink: OutputSink) {
        let json = JSONWriter(sink: sink)
        json.beginObject()
        json.member("schema", Self.schema)
        json.key("provenance")
        writeProvenance(json)
        json.key("series")
        json.beginArray()
        for f in forecasts {
            json.beginObject()
            writeFitMembers(f, json)
            json.key("forecast")
            json.beginArray()
            for h in f.periods.indices {
                json.beginObject()
                writeRowMembers(f, h, json)
                json.endObject()
            }
            json.endArray()
            if f.paths != nil {
                json.key("paths")
                writePaths(f, json)
            }
            json.endObject()
        }
        json.endArray()
        json.key("skipped")
        json.beginArray()
        for s in skipped {
            json.beginObject()
            writeSkippedMembers(s, json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        sink.write("\n")
    }

    /// JSON Lines: a `provenance` record (with the schema), then per series a `fit` record (the members of the
    /// JSON's series object), its `row` records (`region`, `series`, `measure`, `period`, `mean`, `lo80`, …) and,
    /// with `--paths`, a `paths` record; series left out with `--keep-going` as `skipped` records at the end.
    func writeJSONLines(to sink: OutputSink) {
        let lines = JSONLinesWriter(sink: sink)
        lines.record("provenance", schema: Self.schema) { json in
            json.key("provenance")
            writeProvenance(json)
        }
        for f in forecasts {
            lines.record("fit") { json in
                writeFitMembers(f, json)
            }
            for h in f.periods.indices {
                lines.record("row") { json in
                    json.member("region", f.series.region)
                    json.member("series", f.series.name)
                    json.member("measure", f.series.measure.rawValue)
                    writeRowMembers(f, h, json)
                }
            }
            if f.paths != nil {
                lines.record("paths") { json in
                    json.member("region", f.series.region)
                    json.member("series", f.series.name)
                    json.member("measure", f.series.measure.rawValue)
                    json.key("paths")
                    writePaths(f, json)
                }
            }
        }
        for s in skipped {
            lines.record("skipped") { json in
                writeSkippedMembers(s, json)
            }
        }
    }

    private func writeProvenance(_ json: JSONWriter) {
        json.beginObject()
        json.member("version", paceVersion)
        json.member("method", settings.model.methodName)
        json.key("parameters")
        json.beginObject()
        json.member("model", modelArgument)
        json.key("horizon")
        if let h = settings.horizon { json.number(h) } else { json.null() }
        json.key("levels")
        json.beginArray()
        for level in settings.levels { json.number(level) }
        json.endArray()
        json.member("paths", settings.paths)
        json.key("seed")
        json.number(settings.seed)
        if !settings.breaks.isEmpty {
            json.key("breaks")
            json.beginArray()
            for b in settings.breaks { json.string(b.description) }
            json.endArray()
        }
        if !settings.seasonDummies { json.member("season_dummies", false) }
        if let from = settings.from { json.member("from", from.description) }
        json.member("ytd", settings.yearToDateAsLevels ? "levels" : "direct")
        if settings.model.isAutomaticETS {
            if settings.selectionBounds.region == .usual { json.member("ets_region", "usual") }
            if settings.selectionSearch == .full { json.member("ets_search", "full") }
        }
        json.endObject()
        writeObservationInputs(json, source: source, hash: inputHash)
        json.endObject()
    }

    private func writeSkippedMembers(_ s: SkippedSeries, _ json: JSONWriter) {
        json.member("region", s.region)
        json.member("series", s.name)
        json.member("measure", s.measure.rawValue)
        json.member("reason", s.reason)
    }

    /// The series and its fit: everything of the JSON's series object before `forecast`.
    private func writeFitMembers(_ f: SeriesForecast, _ json: JSONWriter) {
        json.member("region", f.series.region)
        json.member("series", f.series.name)
        json.member("measure", f.series.measure.rawValue)
        json.member("frequency", f.series.frequency.description)
        json.member("start", f.series.start.description)
        json.member("end", f.series.period(at: f.series.count - 1).description)
        json.member("n", f.series.count)
        json.member("method", f.method)
        json.member("model", f.model)
        json.member("modelled_on", f.modelledOnLevels ? "level" : f.series.measure.rawValue)
        json.key("parameters")
        json.beginObject()
        for (name, value) in f.parameters { json.member(name, value) }
        json.endObject()
        json.key("initial_states")
        json.beginObject()
        for (name, value) in f.initialStates { json.member(name, value) }
        json.endObject()
        json.member("log_likelihood", f.logLikelihood)
        json.member("aic", f.aic)
        json.member("aicc", f.aicc)
        json.member("bic", f.bic)
        json.member("sigma2", f.sigma2)
        json.member("interval_method", f.intervalMethod)
        if !f.series.notes.isEmpty {
            json.key("notes")
            json.beginArray()
            for note in f.series.notes { json.string(note) }
            json.endArray()
        }
    }

    private func writeRowMembers(_ f: SeriesForecast, _ h: Int, _ json: JSONWriter) {
        json.member("period", f.periods[h].description)
        json.member("mean", f.mean[h])
        for (i, name) in levelNames.enumerated() {
            json.member("lo" + name, f.lower[i][h])
            json.member("hi" + name, f.upper[i][h])
        }
    }

    private func writePaths(_ f: SeriesForecast, _ json: JSONWriter) {
        guard let paths = f.paths else { return }
        let horizon = f.periods.count
        json.beginArray()
        for p in 0..<f.pathCount {
            json.beginArray()
            for h in 0..<horizon { json.number(paths[p * horizon + h]) }
            json.endArray()
        }
        json.endArray()
    }

    /// A table for people: one block per series (model line, then period, mean and intervals); with `markdown`,
    /// a `###` heading per series, Markdown tables and the provenance at the end (as `pace gap --format md`).
    func writeTable(to sink: OutputSink, markdown: Bool) {
        var first = true
        for f in forecasts {
            if !first { sink.write("\n") }
            first = false
            let label = f.series.region.isEmpty ? seriesName(f) : f.series.region + " / " + seriesName(f)
            let fitLine = "\(f.model), n = \(f.series.count), AICc \(f.aiccText(humanNumber)); intervals \(f.intervalMethod)"
            if markdown {
                sink.write("### \(TextTable.markdownCell(label))\n\n\(fitLine)\n\n")
                for note in f.series.notes { sink.write("_note: \(TextTable.plainCell(note))_\n\n") }
            } else {
                sink.write("\(TextTable.plainCell(label)): \(fitLine)\n")
                for note in f.series.notes { sink.write("note: \(TextTable.plainCell(note))\n") }
            }
            var header = ["period", "mean"]
            for name in levelNames { header += ["lo\(name)", "hi\(name)"] }
            var table = TextTable(header: header)
            for h in f.periods.indices {
                var row = [f.periods[h].description, humanNumber(f.mean[h])]
                for i in settings.levels.indices { row += [humanNumber(f.lower[i][h]), humanNumber(f.upper[i][h])] }
                table.addRow(row)
            }
            sink.write(markdown ? table.markdown() : table.plainText())
        }
        if markdown {
            if !skipped.isEmpty {
                sink.write("\n")
                for s in skipped { sink.write(TextTable.plainCell("- skipped \(s.label): \(s.reason)") + "\n") }
            }
            sink.write(TextTable.markdownFooter(provenanceLines))
        }
    }
}

extension SeriesForecast {
    /// AICc for the fit lines of CSV, tables and Markdown: the number, or why there is none — an exact fit
    /// (nil: unbounded likelihood) or too few observations (+∞: AICc's correction 2p(p + 1)/(n − p − 1) needs
    /// n > p + 1), never "inf" or an empty value.
    func aiccText(_ format: (Double) -> String) -> String {
        guard let aicc else { return "undefined (exact fit)" }
        return aicc.isFinite ? format(aicc) : "undefined (too few observations: AICc needs more than parameters + 1)"
    }
}

/// Six significant digits for people (tables); CSV and JSON carry full precision.
func humanNumber(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "" : (x > 0 ? "inf" : "-inf") }
    if x != 0 && (abs(x) < 1e-4 || abs(x) >= 1e9) { return format6e(x) }
    var magnitude = 0
    var v = abs(x)
    while v >= 10 { v /= 10; magnitude += 1 }
    while v < 1 && v > 0 { v *= 10; magnitude -= 1 }
    return fixed(x, max(0, 5 - magnitude))
}
