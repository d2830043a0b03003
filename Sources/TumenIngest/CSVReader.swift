/// Why a CSV input, or one record of it, could not be read: a stable code, where (1-based line and, when known,
/// column and field) and a sentence saying what is wrong and what to do.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable problem codes; new ones may be added, so switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public var description: String { name }
        /// A quoted field is not closed before the end of the input; the error's line is where it opened.
        public static let unterminatedQuote = Code(name: "unterminated-quote")
        /// A `"` inside a field that does not start with one.
        public static let quoteInUnquotedField = Code(name: "quote-in-unquoted-field")
        /// Something other than a delimiter or a line end right after the closing quote of a field.
        public static let textAfterClosingQuote = Code(name: "text-after-closing-quote")
        /// A field that is not valid UTF-8.
        public static let invalidUTF8 = Code(name: "invalid-utf8")
        /// A field longer than ``CSVReader/Configuration/maxFieldBytes``.
        public static let fieldTooLarge = Code(name: "field-too-large")
        /// A record with more fields than ``CSVReader/Configuration/maxFieldsPerRecord``.
        public static let tooManyFields = Code(name: "too-many-fields")
        /// The input holds no record at all, so it has no header.
        public static let missingHeader = Code(name: "missing-header")
        /// A header names no column at some position.
        public static let emptyColumnName = Code(name: "empty-column-name")
        /// A header names the same column twice.
        public static let duplicateColumnName = Code(name: "duplicate-column-name")
        /// A row has more or fewer fields than its header.
        public static let wrongFieldCount = Code(name: "wrong-field-count")
    }

    public var code: Code
    /// The 1-based line of the problem (for an unterminated quote, the line where the quote opened).
    public var line: Int
    /// The 1-based column of the problem in its line, counted in Unicode scalars, when known.
    public var column: Int?
    /// The 1-based field of the record the problem is in, when it concerns one field.
    public var field: Int?
    /// What is wrong and what to do, without the position (``description`` adds it).
    public var message: String

    public init(code: Code, line: Int, column: Int? = nil, field: Int? = nil, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `line 12, column 7: message`.
    public var description: String {
        if let column { return "line \(line), column \(column): \(message)" }
        return "line \(line): \(message)"
    }
}

/// One record of a CSV input: its fields, and the 1-based line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The line where the record's first field starts; lines inside quoted fields are counted.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Reads RFC 4180 CSV from UTF-8 bytes, one ``CSVRecord`` at a time, in time linear in the input.
///
/// Fields are separated by a configurable delimiter and records by LF, CRLF or a lone CR. A field that starts with
/// `"` is quoted: it may hold delimiters, line ends and `""` (one quote). A leading UTF-8 byte-order mark is skipped;
/// blank lines (a trailing one included) are skipped but counted, so record line numbers match an editor's. A record
/// of one empty field must therefore be written `""`.
///
/// A problem is thrown as a ``CSVError`` for the record it is in; the reader then resumes at the next record, so a
/// caller may stop at the first error or collect them all.
///
/// ```swift
/// var reader = CSVReader(bytes)
/// while let record = try reader.nextRecord() { … }
/// ```
public struct CSVReader: Sendable {
    /// The byte between fields: `,` by default, `;` or tab for European and tab-separated exports.
    public struct Delimiter: Sendable, Hashable {
        /// The delimiter as an ASCII byte.
        public let byte: UInt8

        public static let comma = Delimiter(checked: UInt8(ascii: ","))
        public static let semicolon = Delimiter(checked: UInt8(ascii: ";"))
        public static let tab = Delimiter(checked: UInt8(ascii: "\t"))

        /// Any ASCII character but `"`, CR and LF; nil otherwise.
        public init?(_ character: Character) {
            guard let ascii = character.asciiValue, ascii != CSVReader.quote, ascii != CSVReader.lf,
                ascii != CSVReader.cr
            else { return nil }
            self.byte = ascii
        }

        private init(checked byte: UInt8) {
            self.byte = byte
        }
    }

