import Foundation
import Testing

@testable import TumenIngest

/// The records of `text`, read with `configuration`.
private func records(_ text: String, _ configuration: CSVReader.Configuration = .init()) throws -> [CSVRecord] {
    try CSVReader.records(in: Array(text.utf8), configuration: configuration)
}

/// Every record and error of `bytes`, in order, as `line: fields` or `line: error code`.
private func outline(_ bytes: [UInt8], _ configuration: CSVReader.Configuration = .init()) -> [String] {
    var reader = CSVReader(bytes, configuration: configuration)
    var items: [String] = []
    while true {
        do {
            guard let record = try reader.nextRecord() else { return items }
            items.append("\(record.line): \(record.fields)")
        } catch {
            items.append("\(error.line): \(error.code)")
        }
    }
}

/// `../shared` next to the repository, found from this file's path; nil when it is absent.
private func sharedDirectory(filePath: String = #filePath) -> URL? {
    let url = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // TumenIngestTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}

struct CSVReaderTests {
    @Test("Records carry their fields and the 1-based line they start on")
    func recordsCarryFieldsAndLines() throws {
        let read = try records("date,value\n2024-01-01,5\n2024-02-01,7\n")
        #expect(read.map(\.line) == [1, 2, 3])
        #expect(read.map(\.fields) == [["date", "value"], ["2024-01-01", "5"], ["2024-02-01", "7"]])
    }

    @Test("A quoted field holds delimiters, doubled quotes and line ends, and its lines are counted")
    func quotedFields() throws {
        let read = try records("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\r\nthree\"\n4,\"\"\n")
        #expect(read.map(\.line) == [1, 2, 3, 4, 7])
        #expect(read[1].fields == ["1", "a, b"])
        #expect(read[2].fields == ["2", "say \"hi\""])
        #expect(read[3].fields == ["3", "two\nlines\r\nthree"])
        #expect(read[4].fields == ["4", ""])
    }

    @Test("LF, CRLF and a lone CR each end a record and a line")
    func lineEnds() throws {
        let read = try records("a\nb\r\nc\rd")
        #expect(read.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(read.map(\.line) == [1, 2, 3, 4])
        let crThenCRLF = try records("a\r\r\nb")
        #expect(crThenCRLF.map(\.line) == [1, 3])
    }

    @Test("A leading UTF-8 byte-order mark is skipped, and only a leading one")
    func byteOrderMark() throws {
        let read = try CSVReader.records(in: [0xEF, 0xBB, 0xBF] + Array("name,x\n\u{FEFF}y,z\n".utf8))
        #expect(read.map(\.fields) == [["name", "x"], ["\u{FEFF}y", "z"]])
    }

    @Test("A trailing empty line is ignored, and blank lines are skipped but counted")
    func blankLines() throws {
        #expect(try records("a,b\n").count == 1)
        #expect(try records("a,b\r\n\r\n").count == 1)
        let read = try records("\na\n\n\nb\n\n")
        #expect(read.map(\.fields) == [["a"], ["b"]])
        #expect(read.map(\.line) == [2, 5])
        #expect(try records("").isEmpty)
    }

    @Test("Empty fields are kept, at the start, between delimiters, at the end and quoted")
    func emptyFields() throws {
        let read = try records(",a,,\n\"\"\n,\n")
        #expect(read.map(\.fields) == [["", "a", "", ""], [""], ["", ""]])
    }

    @Test("Semicolon and tab delimiters split fields, and a comma is then text")
    func otherDelimiters() throws {
        #expect(try records("a;\"b;c\";d,e\n", .init(delimiter: .semicolon)).map(\.fields) == [["a", "b;c", "d,e"]])
        #expect(try records("a\tb,c\t\n", .init(delimiter: .tab)).map(\.fields) == [["a", "b,c", ""]])
    }

    @Test("A delimiter is any ASCII character but a quote or a line end")
    func delimiterChoice() {
        #expect(CSVReader.Delimiter("|")?.byte == UInt8(ascii: "|"))
        #expect(CSVReader.Delimiter("\"") == nil)
        #expect(CSVReader.Delimiter("\n") == nil)
        #expect(CSVReader.Delimiter("\r") == nil)
        #expect(CSVReader.Delimiter("é") == nil)
    }

    @Test("An unterminated quoted field is an error at the line where it opened")
    func unterminatedQuote() {
        let error = #expect(throws: CSVError.self) { try records("a,b\n1,\"open\n2,3\n") }
        #expect(error?.code == .unterminatedQuote)
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.field == 2)
        #expect(
            error?.description.hasPrefix("line 2, column 3: the quoted field 2 opened here is never closed") == true)
    }

    @Test("A quote inside an unquoted field is an error at its line and column")
    func quoteInUnquotedField() {
        let error = #expect(throws: CSVError.self) { try records("a,b\nx,y\"z\n") }
        #expect(error?.code == .quoteInUnquotedField)
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(error?.field == 2)
        let indented = #expect(throws: CSVError.self) { try records("a, \"b\"\n") }
        #expect(indented?.code == .quoteInUnquotedField)
    }

    @Test("Text after a closing quote is an error at its line and column")
    func textAfterClosingQuote() {
        let error = #expect(throws: CSVError.self) { try records("a\n\"multi\nline\"x,y\n") }
        #expect(error?.code == .textAfterClosingQuote)
        #expect(error?.line == 3)
        #expect(error?.column == 6)
        #expect(error?.message.contains("opened on line 2") == true)
    }

    @Test("Invalid UTF-8 in a field is an error naming the line, column and field")
    func invalidUTF8() {
        let bytes = Array("a,b\nok,caf".utf8) + [0xE9] + Array("\n".utf8)
        let error = #expect(throws: CSVError.self) { try CSVReader.records(in: bytes) }
        #expect(error?.code == .invalidUTF8)
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(error?.field == 2)
        #expect(error?.message.contains("byte 3 of the field") == true)
    }

    @Test("Columns count Unicode scalars, not bytes")
    func columnsCountScalars() {
        let error = #expect(throws: CSVError.self) { try records("Ch\u{014F}ngju,\u{AC00}\"\n") }
        #expect(error?.column == 10)
    }

    @Test("A field over the size limit is an error at the line where the field starts")
    func fieldTooLarge() throws {
        let configuration = CSVReader.Configuration(maxFieldBytes: 4)
        #expect(try records("abcd,\"ab\"\"\"\n", configuration).map(\.fields) == [["abcd", "ab\""]])
        let error = #expect(throws: CSVError.self) { try records("a,b\nabcd,\"ab\ncde\"\n", configuration) }
        #expect(error?.code == .fieldTooLarge)
        #expect(error?.line == 2)
        #expect(error?.column == 6)
        #expect(error?.field == 2)
        #expect(CSVReader.Configuration().maxFieldBytes == 1 << 20)
    }

    @Test("A record over the field limit is an error naming its line; the default limit is 10,000 fields")
    func tooManyFields() throws {
        let error = #expect(throws: CSVError.self) {
            try records("a,b,c\n1,2,3,4\n", .init(maxFieldsPerRecord: 3))
        }
        #expect(error?.code == .tooManyFields)
        #expect(error?.line == 2)
        #expect(error?.column == 6)
        #expect(error?.field == 4)
        let wide = Array(repeating: "x", count: 10_000).joined(separator: ",")
        #expect(try records(wide + "\n").first?.fields.count == 10_000)
        #expect(throws: CSVError.self) { try records(wide + ",x\n") }
    }

    @Test("After an error the reader resumes at the next record, with line numbers intact")
    func resumesAfterAnError() {
        let items = outline(Array("a,b\nx\"y,z\nc,d\n\"q\"r,\"m\nn\"\nlast\n\"open\n".utf8))
        #expect(
            items == [
                "1: [\"a\", \"b\"]", "2: quote-in-unquoted-field", "3: [\"c\", \"d\"]",
                "4: text-after-closing-quote", "6: [\"last\"]", "7: unterminated-quote",
            ])
        let tooLarge = outline(Array("abcdef,\"ghijk\nl\",m\nn\n".utf8), .init(maxFieldBytes: 3))
        #expect(tooLarge == ["1: field-too-large", "3: [\"n\"]"])
        let badBytes = outline(Array("a,".utf8) + [0xFF] + Array(",\"b\nc\"\nd\n".utf8))
        #expect(badBytes == ["1: invalid-utf8", "3: [\"d\"]"])
    }
}

