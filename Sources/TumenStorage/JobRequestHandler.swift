import Foundation
import Logging
import TumenProtocol

/// Handles the frames of storage's `jobs` socket: workers ask for jobs, return results and report failures.
///
/// - `worker.ready` → `job.assign` when a job is available; otherwise no reply now: the executable keeps the
///   worker (by its ROUTER identity) in a waiting list and later calls ``assignJob(toWaitingWorker:now:)``.
/// - `job.result` → `job.ack` (`committed`, `duplicate` or `unknown-job`), for `analyze.document` and
///   `crosscheck.claims` jobs alike; committing an analysis may queue the document's crosscheck.
/// - `job.failed` → `job.ack` (`failed-recorded`, `duplicate` or `unknown-job`).
/// - `job.heartbeat` → `job.heartbeat`: renews the lease of the job it names while the worker still holds it, and
///   answers with the new deadline (none when the worker does not hold the job).
/// - anything else, or anything undecodable → `error` reply and a dead letter.
///
/// How the executable drives it: for every frame, call ``handle(_:now:)``; send ``Handled/reply`` if there is
/// one; if ``Handled/waitingWorker`` is set, remember it with the peer's identity (replacing an older entry of the
/// same peer). Offer jobs to the waiting workers, oldest first, with ``assignJob(toWaitingWorker:now:)`` until
/// one gets nil: whenever ``Handled/jobsMayBeAvailable`` or ``StoreRequestHandler/Handled/jobsMayBeAvailable``
/// is true, and on a timer (about every second, or at ``Store/nextLeaseDeadline()``) because leases expire and
/// other storage replicas may queue jobs. The waiting list is not durable state: a worker that hears nothing
/// sends `worker.ready` again.
public struct JobRequestHandler: Sendable {
    /// A worker that asked for a job when none was available.
    public struct WaitingWorker: Sendable, Hashable {
        public var workerId: String
        public var kinds: [JobKind]
        /// The id of its `worker.ready`: the `correlationId` of the `job.assign` it eventually gets.
        public var requestId: String
        public var since: Date

        public init(workerId: String, kinds: [JobKind], requestId: String, since: Date) {
            self.workerId = workerId
            self.kinds = kinds
            self.requestId = requestId
            self.since = since
        }
    }

    /// What to do after one frame.
    public struct Handled: Sendable, Equatable {
        /// The frame to send back to the peer, or nil when the worker waits for a job.
        public var reply: Data?
        /// Set when a `worker.ready` found no job: keep the worker in the waiting list.
        public var waitingWorker: WaitingWorker?
        /// True when a job may have been queued (a committed result may queue the next job of its document) or went
        /// back to the queue: offer jobs to waiting workers.
        public var jobsMayBeAvailable: Bool

        public init(reply: Data?, waitingWorker: WaitingWorker? = nil, jobsMayBeAvailable: Bool = false) {
            self.reply = reply
            self.waitingWorker = waitingWorker
            self.jobsMayBeAvailable = jobsMayBeAvailable
        }
    }

    /// The message types this socket accepts.
    public static let acceptedTypes: [MessageType] = [
        WorkerReady.type, JobResult.type, JobFailed.type, JobHeartbeat.type,
    ]

    private let store: any Store
    private let leaseDuration: TimeInterval?
    private let responder: FrameResponder
    private let logger: Logger

    /// - Parameter leaseDuration: how long a worker holds a job; nil for the store's configured default.
    public init(
        store: any Store, leaseDuration: TimeInterval? = nil, logger: Logger = Logger(label: "tumen.storage.jobs")
    ) {
        self.store = store
        self.leaseDuration = leaseDuration
        self.logger = logger
        self.responder = FrameResponder(store: store, service: "storage", socket: "jobs", logger: logger)
    }

    /// Refuses a message that is not one request (``DecodingFailure/Code/invalidFraming``): keeps its body as a
    /// dead letter and returns the `error` reply.
    public func refuse(_ frame: Data, _ failure: DecodingFailure, now: Date = Date()) async -> Data {
        await responder.refuse(frame, failure, now: now)
    }

    /// Handles one frame from a worker.
    public func handle(_ frame: Data, now: Date = Date()) async -> Handled {
        await responder.respond(to: frame, now: now, answer: { Handled(reply: $0) }) { header in
            try await dispatch(frame, header: header, now: now)
        }
    }

