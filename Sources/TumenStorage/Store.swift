import Foundation
import TumenProtocol

/// The one durable store of Tumen: documents, jobs, analysis results, digests and dead letters.
///
/// Every implementation keeps idempotency in unique keys and conditional statements, never in process memory, so
/// that several storage processes on several hosts may share one database (SQLite now, PostgreSQL later). Every
/// operation that changes anything runs in one transaction: it is committed whole or not at all.
public protocol Store: Sendable {
    /// Stores a document unless one with the same content hash is stored, and queues its analysis job in the same
    /// transaction. A duplicate is reported with the id of the document already stored.
    func storeDocument(_ document: Document, now: Date) async throws -> DocumentStored

    /// The stored document with this id, or nil.
    func document(id: String) async throws -> Document?

    /// Documents whose name, title or text match every word of `query`, best match first.
    func searchDocuments(matching query: String, limit: Int) async throws -> [DocumentSummary]

    /// Leases the next available job of one of `kinds` to a worker, or returns nil when none is available.
    ///
    /// A job is available when it is queued, or leased with a deadline that has passed. Jobs that have been leased
    /// the maximum number of times are marked failed instead (poison-pill protection). `leaseDuration` nil means
    /// the store's configured default.
    ///
    /// An `analyze.document` job comes with its ``JobAssign/document``; a `crosscheck.claims` job with its
    /// ``JobAssign/claims``: the document's quantities, and the quantities of other analysed documents that have
    /// one of their units, most recently analysed first, up to a configured number.
    func leaseNextJob(workerId: String, kinds: [JobKind], now: Date, leaseDuration: TimeInterval?) async throws
        -> JobAssign?

    /// Commits all results of a job and marks it done, in one transaction.
    ///
    /// An `analyze.document` job takes ``JobResult/result``: the analysis is stored, and when it has quantities the
    /// document's `crosscheck.claims` job is queued. A `crosscheck.claims` job takes ``JobResult/crosscheck``: it
    /// replaces the document's contradictions and records the credibility of every claim it assesses, whichever
    /// document the claim is in (a newer assessment of the same claim replaces an older one). Results read back
    /// carry both.
    ///
    /// Answers `committed`, `duplicate` (the job was done before; nothing changes) or `unknown-job`. Throws
    /// ``StoreError`` with code ``StoreError/Code/contentMismatch`` when the result is for other content than the
    /// job's document, and ``StoreError/Code/invalidRequest`` when it carries no result, or not the one its job's
    /// kind takes, or an invalid one.
    func commitResult(_ result: JobResult, now: Date) async throws -> JobAck

    /// Releases a job a worker gave up on: back to the queue, or failed after the maximum number of attempts.
    func recordJobFailure(_ failed: JobFailed, now: Date) async throws -> JobAck

    /// Extends a job's lease to `now + leaseDuration` (nil: the configured default), but only while the job is
    /// leased to this worker (a heartbeat). Returns the new deadline, or nil when the worker does not hold the job.
    func renewLease(jobId: String, workerId: String, now: Date, leaseDuration: TimeInterval?) async throws -> Date?

    /// Ends now the leases a worker holds, because it went silent (no heartbeat for several intervals): its jobs
    /// go to other workers without waiting for their deadlines. Returns how many leases ended. A result that the
    /// worker still sends is accepted if nobody committed one first, as after any expired lease.
    func releaseLeases(heldBy workerId: String, now: Date) async throws -> Int

    /// The earliest deadline among current leases, so that a caller knows when a job may become available again.
    func nextLeaseDeadline() async throws -> Date?

    /// The work waiting in the store, counted cheaply enough to ask every few seconds (``status()`` counts every
    /// table).
    func queueDepths() async throws -> QueueDepths

    /// Counts of what the store holds.
    func status() async throws -> StatusReport

    /// The material of the next digest of a cadence and topic: the documents analysed since the last recorded
    /// digest of the same cadence and topic, in commit order, up to the first one committed at or after
    /// `query.until` (that one and every later one wait for the next window); its window starts where that digest's
    /// ended (or at the epoch) and ends at `query.until`.
    ///
    /// "Since" is counted in commits, not in clock time: every commit that makes a document complete (its
    /// analysis, the crosscheck after it, or that crosscheck giving up for good) takes the next number of a durable
    /// counter in its own transaction, and each recorded digest keeps the last number it covered. So a commit that
    /// lands while a digest is being made, whatever its time stamp, whichever storage process made it, and even if
    /// storage dies between reading and recording, falls into the next window. A document whose crosscheck is queued
    /// or leased is pending: it is in no window until the crosscheck commits or fails for good.
    func digestMaterial(for query: DigestQuery) async throws -> DigestMaterial

