import Foundation
import Testing
import TumenProtocol

/// One message type with two sample payloads: one with every optional field set and every list non-empty ("full"),
/// one with every optional field absent ("minimal").
///
/// The round-trip, version-rule and schema drift tests all run over ``Samples/all``, so adding a message type
/// means adding one line there.
struct MessageSample: Sendable, CustomTestStringConvertible {
    /// The wire name of the message type.
    let type: MessageType
    /// Replies always carry `correlationId`, so their minimal envelope does too.
    let isReply: Bool
    /// The full sample, encoded as a whole envelope with `WireCoding.encode`.
    let fullJSON: @Sendable () throws -> Data
    /// The minimal sample, encoded as a whole envelope.
    let minimalJSON: @Sendable () throws -> Data
    /// Encodes both samples, decodes them with `WireCoding.decode` and expects the originals back.
    let expectRoundTrip: @Sendable () throws -> Void
    /// Decodes a frame as this type and tells whether it equals the full sample.
    let decodesToFull: @Sendable (Data) throws -> Bool

    var testDescription: String { type.rawValue }

    init<P: Message>(_ full: P, minimal: P? = nil, reply: Bool = false) {
        let fullEnvelope = Envelope(
            id: "sample-\(P.type)-full", ts: Fixtures.ts, correlationId: "request-0001", payload: full)
        let minimalEnvelope = Envelope(
            id: "sample-\(P.type)-minimal", ts: Fixtures.ts, correlationId: reply ? "request-0001" : nil,
            payload: minimal ?? full)
        type = P.type
        isReply = reply
        fullJSON = { try WireCoding.encode(fullEnvelope) }
        minimalJSON = { try WireCoding.encode(minimalEnvelope) }
        expectRoundTrip = {
            for envelope in [fullEnvelope, minimalEnvelope] {
                let data = try WireCoding.encode(envelope)
                let decoded = try WireCoding.decode(P.self, from: data)
                #expect(
                    decoded == envelope, "\(envelope.id) changed on the way: \(String(decoding: data, as: UTF8.self))")
            }
        }
        decodesToFull = { data in try WireCoding.decode(P.self, from: data) == fullEnvelope }
    }
}

