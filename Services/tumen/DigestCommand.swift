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
        for digest in try await Self.makeNow(endpoint: config.string(Settings.controlEndpoint), topics: topic) {
            print(try format.render(digest), terminator: "")
        }
    }

    /// Asks reporting for digests of `topics` up to now.
    static func makeNow(endpoint: String, topics: [String]) async throws -> [Digest] {
        try await ServiceClient.with(endpoint: endpoint, name: "tumen-digest-client") { client in
            try await client.request(DigestNow(topics: topics), timeout: .seconds(60), attempts: 2)
                .decode(DigestMade.self).digests
        }
    }
}

/// `tumen subscribe PREFIX…`: prints digests as they are published.
struct Subscribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print digests as they are published on topics starting with the given prefixes.")

    @OptionGroup var endpoints: EndpointOptions
    @Argument(help: "Topic prefixes, e.g. digest.daily or digest.weekly.economic (default: digest.).")
    var prefixes: [String] = []
    @Option(help: "Stop after this many digests.") var count: Int?
    @Option(help: "Output format: markdown or json.") var format: DigestFormat = .markdown

    func run() async throws {
        let config = try endpoints.configuration()
        let subscriber = try DigestSubscriber(
            endpoint: config.string(Settings.digestsEndpoint), prefixes: prefixes.isEmpty ? ["digest."] : prefixes)
        var received = 0
        for await item in subscriber.digests(onError: { FileHandle.standardError.write(Data("tumen: \($0)\n".utf8)) }) {
            FileHandle.standardOutput.write(Data(try format.render(item.digest).utf8))
            received += 1
            if let count, received >= count { break }
        }
        await subscriber.close()
    }
}

/// `tumen status`: what storage holds.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show documents, jobs, digests and dead letters in storage.")

    @OptionGroup var endpoints: EndpointOptions

    func run() async throws {
        let config = try endpoints.configuration()
        let status = try await ServiceClient.with(endpoint: config.string(Settings.storeEndpoint)) { client in
            try await client.request(StatusQuery(), timeout: .seconds(3), attempts: 2).decode(StatusReport.self)
        }
        print(
            """
            documents     \(status.documents) (\(status.analyzedDocuments) analysed)
            jobs          \(status.jobsQueued) queued, \(status.jobsLeased) leased, \(status.jobsDone) done, \(status.jobsFailed) failed
            quantities    \(status.quantities)
            digests       \(status.digests)
            dead letters  \(status.deadLetters)
            """)
    }
}
