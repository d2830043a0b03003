import CoreMetrics
import Dispatch
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TumenAnalysis
import TumenProtocol
import TumenService
import TumenTransport

/// An analysis worker: asks storage's `jobs` socket for work (`worker.ready`), analyses the leased document and
/// returns all its results in one `job.result`.
///
/// The worker holds no state worth keeping: if it dies, its lease expires and storage gives the job to another
/// worker. It heartbeats (Paranoid Pirate): every `heartbeatInterval` it sends `job.heartbeat` naming the job in
/// hand, so storage keeps extending that lease while the worker is alive however long the job takes. It
/// re-announces itself while idle, so a restarted storage learns about it again, and when storage has been silent
/// for `silenceLimit` it closes its DEALER and connects a new one. Its `system.health` goes to storage on the same
/// connection, and storage publishes it. On graceful shutdown (SIGTERM) it takes no new job, finishes the one in
/// hand and waits (at most `ackLimit`) until storage acknowledged its result before it exits.
struct AnalysisWorker: Service {
    let jobsEndpoint: String
    let analyzer: Analyzer
    let crosscheck: Crosscheck
    let workerId: String
    let logger: Logger
    /// How long an idle worker waits before saying `worker.ready` again.
    let readyInterval: Duration = .seconds(3)
    /// How often the worker sends `job.heartbeat`.
    let heartbeatInterval: Duration = .seconds(2)
    /// How long an idle worker bears silence from storage before it reconnects.
    let silenceLimit: Duration = .seconds(10)
    /// How long a worker that is shutting down waits for storage to acknowledge its last result.
    let ackLimit: Duration = .seconds(10)
    /// How long a worker that is shutting down while idle still takes a job storage may have leased it just before.
    let drainGrace: Duration = .seconds(1)
    /// Where analyses run, off the concurrency pool, so that heartbeats keep going during a long job.
    private let analysisQueue = DispatchQueue(label: "tumen.analysis.jobs")
    /// The connection to storage in use, if any.
    private let current = ConnectionSlot()
    private let health: HealthPublisher
    private let security: TransportSecurity

