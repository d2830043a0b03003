import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import TumenProtocol
import TumenReporting
import TumenService
import TumenTransport

/// Reporting: on its cadence and on `digest.now`, asks storage for a window's material, composes the digest,
/// has storage record it, then publishes it on `digest.<cadence>.<topic>`.
struct ReportingService: Service {
    let reactor: SocketReactor
    let storage: RequestChannel
    let deadLetters: DeadLetterSender
    let maker: DigestMaker
    let cadence: Cadence
    let topics: [String]
    let loop: ServerLoop
    let health: HealthPublisher
    let logger: Logger

    init(
        digestsEndpoint: String, controlEndpoint: String, storeEndpoint: String, healthEndpoint: String,
        healthInterval: Duration, controlMaxMessageBytes: Int64, digestsHighWaterMark: Int, cadence: Cadence,
        topics: [String], security: TransportSecurity, logger: Logger
    ) throws {
        reactor = try SocketReactor(
            name: "reporting",
            sockets: [
                try security.server(
                    SocketDescriptor(
                        name: "digests", type: .pub, bind: [digestsEndpoint],
                        options: SocketOptions(sendHighWaterMark: digestsHighWaterMark))),
                try security.server(
                    SocketDescriptor(
                        name: "control", type: .router, bind: [controlEndpoint],
                        options: SocketOptions(maxMessageSize: controlMaxMessageBytes))),
                try security.client(SocketDescriptor(name: "store", type: .dealer, connect: [storeEndpoint])),
                try security.server(SocketDescriptor(name: "health", type: .pub, bind: [healthEndpoint])),
            ])
        let reactor = reactor
        let storage = RequestChannel(reactor: reactor, socket: "store", endpoint: storeEndpoint)
        let loop = ServerLoop(reactor: reactor, maxInFlight: 8)
        self.storage = storage
        self.loop = loop
        health = HealthPublisher(
            service: "reporting", interval: healthInterval,
            endpoints: reactor.endpoints(of: ["digests", "control", "health"]), logger: logger,
            probe: {
                var probe = loop.health
                probe.queues["storageRequests"] = storage.pendingCount
                return probe
            },
            deliver: HealthPublisher.onPublisher(reactor, socket: "health"))
        deadLetters = DeadLetterSender(storage: storage, service: "reporting", logger: logger)
        maker = DigestMaker(reactor: reactor, storage: storage, cadence: cadence, logger: logger)
        self.cadence = cadence
        self.topics = topics
        self.logger = logger
        logger.info(
            "reporting publishing",
            metadata: [
                "digests": "\(reactor.endpoint(of: "digests") ?? digestsEndpoint)", "cadence": "\(cadence)",
                "topics": "\(topics.joined(separator: ","))",
            ])
    }

    func run() async throws {
        await loop.run(
            replies: storage, background: [runSchedule, health.run],
            handle: { message in await handleControl(message) },
            busy: Busy(retryAfterMs: 1000, reason: "reporting is busy or restarting"))
    }

    /// Makes the digests of each period when its boundary passes.
    private func runSchedule() async {
        while !Task.isCancelled {
            let now = Date()
            let next = cadence.boundary(atOrBefore: now).addingTimeInterval(Double(cadence.seconds))
            do {
                try await Task.sleep(for: .milliseconds(Int64(next.timeIntervalSince(now) * 1000) + 50))
            } catch {
                return
            }
            for topic in topics {
                do {
                    _ = try await maker.make(topic: topic, until: next, publishEmpty: false)
                } catch {
                    logger.error(
                        "scheduled digest \(Topics.digest(cadence: cadence.name, topic: topic)) failed: \(error)")
                }
            }
        }
    }

    private func handleControl(_ message: InboundMessage) async {
        guard let request = RoutedRequest(frames: message.frames) else { return }
        if let failure = request.framingFailure {
            await deadLetters.record(socket: "control", reason: failure.description, raw: request.body)
            do {
                try reactor.send(request.replyToPeer(Replies.error(failure)), on: "control")
            } catch {
                logger.error("could not send reply: \(error)")
            }
            return
        }
        let envelope: Envelope<DigestNow>
        do {
            envelope = try WireCoding.decode(DigestNow.self, from: request.body)
        } catch {
            await deadLetters.record(socket: "control", reason: error.description, raw: request.body)
            reply(request, Replies.error(error))
            return
        }
        let unknown = envelope.payload.topics.filter { !topics.contains($0) }
        guard unknown.isEmpty else {
            let message =
                "unknown topic(s) \(unknown.joined(separator: ", ")); reporting serves \(topics.joined(separator: ", "))"
            reply(request, Replies.make(ErrorReply(code: "unknown-topic", message: message), to: envelope.id))
            return
        }
        let now = Date()
        var digests: [Digest] = []
        do {
            for topic in envelope.payload.topics.isEmpty ? topics : envelope.payload.topics {
                if let digest = try await maker.make(topic: topic, until: now, publishEmpty: true) {
                    digests.append(digest)
                }
            }
            reply(request, Replies.make(DigestMade(digests: digests), to: envelope.id))
        } catch {
            reply(request, Replies.make(ErrorReply(code: "digest-failed", message: "\(error)"), to: envelope.id))
        }
    }

    private func reply(_ request: RoutedRequest, _ body: Data) {
        do {
            try reactor.send(request.reply(body), on: "control")
        } catch {
            logger.error("could not send reply: \(error)")
        }
    }
}

/// Makes one digest at a time: query, compose, record, publish.
actor DigestMaker {
    private let reactor: SocketReactor
    private let storage: RequestChannel
    private let cadence: Cadence
    private let composer = DigestComposer()
    private let logger: Logger

    init(reactor: SocketReactor, storage: RequestChannel, cadence: Cadence, logger: Logger) {
        self.reactor = reactor
        self.storage = storage
        self.cadence = cadence
        self.logger = logger
    }

    /// The digest of `topic` from the end of the last one up to `until`; nil when empty and `publishEmpty` is off.
    func make(topic: String, until: Date, publishEmpty: Bool) async throws -> Digest? {
        let material = try await storage.request(
            DigestQuery(cadence: cadence.name, topic: topic, until: until), timeout: .seconds(30)
        ).decode(DigestMaterial.self)
        guard publishEmpty || !material.documents.isEmpty else { return nil }
        var digest = composer.compose(material)
        let recorded = try await storage.request(DigestRecord(digest: digest), id: digest.id, timeout: .seconds(30))
            .decode(DigestRecorded.self)
        digest.seq = recorded.seq
        let body = try WireCoding.encode(Envelope(id: digest.id, payload: DigestPublished(digest: digest)))
        try reactor.send([Data(digest.pubSubTopic.utf8), body], on: "digests")
        Counter(label: recorded.duplicate ? "digests_republished" : "digests_published").increment()
        logger.info(
            "digest published",
            metadata: [
                "topic": "\(digest.pubSubTopic)", "seq": "\(digest.seq)", "documents": "\(digest.documents.count)",
                "figures": "\(digest.figures.count)", "duplicate": "\(recorded.duplicate)",
            ])
        return digest
    }
}
