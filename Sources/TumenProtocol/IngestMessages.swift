import Foundation

/// `document.submit`: a client hands one document to ingest.
///
/// Send either `text` (UTF-8 already) or `contentBase64` (raw bytes, which ingest checks for UTF-8).
public struct DocumentSubmit: Message {
    public static let type: MessageType = "document.submit"
    /// The file name or title the user knows the document by; named in every error.
    public var name: String
    public var text: String?
    public var contentBase64: String?
    /// `text/plain` or `text/markdown`; guessed from `name` when absent.
    public var mediaType: String?
    /// The document's own date (`YYYY-MM-DD`), when the client knows it.
    public var documentDate: String?
    public var provenance: Provenance?

    public init(
        name: String, text: String? = nil, contentBase64: String? = nil, mediaType: String? = nil,
        documentDate: String? = nil, provenance: Provenance? = nil
    ) {
        self.name = name
        self.text = text
        self.contentBase64 = contentBase64
        self.mediaType = mediaType
        self.documentDate = documentDate
        self.provenance = provenance
    }
}

/// `document.accepted`: the document is durably stored (or was already); the client may forget it.
public struct DocumentAccepted: Message {
    public static let type: MessageType = "document.accepted"
    public var name: String
    public var documentId: String
    public var contentHash: String
    /// True when the same content was stored before; nothing was stored twice.
    public var duplicate: Bool
    public var characters: Int

    public init(name: String, documentId: String, contentHash: String, duplicate: Bool, characters: Int) {
        self.name = name
        self.documentId = documentId
        self.contentHash = contentHash
        self.duplicate = duplicate
        self.characters = characters
    }
}

/// `document.rejected`: the document was refused, with a reason that names the input and the problem.
public struct DocumentRejected: Message {
    public static let type: MessageType = "document.rejected"
    public var name: String
    /// Stable machine-readable reason: `empty`, `binary`, `not-utf8`, `too-large`, `unsupported-type`,
    /// `invalid-request`, `storage-unavailable`.
    public var code: String
    /// A sentence for the user: what is wrong with which input, and what to do.
    public var reason: String

    public init(name: String, code: String, reason: String) {
        self.name = name
        self.code = code
        self.reason = reason
    }
}

/// `busy`: the receiver is at capacity; retry the same request (same id) after the given delay.
public struct Busy: Message {
    public static let type: MessageType = "busy"
    public var retryAfterMs: Int
    public var reason: String

    public init(retryAfterMs: Int, reason: String) {
        self.retryAfterMs = retryAfterMs
        self.reason = reason
    }
}

/// `error`: a request could not be decoded or handled; names the problem.
public struct ErrorReply: Message {
    public static let type: MessageType = "error"
    /// Stable machine-readable code, e.g. `invalid-json`, `unsupported-version`, `unknown-type`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
