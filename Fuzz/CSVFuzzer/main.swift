// libFuzzer target for the CSV reader and the header-aware table: any bytes must yield records or CSVErrors, never
// crash or hang; record lines strictly increase, fields stay within the limits, a clean input written out again reads
// back the same, and the table agrees with the reader. Run with `scripts/fuzz.sh CSVFuzzer SECONDS`.
import TumenIngest

let defaultConfiguration = CSVReader.Configuration()
/// Small limits, so that the limit checks and the recovery after them are reached with small inputs.
let tightConfiguration = CSVReader.Configuration(delimiter: .semicolon, maxFieldBytes: 16, maxFieldsPerRecord: 8)

let quote = UInt8(ascii: "\"")
let lf = UInt8(ascii: "\n")
let cr = UInt8(ascii: "\r")
let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

/// The lines of `bytes` (split at LF, CRLF and a lone CR), the leading byte-order mark removed.
func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = bytes.starts(with: bom) ? bom.count : 0
    var index = start
    while index < bytes.count {
        guard bytes[index] == lf || bytes[index] == cr else {
            index += 1
            continue
        }
        lines.append(bytes[start..<index])
        index += bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
        start = index
    }
    lines.append(bytes[start..<bytes.count])
    return lines
}

/// Reads every record and error of `bytes`; traps unless each one's line is after the previous one and within the
/// input, and every field and record is within the limits.
func readAll(_ bytes: [UInt8], _ configuration: CSVReader.Configuration) -> (records: [CSVRecord], errors: [CSVError]) {
    let lineCount = lines(of: bytes).count
    var reader = CSVReader(bytes, configuration: configuration)
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    var lastLine = 0
    while true {
        let line: Int
        do {
            guard let record = try reader.nextRecord() else { break }
            precondition(
                !record.fields.isEmpty && record.fields.count <= configuration.maxFieldsPerRecord,
                "a record of \(record.fields.count) fields, the limit being \(configuration.maxFieldsPerRecord)")
            for field in record.fields {
                precondition(
                    field.utf8.count <= configuration.maxFieldBytes,
                    "a field of \(field.utf8.count) bytes, the limit being \(configuration.maxFieldBytes)")
            }
            records.append(record)
            line = record.line
        } catch {
            precondition((error.column ?? 1) >= 1 && (error.field ?? 1) >= 1, "error position \(error)")
            precondition(!error.message.isEmpty, "an error without a message")
            errors.append(error)
            line = error.line
        }
        precondition(line > lastLine && line <= lineCount, "line \(line) after \(lastLine) in \(lineCount) lines")
        lastLine = line
    }
    return (records, errors)
}

/// `records` written as CSV: a byte-order mark (so that a field starting with one survives), fields quoted when
/// they need it, LF line ends.
func write(_ records: [CSVRecord], delimiter: UInt8) -> [UInt8] {
    var output = bom
    for record in records {
        for (index, field) in record.fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            let bytes = Array(field.utf8)
            let needsQuotes =
                bytes.contains { $0 == delimiter || $0 == quote || $0 == lf || $0 == cr }
                || (bytes.isEmpty && record.fields.count == 1)
            guard needsQuotes else {
                output += bytes
                continue
            }
            output.append(quote)
            for byte in bytes {
                if byte == quote { output.append(quote) }
                output.append(byte)
            }
            output.append(quote)
        }
        output.append(lf)
    }
    return output
}

func fieldBytes(_ records: [CSVRecord]) -> [[[UInt8]]] {
    records.map { $0.fields.map { Array($0.utf8) } }
}

/// Reads `bytes` with `configuration`; for a clean input, traps unless writing the records out and reading them
/// again gives the same fields, and, without quotes, unless each non-blank line is its fields joined.
func checkReader(_ bytes: [UInt8], _ configuration: CSVReader.Configuration) -> (Int, Int) {
    let (records, errors) = readAll(bytes, configuration)
    guard errors.isEmpty else { return (records.count, errors.count) }
    let delimiter = configuration.delimiter.byte
    let written = write(records, delimiter: delimiter)
    let (again, errorsAgain) = readAll(written, configuration)
    precondition(errorsAgain.isEmpty, "rewritten input fails: \(errorsAgain)")
    precondition(fieldBytes(again) == fieldBytes(records), "rewritten input reads differently")
    if !bytes.contains(quote) {
        let nonBlank = lines(of: bytes).filter { !$0.isEmpty }
        precondition(nonBlank.count == records.count, "\(nonBlank.count) non-blank lines, \(records.count) records")
        for (line, record) in zip(nonBlank, records) {
            let joined = Array(record.fields.map { Array($0.utf8) }.joined(separator: [delimiter]))
            precondition(Array(line) == joined, "line \(record.line) is not its fields joined")
        }
    }
    return (records.count, 0)
}

/// Reads `bytes` as a table; traps unless rows fit the header, lines increase, columns by name match positions,
/// and the table accounts for every record and error the reader found.
func checkTable(_ bytes: [UInt8], readerItems: Int) {
    guard let table = try? CSVTable(bytes) else { return }
    let width = table.header.names.count
    var lastLine = table.header.line
    for row in table.rows {
        precondition(row.fields.count == width, "a row of \(row.fields.count) fields under \(width) columns")
        precondition(row.line > lastLine, "row line \(row.line) after \(lastLine)")
        lastLine = row.line
        for (index, name) in table.header.names.enumerated() {
            precondition(row[name] == row.fields[index], "column \(name) is not field \(index)")
        }
    }
    lastLine = table.header.line
    for bad in table.badRows {
        precondition(bad.line > lastLine, "bad row line \(bad.line) after \(lastLine)")
        precondition(bad.error.code != .wrongFieldCount || bad.fields.count != width, "a bad row of the right width")
        lastLine = bad.line
    }
    precondition(
        1 + table.rows.count + table.badRows.count == readerItems,
        "the table has \(table.rows.count) rows and \(table.badRows.count) bad rows; the reader \(readerItems) items")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))
    let (records, errors) = checkReader(input, defaultConfiguration)
    checkTable(input, readerItems: records + errors)
    _ = checkReader(input, tightConfiguration)
    return 0
}
