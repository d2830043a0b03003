import ArgumentParser
import Foundation
import TumenProtocol
import TumenService

/// `tumen-reporting`: the reporting service.
@main
struct ReportingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tumen-reporting", abstract: "Makes, records and publishes briefing digests.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Endpoint to bind the digest PUB socket (TUMEN_DIGESTS_ENDPOINT).") var digestsEndpoint: String?
    @Option(help: "Endpoint to bind for digest.now (TUMEN_CONTROL_ENDPOINT).") var controlEndpoint: String?
    @Option(help: "Storage's store endpoint (TUMEN_STORE_ENDPOINT).") var storeEndpoint: String?
    @Option(help: "Digest cadence: 10m, 1h, 1d, 1w (TUMEN_DIGEST_EVERY).") var every: String?
    @Option(help: "Comma-separated digest topics (TUMEN_DIGEST_TOPICS).") var topics: String?
    @Option(help: "Largest frame on the control socket, in bytes (TUMEN_CONTROL_MAX_MESSAGE_BYTES).")
    var controlMaxMessageBytes: String?
    @Option(help: "Endpoint to bind for system.health (TUMEN_REPORTING_HEALTH_ENDPOINT).")
    var reportingHealthEndpoint: String?
    @Option(help: "Digests queued per subscriber before newer ones are dropped for it (TUMEN_DIGESTS_HIGH_WATER_MARK).")
    var digestsHighWaterMark: String?

    func run() async throws {
        ServiceRunner.catchEarlySignals()
        let config = try common.configuration(flags: [
            Settings.digestsEndpoint.key: digestsEndpoint, Settings.controlEndpoint.key: controlEndpoint,
            Settings.storeEndpoint.key: storeEndpoint, Settings.every.key: every, Settings.topics.key: topics,
            Settings.controlMaxMessageBytes.key: controlMaxMessageBytes,
            Settings.reportingHealthEndpoint.key: reportingHealthEndpoint,
            Settings.digestsHighWaterMark.key: digestsHighWaterMark,
        ])
        let logger = ServiceRunner.bootstrap(label: "tumen.reporting", level: config.string(Settings.logLevel))
        guard let cadence = Cadence(config.string(Settings.every)) else {
            throw ValidationError("every: '\(config.string(Settings.every))' is not a period such as 10m, 1h, 1d or 1w")
        }
        let topicList = config.string(Settings.topics).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let service = try ReportingService(
            digestsEndpoint: config.string(Settings.digestsEndpoint),
            controlEndpoint: config.string(Settings.controlEndpoint),
            storeEndpoint: config.string(Settings.storeEndpoint),
            healthEndpoint: config.string(Settings.reportingHealthEndpoint),
            healthInterval: try config.healthInterval(),
            controlMaxMessageBytes: Int64(try config.int(Settings.controlMaxMessageBytes)),
            digestsHighWaterMark: try config.int(Settings.digestsHighWaterMark),
            cadence: cadence, topics: topicList,
            security: try TransportSecurity(config, identity: "reporting", logger: logger), logger: logger)
        try await ServiceRunner.run([service], logger: logger)
    }
}
