import Foundation
import Synchronization
import TumenProtocol
import TumenTransport

/// A reply frame matched to its request: the decoded header plus the raw envelope.
public struct Reply: Sendable {
    public var header: EnvelopeHeader
    public var data: Data

    /// Decodes the payload as `P`; an `error` reply becomes a ``RemoteError``, another type a decoding failure.
    public func decode<P: Message>(_ type: P.Type) throws -> P {
        if header.type == ErrorReply.type, P.type != ErrorReply.type {
            let error = try WireCoding.decode(ErrorReply.self, from: data).payload
            throw RemoteError(code: error.code, message: error.message)
        }
        return try WireCoding.decode(P.self, from: data).payload
    }
}

/// An `error` reply from another service.
public struct RemoteError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}

/// A request that got no reply in time, after every attempt.
public struct RequestTimeout: Error, Sendable, CustomStringConvertible {
    public var type: MessageType
    public var endpoint: String
    public var attempts: Int
    public var timeout: Duration
    public var description: String {
        "no reply to '\(type)' from \(endpoint) after \(attempts) attempt(s) of \(timeout) each; is the service running?"
    }
}

/// Request/reply over a DEALER socket owned by a ``SocketReactor``: sends an envelope, awaits the reply whose
/// `correlationId` matches, and retries with the same id (receivers answer retries idempotently).
///
/// The owner of the reactor feeds every inbound message of the socket to ``deliver(_:)``.
public final class RequestChannel: Sendable {
    private let reactor: SocketReactor
    /// The name of the DEALER socket in the reactor.
    public let socket: String
    /// The endpoint the socket connects to, for error messages.
    public let endpoint: String
    private let pending = Mutex<[String: CheckedContinuation<Reply, any Error>]>([:])

    public init(reactor: SocketReactor, socket: String, endpoint: String) {
        self.reactor = reactor
        self.socket = socket
        self.endpoint = endpoint
    }

    /// Sends `payload` and waits for its reply, retrying up to `attempts` times with the same message id.
    public func request<P: Message>(
        _ payload: P, id: String = MessageID.make(), timeout: Duration = .seconds(5), attempts: Int = 3
    ) async throws -> Reply {
        let data = try WireCoding.encode(Envelope(id: id, payload: payload))
        for _ in 1..<max(attempts, 1) {
            do {
                return try await exchange(id: id, data: data, timeout: timeout)
            } catch is AttemptTimedOut {
                continue
            }
        }
        do {
            return try await exchange(id: id, data: data, timeout: timeout)
        } catch is AttemptTimedOut {
            throw RequestTimeout(type: P.type, endpoint: endpoint, attempts: max(attempts, 1), timeout: timeout)
        }
    }

    /// Requests waiting for their reply.
    public var pendingCount: Int { pending.withLock { $0.count } }

    /// Hands an inbound multipart message of the channel's socket to the request waiting for it.
    public func deliver(_ frames: [Data]) {
        guard let data = frames.last, let header = try? WireCoding.decodeHeader(data),
            let correlationId = header.correlationId
        else { return }
        let continuation = pending.withLock { $0.removeValue(forKey: correlationId) }
        continuation?.resume(returning: Reply(header: header, data: data))
    }

    /// Fails every waiting request, for shutdown.
    public func cancelAll() {
        let waiting = pending.withLock { pending in
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        for continuation in waiting { continuation.resume(throwing: CancellationError()) }
    }

    private struct AttemptTimedOut: Error {}

    private func exchange(id: String, data: Data, timeout: Duration) async throws -> Reply {
        try await withThrowingTaskGroup(of: Reply.self) { group in
            group.addTask {
                try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { continuation in
                        self.pending.withLock { $0[id] = continuation }
                        do {
                            try self.reactor.send([data], on: self.socket)
                        } catch {
                            self.pending.withLock { $0.removeValue(forKey: id) }?.resume(throwing: error)
                        }
                    }
                } onCancel: {
                    self.pending.withLock { $0.removeValue(forKey: id) }?.resume(throwing: CancellationError())
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw AttemptTimedOut()
            }
            defer { group.cancelAll() }
            guard let reply = try await group.next() else { throw CancellationError() }
            return reply
        }
    }
}