    /// Leases a job to a waiting worker: the `job.assign` frame to send it, or nil when there is still no job
    /// (keep it waiting) or the store failed (logged; try again later).
    public func assignJob(toWaitingWorker worker: WaitingWorker, now: Date = Date()) async -> Data? {
        do {
            guard
                let assign = try await store.leaseNextJob(
                    workerId: worker.workerId, kinds: worker.kinds, now: now, leaseDuration: leaseDuration)
            else { return nil }
            logLease(assign, to: worker.workerId)
            return responder.reply(assign, to: worker.requestId, now: now)
        } catch {
            logger.error("cannot lease a job", metadata: ["worker": "\(worker.workerId)", "error": "\(error)"])
            return nil
        }
    }

    private func dispatch(_ frame: Data, header: EnvelopeHeader, now: Date) async throws -> Handled {
        switch header.type {
        case WorkerReady.type:
            let ready = try responder.decode(WorkerReady.self, frame).payload
            guard !ready.workerId.isEmpty, !ready.kinds.isEmpty else {
                throw DecodingFailure(
                    code: .invalidPayload,
                    message: "a 'worker.ready' needs a workerId and at least one job kind (e.g. "
                        + "\(JobKind.analyzeDocument.rawValue))",
                    messageID: header.id)
            }
            guard
                let assign = try await store.leaseNextJob(
                    workerId: ready.workerId, kinds: ready.kinds, now: now, leaseDuration: leaseDuration)
            else {
                return Handled(
                    reply: nil,
                    waitingWorker: WaitingWorker(
                        workerId: ready.workerId, kinds: ready.kinds, requestId: header.id, since: now))
            }
            logLease(assign, to: ready.workerId)
            return Handled(reply: responder.reply(assign, to: header.id, now: now))

        case JobResult.type:
            let result = try responder.decode(JobResult.self, frame).payload
            let ack = try await store.commitResult(result, now: now)
            logger.log(
                level: ack.status == JobAckStatus.duplicate ? .info : .debug, "job result",
                metadata: ["job": "\(result.jobId)", "worker": "\(result.workerId)", "status": "\(ack.status)"])
            return Handled(
                reply: responder.reply(ack, to: header.id, now: now),
                jobsMayBeAvailable: ack.status == JobAckStatus.committed)

        case JobFailed.type:
            let failed = try responder.decode(JobFailed.self, frame).payload
            let ack = try await store.recordJobFailure(failed, now: now)
            logger.warning(
                "worker reported a failed job",
                metadata: ["job": "\(failed.jobId)", "worker": "\(failed.workerId)", "reason": "\(failed.reason)"])
            return Handled(
                reply: responder.reply(ack, to: header.id, now: now),
                jobsMayBeAvailable: ack.status == JobAckStatus.failedRecorded)

        case JobHeartbeat.type:
            let heartbeat = try responder.decode(JobHeartbeat.self, frame).payload
            var answer = JobHeartbeat(workerId: heartbeat.workerId, jobId: heartbeat.jobId)
            if let jobId = heartbeat.jobId {
                answer.leaseExpiresAt = try await store.renewLease(
                    jobId: jobId, workerId: heartbeat.workerId, now: now, leaseDuration: leaseDuration)
                if answer.leaseExpiresAt == nil {
                    // The lease expired, or the result was committed just before this heartbeat was handled.
                    logger.debug(
                        "heartbeat for a job the worker no longer holds",
                        metadata: ["job": "\(jobId)", "worker": "\(heartbeat.workerId)"])
                }
            }
            return Handled(reply: responder.reply(answer, to: header.id, now: now))

        default:
            throw DecodingFailure(
                code: .unknownType,
                message: "storage's jobs socket does not handle '\(header.type)' messages; it takes "
                    + Self.acceptedTypes.map(\.rawValue).joined(separator: ", "),
                messageID: header.id)
        }
    }

    private func logLease(_ assign: JobAssign, to workerId: String) {
        logger.debug(
            "job leased",
            metadata: ["job": "\(assign.jobId)", "worker": "\(workerId)", "attempt": "\(assign.attempt)"])
    }
}
