import Foundation
import Synchronization
import Testing
import TumenTesting
import TumenTransport

/// Lines recorded from several threads.
final class Lines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

/// Lets in a fixed set of public keys and records what it refused.
final class RecordingAuthenticator: CurveAuthenticator {
    private let allowed: Set<CurveKey>
    private let refusals = Lines()

    init(allowing allowed: Set<CurveKey>) {
        self.allowed = allowed
    }

    /// One line per refused connection: the key and address, or the failed handshake.
    var refused: [String] { refusals.all }

    func authorize(_ request: ZAPRequest) -> ZAPDecision {
        if let key = request.curvePublicKey, allowed.contains(key) {
            return .allow(userId: "allowed")
        }
        refusals.append("\(request.curvePublicKey?.z85 ?? "no key") from \(request.address)")
        return .deny(reason: "not allowed")
    }

    func handshakeFailed(_ failure: CurveHandshakeFailure) {
        refusals.append("handshake on \(failure.endpoint): \(failure.reason)")
    }
}

/// A ROUTER on `tcp://127.0.0.1:*` that answers every request with `re: ` and the request, and records requests.
final class EchoServer: Sendable {
    let reactor: SocketReactor
    let endpoint: String
    private let requests: Lines
    private let loop: Task<Void, Never>

    init(curve: CurveSecurity?) throws {
        let reactor = try SocketReactor(
            name: "echo",
            sockets: [
                SocketDescriptor(
                    name: "requests", type: .router, bind: ["tcp://127.0.0.1:*"],
                    options: SocketOptions(linger: 0, curve: curve))
            ])
        reactor.start()
        self.reactor = reactor
        self.endpoint = reactor.endpoint(of: "requests") ?? ""
        let requests = Lines()
        self.requests = requests
        loop = Task {
            for await message in reactor.inbound where message.frames.count == 2 {
                requests.append(String(decoding: message.frames[1], as: UTF8.self))
                try? reactor.send([message.frames[0], Data("re: ".utf8) + message.frames[1]], on: "requests")
            }
        }
    }

    /// The requests that reached the server.
    var received: [String] { requests.all }

    func stop() async {
        reactor.shutdown()
        await reactor.waitUntilStopped()
        await loop.value
    }
}

/// A reactor with one socket named `server` that connects to `endpoint`.
func makeClient(_ type: SocketType, to endpoint: String, options: SocketOptions) throws -> SocketReactor {
    let reactor = try SocketReactor(
        name: "client", sockets: [SocketDescriptor(name: "server", type: type, connect: [endpoint], options: options)])
    reactor.start()
    return reactor
}

/// Waits until `condition` holds, checking every 20 ms for at most `timeout`; returns whether it held.
func eventually(within timeout: Duration = .seconds(2), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}

/// Shuts the reactors down, one after the other.
func stop(_ reactors: SocketReactor...) async {
    for reactor in reactors {
        reactor.shutdown()
        await reactor.waitUntilStopped()
    }
}