    /// Records a digest before it is published, with the next sequence number of its pub/sub topic.
    ///
    /// The digest covers the documents it lists, which must be exactly those of its window as
    /// ``digestMaterial(for:)`` gives them: one listing a document that a digest of the same cadence and topic
    /// recorded since already covers (its material was read before that one was recorded), or leaving out a
    /// document of its window, is refused with ``StoreError/Code/invalidRequest``. Hence no analysis is in two
    /// digests of a cadence and topic, and none is in none.
    ///
    /// Recording the same cadence, topic and window again returns the sequence number recorded before with
    /// `duplicate` true, and changes nothing.
    func recordDigest(_ digest: Digest, now: Date) async throws -> DigestRecorded

    /// One page of recorded digests, for subscribers that missed some: those whose pub/sub topic starts with
    /// `request.topicPrefix`, from `fromSeq` on, recorded at or after `since`, after the position `after`, ordered
    /// by pub/sub topic, then sequence number, at most ``DigestReplay/pageSize`` of them.
    func replayDigests(_ request: DigestReplay) async throws -> DigestReplayed

    /// Keeps a frame that could not be processed; returns its id.
    func recordDeadLetter(_ deadLetter: DeadLetter) async throws -> Int64

    /// The most recent dead letters, newest first.
    func deadLetters(limit: Int) async throws -> [StoredDeadLetter]

    /// Problems found by the database's own integrity and foreign-key checks; empty when the store is sound.
    func integrityCheck() async throws -> [String]
}

extension Store {
    /// The 20 documents that best match every word of `query`.
    public func searchDocuments(matching query: String) async throws -> [DocumentSummary] {
        try await searchDocuments(matching: query, limit: 20)
    }

    /// Leases the next available job for the store's configured lease duration.
    public func leaseNextJob(workerId: String, kinds: [JobKind], now: Date) async throws -> JobAssign? {
        try await leaseNextJob(workerId: workerId, kinds: kinds, now: now, leaseDuration: nil)
    }
}

/// A dead letter as kept by the store, with the id it was given.
public struct StoredDeadLetter: Codable, Sendable, Equatable {
    public var id: Int64
    public var deadLetter: DeadLetter
    /// When storage recorded it (the dead letter's own `receivedAt` says when the frame arrived).
    public var recordedAt: Date

    public init(id: Int64, deadLetter: DeadLetter, recordedAt: Date) {
        self.id = id
        self.deadLetter = deadLetter
        self.recordedAt = recordedAt
    }
}

/// The statuses of a `job.ack`.
public enum JobAckStatus {
    /// The result was committed now.
    public static let committed = "committed"
    /// The job was done before; the result was dropped and nothing changed.
    public static let duplicate = "duplicate"
    /// No job has this id.
    public static let unknownJob = "unknown-job"
    /// The failure was recorded; the job was queued again or, after the maximum number of attempts, failed.
    public static let failedRecorded = "failed-recorded"
}

/// Why a store operation failed.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public var description: String { name }
        /// The database failed (busy, locked, I/O error, corruption). The same request may be retried.
        public static let storage = Code(name: "storage-error")
        /// The store cannot grow: its disk is full, or it reached its configured size limit. Nothing stored before
        /// is lost; the same request succeeds once there is space again.
        public static let storageFull = Code(name: "storage-full")
        /// The request is well-formed but cannot be accepted as it is (missing id, empty window, …).
        public static let invalidRequest = Code(name: "invalid-request")
        /// A job result is for other content than the job's document.
        public static let contentMismatch = Code(name: "content-mismatch")
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// True when retrying the same request later may succeed.
    public var isTransient: Bool { code == .storage || code == .storageFull }
}

/// Jobs by state that are not finished, and documents whose analysis is not committed: what `system.health`
/// reports of the store.
public struct QueueDepths: Sendable, Equatable {
    public var jobsQueued: Int
    public var jobsLeased: Int
    /// Stored documents whose analysis is not committed (queued, leased, or failed).
    public var documentsPending: Int

    public init(jobsQueued: Int, jobsLeased: Int, documentsPending: Int) {
        self.jobsQueued = jobsQueued
        self.jobsLeased = jobsLeased
        self.documentsPending = documentsPending
    }
}
