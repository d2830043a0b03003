import Foundation

/// `document.store`: ingest asks storage to persist a normalised document (and queue its analysis).
public struct DocumentStore: Message {
    public static let type: MessageType = "document.store"
    public var document: Document
    public init(document: Document) { self.document = document }
}

/// `document.stored`: storage committed the document, or found it already stored.
public struct DocumentStored: Message {
    public static let type: MessageType = "document.stored"
    public var documentId: String
    public var contentHash: String
    public var duplicate: Bool

    public init(documentId: String, contentHash: String, duplicate: Bool) {
        self.documentId = documentId
        self.contentHash = contentHash
        self.duplicate = duplicate
    }
}

/// `status.query`: asks storage for counts of what it holds.
public struct StatusQuery: Message {
    public static let type: MessageType = "status.query"
    public init() {}
}

/// `status.report`: storage's counts of documents, jobs by state, results, digests and dead letters.
public struct StatusReport: Message {
    public static let type: MessageType = "status.report"
    public var documents: Int
    /// Documents whose analysis is committed.
    public var analyzedDocuments: Int
    public var jobsQueued: Int
    public var jobsLeased: Int
    public var jobsDone: Int
    public var jobsFailed: Int
    public var quantities: Int
    public var digests: Int
    public var deadLetters: Int

    public init(
        documents: Int, analyzedDocuments: Int, jobsQueued: Int, jobsLeased: Int, jobsDone: Int, jobsFailed: Int,
        quantities: Int, digests: Int, deadLetters: Int
    ) {
        self.documents = documents
        self.analyzedDocuments = analyzedDocuments
        self.jobsQueued = jobsQueued
        self.jobsLeased = jobsLeased
        self.jobsDone = jobsDone
        self.jobsFailed = jobsFailed
        self.quantities = quantities
        self.digests = digests
        self.deadLetters = deadLetters
    }

    /// Reads a report; `analyzedDocuments`, added later, decodes as 0 from older senders.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        documents = try container.decode(Int.self, forKey: .documents)
        analyzedDocuments = try container.decodeIfPresent(Int.self, forKey: .analyzedDocuments) ?? 0
        jobsQueued = try container.decode(Int.self, forKey: .jobsQueued)
        jobsLeased = try container.decode(Int.self, forKey: .jobsLeased)
        jobsDone = try container.decode(Int.self, forKey: .jobsDone)
        jobsFailed = try container.decode(Int.self, forKey: .jobsFailed)
        quantities = try container.decode(Int.self, forKey: .quantities)
        digests = try container.decode(Int.self, forKey: .digests)
        deadLetters = try container.decode(Int.self, forKey: .deadLetters)
    }
}

/// `digest.query`: reporting asks storage for the material of the next digest of a cadence and topic.
///
/// The window starts where the last recorded digest of the same cadence and topic ended and ends at `until`.
public struct DigestQuery: Message {
    public static let type: MessageType = "digest.query"
    public var cadence: String
    public var topic: String
    public var until: Date

    public init(cadence: String, topic: String, until: Date) {
        self.cadence = cadence
        self.topic = topic
        self.until = until
    }
}

/// `digest.material`: the documents whose analysis was committed in the window, with their results.
public struct DigestMaterial: Message {
    public static let type: MessageType = "digest.material"
    public var cadence: String
    public var topic: String
    public var windowStart: Date
    public var windowEnd: Date
    /// Documents newly analysed in the window, in order of analysis.
    public var documents: [DocumentSummary]
    /// One result per document in `documents`.
    public var results: [AnalysisResult]
    /// Documents stored but not analysed yet.
    public var pendingDocuments: Int

    public init(
        cadence: String, topic: String, windowStart: Date, windowEnd: Date, documents: [DocumentSummary],
        results: [AnalysisResult], pendingDocuments: Int
    ) {
        self.cadence = cadence
        self.topic = topic
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.documents = documents
        self.results = results
        self.pendingDocuments = pendingDocuments
    }
}

/// `digest.record`: reporting asks storage to record a digest before publishing it.
public struct DigestRecord: Message {
    public static let type: MessageType = "digest.record"
    public var digest: Digest
    public init(digest: Digest) { self.digest = digest }
}

/// `digest.recorded`: the digest is durable, with its per-topic sequence number.
public struct DigestRecorded: Message {
    public static let type: MessageType = "digest.recorded"
    public var digestId: String
    public var seq: Int
    /// True when a digest for the same cadence, topic and window was recorded before.
    public var duplicate: Bool

    public init(digestId: String, seq: Int, duplicate: Bool) {
        self.digestId = digestId
        self.seq = seq
        self.duplicate = duplicate
    }
}

/// `deadletter.record`: a service hands storage a frame it could not process, for later inspection.
public struct DeadLetterRecord: Message {
    public static let type: MessageType = "deadletter.record"
    public var deadLetter: DeadLetter
    public init(deadLetter: DeadLetter) { self.deadLetter = deadLetter }
}

/// A frame that could not be decoded, validated or processed.
public struct DeadLetter: Codable, Sendable, Equatable {
    /// The service that received it.
    public var service: String
    /// The socket it arrived on (`submit`, `store`, `jobs`, `control`).
    public var socket: String
    /// Why it could not be processed.
    public var reason: String
    /// The first bytes of the frame (at most 4 KiB), base64.
    public var rawBase64: String
    /// The full size of the frame in bytes.
    public var size: Int
    public var receivedAt: Date

    public init(service: String, socket: String, reason: String, raw: Data, receivedAt: Date = Date()) {
        self.service = service
        self.socket = socket
        self.reason = reason
        self.rawBase64 = raw.prefix(Self.rawLimit).base64EncodedString()
        self.size = raw.count
        self.receivedAt = receivedAt
    }

    /// How many bytes of a bad frame are kept.
    public static let rawLimit = 4096
}

/// `deadletter.recorded`: storage kept the dead letter.
public struct DeadLetterRecorded: Message {
    public static let type: MessageType = "deadletter.recorded"
    public var deadLetterId: Int64
    public init(deadLetterId: Int64) { self.deadLetterId = deadLetterId }
}