    init(
        jobsEndpoint: String, workerId: String, healthInterval: Duration, analyzer: Analyzer, crosscheck: Crosscheck,
        security: TransportSecurity, logger: Logger
    ) {
        self.jobsEndpoint = jobsEndpoint
        self.analyzer = analyzer
        self.crosscheck = crosscheck
        self.workerId = workerId
        self.security = security
        self.logger = logger
        let current = self.current
        health = HealthPublisher(
            service: "analysis", instance: workerId, interval: healthInterval, endpoints: ["jobs": jobsEndpoint],
            logger: logger,
            probe: {
                let jobs = current.connection.withLock { $0?.state.withLock { $0.jobId == nil ? 0 : 1 } } ?? 0
                return HealthPublisher.Probe(
                    state: Task.isShuttingDownGracefully ? .draining : jobs > 0 ? .busy : .ready,
                    queues: ["jobsInHand": jobs])
            },
            deliver: { envelope in
                guard let connection = current.connection.withLock({ $0 }) else { return }
                try connection.reactor.send([envelope], on: "jobs")
            })
        logger.info("analysis worker starting", metadata: ["worker": "\(workerId)", "jobs": "\(jobsEndpoint)"])
    }

    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await health.run() }
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                let reactor = try SocketReactor(
                    name: "analysis",
                    sockets: [
                        try security.client(
                            SocketDescriptor(
                                name: "jobs", type: .dealer, connect: [jobsEndpoint],
                                options: SocketOptions(maxMessageSize: 256 << 20)))
                    ])
                let connection = Connection(reactor: reactor)
                current.connection.withLock { $0 = connection }
                let storageWentSilent = await serve(connection)
                current.connection.withLock { $0 = nil }
                reactor.shutdown()
                await reactor.waitUntilStopped()
                guard storageWentSilent else { break }
                logger.warning(
                    "storage has been silent; reconnecting",
                    metadata: ["worker": "\(workerId)", "silence": "\(silenceLimit)"])
            }
            group.cancelAll()
        }
    }

    /// One DEALER connection to storage and what the worker knows about it.
    private final class Connection: Sendable {
        struct State {
            var lastHeard = ContinuousClock.now
            var lastReady = ContinuousClock.now
            var lastHeartbeat = ContinuousClock.now
            /// The job in hand.
            var jobId: String?
            /// The job whose result was sent and not yet acknowledged, and when it was sent.
            var unacknowledged: (jobId: String, since: ContinuousClock.Instant)?
            /// When graceful shutdown began.
            var drainingSince: ContinuousClock.Instant?
            var isSilent = false

            var isDraining: Bool { drainingSince != nil }

            /// Whether a draining worker has nothing left to finish or to hear about, and a job leased to it just
            /// before it began draining would have arrived by now.
            func isDrained(grace: Duration) -> Bool {
                guard let drainingSince, jobId == nil, unacknowledged == nil else { return false }
                return ContinuousClock.now - drainingSince >= grace
            }
        }

        let reactor: SocketReactor
        let state = Mutex(State())

        init(reactor: SocketReactor) { self.reactor = reactor }
    }

    /// The connection in use, shared with the health publisher.
    private final class ConnectionSlot: Sendable {
        let connection = Mutex<Connection?>(nil)
    }

    /// Serves one connection until graceful shutdown (false) or until storage goes silent (true).
    private func serve(_ connection: Connection) async -> Bool {
        connection.reactor.start()
        return await withDiscardingTaskGroup(returning: Bool.self) { group in
            group.addTask { await keepAlive(connection) }
            sendReady(on: connection)
            await withGracefulShutdownHandler {
                for await message in connection.reactor.inbound {
                    guard let frame = message.frames.last else { continue }
                    connection.state.withLock { $0.lastHeard = .now }
                    await handle(frame, on: connection)
                    if connection.state.withLock({ $0.isDrained(grace: drainGrace) }) { connection.reactor.shutdown() }
                }
            } onGracefulShutdown: {
                connection.state.withLock { $0.drainingSince = .now }
            }
            group.cancelAll()
            return connection.state.withLock { $0.isSilent }
        }
    }

    /// Sends heartbeats, repeats `worker.ready` while idle, and ends the connection when storage is silent.
    private func keepAlive(_ connection: Connection) async {
        while !Task.isCancelled {
            let now = ContinuousClock.now
            let due = connection.state.withLock { state -> (heartbeat: Bool, ready: Bool, stop: Bool, job: String?) in
                // While a job is in hand the worker cannot act on silence anyway; it checks once the job is done.
                if state.jobId == nil, now - state.lastHeard > silenceLimit, !state.isDraining {
                    state.isSilent = true
                    return (false, false, true, nil)
                }
                // A draining worker stops when it is done, or when an acknowledgement does not come: the result is
                // committed or the lease expires and the job goes to another worker.
                if state.isDrained(grace: drainGrace) {
                    return (false, false, true, nil)
                }
                if state.isDraining, state.jobId == nil, let sent = state.unacknowledged, now - sent.since > ackLimit {
                    return (false, false, true, nil)
                }
                let heartbeat = now - state.lastHeartbeat >= heartbeatInterval
                if heartbeat { state.lastHeartbeat = now }
                let ready = state.jobId == nil && !state.isDraining && now - state.lastReady >= readyInterval
                if ready { state.lastReady = now }
                return (heartbeat, ready, false, state.jobId)
            }
            if due.stop {
                connection.reactor.shutdown()
                return
            }
            if due.heartbeat { send(JobHeartbeat(workerId: workerId, jobId: due.job), on: connection) }
            if due.ready { sendReady(on: connection) }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    private func handle(_ frame: Data, on connection: Connection) async {
        let header: EnvelopeHeader
        do {
            header = try WireCoding.decodeHeader(frame)
        } catch {
            logger.error("unreadable message from storage: \(error)")
            return
        }
        switch header.type {
        case JobAssign.type:
            do {
                let assign = try WireCoding.decode(JobAssign.self, from: frame).payload
                connection.state.withLock { $0.jobId = assign.jobId }
                let reply = await analysisQueue.run { process(assign) }
                Counter(
                    label: reply is JobFailed ? "jobs_failed" : "jobs_done",
                    dimensions: [("kind", assign.kind.rawValue)]
                )
                .increment()
                connection.state.withLock { $0.unacknowledged = (assign.jobId, .now) }
                send(reply, on: connection)
            } catch {
                logger.error("unreadable job.assign: \(error)")
            }
            let isDraining = connection.state.withLock { state in
                state.jobId = nil
                // Give storage a full silence period to answer the result before judging it silent.
                state.lastHeard = .now
                return state.isDraining
            }
            if !isDraining { sendReady(on: connection) }
        case JobAck.type:
            if let ack = try? WireCoding.decode(JobAck.self, from: frame).payload {
                let isDraining = connection.state.withLock { state in
                    if state.unacknowledged?.jobId == ack.jobId { state.unacknowledged = nil }
                    return state.isDraining
                }
                logger.log(
                    level: ack.status == "duplicate" || isDraining ? .info : .debug,
                    isDraining ? "job acknowledged; shutting down" : "job acknowledged",
                    metadata: ["job": "\(ack.jobId)", "status": "\(ack.status)"])
            }
        case JobHeartbeat.type:
            // Storage is alive (noted above); the renewed deadline needs no action.
            break
        default:
            logger.warning("unexpected '\(header.type)' on the jobs socket")
        }
    }

    /// Analyses one job and returns the message that answers it.
    private func process(_ assign: JobAssign) -> any Message {
        let started = ContinuousClock.now
        switch (assign.kind, assign.document, assign.claims) {
        case (.analyzeDocument, let document?, _):
            let result = analyzer.analyze(document)
            logger.info(
                "analysed",
                metadata: [
                    "job": "\(assign.jobId)", "document": "\(document.name)", "attempt": "\(assign.attempt)",
                    "quantities": "\(result.quantities.count)", "events": "\(result.events.count)",
                    "entities": "\(result.entities.count)", "elapsed": "\(ContinuousClock.now - started)",
                ])
            return JobResult(jobId: assign.jobId, workerId: workerId, contentHash: document.contentHash, result: result)
        case (.crosscheckClaims, _, let claims?):
            let result = crosscheck.run(claims)
            logger.info(
                "crosschecked",
                metadata: [
                    "job": "\(assign.jobId)", "claims": "\(claims.subject.count)",
                    "candidates": "\(claims.candidates.count)", "contradictions": "\(result.contradictions.count)",
                    "elapsed": "\(ContinuousClock.now - started)",
                ])
            return JobResult(
                jobId: assign.jobId, workerId: workerId, contentHash: claims.contentHash, crosscheck: result)
        default:
            return JobFailed(
                jobId: assign.jobId, workerId: workerId,
                reason: "this worker cannot do '\(assign.kind.rawValue)' jobs, or the job carries no input")
        }
    }

    private func sendReady(on connection: Connection) {
        connection.state.withLock { $0.lastReady = .now }
        send(WorkerReady(workerId: workerId, kinds: [.analyzeDocument, .crosscheckClaims]), on: connection)
    }

    private func send(_ payload: some Message, on connection: Connection) {
        do {
            try connection.reactor.send([try WireCoding.encode(Envelope(payload: payload))], on: "jobs")
        } catch {
            logger.error("could not send \(type(of: payload).type): \(error)")
        }
    }
}

extension DispatchQueue {
    /// Runs blocking `work` on this queue and returns its result without holding a thread of the concurrency pool.
    fileprivate func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            self.async { continuation.resume(returning: work()) }
        }
    }
}
