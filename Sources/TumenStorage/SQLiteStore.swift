import Foundation
import GRDB
import Logging
import Synchronization
import TumenProtocol

/// The embedded store: SQLite in WAL mode through GRDB, in a data directory or in memory.
///
/// Safe to use from many tasks at once: reads run concurrently, writes are serialised by SQLite, and all of them
/// run on GRDB's own threads, not on the cooperative pool.
public final class SQLiteStore: Store {
    /// Where the store lives and how it hands out jobs.
    public struct Configuration: Sendable, Equatable {
        /// Where the database is.
        public enum Location: Sendable, Equatable {
            /// `tumen.sqlite` inside this directory, which is created when missing.
            case directory(String)
            /// A private in-memory database, gone when the store is released (for tests).
            case inMemory
        }

        public var location: Location
        /// How long a worker holds a job before it may be leased to another worker.
        public var leaseDuration: TimeInterval
        /// How many times a job may be leased before it is marked failed (poison-pill protection).
        public var maxAttempts: Int
        /// How long a write waits for another connection's lock before it fails as busy.
        public var busyTimeout: TimeInterval
        /// How many claims of other documents a `crosscheck.claims` job carries at most: the most recently
        /// analysed ones with the units of the subject's claims.
        public var maxCandidateClaims: Int

        public init(
            location: Location, leaseDuration: TimeInterval = 15, maxAttempts: Int = 5, busyTimeout: TimeInterval = 5,
            maxCandidateClaims: Int = 5000
        ) {
            self.location = location
            self.leaseDuration = leaseDuration
            self.maxAttempts = maxAttempts
            self.busyTimeout = busyTimeout
            self.maxCandidateClaims = maxCandidateClaims
        }

        /// The store in `tumen.sqlite` inside `path`.
        public static func directory(_ path: String) -> Configuration { Configuration(location: .directory(path)) }

        /// A private in-memory store.
        public static var inMemory: Configuration { Configuration(location: .inMemory) }
    }

    /// How many characters of a dead letter's reason are kept.
    static let reasonLimit = 4000

    /// The database file's name inside the data directory.
    public static let fileName = "tumen.sqlite"

    public let configuration: Configuration
    /// The database file, or nil for an in-memory store.
    public let databasePath: String?
    private let writer: any DatabaseWriter
    private let logger: Logger
    /// The latest window end that digest material was read up to; results committed afterwards are stamped no
    /// earlier, so they fall into a later window instead of into one already read (and never into none).
    private let digestHorizon = Mutex<Int64>(0)

    /// Opens (creating when needed) the store and brings its schema up to date.
    public init(configuration: Configuration, logger: Logger = Logger(label: "tumen.storage")) throws {
        guard configuration.maxAttempts >= 1, configuration.leaseDuration > 0, configuration.maxCandidateClaims >= 1
        else {
            throw StoreError(
                code: .invalidRequest,
                message: "the store needs maxAttempts ≥ 1, a positive lease duration and maxCandidateClaims ≥ 1 "
                    + "(got \(configuration.maxAttempts), \(configuration.leaseDuration) s and "
                    + "\(configuration.maxCandidateClaims))")
        }
        self.configuration = configuration
        self.logger = logger

        var database = GRDB.Configuration()
        database.label = "tumen"
        database.foreignKeysEnabled = true
        database.busyMode = .timeout(configuration.busyTimeout)

        switch configuration.location {
        case .directory(let directory):
            let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                writer = try DatabasePool(path: path, configuration: database)
            } catch {
                throw StoreError(
                    code: .storage,
                    message: "cannot open the store at \(path): \(Self.describe(error)); "
                        + "check that the data directory exists, is writable and is not on a full disk")
            }
            databasePath = path
        case .inMemory:
            writer = try DatabaseQueue(configuration: database)
            databasePath = nil
        }

