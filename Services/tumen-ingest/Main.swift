import ArgumentParser
import TumenIngest
import TumenService

/// `tumen-ingest`: the ingest service.
@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tumen-ingest", abstract: "Checks, normalises and hands documents to storage.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Endpoint to bind for document.submit (TUMEN_SUBMIT_ENDPOINT).") var submitEndpoint: String?
    @Option(help: "Storage's store endpoint (TUMEN_STORE_ENDPOINT).") var storeEndpoint: String?
    @Option(help: "Largest document in bytes (TUMEN_MAX_DOCUMENT_BYTES).") var maxDocumentBytes: String?
    @Option(help: "Documents handled at once before answering busy (TUMEN_MAX_IN_FLIGHT).") var maxInFlight: String?
    @Option(help: "Largest frame on the submit socket, in bytes (TUMEN_SUBMIT_MAX_MESSAGE_BYTES).")
    var submitMaxMessageBytes: String?
    @Option(help: "Endpoint to bind for system.health (TUMEN_INGEST_HEALTH_ENDPOINT).") var ingestHealthEndpoint:
        String?

    func run() async throws {
        ServiceRunner.catchEarlySignals()
        let config = try common.configuration(flags: [
            Settings.submitEndpoint.key: submitEndpoint, Settings.storeEndpoint.key: storeEndpoint,
            Settings.maxDocumentBytes.key: maxDocumentBytes, Settings.maxInFlight.key: maxInFlight,
            Settings.submitMaxMessageBytes.key: submitMaxMessageBytes,
            Settings.ingestHealthEndpoint.key: ingestHealthEndpoint,
        ])
        let logger = ServiceRunner.bootstrap(label: "tumen.ingest", level: config.string(Settings.logLevel))
        let maxDocumentBytes = try config.int(Settings.maxDocumentBytes)
        // By default room for base64 (4/3) and then some, so that an oversized document still arrives and gets a
        // clear answer.
        let frameLimit =
            config.string(Settings.submitMaxMessageBytes).isEmpty
            ? maxDocumentBytes * 2 + 64 * 1024 : try config.int(Settings.submitMaxMessageBytes)
        let service = try IngestService(
            submitEndpoint: config.string(Settings.submitEndpoint),
            storeEndpoint: config.string(Settings.storeEndpoint),
            healthEndpoint: config.string(Settings.ingestHealthEndpoint), healthInterval: try config.healthInterval(),
            intake: DocumentIntake(configuration: .init(maxDocumentBytes: maxDocumentBytes)),
            frameLimit: Int64(frameLimit),
            maxInFlight: try config.int(Settings.maxInFlight),
            security: try TransportSecurity(config, identity: "ingest", logger: logger), logger: logger)
        try await ServiceRunner.run([service], logger: logger)
    }
}
