import ArgumentParser
import Foundation
import TumenProtocol
import TumenReporting
import TumenService
import UnixSignals

/// `tumen up [PATH…]`: starts all four services on this machine, optionally ingests paths and prints a digest.
struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start all services locally (SQLite store), ingest PATHs, print a digest; Ctrl-C stops them.")

    @OptionGroup var endpoints: EndpointOptions
    @Option(help: "Storage's data directory (TUMEN_DATA_DIR).") var dataDir: String?
    @Option(help: "Number of analysis workers.") var workers = 1
    @Option(help: "Digest cadence of the reporting service: 10m, 1h, 1d, 1w (TUMEN_DIGEST_EVERY).") var every: String?
    @Flag(help: "Stop the services after printing the digest.") var once = false
    @Option(help: "Format of the printed digest: markdown or json.") var format: DigestFormat = .markdown
    @Argument(help: "Files or directories to ingest once the services are up.") var paths: [String] = []

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        if let every, Cadence(every) == nil {
            throw ValidationError("--every '\(every)' is not a period such as 10m or 1d")
        }
    }

    func run() async throws {
        let config = try endpoints.configuration(extra: [Settings.dataDirectory.key: dataDir])
        let dataDirectory = URL(fileURLWithPath: config.string(Settings.dataDirectory)).standardizedFileURL
        let binDirectory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let system = LocalSystem(
            configuration: .init(
                binDirectory: binDirectory, dataDirectory: dataDirectory,
                logDirectory: dataDirectory.appendingPathComponent("logs"), endpoints: SystemEndpoints(config),
                analysisWorkers: workers, arguments: every.map { ["reporting": ["--every", $0]] } ?? [:],
                security: try endpoints.security(config)))
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        do {
            try await system.start()
            try await system.waitUntilReady()
            note("Tumen is up: store \(dataDirectory.path)/tumen.sqlite, logs \(dataDirectory.path)/logs")
            if !paths.isEmpty { try await ingestAndDigest(system: system, config: config) }
        } catch {
            await system.stop()
            throw error
        }
        if !once {
            note("Services running; digests on \(config.string(Settings.digestsEndpoint)). Ctrl-C stops them.")
            for await _ in signals { break }
        }
        let statuses = await system.stop()
        note("Stopped: " + statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    private func ingestAndDigest(system: LocalSystem, config: Configuration) async throws {
        let submitter = try Submitter(
            endpoint: config.string(Settings.submitEndpoint),
            maxDocumentBytes: try config.int(Settings.maxDocumentBytes), security: try endpoints.security(config))
        let summary = await submitter.submit(paths: paths, documentDate: nil, publisher: nil) { note($0) }
        await submitter.close()
        note("Ingest: \(summary)")
        let status = try await system.waitUntilIdle()
        note("Analysis done: \(status.documents) documents, \(status.quantities) quantities")
        let security = try endpoints.security(config)
        var digests = try await DigestCommand.makeNow(
            endpoint: config.string(Settings.controlEndpoint), topics: ["all"], security: security)
        if let made = digests.first, made.documents.isEmpty,
            let latest = try await Self.latestWithDocuments(
                topic: made.pubSubTopic, before: made.seq, storeEndpoint: config.string(Settings.storeEndpoint),
                security: security)
        {
            note(
                "Nothing is new since the last digest (every document was stored before); here is the latest digest "
                    + "with documents, \(latest.pubSubTopic) seq \(latest.seq):")
            digests = [latest]
        }
        for digest in digests {
            print(try format.render(digest), terminator: "")
        }
    }

    /// The most recent digest of `topic` before seq `before` that has documents, replayed from storage.
    private static func latestWithDocuments(
        topic: String, before: Int, storeEndpoint: String, security: TransportSecurity
    ) async throws -> Digest? {
        try await ServiceClient.with(endpoint: storeEndpoint, name: "tumen-up-replay", security: security) { client in
            var latest: Digest?
            var request = DigestReplay(topicPrefix: topic, limit: DigestReplay.maximumLimit)
            while true {
                let page = try await client.request(request, timeout: .seconds(10)).decode(DigestReplayed.self)
                for digest in page.digests
                where digest.pubSubTopic == topic && digest.seq < before && !digest.documents.isEmpty {
                    latest = digest
                }
                guard page.more, let last = page.digests.last else { return latest }
                request.after = DigestPosition(of: last)
            }
        }
    }

    private func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
