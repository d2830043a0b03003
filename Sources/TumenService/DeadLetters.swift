import Foundation
import Logging
import TumenProtocol

/// Records dead letters in storage, so that a bad frame is kept before its sender hears the error.
public struct DeadLetterSender: Sendable {
    private let storage: RequestChannel
    private let service: String
    private let logger: Logger

    public init(storage: RequestChannel, service: String, logger: Logger) {
        self.storage = storage
        self.service = service
        self.logger = logger
    }

    /// Logs the problem and records the frame in storage's dead letters; when storage does not answer within a few
    /// seconds, the failure is logged and the caller goes on.
    public func record(socket: String, reason: String, raw: Data) async {
        logger.warning(
            "dead letter", metadata: ["socket": "\(socket)", "reason": "\(reason)", "bytes": "\(raw.count)"])
        let letter = DeadLetter(service: service, socket: socket, reason: reason, raw: raw)
        do {
            _ = try await storage.request(DeadLetterRecord(deadLetter: letter), timeout: .seconds(2), attempts: 2)
                .decode(DeadLetterRecorded.self)
        } catch {
            logger.error("could not record dead letter in storage: \(error)")
        }
    }
}

/// Encodes replies; a reply that cannot be encoded is a programming error, reported as an `error` envelope.
public enum Replies {
    /// The envelope bytes of a reply to `requestId`.
    public static func make<P: Message>(_ payload: P, to requestId: String?) -> Data {
        do {
            return try WireCoding.encode(Envelope(correlationId: requestId, payload: payload))
        } catch {
            let fallback = ErrorReply(code: "internal", message: "could not encode '\(P.type)' reply: \(error)")
            return (try? WireCoding.encode(Envelope(correlationId: requestId, payload: fallback))) ?? Data()
        }
    }

    /// An `error` reply for a frame that could not be decoded.
    public static func error(_ failure: DecodingFailure) -> Data {
        make(ErrorReply(code: failure.code.description, message: failure.message), to: failure.messageID)
    }
}
