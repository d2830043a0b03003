import Foundation
import GRDB
import Logging
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
        /// The largest the database may grow, in bytes, or nil for no limit (then only the disk limits it).
        ///
        /// Applied as SQLite's `max_page_count` on every connection: a write that would grow the database beyond it
        /// fails exactly as on a full disk, with ``StoreError/Code/storageFull``, and changes nothing. The write-ahead
        /// log, a few megabytes between checkpoints, comes on top. A database already larger than the limit keeps
        /// its size and takes only what fits in its free pages.
        public var maxStoreBytes: Int64?
        /// How many dead letters are kept: recording one more drops the oldest, so that a client sending garbage
        /// cannot fill the disk the documents need.
        public var maxDeadLetters: Int

        public init(
            location: Location, leaseDuration: TimeInterval = 15, maxAttempts: Int = 5, busyTimeout: TimeInterval = 5,
            maxCandidateClaims: Int = 5000, maxStoreBytes: Int64? = nil, maxDeadLetters: Int = 50_000
        ) {
            self.location = location
            self.leaseDuration = leaseDuration
            self.maxAttempts = maxAttempts
            self.busyTimeout = busyTimeout
            self.maxCandidateClaims = maxCandidateClaims
            self.maxStoreBytes = maxStoreBytes
            self.maxDeadLetters = maxDeadLetters
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

    /// Opens (creating when needed) the store and brings its schema up to date.
    public init(configuration: Configuration, logger: Logger = Logger(label: "tumen.storage")) throws {
        guard configuration.maxAttempts >= 1, configuration.leaseDuration > 0, configuration.maxCandidateClaims >= 1,
            (configuration.maxStoreBytes ?? 1) > 0, configuration.maxDeadLetters >= 1
        else {
            throw StoreError(
                code: .invalidRequest,
                message: "the store needs maxAttempts ≥ 1, a positive lease duration, maxCandidateClaims ≥ 1, "
                    + "maxDeadLetters ≥ 1 and a positive maxStoreBytes when it has one (got "
                    + "\(configuration.maxAttempts), \(configuration.leaseDuration) s, "
                    + "\(configuration.maxCandidateClaims), \(configuration.maxDeadLetters) and "
                    + "\(configuration.maxStoreBytes.map(String.init) ?? "none"))")
        }
        self.configuration = configuration
        self.logger = logger

        var database = GRDB.Configuration()
        database.label = "tumen"
        database.foreignKeysEnabled = true
        database.busyMode = .timeout(configuration.busyTimeout)
        if let maxStoreBytes = configuration.maxStoreBytes {
            database.prepareDatabase { db in
                let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maxStoreBytes / pageSize))")
            }
        }

        switch configuration.location {
        case .directory(let directory):
            let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                writer = try DatabasePool(path: path, configuration: database)
            } catch {
                throw Self.fullStoreError(error, while: "opening the store", configuration: configuration)
                    ?? StoreError(
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
            throw Self.fullStoreError(error, while: "bringing the schema up to date", configuration: configuration)
                ?? StoreError(
                    code: .storage,
                    message: "cannot bring the store's schema up to date at \(databasePath ?? ":memory:"): "
                        + Self.describe(error))
        }
        if let maxStoreBytes = configuration.maxStoreBytes {
            let size = try? writer.read { db in
                (try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
                    * (try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
            }
            if let size, size > maxStoreBytes {
                logger.warning(
                    """
                    the store is already larger than max-store-bytes: it keeps its size and takes only what fits in \
                    its free pages; raise the limit to store more
                    """,
                    metadata: ["bytes": "\(size)", "maxStoreBytes": "\(maxStoreBytes)"])
            }
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
            if try SQLiteStatements.insertDocument(row).fetchAll(db).first != nil {
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
            while let job = try lease.fetchAll(db).first {
                if job.state == JobRow.State.failed {
                    logger.warning(
                        "job failed: too many attempts",
                        metadata: [
                            "job": "\(job.id)", "attempts": "\(job.attempts)", "reason": "\(job.lastError ?? "")",
                        ])
                    try Self.finishWithoutCrosscheck(job, now: nowMillis, db)
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

        let nowMillis = StoreTime.millis(now)
        return try await write("committing the result of job \(result.jobId)") { db in
            guard
                let job = try SQLiteStatements.completeJob(id: result.jobId, workerId: result.workerId, now: nowMillis)
                    .fetchAll(db).first
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
            ).fetchAll(db).first {
                if job.state == JobRow.State.failed {
                    logger.warning(
                        "job failed: too many attempts",
                        metadata: ["job": "\(job.id)", "attempts": "\(job.attempts)", "reason": "\(failed.reason)"])
                    try Self.finishWithoutCrosscheck(job, now: nowMillis, db)
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
            try renew.fetchAll(db).first.map { _ in StoreTime.date(deadline) }
        }
    }

    public func releaseLeases(heldBy workerId: String, now: Date) async throws -> Int {
        let release = SQLiteStatements.releaseLeases(workerId: workerId, now: StoreTime.millis(now))
        return try await write("ending the leases of silent worker \(workerId)") { db in
            try release.fetchAll(db).count
        }
    }

    public func nextLeaseDeadline() async throws -> Date? {
        try await read("reading lease deadlines") { db in
            try SQLiteStatements.nextLeaseDeadline.fetchOne(db).map(StoreTime.date)
        }
    }

    // MARK: Status

    public func queueDepths() async throws -> QueueDepths {
        try await read("counting the work waiting") { db in
            guard let row = try SQLiteStatements.queueDepths.fetchOne(db) else {
                throw StoreError(code: .storage, message: "the queue depth query returned no row")
            }
            return QueueDepths(
                jobsQueued: row["jobsQueued"], jobsLeased: row["jobsLeased"], documentsPending: row["documentsPending"])
        }
    }

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
        let until = StoreTime.millis(query.until)
        let topic = query.topic == "all" ? nil : query.topic
        // One read transaction: a snapshot holds every commit numbered up to some n and none after, because the
        // numbers are taken in commit order (see `SQLiteStatements.nextCommitSeq`). Nothing is written: the window
        // is fixed by what `recordDigest` records, so a storage that dies here leaves nothing behind.
        return try await read("reading digest material for \(query.cadence) \(query.topic)") { db in
            let last = try SQLiteStatements.lastDigest(cadence: query.cadence, topic: query.topic).fetchOne(db)
            let start: Int64 = last?["windowEnd"] ?? 0
            let after: Int64 = last?["throughSeq"] ?? 0
            guard start <= until else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "digest window for \(query.cadence) \(query.topic) would end at "
                        + "\(Timestamp.format(query.until)), before the last recorded window ended "
                        + "(\(Timestamp.format(StoreTime.date(start)))); is the clock behind?")
            }
            let analyses = try SQLiteStatements.windowAnalyses(after: after, until: until, topic: topic).fetchAll(db)
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
                windowEnd: StoreTime.date(until), documents: documents, results: results,
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
            let (after, through) = try Self.coverage(of: digest, db)
            var stored = digest
            stored.seq = try SQLiteStatements.nextSeq(pubSubTopic: digest.pubSubTopic).fetchOne(db) ?? 1
            let body = String(decoding: try WireCoding.makeEncoder().encode(stored), as: UTF8.self)
            let row = DigestRow(
                id: stored.id, cadence: stored.cadence, topic: stored.topic, pubSubTopic: stored.pubSubTopic,
                seq: stored.seq, windowStart: windowStart, windowEnd: windowEnd, body: body, recordedAt: nowMillis,
                afterSeq: after, throughSeq: through)
            if let seq = try SQLiteStatements.insertDigest(row).fetchAll(db).first {
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
            let oldestKept = id - Int64(self.configuration.maxDeadLetters)
            try DeadLetterRow.filter(DeadLetterRow.Columns.id <= oldestKept).deleteAll(db)
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

    /// Takes the next commit number, inside the caller's write transaction.
    private static func nextCommitSeq(_ db: Database) throws -> Int64 {
        guard let seq = try SQLiteStatements.nextCommitSeq.fetchAll(db).first else {
            throw StoreError(
                code: .storage, message: "the store has no commit sequence row; its schema is damaged")
        }
        return seq
    }

    /// When a failed job is a document's crosscheck that will not be tried again, the document no longer waits
    /// for it: its analysis moves to the end of the commit sequence and enters the next digest window.
    private static func finishWithoutCrosscheck(_ job: JobRow, now: Int64, _ db: Database) throws {
        guard job.state == JobRow.State.failed, JobKind(rawValue: job.kind) == .crosscheckClaims else { return }
        try db.execute(
            literal: SQLiteStatements.moveToCommit(
                documentId: job.documentId ?? job.subject, seq: try nextCommitSeq(db), at: now))
    }

    /// The stretch of commit numbers a digest covers: after the last one the previous digest of its cadence and
    /// topic covered, through the last analysis it lists.
    ///
    /// Refuses a digest that does not list exactly the documents of that stretch, or whose window starts before the
    /// previous one ended (it was made from material read before another digest of its cadence and topic was
    /// recorded, or without some of its window's documents), so that no analysis is ever in two windows of a cadence
    /// and topic, or in none, and windows never overlap.
    private static func coverage(of digest: Digest, _ db: Database) throws -> (after: Int64, through: Int64) {
        let last = try SQLiteStatements.lastDigest(cadence: digest.cadence, topic: digest.topic).fetchOne(db)
        let after: Int64 = last?["throughSeq"] ?? 0
        let lastEnd: Int64 = last?["windowEnd"] ?? 0
        let listed = Set(digest.documents.map(\.id))
        var seqs: [String: Int64] = [:]
        for chunk in chunks(of: listed.sorted()) {
            for row in try SQLiteStatements.commitSeqs(documentIds: chunk).fetchAll(db) {
                let documentId: String = row["documentId"]
                let seq: Int64 = row["commitSeq"]
                seqs[documentId] = max(seqs[documentId] ?? seq, seq)
            }
        }
        func names(_ ids: some Collection<String>) -> String {
            let sorted = ids.sorted()
            return sorted.prefix(5).joined(separator: ", ") + (sorted.count > 5 ? " and \(sorted.count - 5) more" : "")
        }
        let unanalysed = listed.subtracting(seqs.keys)
        guard unanalysed.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "digest \(digest.id) lists documents without a committed analysis: \(names(unanalysed))")
        }
        let covered = seqs.filter { $0.value <= after }.keys
        guard covered.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "digest \(digest.id) lists documents already in a recorded digest of \(digest.pubSubTopic) "
                    + "(\(names(covered))): another digest of its cadence and topic was recorded after its material "
                    + "was read; read the material again (digest.query) and make the digest anew")
        }
        guard StoreTime.millis(digest.windowStart) >= lastEnd else {
            throw StoreError(
                code: .invalidRequest,
                message: "digest \(digest.id) starts at \(Timestamp.format(digest.windowStart)), before the last "
                    + "recorded window of \(digest.pubSubTopic) ended (\(Timestamp.format(StoreTime.date(lastEnd)))): "
                    + "it was made from material read before that one was recorded; read the material again "
                    + "(digest.query) and make the digest anew")
        }
        let through = seqs.values.max() ?? after
        let window = Set(
            try SQLiteStatements.windowDocumentIds(
                after: after, through: through, topic: digest.topic == "all" ? nil : digest.topic
            ).fetchAll(db))
        guard window == listed else {
            throw StoreError(
                code: .invalidRequest,
                message: "digest \(digest.id) does not list the documents of its window: "
                    + [
                        window.subtracting(listed).isEmpty ? nil : "missing \(names(window.subtracting(listed)))",
                        listed.subtracting(window).isEmpty ? nil : "not in it \(names(listed.subtracting(window)))",
                    ].compactMap { $0 }.joined(separator: "; ")
                    + "; make it from the material of digest.query")
        }
        return (after, through)
    }

    /// Inserts an analysis with its topics, items and claim index rows, and queues the document's crosscheck when
    /// it has quantities.
    private static func commitAnalysis(
        _ analysis: AnalysisResult, parts: ResultCoding.Parts, job: JobRow, documentId: String, now: Int64,
        _ db: Database
    ) throws {
        try AnalysisRow(
            jobId: job.id, documentId: documentId, analyzer: analysis.analyzer, sentenceCount: analysis.sentenceCount,
            topics: analysis.topics, body: parts.body, analyzedAt: now, commitSeq: try nextCommitSeq(db)
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
        try db.execute(
            literal: SQLiteStatements.moveToCommit(documentId: documentId, seq: try nextCommitSeq(db), at: now))
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
            throw storeError(error, while: what)
        }
    }

    private func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        do {
            return try await writer.write(body)
        } catch {
            let failure = storeError(error, while: what)
            if failure.isTransient {
                logger.error(
                    "store write failed", metadata: ["code": "\(failure.code)", "error": "\(failure.message)"])
            }
            throw failure
        }
    }

    private func storeError(_ error: any Error, while what: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return Self.fullStoreError(error, while: what, configuration: configuration)
            ?? StoreError(code: .storage, message: "storage failed while \(what): \(Self.describe(error))")
    }

    /// Below this many free bytes on the data directory's file system, an I/O error is taken for a full disk.
    static let lowSpaceBytes: Int64 = 1 << 20

    /// The error of a store that cannot grow, or nil when `error` is something else: SQLite's `SQLITE_FULL` (the
    /// disk is full, or the database reached ``Configuration/maxStoreBytes``), or an I/O error while the data
    /// directory's file system has (almost) no space left. SQLite has rolled the transaction back: nothing stored
    /// before is lost or changed.
    static func fullStoreError(_ error: any Error, while what: String, configuration: Configuration) -> StoreError? {
        guard let error = error as? DatabaseError else { return nil }
        let directory: String?
        if case .directory(let path) = configuration.location { directory = path } else { directory = nil }
        let freeBytes = directory.flatMap(Self.freeBytes(at:))
        let isDiskLow = freeBytes.map { $0 < lowSpaceBytes } ?? false
        switch error.resultCode {
        case .SQLITE_FULL: break
        case .SQLITE_IOERR where isDiskLow: break
        default: return nil
        }
        let cause: String
        let remedy: String
        switch (configuration.maxStoreBytes, directory) {
        case (let limit?, let directory?) where !isDiskLow:
            cause = "the database reached max-store-bytes (\(limit) bytes)"
            remedy = "raise max-store-bytes (TUMEN_MAX_STORE_BYTES) of the store in the data directory \(directory)"
        case (let limit?, nil):
            cause = "the database reached max-store-bytes (\(limit) bytes)"
            remedy = "raise max-store-bytes (TUMEN_MAX_STORE_BYTES)"
        case (_, let directory?):
            cause =
                "the file system of the data directory \(directory) "
                + (freeBytes.map { "has \($0) bytes free" } ?? "is full")
            remedy = "free space on that file system, or move the data directory to a larger one"
        case (nil, nil):
            cause = "SQLite could not grow the in-memory database"
            remedy = "give the process more memory"
        }
        return StoreError(
            code: .storageFull,
            message: "the store is full: \(cause), so storage could not finish \(what) (\(describe(error))); "
                + "nothing already stored was lost. To store more, \(remedy)")
    }

    /// The bytes an unprivileged process may still write on the file system holding `path`.
    private static func freeBytes(at path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: path) else { return nil }
        switch attributes[.systemFreeSize] {
        case let value as Int64: return value
        case let value as UInt64: return Int64(clamping: value)
        case let value as Int: return Int64(value)
        case let value as NSNumber: return value.int64Value
        default: return nil
        }
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
