import ArgumentParser
import Foundation
import TumenProtocol
import TumenReporting
import TumenService

extension DigestFormat: ExpressibleByArgument {}

/// `tumen digest --now`: asks reporting to make, record and publish digests now, and prints them.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Make, record and publish digests now, and print them.")

    @OptionGroup var endpoints: EndpointOptions
    @Flag(help: "Make the digests now, covering everything since the last digest.") var now = false
    @Option(help: "Topic to digest (repeatable); default: every topic reporting serves.") var topic: [String] = []
    @Option(help: "Output format: markdown or json.") var format: DigestFormat = .markdown

    func validate() throws {
        guard now else { throw ValidationError("say --now: digests on a cadence are made by the reporting service") }
    }

    func run() async throws {
        let config = try endpoints.configuration()
        let made = try await Self.makeNow(
            endpoint: config.string(Settings.controlEndpoint), topics: topic, security: try endpoints.security(config))
        for digest in made {
            print(try format.render(digest), terminator: "")
        }
    }

    /// Asks reporting for digests of `topics` up to now.
    static func makeNow(endpoint: String, topics: [String], security: TransportSecurity) async throws -> [Digest] {
        try await ServiceClient.with(endpoint: endpoint, name: "tumen-digest-client", security: security) { client in
            try await client.request(DigestNow(topics: topics), timeout: .seconds(60), attempts: 2)
                .decode(DigestMade.self).digests
        }
    }
}

/// `tumen subscribe PREFIX…`: prints digests as they are published, with the missed ones replayed from storage.
struct Subscribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print digests as they are published on topics starting with the given prefixes.",
        discussion: """
            Digests missed while subscribed (a sequence gap on a topic) are fetched from storage and printed \
            before later ones; no digest is printed twice, and each topic's digests come in sequence order. \
            With --since, the digests recorded since then are printed first.
            """)

    @OptionGroup var endpoints: EndpointOptions
    @Argument(help: "Topic prefixes, e.g. digest.daily or digest.weekly.economic (default: digest.).")
    var prefixes: [String] = []
    @Option(
        help: """
            Replay first what storage recorded since then: a sequence number (on every topic) or a time \
            (2025-06-19T08:30:00Z, or 2025-06-19 for midnight UTC).
            """)
    var since: String?
    @Option(help: "Stop after this many digests.") var count: Int?
    @Option(help: "Output format: markdown or json.") var format: DigestFormat = .markdown

    func validate() throws {
        if let since, DigestStart(argument: since) == nil {
            throw ValidationError("--since takes a sequence number or a time such as 2025-06-19T08:30:00Z")
        }
    }

    func run() async throws {
        let config = try endpoints.configuration()
        let topics = prefixes.isEmpty ? ["digest."] : prefixes
        let security = try endpoints.security(config)
        let subscriber = try DigestSubscriber(
            endpoint: config.string(Settings.digestsEndpoint), prefixes: topics, security: security)
        let storage = try ServiceClient(
            endpoint: config.string(Settings.storeEndpoint), name: "tumen-replay-client", security: security)
        let follower = DigestFollower(
            prefixes: topics, start: since.flatMap(DigestStart.init(argument:)) ?? .live,
            replay: { try await storage.request($0, timeout: .seconds(5), attempts: 3).decode(DigestReplayed.self) },
            notice: Self.warn)
        var received = 0
        do {
            for try await digest in follower.digests(live: subscriber.digests(onError: Self.warn)) {
                FileHandle.standardOutput.write(Data(try format.render(digest).utf8))
                received += 1
                if let count, received >= count { break }
            }
        } catch {
            await subscriber.close()
            await storage.close()
            throw error
        }
        await subscriber.close()
        await storage.close()
    }

    @Sendable private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("tumen: \(message)\n".utf8))
    }
}

/// `tumen status`: each service's heartbeat and what storage holds.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each service's health, and documents, jobs, digests and dead letters in storage.",
        discussion: """
            Listens to the system.health publishers of ingest, storage (which relays the analysis workers') and \
            reporting for --wait seconds, then asks storage for its counts. Exits 1 when a service sent no \
            heartbeat or storage did not answer.
            """)

    @OptionGroup var endpoints: EndpointOptions
    @Option(help: "Seconds to listen for heartbeats (a little more than the services' health interval).")
    var wait: Double = 2.5
    @Option(help: "Output format: text or json.") var format: StatusFormat = .text

    enum StatusFormat: String, ExpressibleByArgument { case text, json }

    func run() async throws {
        let config = try endpoints.configuration()
        let security = try endpoints.security(config)
        let listening = Task { [health = SystemEndpoints(config).health, wait] in
            try await HealthWatch.listen(
                to: health, for: .milliseconds(Int(max(wait, 0.1) * 1000)), security: security)
        }
        let store: Result<StatusReport, any Error>
        do {
            store = .success(
                try await ServiceClient.with(endpoint: config.string(Settings.storeEndpoint), security: security) {
                    client in
                    try await client.request(StatusQuery(), timeout: .seconds(3), attempts: 2).decode(StatusReport.self)
                })
        } catch {
            store = .failure(error)
        }
        let snapshot = try await listening.value
        switch format {
        case .text: print(StatusText.render(snapshot, store: store, now: Date()), terminator: "")
        case .json: print(try StatusText.json(snapshot, store: store))
        }
        if !snapshot.silent.isEmpty || (try? store.get()) == nil { throw ExitCode(1) }
    }
}
