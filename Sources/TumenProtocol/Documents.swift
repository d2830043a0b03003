import Foundation

/// Where a document came from and when: kept on every document so every figure can be traced back.
public struct Provenance: Codable, Sendable, Equatable {
    /// The file path or address the document was read from.
    public var origin: String?
    /// Who published it, when known (an outlet, an institute).
    public var publisher: String?
    /// The publication date (`YYYY-MM-DD`), when known.
    public var publishedAt: String?
    /// When Tumen read it.
    public var retrievedAt: Date?

    public init(origin: String? = nil, publisher: String? = nil, publishedAt: String? = nil, retrievedAt: Date? = nil) {
        self.origin = origin
        self.publisher = publisher
        self.publishedAt = publishedAt
        self.retrievedAt = retrievedAt
    }
}

/// A normalised document as ingest hands it to storage and storage hands it to analysis.
public struct Document: Codable, Sendable, Equatable {
    /// Stable id derived from the content hash (`doc-` + first 16 hex digits).
    public var id: String
    /// The file name or title the user knows it by.
    public var name: String
    /// Lowercase hex SHA-256 of the normalised text: the key for duplicate detection.
    public var contentHash: String
    /// The normalised text (UTF-8, NFC, `\n` line ends).
    public var text: String
    /// `text/plain` or `text/markdown`.
    public var mediaType: String
    /// A title, when the text has one.
    public var title: String?
    /// The document's own date (`YYYY-MM-DD`), used to resolve relative dates; nil when unknown.
    public var documentDate: String?
    public var provenance: Provenance

    public init(
        id: String, name: String, contentHash: String, text: String, mediaType: String, title: String? = nil,
        documentDate: String? = nil, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.contentHash = contentHash
        self.text = text
        self.mediaType = mediaType
        self.title = title
        self.documentDate = documentDate
        self.provenance = provenance
    }

    /// The document id for a content hash.
    public static func id(forContentHash hash: String) -> String { "doc-" + hash.prefix(16) }
}

/// The short description of a stored document used in digests and listings.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var title: String?
    public var documentDate: String?
    public var provenance: Provenance
    public var characters: Int
    public var storedAt: Date
    public var analyzedAt: Date?

    public init(
        id: String, name: String, title: String?, documentDate: String?, provenance: Provenance, characters: Int,
        storedAt: Date, analyzedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.documentDate = documentDate
        self.provenance = provenance
        self.characters = characters
        self.storedAt = storedAt
        self.analyzedAt = analyzedAt
    }
}