        do {
            try SQLiteSchema.makeMigrator().migrate(writer)
        } catch {
            throw StoreError(
                code: .storage,
                message: "cannot bring the store's schema up to date at \(databasePath ?? ":memory:"): "
                    + Self.describe(error))
        }
        logger.debug("store open", metadata: ["path": "\(databasePath ?? ":memory:")"])
    }

    /// The names of the migrations applied to the database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await read("listing migrations") { db in try SQLiteSchema.makeMigrator().appliedMigrations(db) }
    }

    // MARK: Documents

    public func storeDocument(_ document: Document, now: Date) async throws -> DocumentStored {
        guard !document.id.isEmpty, !document.contentHash.isEmpty else {
            throw StoreError(
                code: .invalidRequest, message: "document '\(document.name)' has no id or no content hash")
        }
        let nowMillis = StoreTime.millis(now)
        let row = DocumentRow(
            number: nil, id: document.id, contentHash: document.contentHash, name: document.name,
            text: document.text, mediaType: document.mediaType, title: document.title,
            documentDate: document.documentDate, origin: document.provenance.origin,
            publisher: document.provenance.publisher, publishedAt: document.provenance.publishedAt,
            retrievedAt: document.provenance.retrievedAt.map(StoreTime.millis),
            characters: document.text.unicodeScalars.count, storedAt: nowMillis)
        let job = Self.queuedJob(kind: .analyzeDocument, documentId: document.id, now: nowMillis)

        return try await write("storing document '\(document.name)'") { db in
            if try SQLiteStatements.insertDocument(row).fetchOne(db) != nil {
                try db.execute(literal: SQLiteStatements.insertJob(job))
                return DocumentStored(documentId: document.id, contentHash: document.contentHash, duplicate: false)
            }
            guard
                let existing = try DocumentRow.filter(DocumentRow.Columns.contentHash == document.contentHash)
                    .fetchOne(db)
            else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "document id '\(document.id)' of '\(document.name)' is already used by other content")
            }
            return DocumentStored(documentId: existing.id, contentHash: existing.contentHash, duplicate: true)
        }
    }

    public func document(id: String) async throws -> Document? {
        try await read("reading document \(id)") { db in
            try DocumentRow.filter(DocumentRow.Columns.id == id).fetchOne(db).map(Self.document(from:))
        }
    }

    public func searchDocuments(matching query: String, limit: Int) async throws -> [DocumentSummary] {
        guard let pattern = FTS5Pattern(matchingAllTokensIn: query), limit > 0 else { return [] }
        return try await read("searching documents for '\(query)'") { db in
            try SQLiteStatements.search(pattern, limit: limit).fetchAll(db).map(Self.summary(from:))
        }
    }

    // MARK: Jobs

    public func leaseNextJob(workerId: String, kinds: [JobKind], now: Date, leaseDuration: TimeInterval?) async throws
        -> JobAssign?
    {
        guard !kinds.isEmpty else { return nil }
        let nowMillis = StoreTime.millis(now)
        let deadline = StoreTime.millis(now.addingTimeInterval(leaseDuration ?? configuration.leaseDuration))
        let maxAttempts = configuration.maxAttempts
        let maxCandidates = configuration.maxCandidateClaims
        let logger = logger
        let lease = SQLiteStatements.leaseNextJob(
            kinds: kinds.map(\.rawValue), workerId: workerId, now: nowMillis, deadline: deadline,
            maxAttempts: maxAttempts)

        return try await write("leasing a job to worker \(workerId)") { db -> JobAssign? in
            // Each turn either leases a job or fails one poison job, so the loop ends.
            while let job = try lease.fetchOne(db) {
                if job.state == JobRow.State.failed {
                    logger.warning(
                        "job failed: too many attempts",
                        metadata: [
                            "job": "\(job.id)", "attempts": "\(job.attempts)", "reason": "\(job.lastError ?? "")",
                        ])
                    continue
                }
                let kind = JobKind(rawValue: job.kind)
                let leaseExpiresAt = StoreTime.date(job.leaseExpiresAt ?? deadline)
                if kind == .crosscheckClaims {
                    // The subject of a crosscheck is the id of the document whose claims are checked.
                    let claims = try Self.claimSet(documentId: job.subject, maxCandidates: maxCandidates, db)
                    return JobAssign(
                        jobId: job.id, kind: kind, attempt: job.attempts, leaseExpiresAt: leaseExpiresAt,
                        document: nil, claims: claims)
                }
                let document = try job.documentId.flatMap {
                    try DocumentRow.filter(DocumentRow.Columns.id == $0).fetchOne(db).map(Self.document(from:))
                }
                return JobAssign(
                    jobId: job.id, kind: kind, attempt: job.attempts, leaseExpiresAt: leaseExpiresAt,
                    document: document)
            }
            return nil
        }
    }

    public func commitResult(_ result: JobResult, now: Date) async throws -> JobAck {
        let payload = try ResultPayload(result)

        return try await write("committing the result of job \(result.jobId)") { db in
            // Writes are serialised: a digest read before this commit must not have a window that covers its time.
            let nowMillis = max(StoreTime.millis(now), self.digestHorizon.withLock { $0 })
            guard
                let job = try SQLiteStatements.completeJob(id: result.jobId, workerId: result.workerId, now: nowMillis)
                    .fetchOne(db)
            else {
                // Not changed: either no such job, or it was done before (a late duplicate): change nothing.
                let exists = try JobRow.exists(db, key: result.jobId)
                return JobAck(jobId: result.jobId, status: exists ? JobAckStatus.duplicate : JobAckStatus.unknownJob)
            }
            switch (JobKind(rawValue: job.kind), payload) {
            case (.analyzeDocument, .analysis(let analysis, let parts)):
                let document = try Self.document(
                    of: job, resultHash: result.contentHash, resultDocument: analysis.documentId, db)
                try Self.commitAnalysis(analysis, parts: parts, job: job, documentId: document.id, now: nowMillis, db)
            case (.crosscheckClaims, .crosscheck(let crosscheck, let contradictions)):
                let document = try Self.document(
                    of: job, resultHash: result.contentHash, resultDocument: crosscheck.documentId, db)
                try Self.commitCrosscheck(
                    crosscheck, contradictions: contradictions, job: job, documentId: document.id, now: nowMillis, db)
            default:
                throw StoreError(
                    code: .invalidRequest,
                    message: "job \(job.id) is of kind '\(job.kind)', but its result carries \(payload.description); "
                        + "an '\(JobKind.analyzeDocument.rawValue)' job takes 'result', a "
                        + "'\(JobKind.crosscheckClaims.rawValue)' job takes 'crosscheck'")
            }
            return JobAck(jobId: job.id, status: JobAckStatus.committed)
        }
    }

    public func recordJobFailure(_ failed: JobFailed, now: Date) async throws -> JobAck {
        let nowMillis = StoreTime.millis(now)
        let maxAttempts = configuration.maxAttempts
        let logger = logger
        return try await write("recording the failure of job \(failed.jobId)") { db in
            if let job = try SQLiteStatements.releaseJob(
                id: failed.jobId, workerId: failed.workerId, reason: failed.reason, now: nowMillis,
                maxAttempts: maxAttempts
            ).fetchOne(db) {
                if job.state == JobRow.State.failed {
                    logger.warning(
                        "job failed: too many attempts",
                        metadata: ["job": "\(job.id)", "attempts": "\(job.attempts)", "reason": "\(failed.reason)"])
                }
                return JobAck(jobId: job.id, status: JobAckStatus.failedRecorded)
            }
            guard let job = try JobRow.fetchOne(db, key: failed.jobId) else {
                return JobAck(jobId: failed.jobId, status: JobAckStatus.unknownJob)
            }
            if job.state == JobRow.State.done {
                return JobAck(jobId: job.id, status: JobAckStatus.duplicate)
            }
            // The worker no longer holds the lease (it expired, maybe leased again): keep the reason only.
            try db.execute(literal: SQLiteStatements.noteJobError(id: job.id, reason: failed.reason, now: nowMillis))
            return JobAck(jobId: job.id, status: JobAckStatus.failedRecorded)
        }
    }

    public func renewLease(jobId: String, workerId: String, now: Date, leaseDuration: TimeInterval?) async throws
        -> Date?
    {
        let deadline = StoreTime.millis(now.addingTimeInterval(leaseDuration ?? configuration.leaseDuration))
        let renew = SQLiteStatements.renewLease(
            id: jobId, workerId: workerId, now: StoreTime.millis(now), deadline: deadline)
        return try await write("renewing the lease of job \(jobId) for worker \(workerId)") { db in
            try renew.fetchOne(db).map { _ in StoreTime.date(deadline) }
        }
    }

    public func nextLeaseDeadline() async throws -> Date? {
        try await read("reading lease deadlines") { db in
            try SQLiteStatements.nextLeaseDeadline.fetchOne(db).map(StoreTime.date)
        }
    }

    // MARK: Status

    public func status() async throws -> StatusReport {
        try await read("counting what the store holds") { db in
            guard let row = try SQLiteStatements.status.fetchOne(db) else {
                throw StoreError(code: .storage, message: "the status query returned no row")
            }
            return StatusReport(
                documents: row["documents"], analyzedDocuments: row["analyzedDocuments"], jobsQueued: row["jobsQueued"],
                jobsLeased: row["jobsLeased"],
                jobsDone: row["jobsDone"], jobsFailed: row["jobsFailed"], quantities: row["quantities"],
                digests: row["digests"], deadLetters: row["deadLetters"])
        }
    }

    // MARK: Digests

    public func digestMaterial(for query: DigestQuery) async throws -> DigestMaterial {
        let end = StoreTime.millis(query.until)
        let topic = query.topic == "all" ? nil : query.topic
        // Move the horizon in line with the commits (see `commitResult`), then read: the read sees every commit
        // before the horizon moved, and every later commit is stamped at or after `end`.
        try await write("fixing the digest horizon at \(Timestamp.format(query.until))") { _ in
            self.digestHorizon.withLock { $0 = max($0, end) }
        }
        return try await read("reading digest material for \(query.cadence) \(query.topic)") { db in
            let start =
                try SQLiteStatements.lastWindowEnd(cadence: query.cadence, topic: query.topic).fetchOne(db) ?? 0
            guard start <= end else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "digest window for \(query.cadence) \(query.topic) would end at "
                        + "\(Timestamp.format(query.until)), before the last recorded window ended "
                        + "(\(Timestamp.format(StoreTime.date(start)))); is the clock behind?")
            }
            let analyses = try SQLiteStatements.analyses(from: start, to: end, topic: topic).fetchAll(db)
            let results = try Self.results(of: analyses, db)
            var summaries: [String: DocumentSummary] = [:]
            for chunk in Self.chunks(of: analyses.map(\.documentId)) {
                for row in try SQLiteStatements.summaries(ids: chunk).fetchAll(db) {
                    let summary = Self.summary(from: row)
                    summaries[summary.id] = summary
                }
            }
            var documents: [DocumentSummary] = []
            for analysis in analyses {
                guard var summary = summaries[analysis.documentId] else {
                    throw StoreError(
                        code: .storage,
                        message: "analysis \(analysis.jobId) refers to missing document "
                            + analysis.documentId)
                }
                summary.analyzedAt = StoreTime.date(analysis.analyzedAt)
                documents.append(summary)
            }
            return DigestMaterial(
                cadence: query.cadence, topic: query.topic, windowStart: StoreTime.date(start),
                windowEnd: StoreTime.date(end), documents: documents, results: results,
                pendingDocuments: try SQLiteStatements.pendingDocuments.fetchOne(db) ?? 0)
        }
    }

    public func recordDigest(_ digest: Digest, now: Date) async throws -> DigestRecorded {
        guard !digest.id.isEmpty, !digest.cadence.isEmpty, !digest.topic.isEmpty else {
            throw StoreError(code: .invalidRequest, message: "a digest needs an id, a cadence and a topic")
        }
        guard digest.windowStart <= digest.windowEnd else {
            throw StoreError(
                code: .invalidRequest,
                message: "digest \(digest.id) has a window that ends (\(Timestamp.format(digest.windowEnd))) "
                    + "before it starts (\(Timestamp.format(digest.windowStart)))")
        }
        let windowStart = StoreTime.millis(digest.windowStart)
        let windowEnd = StoreTime.millis(digest.windowEnd)
        let nowMillis = StoreTime.millis(now)

        return try await write("recording digest \(digest.id)") { db in
            func recordedWindow() throws -> DigestRow? {
                try DigestRow.filter(
                    DigestRow.Columns.cadence == digest.cadence && DigestRow.Columns.topic == digest.topic
                        && DigestRow.Columns.windowStart == windowStart && DigestRow.Columns.windowEnd == windowEnd
                ).fetchOne(db)
            }
            if let existing = try recordedWindow() {
                return DigestRecorded(digestId: existing.id, seq: existing.seq, duplicate: true)
            }
            var stored = digest
            stored.seq = try SQLiteStatements.nextSeq(pubSubTopic: digest.pubSubTopic).fetchOne(db) ?? 1
            let body = String(decoding: try WireCoding.makeEncoder().encode(stored), as: UTF8.self)
            let row = DigestRow(
                id: stored.id, cadence: stored.cadence, topic: stored.topic, pubSubTopic: stored.pubSubTopic,
                seq: stored.seq, windowStart: windowStart, windowEnd: windowEnd, body: body, recordedAt: nowMillis)
            if let seq = try SQLiteStatements.insertDigest(row).fetchOne(db) {
                return DigestRecorded(digestId: stored.id, seq: seq, duplicate: false)
            }
            // Another writer recorded the window meanwhile, or the id is taken by another window.
            if let existing = try recordedWindow() {
                return DigestRecorded(digestId: existing.id, seq: existing.seq, duplicate: true)
            }
            throw StoreError(
                code: .invalidRequest,
                message: "digest id \(digest.id) is already recorded for another cadence, topic or window")
        }
    }

    public func replayDigests(_ request: DigestReplay) async throws -> DigestReplayed {
        let limit = request.pageSize
        return try await read("replaying digests on \(request.topicPrefix)") { db in
            let decoder = WireCoding.makeDecoder()
            let rows = try SQLiteStatements.digests(
                topicPrefix: request.topicPrefix, fromSeq: request.fromSeq,
                recordedSince: request.since.map(StoreTime.millis), after: request.after, limit: limit + 1
            ).fetchAll(db)
            return DigestReplayed(
                digests: try rows.prefix(limit).map { try decoder.decode(Digest.self, from: Data($0.body.utf8)) },
                more: rows.count > limit)
        }
    }

    // MARK: Dead letters

    public func recordDeadLetter(_ deadLetter: DeadLetter) async throws -> Int64 {
        // A dead letter may come from any client: keep no more than the protocol's limits, whatever it says.
        var rawBase64 = deadLetter.rawBase64
        if rawBase64.utf8.count > (DeadLetter.rawLimit + 2) / 3 * 4 {
            rawBase64 =
                Data(base64Encoded: rawBase64).map { $0.prefix(DeadLetter.rawLimit).base64EncodedString() }
                ?? ""
        }
        let row = DeadLetterRow(
            id: nil, service: String(deadLetter.service.prefix(100)), socket: String(deadLetter.socket.prefix(100)),
            reason: String(deadLetter.reason.prefix(Self.reasonLimit)), rawBase64: rawBase64, size: deadLetter.size,
            receivedAt: StoreTime.millis(deadLetter.receivedAt), recordedAt: StoreTime.millis(Date()))
        return try await write("recording a dead letter from \(deadLetter.service)/\(deadLetter.socket)") { db in
            var row = row
            try row.insert(db)
            guard let id = row.id else {
                throw StoreError(code: .storage, message: "the dead letter was inserted without an id")
            }
            return id
        }
    }

    public func deadLetters(limit: Int) async throws -> [StoredDeadLetter] {
        guard limit > 0 else { return [] }
        return try await read("reading dead letters") { db in
            try DeadLetterRow.order(DeadLetterRow.Columns.id.desc).limit(limit).fetchAll(db).map { row in
                var deadLetter = DeadLetter(
                    service: row.service, socket: row.socket, reason: row.reason, raw: Data(),
                    receivedAt: StoreTime.date(row.receivedAt))
                deadLetter.rawBase64 = row.rawBase64
                deadLetter.size = row.size
                return StoredDeadLetter(
                    id: row.id ?? 0, deadLetter: deadLetter, recordedAt: StoreTime.date(row.recordedAt))
            }
        }
    }

    // MARK: Integrity

    public func integrityCheck() async throws -> [String] {
        try await read("checking the store's integrity") { db in
            var problems = try SQLiteStatements.integrityCheck.fetchAll(db).filter { $0 != "ok" }
            for row in try SQLiteStatements.foreignKeyCheck.fetchAll(db) {
                let table: String = row["table"]
                let rowid: Int64? = row["rowid"]
                let parent: String = row["parent"]
                problems.append("foreign key violation: \(table) row \(rowid.map(String.init) ?? "?") → \(parent)")
            }
            return problems
        }
    }

    // MARK: - Helpers

    /// The deterministic id of a job: the same kind and subject always give the same id.
    static func jobId(kind: JobKind, subject: String) -> String { "\(kind.rawValue):\(subject)" }

    /// A new queued job about a document, available now.
    private static func queuedJob(kind: JobKind, documentId: String, now: Int64) -> JobRow {
        JobRow(
            id: jobId(kind: kind, subject: documentId), kind: kind.rawValue, subject: documentId,
            documentId: documentId, state: JobRow.State.queued, attempts: 0, leaseOwner: nil, leaseExpiresAt: nil,
            lastError: nil, availableAt: now, createdAt: now, updatedAt: now, completedAt: nil)
    }

    /// The document a job's result is about, after checking that the result was computed on its content.
    private static func document(of job: JobRow, resultHash: String, resultDocument: String, _ db: Database) throws
        -> DocumentRow
    {
        guard let documentId = job.documentId,
            let document = try DocumentRow.filter(DocumentRow.Columns.id == documentId).fetchOne(db)
        else {
            throw StoreError(
                code: .invalidRequest, message: "job \(job.id) (\(job.kind)) has no document to attach results to")
        }
        guard document.contentHash == resultHash else {
            throw StoreError(
                code: .contentMismatch,
                message: "result for job \(job.id) was computed on content \(resultHash), but the job's "
                    + "document \(document.id) has content \(document.contentHash); result refused")
        }
        guard resultDocument == document.id else {
            throw StoreError(
                code: .contentMismatch,
                message: "result for job \(job.id) names document \(resultDocument), but the job is for "
                    + "document \(document.id); result refused")
        }
        return document
    }

    /// Inserts an analysis with its topics, items and claim index rows, and queues the document's crosscheck when
    /// it has quantities.
    private static func commitAnalysis(
        _ analysis: AnalysisResult, parts: ResultCoding.Parts, job: JobRow, documentId: String, now: Int64,
        _ db: Database
    ) throws {
        try AnalysisRow(
            jobId: job.id, documentId: documentId, analyzer: analysis.analyzer, sentenceCount: analysis.sentenceCount,
            topics: analysis.topics, body: parts.body, analyzedAt: now
        ).insert(db)
        var seenTopics = Set<String>()
        for (position, topic) in analysis.topics.enumerated() where seenTopics.insert(topic).inserted {
            try AnalysisTopicRow(jobId: job.id, topic: topic, position: position).insert(db)
        }
        var quantityItemIds: [Int: Int64] = [:]
        for item in parts.items {
            try ResultItemRow(
                id: nil, jobId: job.id, documentId: documentId, kind: item.kind, ordinal: item.ordinal,
                spanStart: item.span?.start, spanEnd: item.span?.end, body: item.body
            ).insert(db)
            if item.kind == ResultItemRow.Kind.quantities {
                quantityItemIds[item.ordinal] = db.lastInsertedRowID
            }
        }
        for (ordinal, quantity) in analysis.quantities.enumerated() {
            guard let unit = quantity.unit, let itemId = quantityItemIds[ordinal] else { continue }
            try ClaimRow(resultItemId: itemId, documentId: documentId, unit: unit, analyzedAt: now).insert(db)
        }
        if !analysis.quantities.isEmpty {
            try db.execute(
                literal: SQLiteStatements.insertJob(
                    queuedJob(kind: .crosscheckClaims, documentId: documentId, now: now)))
        }
    }

    /// Replaces the contradictions of the subject document and records the assessments of every claim named.
    private static func commitCrosscheck(
        _ crosscheck: CrosscheckResult, contradictions: [String], job: JobRow, documentId: String, now: Int64,
        _ db: Database
    ) throws {
        var unknown = Set(crosscheck.assessments.map(\.documentId))
        for chunk in chunks(of: unknown.sorted()) {
            unknown.subtract(try SQLiteStatements.storedDocumentIds(chunk).fetchAll(db))
        }
        guard unknown.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "the crosscheck result of job \(job.id) assesses claims of documents that are not stored: "
                    + unknown.sorted().joined(separator: ", ") + "; refused")
        }
        try db.execute(literal: SQLiteStatements.markCrosschecked(documentId: documentId, at: now))
        try db.execute(literal: SQLiteStatements.deleteContradictions(documentId: documentId))
        for (ordinal, body) in contradictions.enumerated() {
            try ContradictionRow(documentId: documentId, ordinal: ordinal, jobId: job.id, body: body).insert(db)
        }
        for assessment in crosscheck.assessments {
            try db.execute(
                literal: SQLiteStatements.upsertAssessment(
                    ClaimAssessmentRow(
                        documentId: assessment.documentId, spanStart: assessment.span.start,
                        spanEnd: assessment.span.end, credibility: assessment.credibility,
                        confirmations: assessment.confirmations, contradictions: assessment.contradictions,
                        jobId: job.id, assessedAt: now)))
        }
    }

    /// The input of a crosscheck: the document's claims, and the most recently analysed claims of other documents
    /// with the same units, at most `maxCandidates`.
    private static func claimSet(documentId: String, maxCandidates: Int, _ db: Database) throws -> ClaimSet {
        let decoder = WireCoding.makeDecoder()
        guard let document = try SQLiteStatements.documentNameAndHash(id: documentId).fetchOne(db) else {
            throw StoreError(code: .storage, message: "the crosscheck of document \(documentId) has no document")
        }
        let name: String = document["name"]
        let subject = try SQLiteStatements.quantities(ofDocument: documentId).fetchAll(db).map {
            ClaimReference(
                documentId: documentId, documentName: name,
                quantity: try decoder.decode(Quantity.self, from: Data($0.body.utf8)))
        }
        // The newest `maxCandidates` of each unit, merged: the newest `maxCandidates` of all units.
        var rows: [Row] = []
        for unit in Set(subject.compactMap(\.unit)).sorted() {
            rows += try SQLiteStatements.candidateClaims(unit: unit, excluding: documentId, limit: maxCandidates)
                .fetchAll(db)
        }
        let newest = rows.sorted { (left: Row, right: Row) in
            let leftKey: (Int64, Int64) = (left["analyzedAt"], left["resultItemId"])
            let rightKey: (Int64, Int64) = (right["analyzedAt"], right["resultItemId"])
            return leftKey > rightKey
        }
        let candidates = try newest.prefix(maxCandidates).map { row in
            let body: String = row["body"]
            return ClaimReference(
                documentId: row["documentId"], documentName: row["documentName"],
                quantity: try decoder.decode(Quantity.self, from: Data(body.utf8)))
        }
        return ClaimSet(
            documentId: documentId, contentHash: document["contentHash"], subject: subject, candidates: candidates)
    }

    private func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        do {
            return try await writer.read(body)
        } catch {
            throw Self.storeError(error, while: what)
        }
    }

    private func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        do {
            return try await writer.write(body)
        } catch {
            let storeError = Self.storeError(error, while: what)
            if storeError.isTransient {
                logger.error("store write failed", metadata: ["error": "\(storeError.message)"])
            }
            throw storeError
        }
    }

    private static func storeError(_ error: any Error, while what: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(code: .storage, message: "storage failed while \(what): \(describe(error))")
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.extendedResultCode)" + (error.message.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    private static func document(from row: DocumentRow) -> Document {
        Document(
            id: row.id, name: row.name, contentHash: row.contentHash, text: row.text, mediaType: row.mediaType,
            title: row.title, documentDate: row.documentDate,
            provenance: Provenance(
                origin: row.origin, publisher: row.publisher, publishedAt: row.publishedAt,
                retrievedAt: row.retrievedAt.map(StoreTime.date)))
    }

    private static func summary(from row: Row) -> DocumentSummary {
        let retrievedAt: Int64? = row["retrievedAt"]
        let analyzedAt: Int64? = row["analyzedAt"]
        return DocumentSummary(
            id: row["id"], name: row["name"], title: row["title"], documentDate: row["documentDate"],
            provenance: Provenance(
                origin: row["origin"], publisher: row["publisher"], publishedAt: row["publishedAt"],
                retrievedAt: retrievedAt.map(StoreTime.date)),
            characters: row["characters"], storedAt: StoreTime.date(row["storedAt"]),
            analyzedAt: analyzedAt.map(StoreTime.date))
    }

    /// The reconstructed results of these analyses, in the same order, with the contradictions found by their
    /// documents' crosschecks and the latest credibility of each quantity.
    private static func results(of analyses: [AnalysisRow], _ db: Database) throws -> [AnalysisResult] {
        var itemsByJob: [String: [ResultCoding.Item]] = [:]
        for chunk in chunks(of: analyses.map(\.jobId)) {
            let rows = try ResultItemRow.filter(chunk.contains(ResultItemRow.Columns.jobId)).fetchAll(db)
            for row in rows {
                itemsByJob[row.jobId, default: []].append(
                    ResultCoding.Item(
                        kind: row.kind, ordinal: row.ordinal,
                        span: row.spanStart.flatMap { start in row.spanEnd.map { TextSpan(start: start, end: $0) } },
                        body: row.body))
            }
        }
        let decoder = WireCoding.makeDecoder()
        var contradictions: [String: [Contradiction]] = [:]
        var credibility: [String: [TextSpan: Int]] = [:]
        for chunk in chunks(of: Set(analyses.map(\.documentId)).sorted()) {
            for row in try SQLiteStatements.contradictions(documentIds: chunk).fetchAll(db) {
                contradictions[row.documentId, default: []].append(
                    try decoder.decode(Contradiction.self, from: Data(row.body.utf8)))
            }
            for row in try SQLiteStatements.assessments(documentIds: chunk).fetchAll(db) {
                credibility[row.documentId, default: [:]][TextSpan(start: row.spanStart, end: row.spanEnd)] =
                    row.credibility
            }
        }
        return try analyses.map { analysis in
            var result = try ResultCoding.join(body: analysis.body, items: itemsByJob[analysis.jobId] ?? [])
            result.contradictions += contradictions[analysis.documentId] ?? []
            if let credibility = credibility[analysis.documentId] {
                for index in result.quantities.indices {
                    if let grade = credibility[result.quantities[index].span] {
                        result.quantities[index].credibility = grade
                    }
                }
            }
            return result
        }
    }

    /// Splits ids into lists short enough for one `IN (…)`.
    private static func chunks(of ids: [String], size: Int = 500) -> [[String]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }
}

extension SQLiteStore {
    /// Opens the store in `tumen.sqlite` inside a data directory, with default settings.
    public convenience init(directory: String, logger: Logger = Logger(label: "tumen.storage")) throws {
        try self.init(configuration: .directory(directory), logger: logger)
    }
}
