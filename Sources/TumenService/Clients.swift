import Foundation
import TumenProtocol
import TumenTransport

/// A request/reply client of one service endpoint (a DEALER owned by its own reactor), for the CLI and tests.
public final class ServiceClient: Sendable {
    private let reactor: SocketReactor
    private let channel: RequestChannel
    private let reader: Task<Void, Never>

    /// Connects to `endpoint`, with CURVE when `security` says so; the connection is made in the background,
    /// requests wait for it.
    public init(endpoint: String, name: String = "client", security: TransportSecurity? = nil) throws {
        let server = SocketDescriptor(
            name: "server", type: .dealer, bind: [], connect: [endpoint], options: SocketOptions(linger: 0))
        let reactor = try SocketReactor(name: name, sockets: [try security?.client(server) ?? server])
        let channel = RequestChannel(reactor: reactor, socket: "server", endpoint: endpoint)
        reactor.start()
        self.reactor = reactor
        self.channel = channel
        self.reader = Task {
            for await message in reactor.inbound { channel.deliver(message.frames) }
        }
    }

    /// Sends a request and waits for the reply, retrying with the same id.
    public func request<P: Message>(
        _ payload: P, id: String = MessageID.make(), timeout: Duration = .seconds(5), attempts: Int = 3
    ) async throws -> Reply {
        try await channel.request(payload, id: id, timeout: timeout, attempts: attempts)
    }

    /// Runs `body` with a client of `endpoint` and closes the client afterwards, also when `body` throws.
    public static func with<T>(
        endpoint: String, name: String = "client", security: TransportSecurity? = nil,
        isolation: isolated (any Actor)? = #isolation, _ body: (ServiceClient) async throws -> T
    ) async throws -> T {
        let client = try ServiceClient(endpoint: endpoint, name: name, security: security)
        do {
            let result = try await body(client)
            await client.close()
            return result
        } catch {
            await client.close()
            throw error
        }
    }

    /// Closes the socket and stops its thread.
    public func close() async {
        channel.cancelAll()
        reactor.shutdown()
        await reactor.waitUntilStopped()
        await reader.value
    }
}

/// A digest received from a subscription.
public struct ReceivedDigest: Sendable {
    /// The topic frame.
    public var topic: String
    public var digest: Digest

    public init(topic: String, digest: Digest) {
        self.topic = topic
        self.digest = digest
    }
}

/// A subscription to digest topics on reporting's PUB socket.
public final class DigestSubscriber: Sendable {
    private let reactor: SocketReactor

    /// Subscribes to every topic that starts with one of `prefixes` (e.g. `digest.daily`), with CURVE when
    /// `security` says so.
    public init(endpoint: String, prefixes: [String], security: TransportSecurity? = nil) throws {
        let digests = SocketDescriptor(
            name: "digests", type: .sub, bind: [], connect: [endpoint],
            options: SocketOptions(linger: 0, subscriptions: prefixes))
        reactor = try SocketReactor(name: "subscriber", sockets: [try security?.client(digests) ?? digests])
        reactor.start()
    }

    /// Digests as they arrive; frames that are not digests are reported through `onError` and skipped.
    public func digests(onError: @escaping @Sendable (String) -> Void = { _ in }) -> AsyncStream<ReceivedDigest> {
        let inbound = reactor.inbound
        return AsyncStream { continuation in
            let task = Task {
                for await message in inbound {
                    guard message.frames.count == 2 else {
                        onError("expected 2 frames (topic, envelope), got \(message.frames.count)")
                        continue
                    }
                    let topic = String(decoding: message.frames[0], as: UTF8.self)
                    do {
                        let digest = try WireCoding.decode(DigestPublished.self, from: message.frames[1]).payload.digest
                        continuation.yield(ReceivedDigest(topic: topic, digest: digest))
                    } catch {
                        onError("topic \(topic): \(error)")
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Closes the subscription.
    public func close() async {
        reactor.shutdown()
        await reactor.waitUntilStopped()
    }
}
