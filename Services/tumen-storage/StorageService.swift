import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TumenProtocol
import TumenService
import TumenStorage
import TumenTransport

/// Storage: the only owner of the store. Serves store, query and digest requests on `store`, and leases
/// analysis jobs to workers on `jobs`. Publishes `system.health` on `health`: its own, and the analysis workers'
/// that arrive on `jobs`.
struct StorageService: Service {
    let reactor: SocketReactor
    let requests: StoreRequestHandler
    let jobs: JobRequestHandler
    let dispatcher: JobDispatcher
    let loop: ServerLoop
    let health: HealthPublisher
    let workers = WorkerRoster()
    let store: any Store
    let logger: Logger

    /// - Parameter maxMessageBytes: the largest frame each socket takes; libzmq drops the connection of a peer that
    ///   sends a bigger one.
    init(
        storeEndpoint: String, jobsEndpoint: String, healthEndpoint: String, healthInterval: Duration,
        maxMessageBytes: (store: Int64, jobs: Int64), store: any Store, security: TransportSecurity, logger: Logger
    ) throws {
        reactor = try SocketReactor(
            name: "storage",
            sockets: [
                SocketDescriptor(
                    name: "store", type: .router, bind: [storeEndpoint],
                    options: SocketOptions(maxMessageSize: maxMessageBytes.store)),
                SocketDescriptor(
                    name: "jobs", type: .router, bind: [jobsEndpoint],
                    options: SocketOptions(maxMessageSize: maxMessageBytes.jobs, routerMandatory: true)),
                SocketDescriptor(name: "health", type: .pub, bind: [healthEndpoint]),
            ].map(security.server))
        let reactor = reactor
        requests = StoreRequestHandler(store: store, logger: logger)
        jobs = JobRequestHandler(store: store, logger: logger)
        let dispatcher = JobDispatcher(reactor: reactor, jobs: jobs, logger: logger)
        let loop = ServerLoop(reactor: reactor)
        let workers = self.workers
        self.store = store
        self.dispatcher = dispatcher
        self.loop = loop
        health = HealthPublisher(
            service: "storage", interval: healthInterval,
            endpoints: reactor.endpoints(of: ["store", "jobs", "health"]), logger: logger,
            probe: {
                var probe = loop.health
                probe.queues["waitingWorkers"] = await dispatcher.waitingCount
                let roster = workers.count(now: .now)
                probe.queues["workersLive"] = roster.live
                probe.queues["workersSilent"] = roster.silent
                do {
                    let depths = try await store.queueDepths()
                    probe.queues["jobsQueued"] = depths.jobsQueued
                    probe.queues["jobsLeased"] = depths.jobsLeased
                    probe.queues["documentsPending"] = depths.documentsPending
                } catch {
                    probe.state = .degraded
                }
                return probe
            },
            deliver: HealthPublisher.onPublisher(reactor, socket: "health"))
        self.logger = logger
        logger.info(
            "storage serving",
            metadata: [
                "store": "\(reactor.endpoint(of: "store") ?? storeEndpoint)",
                "jobs": "\(reactor.endpoint(of: "jobs") ?? jobsEndpoint)",
            ])
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await health.run() }
            group.addTask {
                while !Task.isCancelled {
                    await releaseLeasesOfSilentWorkers()
                    await dispatcher.offerJobs()
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            await loop.run(
                consumeInline: { _ in false },
                handle: { message in await handle(message) },
                busy: Busy(retryAfterMs: 1000, reason: "storage is busy or restarting"))
            group.cancelAll()
        }
    }

    private func handle(_ message: InboundMessage) async {
        guard let request = RoutedRequest(frames: message.frames) else {
            logger.warning("message without a body on \(message.socket)")
            return
        }
        if let failure = request.framingFailure {
            let reply =
                message.socket == "store"
                ? await requests.refuse(request.body, failure) : await jobs.refuse(request.body, failure)
            send(request.replyToPeer(reply), on: message.socket)
            return
        }
        switch message.socket {
        case "store":
            let handled = await requests.handle(request.body)
            send(request, handled.reply, on: "store")
            if handled.jobsMayBeAvailable { await dispatcher.offerJobs() }
        case "jobs" where Self.isHealth(request.body):
            await relayHealth(request)
        default:
            let handled = await jobs.handle(request.body)
            if let reply = handled.reply { send(request, reply, on: "jobs") }
            if let worker = handled.waitingWorker { await dispatcher.wait(worker, route: request.route) }
            if handled.jobsMayBeAvailable { await dispatcher.offerJobs() }
        }
    }

    /// Gives the jobs of workers that just went silent to others now rather than at their lease deadlines.
    private func releaseLeasesOfSilentWorkers() async {
        for workerId in workers.newlySilent(now: .now) {
            do {
                let released = try await store.releaseLeases(heldBy: workerId, now: Date())
                if released > 0 {
                    logger.warning(
                        "worker went silent; its jobs go to other workers",
                        metadata: ["worker": "\(workerId)", "jobs": "\(released)"])
                }
            } catch {
                logger.error("cannot end the leases of silent worker \(workerId): \(error)")
            }
        }
    }