/// The single list of sample messages: one entry per message type.
enum Samples {
    static let all: [MessageSample] = [
        // ingest `submit`
        MessageSample(
            DocumentSubmit(
                name: "001.md", text: Fixtures.text, contentBase64: Data(Fixtures.text.utf8).base64EncodedString(),
                mediaType: "text/markdown", documentDate: "2025-03-01", provenance: Fixtures.provenance),
            minimal: DocumentSubmit(name: "001.md")),
        MessageSample(
            DocumentAccepted(
                name: "001.md", documentId: Fixtures.document.id, contentHash: Fixtures.hash, duplicate: false,
                characters: 245),
            reply: true),
        MessageSample(
            DocumentRejected(
                name: "empty.txt", code: "empty", reason: "empty.txt is empty: there is nothing to analyse"),
            reply: true),
        MessageSample(Busy(retryAfterMs: 250, reason: "ingest queue is full (64 of 64)"), reply: true),
        MessageSample(ErrorReply(code: "invalid-json", message: "frame is not valid JSON")),
        // storage `store`
        MessageSample(
            DocumentStore(document: Fixtures.document), minimal: DocumentStore(document: Fixtures.minimalDocument)),
        MessageSample(
            DocumentStored(documentId: Fixtures.document.id, contentHash: Fixtures.hash, duplicate: true), reply: true),
        MessageSample(StatusQuery()),
        MessageSample(
            StatusReport(
                documents: 2, jobsQueued: 1, jobsLeased: 1, jobsDone: 3, jobsFailed: 0, quantities: 41, digests: 5,
                deadLetters: 7),
            reply: true),
        MessageSample(DigestQuery(cadence: "daily", topic: "economic", until: Fixtures.windowEnd)),
        MessageSample(
            DigestMaterial(
                cadence: "daily", topic: "economic", windowStart: Fixtures.windowStart, windowEnd: Fixtures.windowEnd,
                documents: [Fixtures.summary], results: [Fixtures.result], pendingDocuments: 1),
            minimal: DigestMaterial(
                cadence: "10m", topic: "all", windowStart: Fixtures.windowStart, windowEnd: Fixtures.windowEnd,
                documents: [Fixtures.minimalSummary], results: [Fixtures.minimalResult], pendingDocuments: 0),
            reply: true),
        MessageSample(DigestRecord(digest: Fixtures.digest), minimal: DigestRecord(digest: Fixtures.minimalDigest)),
        MessageSample(DigestRecorded(digestId: Fixtures.digest.id, seq: 4, duplicate: false), reply: true),
        MessageSample(DeadLetterRecord(deadLetter: Fixtures.deadLetter)),
        MessageSample(DeadLetterRecorded(deadLetterId: 9_000_000_000), reply: true),
        // storage `jobs`
        MessageSample(WorkerReady(workerId: "worker-7f3a", kinds: [.analyzeDocument])),
        MessageSample(
            JobAssign(
                jobId: "job-42", kind: .analyzeDocument, attempt: 2, leaseExpiresAt: Fixtures.lease,
                document: Fixtures.document),
            minimal: JobAssign(
                jobId: "job-42", kind: .analyzeDocument, attempt: 1, leaseExpiresAt: Fixtures.lease, document: nil),
            reply: true),
        MessageSample(
            JobResult(jobId: "job-42", workerId: "worker-7f3a", contentHash: Fixtures.hash, result: Fixtures.result),
            minimal: JobResult(
                jobId: "job-42", workerId: "worker-7f3a", contentHash: Fixtures.hash, result: Fixtures.minimalResult)),
        MessageSample(JobFailed(jobId: "job-42", workerId: "worker-7f3a", reason: "analysis ran out of time")),
        MessageSample(JobAck(jobId: "job-42", status: "committed"), reply: true),
        // reporting `digests` and `control`
        MessageSample(
            DigestPublished(digest: Fixtures.digest), minimal: DigestPublished(digest: Fixtures.minimalDigest)),
        MessageSample(DigestNow(topics: ["all", "economic"]), minimal: DigestNow()),
        MessageSample(
            DigestMade(digests: [Fixtures.digest]), minimal: DigestMade(digests: [Fixtures.minimalDigest]), reply: true),
    ]

    /// The sample of one message type.
    static func sample(_ type: MessageType) -> MessageSample? { all.first { $0.type == type } }
}

/// The values the samples are built from, taken from the seed documents' domain.
enum Fixtures {
    /// A date from a timestamp literal; the literals below are all valid.
    static func date(_ text: String) -> Date {
        guard let date = Timestamp.parse(text) else { preconditionFailure("bad fixture timestamp \(text)") }
        return date
    }

    static let ts = date("2025-06-19T08:30:00.125Z")
    static let windowStart = date("2025-06-18T00:00:00.000Z")
    static let windowEnd = date("2025-06-19T00:00:00.000Z")
    static let lease = date("2025-06-19T08:35:00.125Z")
    static let hash = "9f2c4e1a7b3d5f608192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"
    static let text = """
        North Korea received about 13.6 trillion won in aid (Naumann Foundation).
        The NIS estimated 4,700 casualties.
        """
    static let sentence = "North Korea received about 13.6 trillion won in aid (Naumann Foundation)."

    static let provenance = Provenance(
        origin: "corpus/seeds/001.md", publisher: "Korea Institute for National Unification",
        publishedAt: "2025-03-01", retrievedAt: date("2025-06-18T23:59:59.999Z"))

    static let document = Document(
        id: Document.id(forContentHash: hash), name: "001.md", contentHash: hash, text: text,
        mediaType: "text/markdown", title: "North Korea–Russia relations in 2025", documentDate: "2025-03-01",
        provenance: provenance)
    static let minimalDocument = Document(
        id: Document.id(forContentHash: hash), name: "001.md", contentHash: hash, text: text,
        mediaType: "text/plain", provenance: Provenance())

