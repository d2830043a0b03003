import ArgumentParser
import Logging
import TumenService

/// `tumen`: the command-line client of a Tumen system, and the offline analyser.
@main
struct Tumen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tumen",
        abstract: "Turns documents into periodic briefing digests.",
        subcommands: [
            Up.self, Ingest.self, DigestCommand.self, Subscribe.self, Status.self, DeadLetters.self, Analyze.self,
            Keys.self,
        ])
}

/// Endpoints of the services the CLI talks to; flags override `TUMEN_*` variables, the config file and defaults.
struct EndpointOptions: ParsableArguments {
    @OptionGroup var common: CommonOptions
    @Option(help: "Ingest's submit endpoint (TUMEN_SUBMIT_ENDPOINT).") var submitEndpoint: String?
    @Option(help: "Storage's store endpoint (TUMEN_STORE_ENDPOINT).") var storeEndpoint: String?
    @Option(help: "Reporting's digest PUB endpoint (TUMEN_DIGESTS_ENDPOINT).") var digestsEndpoint: String?
    @Option(help: "Reporting's control endpoint (TUMEN_CONTROL_ENDPOINT).") var controlEndpoint: String?
    @Option(help: "Ingest's health endpoint (TUMEN_INGEST_HEALTH_ENDPOINT).") var ingestHealthEndpoint: String?
    @Option(help: "Storage's health endpoint (TUMEN_STORAGE_HEALTH_ENDPOINT).") var storageHealthEndpoint: String?
    @Option(help: "Reporting's health endpoint (TUMEN_REPORTING_HEALTH_ENDPOINT).") var reportingHealthEndpoint: String?

    /// The resolved configuration, with the endpoint flags and any `extra` flags of the command.
    func configuration(extra: [String: String?] = [:]) throws -> Configuration {
        let flags: [String: String?] = [
            Settings.submitEndpoint.key: submitEndpoint, Settings.storeEndpoint.key: storeEndpoint,
            Settings.digestsEndpoint.key: digestsEndpoint, Settings.controlEndpoint.key: controlEndpoint,
            Settings.ingestHealthEndpoint.key: ingestHealthEndpoint,
            Settings.storageHealthEndpoint.key: storageHealthEndpoint,
            Settings.reportingHealthEndpoint.key: reportingHealthEndpoint,
        ]
        return try common.configuration(flags: flags.merging(extra) { $1 })
    }

    /// How the CLI connects: with CURVE and the `cli` key when `curve-dir` is set.
    func security(_ configuration: Configuration) throws -> TransportSecurity {
        try TransportSecurity(configuration, identity: "cli", logger: Logger(label: "tumen.cli"))
    }
}