    /// Whether a frame from a worker is a `system.health` heartbeat (relayed, not answered).
    private static func isHealth(_ body: Data) -> Bool {
        (try? WireCoding.decodeHeader(body).type) == SystemHealth.type
    }

    /// Publishes a worker's heartbeat on storage's health socket, unchanged, once it decodes; a heartbeat that
    /// does not is refused like any bad frame (error reply and dead letter).
    private func relayHealth(_ request: RoutedRequest) async {
        do {
            workers.heard(try WireCoding.decode(SystemHealth.self, from: request.body).payload, at: .now)
        } catch {
            send(request, await jobs.refuse(request.body, error), on: "jobs")
            return
        }
        Counter(label: "worker_heartbeats_relayed").increment()
        send([Data(Topics.health.utf8), request.body], on: "health")
    }

    private func send(_ request: RoutedRequest, _ reply: Data, on socket: String) {
        send(request.reply(reply), on: socket)
    }

    private func send(_ frames: [Data], on socket: String) {
        do {
            try reactor.send(frames, on: socket)
        } catch {
            logger.error("could not send reply on \(socket): \(error)")
        }
    }
}

/// The analysis workers storage has heard from, so that its health says how many are alive and how many went
/// silent (a worker that dies disappears from `system.health`; this keeps a trace of it for an hour), and so that
/// the jobs of a worker gone silent go to others without waiting for their lease deadlines.
final class WorkerRoster: Sendable {
    private struct Seen {
        var at: ContinuousClock.Instant
        var interval: Duration
        /// Whether its going silent was already reported by ``newlySilent(now:)``.
        var isReported = false

        func isSilent(at now: ContinuousClock.Instant) -> Bool { now - at > interval * 3 }
    }

    private let seen = Mutex<[String: Seen]>([:])
    /// How long a silent worker is still counted.
    private let memory: Duration = .seconds(3600)

    /// Notes a worker's heartbeat.
    func heard(_ health: SystemHealth, at now: ContinuousClock.Instant) {
        seen.withLock { $0[health.instance] = Seen(at: now, interval: .milliseconds(max(health.intervalMs, 1))) }
    }

    /// Workers heard within three of their intervals, and workers silent longer (forgotten after an hour).
    func count(now: ContinuousClock.Instant) -> (live: Int, silent: Int) {
        seen.withLock { seen in
            seen = seen.filter { now - $0.value.at < memory }
            let live = seen.values.filter { !$0.isSilent(at: now) }.count
            return (live, seen.count - live)
        }
    }

    /// The workers that went silent since the last call.
    func newlySilent(now: ContinuousClock.Instant) -> [String] {
        seen.withLock { seen in
            let silent = seen.filter { !$0.value.isReported && $0.value.isSilent(at: now) }.map(\.key)
            for id in silent { seen[id]?.isReported = true }
            return silent
        }
    }
}

/// The workers waiting for a job, oldest first, and the one place that hands them jobs.
///
/// Offers are serialised: a request to offer while an offer is running makes that offer go round once more,
/// so the waiting list never changes under an offer that is awaiting the store.
actor JobDispatcher {
    private let reactor: SocketReactor
    private let jobs: JobRequestHandler
    private let logger: Logger
    private var waiting: [(route: [Data], worker: JobRequestHandler.WaitingWorker)] = []
    private var isOffering = false
    private var isOfferRequested = false

    init(reactor: SocketReactor, jobs: JobRequestHandler, logger: Logger) {
        self.reactor = reactor
        self.jobs = jobs
        self.logger = logger
    }

    /// How many workers wait for a job.
    var waitingCount: Int { waiting.count }

    /// Remembers a worker that found no job, replacing an older entry of the same worker.
    func wait(_ worker: JobRequestHandler.WaitingWorker, route: [Data]) {
        waiting.removeAll { $0.worker.workerId == worker.workerId || $0.route == route }
        waiting.append((route, worker))
    }

    /// Leases jobs to waiting workers, oldest first, until there are no more jobs or workers.
    func offerJobs() async {
        guard !isOffering else {
            isOfferRequested = true
            return
        }
        isOffering = true
        defer { isOffering = false }
        repeat {
            isOfferRequested = false
            while !waiting.isEmpty {
                let next = waiting.removeFirst()
                guard let assign = await jobs.assignJob(toWaitingWorker: next.worker) else {
                    // No job now: the worker keeps its place, unless it asked again in the meantime.
                    if !waiting.contains(where: { $0.worker.workerId == next.worker.workerId }) {
                        waiting.insert(next, at: 0)
                    }
                    break
                }
                do {
                    try reactor.send(next.route + [assign], on: "jobs")
                } catch {
                    logger.warning("could not hand a job to \(next.worker.workerId): \(error); its lease will expire")
                }
            }
        } while isOfferRequested
    }
}
