import ArgumentParser
import Foundation
import Logging
import Synchronization
import Testing
import TumenService
import TumenTesting
import TumenTransport

@Suite(.timeLimit(.minutes(1))) struct TransportSecurityTests {
    let directory: URL
    let keys: CurveKeyDirectory

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tumen-curve-\(UUID().uuidString)")
        keys = CurveKeyDirectory(directory)
    }

    /// The security of a process named `identity` using ``keys`` (or no keys), logging into `log`.
    private func makeSecurity(
        _ identity: String, curve: Bool = true, insecure: Bool = false, log: LogCapture = LogCapture()
    ) throws -> TransportSecurity {
        let configuration = try Configuration(
            flags: [
                Settings.curveDirectory.key: curve ? directory.path : nil,
                Settings.insecure.key: insecure ? "true" : nil,
            ],
            environment: [:])
        return try TransportSecurity(configuration, identity: identity, logger: log.logger)
    }

    // MARK: - tumen keys generate

    @Test("keys generate writes a server pair, a pair per client and the allow-list, secret keys for the owner only")
    func generateWritesKeys() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try keys.generate(clientNames: CurveKeyDirectory.defaultClientNames, force: false)

        #expect(written.count == 2 + 3 * CurveKeyDirectory.defaultClientNames.count)
        for name in ["server"] + CurveKeyDirectory.defaultClientNames {
            let attributes = try FileManager.default.attributesOfItem(atPath: keys.secretKeyFile(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name).key")
            let pair = try CurveKeyDirectory.readKeyPair(keys.secretKeyFile(name))
            #expect(try CurveKeyDirectory.readPublicKey(keys.publicKeyFile(name)) == pair.publicKey)
            let authorized = keys.authorizedDirectory.appendingPathComponent("\(name).pub")
            if name == "server" {
                #expect(!FileManager.default.fileExists(atPath: authorized.path))
            } else {
                #expect(try CurveKeyDirectory.readPublicKey(authorized) == pair.publicKey)
            }
        }
    }

    @Test("keys generate refuses to overwrite existing keys, and replaces them with force")
    func generateRefusesToOverwrite() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["cli"], force: false)
        let client = try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("cli"))
        let server = try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("server"))

        let error = #expect(throws: KeyFileError.self) { try keys.generate(clientNames: ["cli"], force: false) }
        #expect(error?.code == .alreadyExists)
        #expect(error?.description.contains(keys.secretKeyFile("cli").path) == true)
        #expect(try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("cli")) == client)

        _ = try keys.generate(clientNames: ["cli"], force: true)
        #expect(try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("cli")) != client)
        #expect(try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("server")) != server)
    }

    @Test("keys generate keeps the server key when it adds a client, and refuses names that are not plain file names")
    func generateAddsClients() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["cli"], force: false)
        let server = try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("server"))

        let written = try keys.generate(clientNames: ["alice"], force: false)

        #expect(written.map(\.lastPathComponent) == ["alice.key", "alice.pub", "alice.pub"])
        #expect(try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("server")) == server)
        for name in ["../escape", ".hidden", "server", "a b", ""] {
            let error = #expect(throws: KeyFileError.self) { try keys.generate(clientNames: [name], force: false) }
            #expect(error?.code == .invalidName, "\(name)")
        }
    }

    @Test("a public key file may hold just the Z85 key")
    func bareKeysAreRead() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try CurveKeyPair.generate().publicKey
        let file = directory.appendingPathComponent("hand-written.pub")
        try "# added by hand\n\(key.z85)\n".write(to: file, atomically: true, encoding: .utf8)

        #expect(try CurveKeyDirectory.readPublicKey(file) == key)
    }

    // MARK: - CURVE over real sockets

    @Test("with keys, an allowed client gets replies and an allowed subscriber receives digests over tcp")
    func allowedClientsTalk() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: CurveKeyDirectory.defaultClientNames, force: false)
        let server = try SecuredServer(security: try makeSecurity("reporting"))
        let client = try connect(.dealer, to: server.requests, security: try makeSecurity("ingest"))
        let subscriber = try connect(
            .sub, to: server.digests, security: try makeSecurity("cli"),
            options: SocketOptions(subscriptions: ["digest."]))

        try client.send([Data("hello".utf8)], on: "server")
        #expect(await client.firstMessage(within: .seconds(2))?.frames == [Data("re: hello".utf8)])

        let publishing = Task {
            while !Task.isCancelled {
                try? server.reactor.send([Data("digest.daily.all".utf8), Data("{}".utf8)], on: "digests")
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let digest = await subscriber.firstMessage(within: .seconds(2))
        publishing.cancel()
        #expect(digest?.frames.first == Data("digest.daily.all".utf8))
        #expect(server.allowList.deniedCount == 0)
        await shutDown(client, subscriber)
        await server.stop()
    }

    @Test("a client whose key was removed from the allow-list is refused on its next connection, and logged")
    func removedKeyIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["cli"], force: false)
        // Written an hour ago, so the allow-list trusts what it read until a modification date changes.
        let anHourAgo = Date(timeIntervalSinceNow: -3_600)
        for path in [keys.authorizedDirectory.path, keys.authorizedDirectory.appendingPathComponent("cli.pub").path] {
            try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: path)
        }
        let log = LogCapture()
        let server = try SecuredServer(security: try makeSecurity("storage", log: log))
        let cliKey = try CurveKeyDirectory.readKeyPair(keys.secretKeyFile("cli")).publicKey
        let allowed = try connect(.dealer, to: server.requests, security: try makeSecurity("cli"))
        try allowed.send([Data("first".utf8)], on: "server")
        #expect(await allowed.firstMessage(within: .seconds(2))?.frames == [Data("re: first".utf8)])

        // When the key leaves the allow-list and the client connects again
        try FileManager.default.removeItem(at: keys.authorizedDirectory.appendingPathComponent("cli.pub"))
        let removed = try connect(.dealer, to: server.requests, security: try makeSecurity("cli"))
        try removed.send([Data("second".utf8)], on: "server")

        // Then nothing gets through, and the refusal is counted and logged with the key and address
        #expect(await eventually { server.allowList.deniedCount > 0 })
        #expect(await removed.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received == ["first"])
        let warning = try #require(log.warnings.first)
        #expect(warning.metadata["key"] == "\(cliKey.z85)")
        #expect(warning.metadata["address"] == "127.0.0.1")
        await shutDown(allowed, removed)
        await server.stop()
    }

    @Test("a client whose key is not in the allow-list is refused and logged with its key")
    func unknownKeyIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["cli"], force: false)
        let log = LogCapture()
        let server = try SecuredServer(security: try makeSecurity("storage", log: log))
        let stranger = try CurveKeyPair.generate()
        let serverKey = try CurveKeyDirectory.readPublicKey(keys.publicKeyFile("server"))
        let client = try connect(
            .dealer, to: server.requests, security: try makeSecurity("cli", curve: false),
            options: SocketOptions(curve: .client(keyPair: stranger, serverKey: serverKey)))

        try client.send([Data("let me in".utf8)], on: "server")

        #expect(await eventually { server.allowList.deniedCount > 0 })
        #expect(await client.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received.isEmpty)
        #expect(log.warnings.first?.metadata["key"] == "\(stranger.publicKey.z85)")
        await shutDown(client)
        await server.stop()
    }

    @Test("a client without keys is refused and logged")
    func clientWithoutKeysIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["cli"], force: false)
        let log = LogCapture()
        let server = try SecuredServer(security: try makeSecurity("storage", log: log))
        let client = try connect(.dealer, to: server.requests, security: try makeSecurity("cli", curve: false))

        try client.send([Data("let me in".utf8)], on: "server")

        #expect(await eventually { server.allowList.deniedCount > 0 })
        #expect(await client.firstMessage(within: .milliseconds(500)) == nil)
        #expect(server.received.isEmpty)
        let warning = try #require(log.warnings.first)
        #expect(warning.message.contains("does not use CURVE"))
        #expect(warning.metadata["endpoint"] == "\(server.requests)")
        await shutDown(client)
        await server.stop()
    }

    // MARK: - Which sockets get CURVE

    @Test("with keys, only network sockets get CURVE: ipc and inproc descriptors stay as they are")
    func onlyNetworkSocketsGetCurve() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try keys.generate(clientNames: ["ingest"], force: false)
        let security = try makeSecurity("ingest")

        let tcpServer = try security.server(SocketDescriptor(name: "s", type: .router, bind: ["tcp://0.0.0.0:5550"]))
        let tcpClient = try security.client(SocketDescriptor(name: "c", type: .dealer, connect: ["tcp://10.0.0.1:1"]))
        let ipcServer = try security.server(SocketDescriptor(name: "s", type: .router, bind: ["ipc:///tmp/tumen-x"]))
        let inprocClient = try security.client(SocketDescriptor(name: "c", type: .dealer, connect: ["inproc://x"]))

        guard case .server = tcpServer.options.curve else { Issue.record("tcp server without CURVE"); return }
        guard case .client = tcpClient.options.curve else { Issue.record("tcp client without CURVE"); return }
        #expect(ipcServer.options.curve == nil)
        #expect(inprocClient.options.curve == nil)
    }

    @Test("a missing key file is a configuration error that names it")
    func missingKeysAreNamed() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let empty = try makeSecurity("ingest")
        let bindError = #expect(throws: ConfigurationError.self) {
            try empty.server(SocketDescriptor(name: "s", type: .router, bind: ["tcp://127.0.0.1:*"]))
        }
        #expect(bindError?.description.contains("server.key") == true)

        _ = try keys.generate(clientNames: ["cli"], force: false)
        let ingest = try makeSecurity("ingest")
        let connectError = #expect(throws: ConfigurationError.self) {
            try ingest.client(SocketDescriptor(name: "c", type: .dealer, connect: ["tcp://127.0.0.1:1"]))
        }
        #expect(connectError?.description.contains("ingest.key") == true)

        try FileManager.default.removeItem(at: directory)
        #expect(throws: ConfigurationError.self) { try makeSecurity("ingest") }
    }

    // MARK: - Binding beyond loopback

    @Test(
        "binding beyond loopback without keys is refused, naming the endpoint and both remedies",
        arguments: ["tcp://0.0.0.0:5550", "tcp://*:5550", "tcp://192.168.1.20:5550", "tcp://[::]:5550", "tcp://eth0:1"])
    func nonLoopbackBindIsRefused(endpoint: String) throws {
        let security = try makeSecurity("ingest", curve: false)

        let error = #expect(throws: ConfigurationError.self) {
            try security.server(SocketDescriptor(name: "submit", type: .router, bind: [endpoint]))
        }

        #expect(error?.description.contains(endpoint) == true)
        #expect(error?.description.contains("TUMEN_CURVE_DIR") == true)
        #expect(error?.description.contains("--insecure") == true)
    }

    @Test(
        "loopback, IPC and in-process binds need no keys",
        arguments: [
            "tcp://127.0.0.1:5550", "tcp://127.1.2.3:*", "tcp://localhost:5550", "tcp://[::1]:5550",
            "tcp://[::ffff:127.0.0.1]:5550", "ipc:///tmp/tumen.sock", "inproc://submit",
        ])
    func loopbackBindIsAllowed(endpoint: String) throws {
        let security = try makeSecurity("ingest", curve: false)

        try security.checkBinds([endpoint])
        let descriptor = try security.server(SocketDescriptor(name: "submit", type: .router, bind: [endpoint]))

        #expect(descriptor.options.curve == nil)
    }

    @Test("with --insecure, binding every interface without keys is allowed and logs a warning")
    func insecureBindWarns() throws {
        let log = LogCapture()
        let security = try makeSecurity("ingest", curve: false, insecure: true, log: log)

        try security.checkBinds(["tcp://0.0.0.0:5550"])

        #expect(log.warnings.map { $0.metadata["endpoint"] } == ["tcp://0.0.0.0:5550"])
    }

    @Test("--insecure and --curve-dir are flags of every executable, and TUMEN_INSECURE must be a boolean")
    func flagsAndEnvironment() throws {
        let configuration = try CommonOptions.parse(["--insecure", "--curve-dir", "/etc/tumen/keys"]).configuration()
        #expect(try configuration.bool(Settings.insecure))
        #expect(configuration.string(Settings.curveDirectory) == "/etc/tumen/keys")
        #expect(try Configuration(environment: ["TUMEN_INSECURE": "1"]).bool(Settings.insecure))
        #expect(try !Configuration(environment: [:]).bool(Settings.insecure))
        #expect(throws: ConfigurationError.self) {
            try Configuration(environment: ["TUMEN_INSECURE": "maybe"]).bool(Settings.insecure)
        }
    }
}

