import ArgumentParser
import Foundation
import TumenService
import TumenStorage

/// `tumen-storage`: the storage service, sole owner of the store.
@main
struct StorageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tumen-storage", abstract: "Keeps documents, results and digests; leases analysis jobs.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Endpoint to bind for store requests (TUMEN_STORE_ENDPOINT).") var storeEndpoint: String?
    @Option(help: "Endpoint to bind for analysis workers (TUMEN_JOBS_ENDPOINT).") var jobsEndpoint: String?
    @Option(help: "Directory of the SQLite store (TUMEN_DATA_DIR).") var dataDir: String?
    @Option(help: "Seconds a worker holds a job before it goes to another (TUMEN_LEASE_SECONDS).") var leaseSeconds:
        String?

    @Option(help: "Largest frame on the store socket, in bytes (TUMEN_STORE_MAX_MESSAGE_BYTES).")
    var storeMaxMessageBytes: String?
    @Option(help: "Largest frame on the jobs socket, in bytes (TUMEN_JOBS_MAX_MESSAGE_BYTES).")
    var jobsMaxMessageBytes: String?
    @Option(help: "Endpoint to bind for system.health (TUMEN_STORAGE_HEALTH_ENDPOINT).")
    var storageHealthEndpoint: String?
    @Option(help: "Largest the store's database may grow, in bytes; empty: no limit (TUMEN_MAX_STORE_BYTES).")
    var maxStoreBytes: String?
    @Option(help: "Dead letters kept; one more drops the oldest (TUMEN_MAX_DEAD_LETTERS).") var maxDeadLetters: String?

    func run() async throws {
        ServiceRunner.catchEarlySignals()
        let config = try common.configuration(flags: [
            Settings.storeEndpoint.key: storeEndpoint, Settings.jobsEndpoint.key: jobsEndpoint,
            Settings.dataDirectory.key: dataDir, Settings.leaseSeconds.key: leaseSeconds,
            Settings.storeMaxMessageBytes.key: storeMaxMessageBytes,
            Settings.jobsMaxMessageBytes.key: jobsMaxMessageBytes,
            Settings.storageHealthEndpoint.key: storageHealthEndpoint,
            Settings.maxStoreBytes.key: maxStoreBytes, Settings.maxDeadLetters.key: maxDeadLetters,
        ])
        let logger = ServiceRunner.bootstrap(label: "tumen.storage", level: config.string(Settings.logLevel))
        let store = try SQLiteStore(
            configuration: .init(
                location: .directory(config.string(Settings.dataDirectory)),
                leaseDuration: TimeInterval(try config.int(Settings.leaseSeconds)),
                maxStoreBytes: config.string(Settings.maxStoreBytes).isEmpty
                    ? nil : Int64(try config.int(Settings.maxStoreBytes)),
                maxDeadLetters: try config.int(Settings.maxDeadLetters)),
            logger: logger)
        let service = try StorageService(
            storeEndpoint: config.string(Settings.storeEndpoint), jobsEndpoint: config.string(Settings.jobsEndpoint),
            healthEndpoint: config.string(Settings.storageHealthEndpoint), healthInterval: try config.healthInterval(),
            maxMessageBytes: (
                store: Int64(try config.int(Settings.storeMaxMessageBytes)),
                jobs: Int64(try config.int(Settings.jobsMaxMessageBytes))
            ),
            store: store, security: try TransportSecurity(config, identity: "storage", logger: logger),
            logger: logger)
        try await ServiceRunner.run([service], logger: logger)
    }
}
