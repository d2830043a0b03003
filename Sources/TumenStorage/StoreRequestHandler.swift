import Foundation
import Logging
import TumenProtocol

/// Turns one request frame from storage's `store` socket into exactly one reply frame.
///
/// Handles `document.store`, `status.query`, `digest.query`, `digest.record`, `digest.replay`, `deadletter.record`
/// and `deadletter.query`; every reply
/// carries the request's id as `correlationId`. A frame that cannot be decoded or processed gets an `error` reply
/// (with `correlationId` when its header could be read) and is kept as a dead letter; a failure of the database
/// itself gets an `error` reply with code `storage-error`, and the client may retry with the same id. Never throws,
/// never crashes on input.
///
/// The executable owns the ROUTER socket: for each request it calls ``handle(_:now:)`` and sends
/// ``Handled/reply`` back to the same peer.
public struct StoreRequestHandler: Sendable {
    /// The answer to one request.
    public struct Handled: Sendable, Equatable {
        /// The one reply frame to send back to the requesting peer.
        public var reply: Data
        /// True when the request queued a new job: offer jobs to waiting workers
        /// (``JobRequestHandler/assignJob(toWaitingWorker:now:)``).
        public var jobsMayBeAvailable: Bool

        public init(reply: Data, jobsMayBeAvailable: Bool = false) {
            self.reply = reply
            self.jobsMayBeAvailable = jobsMayBeAvailable
        }
    }

    /// The message types this socket accepts.
    public static let acceptedTypes: [MessageType] = [
        DocumentStore.type, StatusQuery.type, DigestQuery.type, DigestRecord.type, DigestReplay.type,
        DeadLetterRecord.type, DeadLetterQuery.type,
    ]

    private let store: any Store
    private let responder: FrameResponder

    public init(store: any Store, logger: Logger = Logger(label: "tumen.storage.store")) {
        self.store = store
        self.responder = FrameResponder(store: store, service: "storage", socket: "store", logger: logger)
    }

    /// The reply frame to one request frame.
    public func reply(to frame: Data, now: Date = Date()) async -> Data {
        await handle(frame, now: now).reply
    }

    /// Refuses a message that is not one request (``DecodingFailure/Code/invalidFraming``): keeps its body as a
    /// dead letter and returns the `error` reply.
    public func refuse(_ frame: Data, _ failure: DecodingFailure, now: Date = Date()) async -> Data {
        await responder.refuse(frame, failure, now: now)
    }

    /// Handles one request frame.
    public func handle(_ frame: Data, now: Date = Date()) async -> Handled {
        await responder.respond(to: frame, now: now, answer: { Handled(reply: $0) }) { header in
            try await dispatch(frame, header: header, now: now)
        }
    }

    private func dispatch(_ frame: Data, header: EnvelopeHeader, now: Date) async throws -> Handled {
        switch header.type {
        case DocumentStore.type:
            let request = try responder.decode(DocumentStore.self, frame)
            let stored = try await store.storeDocument(request.payload.document, now: now)
            return Handled(
                reply: responder.reply(stored, to: header.id, now: now), jobsMayBeAvailable: !stored.duplicate)

        case StatusQuery.type:
            _ = try responder.decode(StatusQuery.self, frame)
            return Handled(reply: responder.reply(try await store.status(), to: header.id, now: now))

        case DigestQuery.type:
            let request = try responder.decode(DigestQuery.self, frame)
            let material = try await store.digestMaterial(for: request.payload)
            return Handled(reply: responder.reply(material, to: header.id, now: now))

        case DigestRecord.type:
            let request = try responder.decode(DigestRecord.self, frame)
            let recorded = try await store.recordDigest(request.payload.digest, now: now)
            return Handled(reply: responder.reply(recorded, to: header.id, now: now))

        case DigestReplay.type:
            let request = try responder.decode(DigestReplay.self, frame)
            let replayed = try await store.replayDigests(request.payload)
            return Handled(reply: responder.reply(replayed, to: header.id, now: now))

        case DeadLetterRecord.type:
            let request = try responder.decode(DeadLetterRecord.self, frame)
            let id = try await store.recordDeadLetter(request.payload.deadLetter)
            return Handled(reply: responder.reply(DeadLetterRecorded(deadLetterId: id), to: header.id, now: now))

        case DeadLetterQuery.type:
            let request = try responder.decode(DeadLetterQuery.self, frame)
            let limit = min(max(request.payload.limit, 0), DeadLetterQuery.maxLimit)
            let entries = try await store.deadLetters(limit: limit).map {
                DeadLetterEntry(id: $0.id, recordedAt: $0.recordedAt, deadLetter: $0.deadLetter)
            }
            let list = DeadLetterList(deadLetters: entries, total: try await store.status().deadLetters)
            return Handled(reply: responder.reply(list, to: header.id, now: now))

        default:
            throw DecodingFailure(
                code: .unknownType,
                message: "storage's store socket does not handle '\(header.type)' messages; it takes "
                    + Self.acceptedTypes.map(\.rawValue).joined(separator: ", "),
                messageID: header.id)
        }
    }
}
