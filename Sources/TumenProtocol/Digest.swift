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
    public var figures: [Located<Quantity>]
    /// Claims that disagree with claims of other documents.
    public var contradictions: [Contradiction]
    /// Dated events, in date order.
    public var events: [Located<Event>]
    /// Estimative judgements with their probability band.
    public var estimates: [Located<Estimate>]
    /// The exchange ledger: who gives what to whom.
    public var flows: [Located<Flow>]
    /// Topics of the window, most documents first.
    public var topics: [DigestTopic]
    /// Entities mentioned in the window's documents, most mentioned first.
    public var entities: [DigestEntity]
    /// Documents stored but not yet analysed when the digest was made.
    public var pendingDocuments: Int
    /// The digest rendered as Markdown.
    public var markdown: String

    public init(
        id: String, cadence: String, topic: String, seq: Int, windowStart: Date, windowEnd: Date,
        documents: [DigestDocument], figures: [Located<Quantity>], contradictions: [Contradiction] = [],
        events: [Located<Event>] = [], estimates: [Located<Estimate>] = [], flows: [Located<Flow>] = [],
        topics: [DigestTopic] = [], entities: [DigestEntity], pendingDocuments: Int, markdown: String
    ) {
        self.id = id
        self.cadence = cadence
        self.topic = topic
        self.seq = seq
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.documents = documents
        self.figures = figures
        self.contradictions = contradictions
        self.events = events
        self.estimates = estimates
        self.flows = flows
        self.topics = topics
        self.entities = entities
        self.pendingDocuments = pendingDocuments
        self.markdown = markdown
    }

    /// Reads a digest; sections added after the first release decode as empty when absent (older stored digests).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        cadence = try container.decode(String.self, forKey: .cadence)
        topic = try container.decode(String.self, forKey: .topic)
        seq = try container.decode(Int.self, forKey: .seq)
        windowStart = try container.decode(Date.self, forKey: .windowStart)
        windowEnd = try container.decode(Date.self, forKey: .windowEnd)
        documents = try container.decode([DigestDocument].self, forKey: .documents)
        figures = try container.decode([Located<Quantity>].self, forKey: .figures)
        contradictions = try container.decodeIfPresent([Contradiction].self, forKey: .contradictions) ?? []
        events = try container.decodeIfPresent([Located<Event>].self, forKey: .events) ?? []
        estimates = try container.decodeIfPresent([Located<Estimate>].self, forKey: .estimates) ?? []
        flows = try container.decodeIfPresent([Located<Flow>].self, forKey: .flows) ?? []
        topics = try container.decodeIfPresent([DigestTopic].self, forKey: .topics) ?? []
        entities = try container.decode([DigestEntity].self, forKey: .entities)
        pendingDocuments = try container.decode(Int.self, forKey: .pendingDocuments)
        markdown = try container.decode(String.self, forKey: .markdown)
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

/// A finding of one document as a digest lists it: the item with the document it comes from.
public struct Located<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var documentId: String
    public var documentName: String
    public var item: Item

    public init(documentId: String, documentName: String, item: Item) {
        self.documentId = documentId
        self.documentName = documentName
        self.item = item
    }
}

/// How prominent a topic is in a window.
public struct DigestTopic: Codable, Sendable, Equatable {
    public var topic: String
    /// Documents whose topics include it.
    public var documents: Int
    /// Sentences about it.
    public var sentences: Int

    public init(topic: String, documents: Int, sentences: Int) {
        self.topic = topic
        self.documents = documents
        self.sentences = sentences
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
