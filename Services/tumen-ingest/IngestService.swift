import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import TumenIngest
import TumenProtocol
import TumenService
import TumenTransport

/// Ingest: takes `document.submit` on its ROUTER, checks and normalises the document, has storage commit it, and
/// only then answers `document.accepted`.
struct IngestService: Service {
    let reactor: SocketReactor
    let storage: RequestChannel
    let deadLetters: DeadLetterSender
    let intake: DocumentIntake
    let loop: ServerLoop
    let health: HealthPublisher
    let logger: Logger

    /// - Parameter frameLimit: the largest frame the submit socket takes; libzmq drops the connection of a peer
    ///   that sends a bigger one.
    init(
        submitEndpoint: String, storeEndpoint: String, healthEndpoint: String, healthInterval: Duration,
        intake: DocumentIntake, frameLimit: Int64, maxInFlight: Int, security: TransportSecurity, logger: Logger
    ) throws {
        reactor = try SocketReactor(
            name: "ingest",
            sockets: [
                try security.server(
                    SocketDescriptor(
                        name: "submit", type: .router, bind: [submitEndpoint],
                        options: SocketOptions(maxMessageSize: frameLimit))),
                try security.client(SocketDescriptor(name: "store", type: .dealer, connect: [storeEndpoint])),
                try security.server(SocketDescriptor(name: "health", type: .pub, bind: [healthEndpoint])),
            ])
        let reactor = reactor
        let storage = RequestChannel(reactor: reactor, socket: "store", endpoint: storeEndpoint)
        let loop = ServerLoop(reactor: reactor, maxInFlight: maxInFlight)
        self.storage = storage
        self.loop = loop
        deadLetters = DeadLetterSender(storage: storage, service: "ingest", logger: logger)
        health = HealthPublisher(
            service: "ingest", interval: healthInterval,
            endpoints: reactor.endpoints(of: ["submit", "health"]), logger: logger,
            probe: {
                var probe = loop.health
                probe.queues["storageRequests"] = storage.pendingCount
                return probe
            },
            deliver: HealthPublisher.onPublisher(reactor, socket: "health"))
        self.intake = intake
        self.logger = logger
        logger.info("ingest listening", metadata: ["submit": "\(reactor.endpoint(of: "submit") ?? submitEndpoint)"])
    }

    func run() async throws {
        await loop.run(
            replies: storage, background: [health.run], handle: { message in await handleSubmit(message) },
            busy: Busy(retryAfterMs: 500, reason: "ingest is at capacity or restarting"))
    }

    private func handleSubmit(_ message: InboundMessage) async {
        guard let request = RoutedRequest(frames: message.frames) else {
            await deadLetters.record(
                socket: "submit", reason: "message with \(message.frames.count) frame(s) has no body",
                raw: message.frames.last ?? Data())
            return
        }
        if let failure = request.framingFailure {
            await deadLetters.record(socket: "submit", reason: failure.description, raw: request.body)
            do {
                try reactor.send(request.replyToPeer(Replies.error(failure)), on: "submit")
            } catch {
                logger.error("could not send reply: \(error)")
            }
            return
        }
        let envelope: Envelope<DocumentSubmit>
        do {
            envelope = try WireCoding.decode(DocumentSubmit.self, from: request.body)
        } catch {
            await deadLetters.record(socket: "submit", reason: error.description, raw: request.body)
            send(request, Replies.error(error))
            return
        }
        let submit = envelope.payload
        let document: Document
        do {
            document = try intake.document(from: submit, now: Date())
        } catch {
            Counter(label: "documents_rejected", dimensions: [("code", error.code.rawValue)]).increment()
            await deadLetters.record(socket: "submit", reason: error.reason, raw: request.body)
            send(
                request,
                Replies.make(
                    DocumentRejected(name: submit.name, code: error.code.rawValue, reason: error.reason),
                    to: envelope.id))
            return
        }
        do {
            let stored = try await storage.request(
                DocumentStore(document: document), id: envelope.id, timeout: .seconds(3), attempts: 2
            )
            .decode(DocumentStored.self)
            Counter(label: stored.duplicate ? "documents_duplicate" : "documents_accepted").increment()
            logger.info(
                "document accepted",
                metadata: ["name": "\(submit.name)", "id": "\(stored.documentId)", "duplicate": "\(stored.duplicate)"])
            let accepted = DocumentAccepted(
                name: submit.name, documentId: stored.documentId, contentHash: stored.contentHash,
                duplicate: stored.duplicate, characters: document.text.unicodeScalars.count)
            send(request, Replies.make(accepted, to: envelope.id))
        } catch {
            Counter(label: "documents_busy").increment()
            logger.error("storage did not commit \(submit.name): \(error)")
            let busy = Busy(retryAfterMs: 1000, reason: "storage did not commit '\(submit.name)': \(error)")
            send(request, Replies.make(busy, to: envelope.id))
        }
    }

    private func send(_ request: RoutedRequest, _ reply: Data) {
        do {
            try reactor.send(request.reply(reply), on: "submit")
        } catch {
            logger.error("could not send reply: \(error)")
        }
    }
}
