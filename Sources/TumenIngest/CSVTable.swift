/// The column names of a CSV table, from its first record, with the line they are on.
public struct CSVHeader: Sendable, Hashable {
    public let names: [String]
    /// The line of the header record (1, unless blank lines come first).
    public let line: Int
    private let indices: [String: Int]

    /// A header from its record; throws when a name is empty (or only spaces) or repeated, naming all of them.
    public init(_ record: CSVRecord) throws(CSVError) {
        let empty = record.fields.indices.filter { record.fields[$0].allSatisfy(\.isWhitespace) }
        guard empty.isEmpty else {
            let positions = empty.map { String($0 + 1) }.joined(separator: ", ")
            throw CSVError(
                code: .emptyColumnName, line: record.line, field: empty[0] + 1,
                message: "the header names no column at position\(empty.count == 1 ? "" : "s") \(positions); give "
                    + "every column a name")
        }
        var indices: [String: Int] = [:]
        var duplicates: [String] = []
        for (index, name) in record.fields.enumerated() {
            if indices[name] == nil {
                indices[name] = index
            } else if indices[name] != -1 {
                duplicates.append(name)
                indices[name] = -1  // reported once
            }
        }
        guard duplicates.isEmpty else {
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let first = record.fields.firstIndex(of: duplicates[0]).map { $0 + 1 }
            throw CSVError(
                code: .duplicateColumnName, line: record.line, field: first,
                message: "the header names the column\(duplicates.count == 1 ? "" : "s") \(names) more than once; "
                    + "give every column a distinct name")
        }
        self.names = record.fields
        self.line = record.line
        self.indices = indices
    }

    /// The 0-based position of the column `name`, if the header has it.
    public func index(of name: String) -> Int? { indices[name] }
}

/// One well-formed row of a ``CSVTable``: as many fields as the header, readable by position or column name.
public struct CSVRow: Sendable, Hashable {
    /// The line the row starts on.
    public let line: Int
    public let fields: [String]
    public let header: CSVHeader

    /// The field in column `name`; nil when the header has no such column.
    public subscript(_ name: String) -> String? {
        header.index(of: name).map { fields[$0] }
    }
}

/// A record a ``CSVTable`` could not take as a row: unreadable (a ``CSVReader`` error) or with the wrong number of
/// fields. Kept so that a caller can report every one of them with its line.
public struct CSVBadRow: Sendable, Hashable {
    /// What is wrong, with the line (``CSVError/line``).
    public let error: CSVError
    /// The fields that were read, for a row of the wrong length; empty when the record could not be read.
    public let fields: [String]

    public var line: Int { error.line }
}

/// A CSV input read with its first record as header: the rows that fit the header, and every bad row with its line.
///
/// Only a missing or invalid header is thrown; a bad record further down never hides the rows around it.
///
/// ```swift
/// let table = try CSVTable(bytes)
/// for bad in table.badRows { log("series.csv: \(bad.error)") }
/// for row in table.rows { use(row["date"], row["value"]) }
/// ```
public struct CSVTable: Sendable, Hashable {
    public let header: CSVHeader
    /// The rows with exactly as many fields as the header, in input order.
    public private(set) var rows: [CSVRow] = []
    /// The records that are not rows, in input order.
    public private(set) var badRows: [CSVBadRow] = []

    /// Reads `bytes`; throws when there is no header or the header record is invalid.
    public init(_ bytes: some Sequence<UInt8>, configuration: CSVReader.Configuration = .init()) throws(CSVError) {
        var reader = CSVReader(bytes, configuration: configuration)
        guard let first = try reader.nextRecord() else {
            throw CSVError(
                code: .missingHeader, line: 1,
                message: "the input holds no record; expected a header line naming the columns")
        }
        header = try CSVHeader(first)
        while true {
            let record: CSVRecord
            do {
                guard let next = try reader.nextRecord() else { break }
                record = next
            } catch {
                badRows.append(CSVBadRow(error: error, fields: []))
                continue
            }
            guard record.fields.count == header.names.count else {
                badRows.append(CSVBadRow(error: wrongFieldCount(record), fields: record.fields))
                continue
            }
            rows.append(CSVRow(line: record.line, fields: record.fields, header: header))
        }
    }

    /// The fields of column `name`, one per row; nil when the header has no such column.
    public func column(_ name: String) -> [String]? {
        header.index(of: name).map { index in rows.map { $0.fields[index] } }
    }

    /// Whether every record after the header is a row.
    public var isClean: Bool { badRows.isEmpty }

    private func wrongFieldCount(_ record: CSVRecord) -> CSVError {
        let expected = header.names.count
        let found = record.fields.count
        let hint =
            found > expected
            ? "quote a field that contains the delimiter, or remove the extra fields"
            : "add the missing fields (empty ones are fine: a,,c)"
        return CSVError(
            code: .wrongFieldCount, line: record.line,
            message: "\(found) field\(found == 1 ? "" : "s") where the header (line \(header.line)) has \(expected); "
                + hint)
    }
}
