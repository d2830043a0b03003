import Foundation
import Logging
import TumenProtocol

/// Builds reply frames and deals with bad frames the same way on every storage socket.
struct FrameResponder: Sendable {
    let store: any Store
    /// The service and socket named in dead letters (`storage`, `store` or `jobs`).
    let service: String
    let socket: String
    let logger: Logger

    /// An envelope answering the request `requestId`.
    func reply<P: Message>(_ payload: P, to requestId: String?, now: Date) -> Data {
        do {
            return try WireCoding.encode(Envelope(ts: now, correlationId: requestId, payload: payload))
        } catch {
            logger.error("cannot encode reply", metadata: ["type": "\(P.type)", "error": "\(error)"])
            return errorReply(
                code: StoreError.Code.storage.description, message: "storage could not encode its '\(P.type)' reply",
                to: requestId, now: now)
        }
    }

    /// An `error` envelope answering the request `requestId`.
    func errorReply(code: String, message: String, to requestId: String?, now: Date) -> Data {
        let payload = ErrorReply(code: code, message: message)
        if let data = try? WireCoding.encode(Envelope(ts: now, correlationId: requestId, payload: payload)) {
            return data
        }
        // Encoding two strings cannot fail in practice; if it ever does, still answer with a valid envelope.
        let fallback = """
            {"id":"\(MessageID.make())","payload":{"code":"storage-error","message":"storage could not encode \
            an error reply"},"ts":"\(Timestamp.format(now))","type":"error","v":\(ProtocolVersion.major)}
            """
        return Data(fallback.utf8)
    }

    /// Answers a frame that could not be decoded or processed: keeps it as a dead letter, then says why.
    func refuse(_ frame: Data, code: String, message: String, requestId: String?, now: Date) async -> Data {
        logger.warning(
            "refused a frame",
            metadata: [
                "socket": "\(socket)", "code": "\(code)", "reason": "\(message)", "bytes": "\(frame.count)",
                "id": "\(requestId ?? "-")",
            ])
        let deadLetter = DeadLetter(
            service: service, socket: socket, reason: "\(code): \(message)", raw: frame, receivedAt: now)
        do {
            _ = try await store.recordDeadLetter(deadLetter)
        } catch {
            logger.error("cannot record a dead letter", metadata: ["socket": "\(socket)", "error": "\(error)"])
        }
        return errorReply(code: code, message: message, to: requestId, now: now)
    }

    /// Answers a frame whose envelope or payload could not be decoded.
    func refuse(_ frame: Data, _ failure: DecodingFailure, now: Date) async -> Data {
        await refuse(
            frame, code: failure.code.description, message: failure.message, requestId: failure.messageID, now: now)
    }

    /// Answers a well-formed request the store could not carry out.
    ///
    /// A transient failure (busy, disk full) is not the frame's fault: it gets a `storage-error` reply and the
    /// client may retry with the same id. Any other store error refuses the frame, which becomes a dead letter.
    func fail(_ frame: Data, _ error: any Error, requestId: String, type: MessageType, now: Date) async -> Data {
        let storeError =
            error as? StoreError ?? StoreError(code: .storage, message: "storage failed on '\(type)': \(error)")
        guard !storeError.isTransient else {
            logger.error(
                "store operation failed",
                metadata: ["socket": "\(socket)", "type": "\(type)", "id": "\(requestId)", "error": "\(storeError)"])
            return errorReply(
                code: storeError.code.description, message: storeError.message + "; retry the request later",
                to: requestId, now: now)
        }
        return await refuse(
            frame, code: storeError.code.description, message: storeError.message, requestId: requestId, now: now)
    }

    /// Decodes a whole envelope of a payload type the header named.
    /// Reads the frame's header and dispatches it; a frame that cannot be decoded is refused (error reply and dead
    /// letter), and a failure while handling it becomes an error reply, each wrapped by `answer`.
    func respond<Handled>(
        to frame: Data, now: Date, answer: (Data) -> Handled,
        dispatch: (EnvelopeHeader) async throws -> Handled
    ) async -> Handled {
        let header: EnvelopeHeader
        do {
            header = try WireCoding.decodeHeader(frame)
        } catch {
            return answer(await refuse(frame, error, now: now))
        }
        do {
            return try await dispatch(header)
        } catch let failure as DecodingFailure {
            return answer(await refuse(frame, failure, now: now))
        } catch {
            return answer(await fail(frame, error, requestId: header.id, type: header.type, now: now))
        }
    }

    func decode<P: Message>(_ type: P.Type, _ frame: Data) throws(DecodingFailure) -> Envelope<P> {
        try WireCoding.decode(type, from: frame)
    }
}