@Suite(.timeLimit(.minutes(1))) struct CurveTests {
    let serverKeys: CurveKeyPair
    let clientKeys: CurveKeyPair

    init() throws {
        serverKeys = try CurveKeyPair.generate()
        clientKeys = try CurveKeyPair.generate()
    }

    @Test("a Z85 key reads back from its 32 bytes, and anything but 40 Z85 characters is no key")
    func keysReadAndWriteZ85() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.z85.count == 40)
        #expect(try CurveKeyPair(secretKey: pair.secretKey) == pair)
        #expect(CurveKey(z85: pair.publicKey.z85) == pair.publicKey)
        #expect(CurveKey(z85: String(pair.publicKey.z85.dropLast())) == nil)
        #expect(CurveKey(z85: String(repeating: " ", count: 40)) == nil)
        #expect(CurveKey(bytes: Data(repeating: 0, count: 31)) == nil)
        #expect(!pair.description.contains(pair.secretKey.z85))
    }

    @Test("a client whose key is allowed gets replies from a CURVE ROUTER")
    func allowedClientGetsReplies() async throws {
        let authenticator = RecordingAuthenticator(allowing: [clientKeys.publicKey])
        let server = try EchoServer(curve: .server(keyPair: serverKeys, authenticator: authenticator))
        let client = try makeClient(
            .dealer, to: server.endpoint,
            options: SocketOptions(linger: 0, curve: .client(keyPair: clientKeys, serverKey: serverKeys.publicKey)))

        try client.send([Data("hello".utf8)], on: "server")
        let reply = await client.firstMessage(within: .seconds(2))

        #expect(reply?.frames == [Data("re: hello".utf8)])
        #expect(authenticator.refused.isEmpty)
        await stop(client)
        await server.stop()
    }

    @Test("a subscriber whose key is allowed receives what a CURVE publisher sends")
    func allowedSubscriberReceives() async throws {
        let authenticator = RecordingAuthenticator(allowing: [clientKeys.publicKey])
        let publisher = try SocketReactor(
            name: "publisher",
            sockets: [
                SocketDescriptor(
                    name: "digests", type: .pub, bind: ["tcp://127.0.0.1:*"],
                    options: SocketOptions(
                        linger: 0, curve: .server(keyPair: serverKeys, authenticator: authenticator)))
            ])
        publisher.start()
        let subscriber = try makeClient(
            .sub, to: try #require(publisher.endpoint(of: "digests")),
            options: SocketOptions(
                linger: 0, subscriptions: ["digest."],
                curve: .client(keyPair: clientKeys, serverKey: serverKeys.publicKey)))

        // Publish until the subscription has reached the publisher.
        let publishing = Task {
            while !Task.isCancelled {
                try? publisher.send([Data("digest.daily.all".utf8), Data("{}".utf8)], on: "digests")
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let message = await subscriber.firstMessage(within: .seconds(2))
        publishing.cancel()

        #expect(message?.frames == [Data("digest.daily.all".utf8), Data("{}".utf8)])
        await stop(subscriber, publisher)
    }

    @Test("a client whose key is not allowed gets nothing through, and its refusal is reported with its key")
    func unknownKeyIsRefused() async throws {
        let authenticator = RecordingAuthenticator(allowing: [clientKeys.publicKey])
        let server = try EchoServer(curve: .server(keyPair: serverKeys, authenticator: authenticator))
        let stranger = try CurveKeyPair.generate()
        let client = try makeClient(
            .dealer, to: server.endpoint,
            options: SocketOptions(linger: 0, curve: .client(keyPair: stranger, serverKey: serverKeys.publicKey)))

        try client.send([Data("let me in".utf8)], on: "server")

        #expect(await eventually { !authenticator.refused.isEmpty })
        #expect(await client.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received.isEmpty)
        #expect(authenticator.refused.first == "\(stranger.publicKey.z85) from 127.0.0.1")
        await stop(client)
        await server.stop()
    }

    @Test("a client without CURVE gets nothing through, and its failed handshake is reported")
    func clientWithoutCurveIsRefused() async throws {
        let authenticator = RecordingAuthenticator(allowing: [clientKeys.publicKey])
        let server = try EchoServer(curve: .server(keyPair: serverKeys, authenticator: authenticator))
        let client = try makeClient(.dealer, to: server.endpoint, options: SocketOptions(linger: 0))

        try client.send([Data("let me in".utf8)], on: "server")

        #expect(await eventually { !authenticator.refused.isEmpty })
        #expect(await client.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received.isEmpty)
        #expect(authenticator.refused.first?.contains("does not use CURVE") == true)
        await stop(client)
        await server.stop()
    }

    @Test("a client expecting another server key gets nothing through")
    func wrongServerKeyIsRefused() async throws {
        let authenticator = RecordingAuthenticator(allowing: [clientKeys.publicKey])
        let server = try EchoServer(curve: .server(keyPair: serverKeys, authenticator: authenticator))
        let impostorKey = try CurveKeyPair.generate().publicKey
        let client = try makeClient(
            .dealer, to: server.endpoint,
            options: SocketOptions(linger: 0, curve: .client(keyPair: clientKeys, serverKey: impostorKey)))

        try client.send([Data("hello".utf8)], on: "server")

        #expect(await eventually { !authenticator.refused.isEmpty })
        #expect(await client.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received.isEmpty)
        await stop(client)
        await server.stop()
    }

    @Test("sockets without CURVE keep talking while CURVE servers run in the same context")
    func plainSocketsAreUnaffected() async throws {
        let curveServer = try EchoServer(
            curve: .server(keyPair: serverKeys, authenticator: RecordingAuthenticator(allowing: [])))
        let plainServer = try EchoServer(curve: nil)
        let client = try makeClient(.dealer, to: plainServer.endpoint, options: SocketOptions(linger: 0))

        try client.send([Data("plain".utf8)], on: "server")

        #expect(await client.firstMessage(within: .seconds(2))?.frames == [Data("re: plain".utf8)])
        await stop(client)
        await plainServer.stop()
        await curveServer.stop()
    }
}