    static let quantity = Quantity(
        span: TextSpan(start: 21, end: 44), text: "about 13.6 trillion won", value: 1.36e13, low: 1.3e13,
        high: 1.4e13, unit: "KRW", qualifier: "about", measure: "aid received", source: "Naumann Foundation",
        sentence: TextSpan(start: 0, end: 74), sentenceText: sentence)
    static let minimalQuantity = Quantity(
        span: TextSpan(start: 93, end: 98), text: "4,700", value: nil, unit: nil, qualifier: "exact",
        sentence: TextSpan(start: 75, end: 111), sentenceText: "The NIS estimated 4,700 casualties.")
    static let entity = EntityMention(
        entityId: "country:kp", name: "North Korea", kind: "country", text: "North Korea",
        span: TextSpan(start: 0, end: 11))

    static let result = AnalysisResult(
        documentId: document.id, analyzer: "tumen-analysis/0.1", sentenceCount: 2,
        quantities: [quantity], entities: [entity], topics: ["economic", "military"])
    static let minimalResult = AnalysisResult(
        documentId: document.id, analyzer: "tumen-analysis/0.1", sentenceCount: 1, quantities: [minimalQuantity],
        entities: [], topics: [])

    static let summary = DocumentSummary(
        id: document.id, name: "001.md", title: "North Korea–Russia relations in 2025", documentDate: "2025-03-01",
        provenance: provenance, characters: 111, storedAt: date("2025-06-18T09:00:00.001Z"),
        analyzedAt: date("2025-06-18T09:00:02.500Z"))
    static let minimalSummary = DocumentSummary(
        id: document.id, name: "001.md", title: nil, documentDate: nil, provenance: Provenance(), characters: 111,
        storedAt: date("2025-06-18T09:00:00.001Z"), analyzedAt: nil)

    static let digest = Digest(
        id: "digest-daily-economic-20250618", cadence: "daily", topic: "economic", seq: 4,
        windowStart: windowStart, windowEnd: windowEnd,
        documents: [
            DigestDocument(
                id: document.id, name: "001.md", title: "North Korea–Russia relations in 2025",
                documentDate: "2025-03-01", publisher: "Korea Institute for National Unification",
                origin: "corpus/seeds/001.md", figures: 2, topics: ["economic"])
        ],
        figures: [
            DigestFigure(
                documentId: document.id, documentName: "001.md", text: "about 13.6 trillion won", value: 1.36e13,
                low: 1.3e13, high: 1.4e13, unit: "KRW", qualifier: "about", measure: "aid received",
                source: "Naumann Foundation", span: TextSpan(start: 21, end: 44), sentence: sentence)
        ],
        entities: [
            DigestEntity(entityId: "country:kp", name: "North Korea", kind: "country", mentions: 3, documents: 1)
        ],
        pendingDocuments: 1, markdown: "# Daily digest — economic\n\n- about 13.6 trillion won (Naumann Foundation)\n")
    static let minimalDigest = Digest(
        id: "digest-10m-all-202506180000", cadence: "10m", topic: "all", seq: 0, windowStart: windowStart,
        windowEnd: windowEnd,
        documents: [
            DigestDocument(
                id: document.id, name: "001.md", title: nil, documentDate: nil, publisher: nil, origin: nil,
                figures: 0, topics: [])
        ],
        figures: [
            DigestFigure(
                documentId: document.id, documentName: "001.md", text: "4,700", value: nil, low: nil, high: nil,
                unit: nil, qualifier: "exact", measure: nil, source: nil, span: TextSpan(start: 93, end: 98),
                sentence: "The NIS estimated 4,700 casualties.")
        ],
        entities: [], pendingDocuments: 0, markdown: "")

    static let deadLetter = DeadLetter(
        service: "ingest", socket: "submit", reason: "frame is not valid JSON", raw: Data("{\"v\":1,".utf8),
        receivedAt: date("2025-06-19T08:29:59.000Z"))
}
