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
/// worker. It re-announces itself while idle, so a restarted storage learns about it again.
struct AnalysisWorker: Service {
    let reactor: SocketReactor
    let analyzer: Analyzer
    let crosscheck: Crosscheck
    let workerId: String
    let logger: Logger
    /// How long an idle worker waits before saying `worker.ready` again.
    let readyInterval: Duration = .seconds(3)

    init(jobsEndpoint: String, workerId: String, analyzer: Analyzer, crosscheck: Crosscheck, logger: Logger) throws {
        reactor = try SocketReactor(
            name: "analysis",
            sockets: [
                SocketDescriptor(
                    name: "jobs", type: .dealer, bind: [], connect: [jobsEndpoint],
                    options: SocketOptions(maxMessageSize: 256 << 20))
            ])
        self.analyzer = analyzer
        self.crosscheck = crosscheck
        self.workerId = workerId
        self.logger = logger
        logger.info("analysis worker starting", metadata: ["worker": "\(workerId)", "jobs": "\(jobsEndpoint)"])
    }

    func run() async throws {
        reactor.start()
        let lastReady = LastReady()
        await withDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled {
                    let due = lastReady.instant.withLock { ContinuousClock.now - $0 >= readyInterval }
                    if due {
                        sendReady()
                        lastReady.instant.withLock { $0 = .now }
                    }
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
            sendReady()
            for await message in reactor.inbound.cancelOnGracefulShutdown() {
                guard let frame = message.frames.last else { continue }
                lastReady.instant.withLock { $0 = .now }
                handle(frame)
            }
            group.cancelAll()
        }
        reactor.shutdown()
        await reactor.waitUntilStopped()
    }

    /// When the worker last heard from storage or said `worker.ready`.
    private final class LastReady: Sendable {
        let instant = Mutex(ContinuousClock.now)
    }

    private func handle(_ frame: Data) {
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
                process(assign)
            } catch {
                logger.error("unreadable job.assign: \(error)")
            }
            sendReady()
        case JobAck.type:
            if let ack = try? WireCoding.decode(JobAck.self, from: frame).payload {
                logger.debug("job acknowledged", metadata: ["job": "\(ack.jobId)", "status": "\(ack.status)"])
            }
        default:
            logger.warning("unexpected '\(header.type)' on the jobs socket")
        }
    }

    private func process(_ assign: JobAssign) {
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
            send(JobResult(jobId: assign.jobId, workerId: workerId, contentHash: document.contentHash, result: result))
        case (.crosscheckClaims, _, let claims?):
            let result = crosscheck.run(claims)
            logger.info(
                "crosschecked",
                metadata: [
                    "job": "\(assign.jobId)", "claims": "\(claims.subject.count)",
                    "candidates": "\(claims.candidates.count)", "contradictions": "\(result.contradictions.count)",
                    "elapsed": "\(ContinuousClock.now - started)",
                ])
            send(
                JobResult(jobId: assign.jobId, workerId: workerId, contentHash: claims.contentHash, crosscheck: result))
        default:
            send(
                JobFailed(
                    jobId: assign.jobId, workerId: workerId,
                    reason: "this worker cannot do '\(assign.kind.rawValue)' jobs, or the job carries no input"))
        }
    }

    private func sendReady() {
        send(WorkerReady(workerId: workerId, kinds: [.analyzeDocument, .crosscheckClaims]))
    }

    private func send<P: Message>(_ payload: P) {
        do {
            try reactor.send([try WireCoding.encode(Envelope(payload: payload))], on: "jobs")
        } catch {
            logger.error("could not send \(P.type): \(error)")
        }
    }
}
