import Foundation
import TumenProtocol

/// Why ingest refused a document: a stable code and a sentence naming the input and the problem.
public struct IntakeRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable reason codes, as sent in `document.rejected`.
    public enum Code: String, Sendable {
        case empty, binary
        case notUTF8 = "not-utf8"
        case tooLarge = "too-large"
        case unsupportedType = "unsupported-type"
        case invalidRequest = "invalid-request"
    }

    public var code: Code
    public var reason: String
    public var description: String { reason }
}

/// Turns a `document.submit` into a normalised, hashed ``Document``, or refuses it with a clear reason.
///
/// Checks size, binary content and UTF-8; normalises to NFC with `\n` line ends and no byte-order mark; hashes the
/// normalised text, so the same content submitted twice gets the same id whatever its line endings.
public struct DocumentIntake: Sendable {
    /// Limits on what ingest accepts.
    public struct Configuration: Sendable {
        /// Largest document in bytes.
        public var maxDocumentBytes: Int
        public init(maxDocumentBytes: Int = 16 * 1024 * 1024) {
            self.maxDocumentBytes = maxDocumentBytes
        }
    }

    /// Media types ingest reads today, by file extension.
    public static let mediaTypes: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "md": "text/markdown", "markdown": "text/markdown",
    ]

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Validates and normalises one submission.
    public func document(from submit: DocumentSubmit, now: Date) throws(IntakeRejection) -> Document {
        let name = submit.name.isEmpty ? "(unnamed document)" : submit.name
        let mediaType = try mediaType(of: submit, name: name)
        let bytes = try content(of: submit, name: name)
        guard bytes.count <= configuration.maxDocumentBytes else {
            throw IntakeRejection(
                code: .tooLarge,
                reason: "\(name): \(bytes.count) bytes is over the limit of \(configuration.maxDocumentBytes) bytes "
                    + "(raise max-document-bytes / TUMEN_MAX_DOCUMENT_BYTES to accept it)")
        }
        if let offset = Self.binaryOffset(in: bytes) {
            throw IntakeRejection(
                code: .binary,
                reason: "\(name): looks like a binary file (control byte 0x\(String(bytes[offset], radix: 16)) at "
                    + "byte \(offset)); submit text or Markdown")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(in: bytes) ?? 0
            throw IntakeRejection(
                code: .notUTF8,
                reason: "\(name): not valid UTF-8 (first invalid byte at offset \(offset)); convert it to UTF-8 first")
        }
        let text = Self.normalize(decoded)
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw IntakeRejection(
                code: .empty, reason: "\(name): the document is empty (no text after whitespace); nothing to analyse")
        }
        let hash = SHA256.hex(of: text.utf8)
        var provenance = submit.provenance ?? Provenance()
        provenance.retrievedAt = provenance.retrievedAt ?? now
        return Document(
            id: Document.id(forContentHash: hash), name: name, contentHash: hash, text: text, mediaType: mediaType,
            title: Self.title(of: text, mediaType: mediaType),
            documentDate: submit.documentDate ?? provenance.publishedAt ?? DocumentDates.firstDate(in: text),
            provenance: provenance)
    }

    private func mediaType(of submit: DocumentSubmit, name: String) throws(IntakeRejection) -> String {
        if let given = submit.mediaType {
            guard Self.mediaTypes.values.contains(given) else {
                throw IntakeRejection(
                    code: .unsupportedType,
                    reason: "\(name): media type '\(given)' is not supported; send text/plain or text/markdown")
            }
            return given
        }
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map(String.init) ?? "" : ""
        return Self.mediaTypes[ext.lowercased()] ?? "text/plain"
    }

    private func content(of submit: DocumentSubmit, name: String) throws(IntakeRejection) -> [UInt8] {
        switch (submit.text, submit.contentBase64) {
        case (let text?, nil):
            return Array(text.utf8)
        case (nil, let base64?):
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
                throw IntakeRejection(code: .invalidRequest, reason: "\(name): contentBase64 is not valid base64")
            }
            return Array(data)
        case (nil, nil):
            throw IntakeRejection(
                code: .invalidRequest, reason: "\(name): the request has neither text nor contentBase64")
        case (.some, .some):
            throw IntakeRejection(code: .invalidRequest, reason: "\(name): send text or contentBase64, not both")
        }
    }

    /// NFC, `\n` line ends, no byte-order mark, no trailing spaces before line ends.
    static func normalize(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.precomposedStringWithCanonicalMapping
    }

    /// The offset of a byte that text never contains (NUL and most C0 controls), if any in the first 64 KiB.
    static func binaryOffset(in bytes: [UInt8]) -> Int? {
        bytes.prefix(65_536).firstIndex { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        }
    }

    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The first line, without Markdown heading marks, when it is short enough to be a title.
    static func title(of text: String, mediaType: String) -> String? {
        guard let line = text.split(separator: "\n", omittingEmptySubsequences: true).first else { return nil }
        var title = line.trimmingCharacters(in: .whitespaces)
        if mediaType == "text/markdown" {
            title = String(title.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        }
        return (title.isEmpty || title.count > 160) ? nil : title
    }
}
