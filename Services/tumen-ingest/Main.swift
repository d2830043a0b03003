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

    func run() async throws {
        let config = try common.configuration(flags: [
            Settings.submitEndpoint.key: submitEndpoint, Settings.storeEndpoint.key: storeEndpoint,
            Settings.maxDocumentBytes.key: maxDocumentBytes, Settings.maxInFlight.key: maxInFlight,
        ])
        let logger = ServiceRunner.bootstrapLogging(label: "tumen.ingest", level: config.string(Settings.logLevel))
        let service = try IngestService(
            submitEndpoint: config.string(Settings.submitEndpoint),
            storeEndpoint: config.string(Settings.storeEndpoint),
            intake: DocumentIntake(configuration: .init(maxDocumentBytes: try config.int(Settings.maxDocumentBytes))),
            maxInFlight: try config.int(Settings.maxInFlight), logger: logger)
        try await ServiceRunner.run([service], logger: logger)
    }
}
