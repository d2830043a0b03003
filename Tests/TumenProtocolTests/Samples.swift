import Foundation
import Testing
import TumenProtocol

/// One message type with two sample payloads: one with every optional field set and every list non-empty ("full"),
/// one with every optional field absent ("minimal").
///
/// A payload with alternative shapes (a `job.result` carries either `result` or `crosscheck`) has one more
/// full/minimal pair per further shape, a *variant*: the drift test checks each, and requires the full samples of a
/// type together to write every field of its schema.
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
    /// The names of the variants, in order.
    let variantNames: [String]
    /// The full and minimal envelope of each variant, in the order of ``variantNames``.
    let variantJSON: @Sendable () throws -> [(name: String, full: Data, minimal: Data)]
    /// Encodes both samples, decodes them with `WireCoding.decode` and expects the originals back.
    let expectRoundTrip: @Sendable () throws -> Void
    /// Decodes a frame as this type and tells whether it equals the full sample.
    let decodesToFull: @Sendable (Data) throws -> Bool

    var testDescription: String { type.rawValue }

    init<P: Message>(
        _ full: P, minimal: P? = nil, reply: Bool = false, variants: [(name: String, full: P, minimal: P)] = []
    ) {
        func envelope(_ name: String, _ payload: P, correlated: Bool) -> Envelope<P> {
            Envelope(
                id: "sample-\(P.type)-\(name)", ts: Fixtures.ts, correlationId: correlated ? "request-0001" : nil,
                payload: payload)
        }
        let fullEnvelope = envelope("full", full, correlated: true)
        let minimalEnvelope = envelope("minimal", minimal ?? full, correlated: reply)
        let variantEnvelopes = variants.map {
            (
                name: $0.name, full: envelope("\($0.name)-full", $0.full, correlated: true),
                minimal: envelope("\($0.name)-minimal", $0.minimal, correlated: reply)
            )
        }
        type = P.type
        isReply = reply
        fullJSON = { try WireCoding.encode(fullEnvelope) }
        minimalJSON = { try WireCoding.encode(minimalEnvelope) }
        variantNames = variants.map(\.name)
        variantJSON = {
            try variantEnvelopes.map {
                (name: $0.name, full: try WireCoding.encode($0.full), minimal: try WireCoding.encode($0.minimal))
            }
        }
        expectRoundTrip = {
            let all = [fullEnvelope, minimalEnvelope] + variantEnvelopes.flatMap { [$0.full, $0.minimal] }
            for envelope in all {
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
                characters: 250),
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
                documents: 2, analyzedDocuments: 1, jobsQueued: 1, jobsLeased: 1, jobsDone: 3, jobsFailed: 0,
                quantities: 41, digests: 5,
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
        MessageSample(
            DigestReplay(
                topicPrefix: "digest.daily.", fromSeq: 3, since: Fixtures.windowStart,
                after: DigestPosition(pubSubTopic: "digest.daily.all", seq: 7), limit: 20),
            minimal: DigestReplay(topicPrefix: "digest.")),
        MessageSample(
            DigestReplayed(digests: [Fixtures.digest], more: true), minimal: DigestReplayed(digests: [], more: false),
            reply: true),
        MessageSample(DeadLetterRecord(deadLetter: Fixtures.deadLetter)),
        MessageSample(DeadLetterRecorded(deadLetterId: 9_000_000_000), reply: true),
        MessageSample(DeadLetterQuery(limit: 50)),
        MessageSample(
            DeadLetterList(
                deadLetters: [DeadLetterEntry(id: 12, recordedAt: Fixtures.windowEnd, deadLetter: Fixtures.deadLetter)],
                total: 31),
            minimal: DeadLetterList(deadLetters: [], total: 0), reply: true),
        // every service's `health` (and storage `jobs`, from workers)
        MessageSample(
            SystemHealth(
                service: "storage", instance: "tumen-host-4121", state: .ready, seq: 17,
                startedAt: Fixtures.windowStart,
                intervalMs: 2000, endpoints: ["store": "tcp://127.0.0.1:5551"], queues: ["jobsQueued": 3],
                counters: ["worker_heartbeats_relayed": 40],
                lastError: HealthError(at: Fixtures.windowEnd, message: "could not send reply on jobs: peer gone")),
            minimal: SystemHealth(
                service: "analysis", instance: "worker-1", state: .busy, seq: 1, startedAt: Fixtures.windowStart,
                intervalMs: 2000)),
        // storage `jobs`
        MessageSample(WorkerReady(workerId: "worker-7f3a", kinds: [.analyzeDocument, .crosscheckClaims])),
        MessageSample(
            JobAssign(
                jobId: "job-42", kind: .analyzeDocument, attempt: 2, leaseExpiresAt: Fixtures.lease,
                document: Fixtures.document),
            minimal: JobAssign(
                jobId: "job-42", kind: .analyzeDocument, attempt: 1, leaseExpiresAt: Fixtures.lease, document: nil),
            reply: true,
            variants: [
                (
                    name: "crosscheck",
                    full: JobAssign(
                        jobId: "job-43", kind: .crosscheckClaims, attempt: 1, leaseExpiresAt: Fixtures.lease,
                        document: nil, claims: Fixtures.claims),
                    minimal: JobAssign(
                        jobId: "job-43", kind: .crosscheckClaims, attempt: 1, leaseExpiresAt: Fixtures.lease,
                        document: nil, claims: Fixtures.minimalClaims)
                )
            ]),
        MessageSample(
            JobResult(jobId: "job-42", workerId: "worker-7f3a", contentHash: Fixtures.hash, result: Fixtures.result),
            minimal: JobResult(
                jobId: "job-42", workerId: "worker-7f3a", contentHash: Fixtures.hash, result: Fixtures.minimalResult),
            variants: [
                (
                    name: "crosscheck",
                    full: JobResult(
                        jobId: "job-43", workerId: "worker-7f3a", contentHash: Fixtures.hash,
                        crosscheck: Fixtures.crosscheck),
                    minimal: JobResult(
                        jobId: "job-43", workerId: "worker-7f3a", contentHash: Fixtures.hash,
                        crosscheck: Fixtures.minimalCrosscheck)
                )
            ]),
        MessageSample(JobFailed(jobId: "job-42", workerId: "worker-7f3a", reason: "analysis ran out of time")),
        MessageSample(JobAck(jobId: "job-42", status: "committed"), reply: true),
        MessageSample(
            JobHeartbeat(workerId: "worker-7f3a", jobId: "job-42", leaseExpiresAt: Fixtures.lease),
            minimal: JobHeartbeat(workerId: "worker-7f3a")),
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
        From June to September 2024 North Korea shipped about 3 million artillery shells to Russia, the NIS said, \
        and it is very likely to continue.
        """
    static let sentence = "North Korea received about 13.6 trillion won in aid (Naumann Foundation)."
    static let shipmentSentence =
        "From June to September 2024 North Korea shipped about 3 million artillery shells to Russia, the NIS said, "
        + "and it is very likely to continue."
    /// Where ``shipmentSentence`` is in ``text``.
    static let shipmentSpan = TextSpan(start: 110, end: 250)

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
        sourceChain: ["Naumann Foundation", "Korea Institute for National Unification"], asOf: "2025-03-01",
        period: "2017-01/2025-03", reliability: "B", credibility: 2, sentence: TextSpan(start: 0, end: 73),
        sentenceText: sentence)
    static let minimalQuantity = Quantity(
        span: TextSpan(start: 92, end: 97), text: "4,700", value: nil, unit: nil, qualifier: "exact",
        sentence: TextSpan(start: 74, end: 109), sentenceText: "The NIS estimated 4,700 casualties.")
    static let entity = EntityMention(
        entityId: "country:kp", name: "North Korea", kind: "country", text: "North Korea",
        span: TextSpan(start: 0, end: 11))

    static let event = Event(
        span: TextSpan(start: 110, end: 137), dateText: "From June to September 2024", date: "2024-06",
        precision: "range", endDate: "2024-09", event: "shipped about 3 million artillery shells to Russia",
        actors: ["North Korea", "Russia"], category: "military", sentence: shipmentSpan, text: shipmentSentence)
    static let minimalEvent = Event(
        span: TextSpan(start: 123, end: 137), dateText: "September 2024", date: "2024-09", precision: "month",
        event: "shipped artillery shells", actors: [], category: "military", sentence: shipmentSpan,
        text: shipmentSentence)
    static let estimate = Estimate(
        span: TextSpan(start: 226, end: 237), phrase: "very likely", band: "very likely", low: 80, high: 95,
        negated: false, source: "NIS", sentence: shipmentSpan, sentenceText: shipmentSentence)
    static let minimalEstimate = Estimate(
        span: TextSpan(start: 226, end: 237), phrase: "very likely", band: "very likely", low: 80, high: 95,
        negated: false, sentence: shipmentSpan, sentenceText: shipmentSentence)
    static let flow = Flow(
        span: TextSpan(start: 174, end: 190), from: "North Korea", to: "Russia", what: "artillery shells",
        category: "munitions", quantity: "about 3 million", period: "2024-06/2024-09", source: "NIS",
        sentence: shipmentSpan, sentenceText: shipmentSentence)
    static let minimalFlow = Flow(
        span: TextSpan(start: 174, end: 190), from: "North Korea", to: "Russia", what: "artillery shells",
        category: "munitions", sentence: shipmentSpan, sentenceText: shipmentSentence)
    static let sentenceTopics = SentenceTopics(sentence: TextSpan(start: 0, end: 73), topics: ["economic"])

    /// The aid figure of another document, which the figure of ``quantity`` contradicts.
    static let otherClaim = ClaimReference(
        documentId: "doc-0123456789abcdef", documentName: "002.md", span: TextSpan(start: 310, end: 330),
        text: "about 7 trillion won", value: 7e12, low: 6.5e12, high: 7.5e12, unit: "KRW", qualifier: "about",
        measure: "aid received", source: "Ministry of Unification", period: "2017/2024", reliability: "A")
    static let contradiction = Contradiction(
        claim: ClaimReference(documentId: document.id, documentName: "001.md", quantity: quantity), other: otherClaim,
        explanation: "both give aid received in KRW for overlapping periods (2017-01/2025-03 and 2017/2024); "
            + "Naumann Foundation says about 13.6 trillion won, Ministry of Unification says about 7 trillion won")
    static let minimalClaim = ClaimReference(
        documentId: document.id, documentName: "001.md", span: TextSpan(start: 92, end: 97), text: "4,700",
        value: nil, low: nil, high: nil, unit: nil, qualifier: "exact", measure: nil, source: nil, period: nil)
    static let minimalContradiction = Contradiction(
        claim: minimalClaim,
        other: ClaimReference(
            documentId: "doc-0123456789abcdef", documentName: "002.md", span: TextSpan(start: 12, end: 17),
            text: "9,000", value: nil, low: nil, high: nil, unit: nil, qualifier: "exact", measure: nil, source: nil,
            period: nil),
        explanation: "both count the same measure; one says 4,700, the other 9,000")

    static let claims = ClaimSet(
        documentId: document.id, contentHash: hash,
        subject: [ClaimReference(documentId: document.id, documentName: "001.md", quantity: quantity)],
        candidates: [otherClaim])
    static let minimalClaims = ClaimSet(
        documentId: document.id, contentHash: hash, subject: [minimalClaim], candidates: [])
    static let crosscheck = CrosscheckResult(
        documentId: document.id, contradictions: [contradiction],
        assessments: [
            ClaimAssessment(
                documentId: document.id, span: quantity.span, credibility: 4, confirmations: 0, contradictions: 1),
            ClaimAssessment(
                documentId: otherClaim.documentId, span: otherClaim.span, credibility: 4, confirmations: 0,
                contradictions: 1),
        ])
    static let minimalCrosscheck = CrosscheckResult(
        documentId: document.id, contradictions: [minimalContradiction],
        assessments: [
            ClaimAssessment(
                documentId: document.id, span: minimalClaim.span, credibility: 6, confirmations: 0, contradictions: 0)
        ])

    static let result = AnalysisResult(
        documentId: document.id, analyzer: "tumen-analysis/0.1", sentenceCount: 3,
        quantities: [quantity], entities: [entity], topics: ["economic", "military"],
        sentenceTopics: [sentenceTopics], events: [event], estimates: [estimate], flows: [flow],
        contradictions: [contradiction])
    static let minimalResult = AnalysisResult(
        documentId: document.id, analyzer: "tumen-analysis/0.1", sentenceCount: 1, quantities: [minimalQuantity],
        entities: [], topics: [], events: [minimalEvent], estimates: [minimalEstimate], flows: [minimalFlow],
        contradictions: [minimalContradiction])

    static let summary = DocumentSummary(
        id: document.id, name: "001.md", title: "North Korea–Russia relations in 2025", documentDate: "2025-03-01",
        provenance: provenance, characters: 250, storedAt: date("2025-06-18T09:00:00.001Z"),
        analyzedAt: date("2025-06-18T09:00:02.500Z"))
    static let minimalSummary = DocumentSummary(
        id: document.id, name: "001.md", title: nil, documentDate: nil, provenance: Provenance(), characters: 250,
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
        figures: [Located(documentId: document.id, documentName: "001.md", item: quantity)],
        contradictions: [contradiction],
        events: [Located(documentId: document.id, documentName: "001.md", item: event)],
        estimates: [Located(documentId: document.id, documentName: "001.md", item: estimate)],
        flows: [Located(documentId: document.id, documentName: "001.md", item: flow)],
        topics: [DigestTopic(topic: "economic", documents: 1, sentences: 1)],
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
        figures: [Located(documentId: document.id, documentName: "001.md", item: minimalQuantity)],
        contradictions: [minimalContradiction],
        events: [Located(documentId: document.id, documentName: "001.md", item: minimalEvent)],
        estimates: [Located(documentId: document.id, documentName: "001.md", item: minimalEstimate)],
        flows: [Located(documentId: document.id, documentName: "001.md", item: minimalFlow)],
        entities: [], pendingDocuments: 0, markdown: "")

    static let deadLetter = DeadLetter(
        service: "ingest", socket: "submit", reason: "frame is not valid JSON", raw: Data("{\"v\":1,".utf8),
        receivedAt: date("2025-06-19T08:29:59.000Z"))
}
