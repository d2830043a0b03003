import ArgumentParser
import Foundation
import TumenAnalysis
import TumenService

/// `tumen-analysis`: an analysis worker; run as many as the backlog needs.
@main
struct AnalysisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tumen-analysis", abstract: "Takes analysis jobs from storage and returns their results.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Storage's jobs endpoint (TUMEN_JOBS_ENDPOINT).") var jobsEndpoint: String?
    @Option(help: "Worker id (TUMEN_WORKER_ID; default: host name and process id).") var workerId: String?
    @Option(help: "Extra gazetteer JSON merged over the bundled one (TUMEN_GAZETTEER).") var gazetteer: String?
    @Option(help: "Extra source registry JSON merged over the bundled one (TUMEN_SOURCES).") var sources: String?

    func run() async throws {
        ServiceRunner.catchEarlySignals()
        let config = try common.configuration(flags: [
            Settings.jobsEndpoint.key: jobsEndpoint, Settings.workerId.key: workerId, Settings.gazetteer.key: gazetteer,
            Settings.sources.key: sources,
        ])
        let logger = ServiceRunner.bootstrap(label: "tumen.analysis", level: config.string(Settings.logLevel))
        let configuredId = config.string(Settings.workerId)
        let id = configuredId.isEmpty ? "\(ProcessInfo.processInfo.hostName)-\(getpid())" : configuredId
        let setup = try AnalysisSetup(
            extraGazetteer: config.string(Settings.gazetteer), extraSources: config.string(Settings.sources))
        let worker = AnalysisWorker(
            jobsEndpoint: config.string(Settings.jobsEndpoint), workerId: id,
            healthInterval: try config.healthInterval(),
            analyzer: setup.analyzer, crosscheck: setup.crosscheck,
            security: try TransportSecurity(config, identity: "analysis", logger: logger), logger: logger)
        try await ServiceRunner.run([worker], logger: logger)
    }
}
