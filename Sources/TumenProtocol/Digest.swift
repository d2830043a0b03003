import Foundation

/// A periodic briefing digest: the data model every rendering (Markdown, JSON, later HTML and Atom) comes from.
public struct Digest: Codable, Sendable, Equatable {
    /// Deterministic id from cadence, topic and window: the same window always has the same id.
    public var id: String
    /// `daily`, `weekly`, `hourly`, or a duration such as `10m`.
    public var cadence: String
    /// `all` or a subject topic such as `economic`.
    public var topic: String
    /// Per-topic sequence number, assigned by storage when the digest is recorded; 0 before.
    public var seq: Int
    public var windowStart: Date
    public var windowEnd: Date
    /// Documents whose analysis was committed in the window.
    public var documents: [DigestDocument]
    /// Key figures with the sentence and document they come from.
    public var figures: [DigestFigure]
    /// Entities mentioned in the window's documents, most mentioned first.
    public var entities: [DigestEntity]
    /// Documents stored but not yet analysed when the digest was made.
    public var pendingDocuments: Int
    /// The digest rendered as Markdown.
    public var markdown: String

    public init(
        id: String, cadence: String, topic: String, seq: Int, windowStart: Date, windowEnd: Date,
        documents: [DigestDocument], figures: [DigestFigure], entities: [DigestEntity], pendingDocuments: Int,
        markdown: String
    ) {
        self.id = id
        self.cadence = cadence
        self.topic = topic
        self.seq = seq
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.documents = documents
        self.figures = figures
        self.entities = entities
        self.pendingDocuments = pendingDocuments
        self.markdown = markdown
    }

    /// The pub/sub topic this digest is published on.
    public var pubSubTopic: String { Topics.digest(cadence: cadence, topic: topic) }
}

/// A document listed in a digest.
public struct DigestDocument: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var title: String?
    public var documentDate: String?
    public var publisher: String?
    public var origin: String?
    public var figures: Int
    public var topics: [String]

    public init(
        id: String, name: String, title: String?, documentDate: String?, publisher: String?, origin: String?,
        figures: Int, topics: [String]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.documentDate = documentDate
        self.publisher = publisher
        self.origin = origin
        self.figures = figures
        self.topics = topics
    }
}

/// A key figure in a digest, linked to its document, span and sentence.
public struct DigestFigure: Codable, Sendable, Equatable {
    public var documentId: String
    public var documentName: String
    public var text: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String?
    public var qualifier: String
    public var measure: String?
    public var source: String?
    public var span: TextSpan
    public var sentence: String

    public init(
        documentId: String, documentName: String, text: String, value: Double?, low: Double?, high: Double?,
        unit: String?, qualifier: String, measure: String?, source: String?, span: TextSpan, sentence: String
    ) {
        self.documentId = documentId
        self.documentName = documentName
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.qualifier = qualifier
        self.measure = measure
        self.source = source
        self.span = span
        self.sentence = sentence
    }
}

/// An entity and how often the window's documents mention it.
public struct DigestEntity: Codable, Sendable, Equatable {
    public var entityId: String
    public var name: String
    public var kind: String
    public var mentions: Int
    /// Number of documents that mention it.
    public var documents: Int

    public init(entityId: String, name: String, kind: String, mentions: Int, documents: Int) {
        self.entityId = entityId
        self.name = name
        self.kind = kind
        self.mentions = mentions
        self.documents = documents
    }
}

/// `digest.published`: the message on the digest PUB socket (frame 1 is the topic, frame 2 this envelope).
public struct DigestPublished: Message {
    public static let type: MessageType = "digest.published"
    public var digest: Digest
    public init(digest: Digest) { self.digest = digest }
}

/// `digest.now`: asks reporting to make, record and publish digests immediately, up to now.
public struct DigestNow: Message {
    public static let type: MessageType = "digest.now"
    /// Topics to digest; empty means every topic reporting is configured for.
    public var topics: [String]
    public init(topics: [String] = []) { self.topics = topics }
}

/// `digest.made`: reporting's answer to `digest.now`: the digests it recorded and published.
public struct DigestMade: Message {
    public static let type: MessageType = "digest.made"
    public var digests: [Digest]
    public init(digests: [Digest]) { self.digests = digests }
}