struct CSVTableTests {
    @Test("The first record is the header; rows are read by position or column name")
    func headerAndRows() throws {
        let table = try CSVTable(Array("date,city,value\n2024-01-01,hyesan,5\n2024-02-01,sinuiju,7\n".utf8))
        #expect(table.header.names == ["date", "city", "value"])
        #expect(table.header.line == 1)
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows[0].fields == ["2024-01-01", "hyesan", "5"])
        #expect(table.rows[1]["city"] == "sinuiju")
        #expect(table.rows[1]["price"] == nil)
        #expect(table.column("value") == ["5", "7"])
        #expect(table.isClean)
    }

    @Test("Rows with the wrong field count are bad rows with their line, and the good rows around them are kept")
    func wrongFieldCount() throws {
        let table = try CSVTable(Array("a,b,c\n1,2,3\n1,2\n4,5,6\n1,2,3,4\n".utf8))
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.badRows.map(\.line) == [3, 5])
        #expect(table.badRows.map(\.error.code) == [.wrongFieldCount, .wrongFieldCount])
        #expect(table.badRows[0].fields == ["1", "2"])
        #expect(table.badRows[0].error.description.hasPrefix("line 3: 2 fields where the header (line 1) has 3"))
        #expect(table.badRows[1].error.message.contains("quote a field that contains the delimiter"))
        #expect(!table.isClean)
    }

    @Test("Unreadable records are bad rows too, with the reader's error and line")
    func unreadableRecords() throws {
        let table = try CSVTable(Array("a,b\n1,2\nx,y\"z\n3,4\n5,\"open\n".utf8))
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.badRows.map(\.line) == [3, 5])
        #expect(table.badRows.map(\.error.code) == [.quoteInUnquotedField, .unterminatedQuote])
    }

    @Test("Duplicate column names are an error naming each of them")
    func duplicateColumnNames() {
        let error = #expect(throws: CSVError.self) {
            try CSVTable(Array("\ndate,value,date,city,value,value\n".utf8))
        }
        #expect(error?.code == .duplicateColumnName)
        #expect(error?.line == 2)
        #expect(error?.field == 1)
        #expect(error?.message.contains("the columns \"date\", \"value\" more than once") == true)
    }

    @Test("Empty column names are an error naming their positions")
    func emptyColumnNames() {
        let error = #expect(throws: CSVError.self) { try CSVTable(Array("date,,value, \n".utf8)) }
        #expect(error?.code == .emptyColumnName)
        #expect(error?.line == 1)
        #expect(error?.message.contains("positions 2, 4") == true)
    }

    @Test("An input without records has no header, and a header the reader cannot read is its error")
    func missingOrUnreadableHeader() {
        #expect(throws: CSVError.self) { try CSVTable(Array("\n\r\n".utf8)) }
        let missing = #expect(throws: CSVError.self) { try CSVTable([UInt8]()) }
        #expect(missing?.code == .missingHeader)
        let unreadable = #expect(throws: CSVError.self) { try CSVTable(Array("\"date,value\n1,2\n".utf8)) }
        #expect(unreadable?.code == .unterminatedQuote)
        #expect(unreadable?.line == 1)
    }

    /// What Python's `csv` module reads from a file: the number of non-blank records, the first and the last.
    private struct PythonCSVSummary: Decodable {
        var count: Int
        var first: [String]?
        var last: [String]?
    }

    private static let pythonSummary = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
            rows = [row for row in csv.reader(f, strict=True) if row]
        json.dump({"count": len(rows), "first": rows[0] if rows else None, "last": rows[-1] if rows else None},
                  sys.stdout)
        """

    /// Python's reading of `file`, or nil when `python3` cannot be run.
    private func pythonSummary(of file: URL) throws -> PythonCSVSummary? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.pythonSummary, file.path]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        try #require(process.terminationStatus == 0, "python3 failed on \(file.lastPathComponent)")
        return try JSONDecoder().decode(PythonCSVSummary.self, from: data)
    }

    @Test("Every series in ../shared/data/series reads cleanly, with the records Python's csv module finds")
    func sharedSeriesMatchPython() throws {
        guard let directory = sharedDirectory()?.appendingPathComponent("data/series"),
            FileManager.default.fileExists(atPath: directory.path)
        else {
            print("Skipping the shared series test: ../shared/data/series is absent next to the repository")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "csv" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(!files.isEmpty)
        for file in files {
            let name = file.lastPathComponent
            let table = try CSVTable(Data(contentsOf: file))
            #expect(table.badRows.isEmpty, "\(name): \(table.badRows.map(\.error.description))")
            #expect(!table.rows.isEmpty, "\(name) has no rows")
            for row in table.rows {
                #expect(row.fields.count == table.header.names.count, "\(name) line \(row.line)")
            }
            guard let python = try pythonSummary(of: file) else {
                print("Skipping the comparison with Python for \(name): python3 cannot be run")
                continue
            }
            #expect(python.count == 1 + table.rows.count, "\(name): record count")
            #expect(python.first == table.header.names, "\(name): header")
            #expect(python.last == table.rows.last?.fields, "\(name): last row")
        }
    }
}