    /// The delimiter and the size limits.
    public struct Configuration: Sendable, Hashable {
        public var delimiter: Delimiter
        /// Largest field in bytes (after `""` became `"`); a longer one is a ``CSVError/Code/fieldTooLarge`` error.
        public var maxFieldBytes: Int
        /// Most fields in one record; more is a ``CSVError/Code/tooManyFields`` error.
        public var maxFieldsPerRecord: Int

        public init(delimiter: Delimiter = .comma, maxFieldBytes: Int = 1 << 20, maxFieldsPerRecord: Int = 10_000) {
            self.delimiter = delimiter
            self.maxFieldBytes = max(0, maxFieldBytes)
            self.maxFieldsPerRecord = max(1, maxFieldsPerRecord)
        }
    }

    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    public let configuration: Configuration
    private let bytes: [UInt8]
    private var position: Int
    /// The line of `position`, and the offset where that line starts (for columns).
    private var line = 1
    private var lineStart: Int
    /// The current field's bytes, reused from field to field, and where the field starts (line, offset, and the
    /// offset of that line's start), for errors.
    private var buffer: [UInt8] = []
    private var fieldLine = 1
    private var fieldStart = 0
    private var fieldLineStart = 0

    /// A reader over `bytes` (the contents of a file, a `Data`, …).
    public init(_ bytes: some Sequence<UInt8>, configuration: Configuration = .init()) {
        self.configuration = configuration
        self.bytes = Array(bytes)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = self.bytes.starts(with: bom) ? bom.count : 0
        lineStart = position
    }