// MARK: - Helpers

/// Log events kept in memory.
final class LogCapture: Sendable {
    struct Event: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let events = Mutex<[Event]>([])

    /// A logger that records into this capture.
    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }

    /// The warnings, in order.
    var warnings: [Event] { events.withLock { $0.filter { $0.level == .warning } } }

    fileprivate func record(_ event: Event) {
        events.withLock { $0.append(event) }
    }
}

private struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let metadata = self.metadata.merging(event.metadata ?? [:]) { $1 }.mapValues { "\($0)" }
        capture.record(LogCapture.Event(level: event.level, message: event.message.description, metadata: metadata))
    }
}

/// A ROUTER (`requests`, answering `re: ` and the request) and a PUB (`digests`) on `tcp://127.0.0.1:*`, secured
/// by `security`.
private final class SecuredServer: Sendable {
    let reactor: SocketReactor
    let requests: String
    let digests: String
    let allowList: CurveAllowList
    private let bodies = Mutex<[String]>([])
    private let loop = Mutex<Task<Void, Never>?>(nil)

    init(security: TransportSecurity) throws {
        let options = SocketOptions(linger: 0)
        reactor = try SocketReactor(
            name: "secured",
            sockets: [
                try security.server(
                    SocketDescriptor(name: "requests", type: .router, bind: ["tcp://127.0.0.1:*"], options: options)),
                try security.server(
                    SocketDescriptor(name: "digests", type: .pub, bind: ["tcp://127.0.0.1:*"], options: options)),
            ])
        requests = try #require(reactor.endpoint(of: "requests"))
        digests = try #require(reactor.endpoint(of: "digests"))
        allowList = try #require(security.allowList)
        reactor.start()
        loop.withLock { loop in
            loop = Task { [self] in
                for await message in reactor.inbound where message.frames.count == 2 {
                    bodies.withLock { $0.append(String(decoding: message.frames[1], as: UTF8.self)) }
                    try? reactor.send([message.frames[0], Data("re: ".utf8) + message.frames[1]], on: "requests")
                }
            }
        }
    }

    /// The requests that reached the server.
    var received: [String] { bodies.withLock { $0 } }

    func stop() async {
        reactor.shutdown()
        await reactor.waitUntilStopped()
        await loop.withLock { $0 }?.value
    }
}

/// A started reactor with one socket, `server`, connected to `endpoint` through `security.client`.
private func connect(
    _ type: SocketType, to endpoint: String, security: TransportSecurity, options: SocketOptions = SocketOptions()
) throws -> SocketReactor {
    var options = options
    options.linger = 0
    let descriptor = try security.client(
        SocketDescriptor(name: "server", type: type, connect: [endpoint], options: options))
    let reactor = try SocketReactor(name: "client", sockets: [descriptor])
    reactor.start()
    return reactor
}

/// Waits until `condition` holds, checking every 20 ms for at most `timeout`.
private func eventually(within timeout: Duration = .seconds(2), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}

private func shutDown(_ reactors: SocketReactor...) async {
    for reactor in reactors {
        reactor.shutdown()
        await reactor.waitUntilStopped()
    }
}