    /// Every record of `bytes`, or the first error.
    public static func records(
        in bytes: some Sequence<UInt8>, configuration: Configuration = .init()
    ) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(bytes, configuration: configuration)
        var records: [CSVRecord] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return records
    }

    /// The next record; nil at the end of the input. After an error, the next call reads the following record.
    public mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        while position < bytes.count, isLineEnd(bytes[position]) { skipLineEnd() }
        guard position < bytes.count else { return nil }
        let recordLine = line
        var fields: [String] = []
        while true {
            let fieldNumber = fields.count + 1
            fieldLine = line
            fieldStart = position
            fieldLineStart = lineStart
            buffer.removeAll(keepingCapacity: true)
            let recordGoesOn = try readField(number: fieldNumber)
            guard let field = String(validating: buffer, as: UTF8.self) else {
                let error = CSVError(
                    code: .invalidUTF8, line: fieldLine, column: column(of: fieldStart, lineStart: fieldLineStart),
                    field: fieldNumber,
                    message: "field \(fieldNumber) is not valid UTF-8 (first bad byte at byte "
                        + "\(Self.firstInvalidUTF8Offset(in: buffer)) of the field); save the file as UTF-8")
                if recordGoesOn { skipRestOfRecord(inQuotes: false, atFieldStart: true) }
                throw error
            }
            fields.append(field)
            guard recordGoesOn else { return CSVRecord(line: recordLine, fields: fields) }
            if fields.count == configuration.maxFieldsPerRecord {
                let error = CSVError(
                    code: .tooManyFields, line: line, column: column(of: position - 1), field: fieldNumber + 1,
                    message: "the record starting on line \(recordLine) has more than "
                        + "\(configuration.maxFieldsPerRecord) fields, the limit; check the delimiter, or raise "
                        + "maxFieldsPerRecord")
                skipRestOfRecord(inQuotes: false, atFieldStart: true)
                throw error
            }
        }
    }

    /// Reads one field into `buffer`, consuming what ends it; true when a delimiter ended it (a field follows).
    private mutating func readField(number: Int) throws(CSVError) -> Bool {
        let delimiter = configuration.delimiter.byte
        if position < bytes.count, bytes[position] == Self.quote {
            return try readQuotedField(number: number)
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == delimiter {
                position += 1
                return true
            }
            if isLineEnd(byte) {
                skipLineEnd()
                return false
            }
            if byte == Self.quote {
                let error = CSVError(
                    code: .quoteInUnquotedField, line: line, column: column(of: position), field: number,
                    message: "a quote inside field \(number), which does not start with one; quote the whole field "
                        + "and double the quotes inside it (\"a \"\"b\"\" c\")")
                skipRestOfRecord(inQuotes: false, atFieldStart: false)
                throw error
            }
            try append(byte, field: number, inQuotes: false)
            position += 1
        }
        return false
    }

    private mutating func readQuotedField(number: Int) throws(CSVError) -> Bool {
        let delimiter = configuration.delimiter.byte
        let openLine = line
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    try append(Self.quote, field: number, inQuotes: true)
                    position += 2
                    continue
                }
                position += 1
                guard position < bytes.count else { return false }
                let next = bytes[position]
                if next == delimiter {
                    position += 1
                    return true
                }
                if isLineEnd(next) {
                    skipLineEnd()
                    return false
                }
                let error = CSVError(
                    code: .textAfterClosingQuote, line: line, column: column(of: position), field: number,
                    message: "text after the closing quote of field \(number) (opened on line \(openLine)); a quote "
                        + "inside a quoted field is written twice (\"\")")
                skipRestOfRecord(inQuotes: false, atFieldStart: false)
                throw error
            }
            if byte == Self.cr || byte == Self.lf {
                try append(byte, field: number, inQuotes: true)
                if byte == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf {
                    try append(Self.lf, field: number, inQuotes: true)
                }
                skipLineEnd()
                continue
            }
            try append(byte, field: number, inQuotes: true)
            position += 1
        }
        throw CSVError(
            code: .unterminatedQuote, line: openLine, column: column(of: fieldStart, lineStart: fieldLineStart),
            field: number,
            message: "the quoted field \(number) opened here is never closed (the input ends inside it); add the "
                + "closing quote, or double the quotes that belong to the text (\"\")")
    }

    /// Appends to the current field, or throws when the field would grow over the limit.
    private mutating func append(_ byte: UInt8, field: Int, inQuotes: Bool) throws(CSVError) {
        guard buffer.count < configuration.maxFieldBytes else {
            let error = CSVError(
                code: .fieldTooLarge, line: fieldLine, column: column(of: fieldStart, lineStart: fieldLineStart),
                field: field,
                message: "field \(field), starting here, is longer than \(configuration.maxFieldBytes) bytes, the "
                    + "limit; check for a missing closing quote, or raise maxFieldBytes")
            skipRestOfRecord(inQuotes: inQuotes, atFieldStart: false)
            throw error
        }
        buffer.append(byte)
    }

    /// Moves past the rest of the current record after an error, leniently: a quote opens a quoted field only at
    /// the start of a field, and a stray quote elsewhere is text. Lines are counted as usual.
    private mutating func skipRestOfRecord(inQuotes startsInQuotes: Bool, atFieldStart startsAtFieldStart: Bool) {
        let delimiter = configuration.delimiter.byte
        var inQuotes = startsInQuotes
        var atFieldStart = startsAtFieldStart
        while position < bytes.count {
            let byte = bytes[position]
            if inQuotes {
                if byte == Self.quote {
                    let escaped = position + 1 < bytes.count && bytes[position + 1] == Self.quote
                    position += escaped ? 2 : 1
                    inQuotes = escaped
                } else if isLineEnd(byte) {
                    skipLineEnd()
                } else {
                    position += 1
                }
            } else if isLineEnd(byte) {
                skipLineEnd()
                return
            } else {
                inQuotes = atFieldStart && byte == Self.quote
                atFieldStart = byte == delimiter
                position += 1
            }
        }
    }

    private func isLineEnd(_ byte: UInt8) -> Bool { byte == Self.lf || byte == Self.cr }

    /// Consumes the line end at `position` (CRLF as one) and starts the next line.
    private mutating func skipLineEnd() {
        if bytes[position] == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf {
            position += 2
        } else {
            position += 1
        }
        line += 1
        lineStart = position
    }

    /// The 1-based column of `offset` in the line starting at `lineStart` (by default the current line), in
    /// Unicode scalars (UTF-8 continuation bytes are not counted). Only computed for errors: it walks the line.
    private func column(of offset: Int, lineStart: Int? = nil) -> Int {
        var column = 1
        var index = lineStart ?? self.lineStart
        while index < offset, index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
