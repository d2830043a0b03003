import Foundation
import TumenProtocol

/// The endpoints of one Tumen system.
public struct SystemEndpoints: Sendable, Equatable {
    public var submit: String
    public var store: String
    public var jobs: String
    public var digests: String
    public var control: String
    /// The `system.health` publishers by service: `ingest`, `storage` (which also relays the analysis workers'),
    /// `reporting`.
    public var health: [String: String]

    public init(
        submit: String, store: String, jobs: String, digests: String, control: String, health: [String: String]
    ) {
        self.submit = submit
        self.store = store
        self.jobs = jobs
        self.digests = digests
        self.control = control
        self.health = health
    }

    /// The endpoints a configuration resolves to.
    public init(_ configuration: Configuration) {
        self.init(
            submit: configuration.string(Settings.submitEndpoint), store: configuration.string(Settings.storeEndpoint),
            jobs: configuration.string(Settings.jobsEndpoint), digests: configuration.string(Settings.digestsEndpoint),
            control: configuration.string(Settings.controlEndpoint),
            health: [
                "ingest": configuration.string(Settings.ingestHealthEndpoint),
                "storage": configuration.string(Settings.storageHealthEndpoint),
                "reporting": configuration.string(Settings.reportingHealthEndpoint),
            ])
    }

    /// IPC endpoints inside a directory: private to one machine, no ports to collide.
    public static func ipc(in directory: URL) -> SystemEndpoints {
        func path(_ name: String) -> String { "ipc://" + directory.appendingPathComponent("\(name).sock").path }
        return SystemEndpoints(
            submit: path("submit"), store: path("store"), jobs: path("jobs"), digests: path("digests"),
            control: path("control"),
            health: Dictionary(
                uniqueKeysWithValues: ["ingest", "storage", "reporting"].map { ($0, path("\($0)-health")) }))
    }
}

/// A service process that could not be started or did not become ready.
public struct LocalSystemError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Runs the four services as local processes: what `tumen up` and the integration tests use.
public actor LocalSystem {
    /// How to start the system.
    public struct Configuration: Sendable {
        /// Directory holding the `tumen-*` executables.
        public var binDirectory: URL
        /// Storage's data directory.
        public var dataDirectory: URL
        /// Where each service writes its log (`<service>.log`).
        public var logDirectory: URL
        public var endpoints: SystemEndpoints
        public var analysisWorkers: Int
        /// Extra command-line arguments per service name (`ingest`, `storage`, `analysis`, `reporting`).
        public var arguments: [String: [String]]
        /// How this process connects to the services it started (CURVE keys are passed to the services through
        /// the environment they inherit, `TUMEN_CURVE_DIR`).
        public var security: TransportSecurity?

        public init(
            binDirectory: URL, dataDirectory: URL, logDirectory: URL, endpoints: SystemEndpoints,
            analysisWorkers: Int = 1, arguments: [String: [String]] = [:], security: TransportSecurity? = nil
        ) {
            self.binDirectory = binDirectory
            self.dataDirectory = dataDirectory
            self.logDirectory = logDirectory
            self.endpoints = endpoints
            self.analysisWorkers = analysisWorkers
            self.arguments = arguments
            self.security = security
        }
    }

    /// One started service process, and how to start it again.
    private struct Entry {
        var name: String
        var service: String
        var arguments: [String]
        var process: Process
        var started = ContinuousClock.now
    }

    /// How long a process is let start before ``stop(grace:)`` signals it: a process signalled in its first
    /// moments, before it can handle SIGTERM, dies at once instead of shutting down.
    private static let startupGrace: Duration = .milliseconds(500)

    public let configuration: Configuration
    private var processes: [Entry] = []
    private var restartCounts: [String: Int] = [:]

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Starts storage, ingest, the analysis workers and reporting.
    public func start() throws {
        let endpoints = configuration.endpoints
        try FileManager.default.createDirectory(at: configuration.logDirectory, withIntermediateDirectories: true)
        try launch(
            "storage",
            [
                "--store-endpoint", endpoints.store, "--jobs-endpoint", endpoints.jobs,
                "--data-dir", configuration.dataDirectory.path,
            ] + healthArguments("storage"))
        try launch(
            "ingest",
            ["--submit-endpoint", endpoints.submit, "--store-endpoint", endpoints.store] + healthArguments("ingest"))
        for index in 0..<configuration.analysisWorkers {
            try launch(
                "analysis", ["--jobs-endpoint", endpoints.jobs, "--worker-id", "worker-\(index + 1)"], index: index)
        }
        try launch(
            "reporting",
            [
                "--digests-endpoint", endpoints.digests, "--control-endpoint", endpoints.control,
                "--store-endpoint", endpoints.store,
            ] + healthArguments("reporting"))
    }

    /// The CURVE key directory and `--insecure` of this process, for every service.
    private var securityArguments: [String] {
        guard let security = configuration.security else { return [] }
        return (security.curveDirectory.map { ["--curve-dir", $0.url.path] } ?? [])
            + (security.isInsecure ? ["--insecure"] : [])
    }

    private func healthArguments(_ service: String) -> [String] {
        configuration.endpoints.health[service].map { ["--\(service)-health-endpoint", $0] } ?? []
    }

    /// Waits until storage answers a status query.
    public func waitUntilReady(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        try await ServiceClient.with(
            endpoint: configuration.endpoints.store, name: "ready-probe", security: configuration.security
        ) { client in
            while true {
                try checkAlive()
                if (try? await client.request(StatusQuery(), timeout: .milliseconds(500), attempts: 1)) != nil {
                    return
                }
                guard ContinuousClock.now < deadline else {
                    throw LocalSystemError(
                        description: "storage did not answer within \(timeout); see \(configuration.logDirectory.path)")
                }
            }
        }
    }

    /// Waits until no job is queued or leased, and returns storage's counts.
    public func waitUntilIdle(timeout: Duration = .seconds(60)) async throws -> StatusReport {
        let deadline = ContinuousClock.now + timeout
        return try await ServiceClient.with(
            endpoint: configuration.endpoints.store, name: "idle-probe", security: configuration.security
        ) { client in
            while true {
                try checkAlive()
                let status = try await client.request(StatusQuery(), timeout: .seconds(2), attempts: 3)
                    .decode(StatusReport.self)
                if status.jobsQueued + status.jobsLeased == 0 { return status }
                guard ContinuousClock.now < deadline else {
                    throw LocalSystemError(
                        description: "analysis did not finish within \(timeout): \(status.jobsQueued) queued, "
                            + "\(status.jobsLeased) leased")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Process ids by service name (`analysis-1`, `analysis-2`, …), for tests that kill services.
    public func processIDs() -> [String: Int32] {
        Dictionary(processes.map { ($0.name, $0.process.processIdentifier) }, uniquingKeysWith: { first, _ in first })
    }

    /// Sends `signal` to a service (`storage`, `analysis-2`, …): SIGKILL or SIGTERM for fault tests, SIGSTOP and
    /// SIGCONT to make it hang and resume. Use ``kill(_:signal:timeout:)`` to also wait until it has exited.
    public func signal(_ name: String, _ signal: Int32) throws {
        let entry = try entry(named: name)
        guard entry.process.isRunning else {
            throw LocalSystemError(description: "\(name) is not running")
        }
        Foundation.kill(entry.process.processIdentifier, signal)
    }

    /// Sends `signal` (by default SIGKILL) to a service and waits until it has exited; returns its exit status.
    @discardableResult
    public func kill(_ name: String, signal: Int32 = SIGKILL, timeout: Duration = .seconds(20)) async throws -> Int32 {
        try self.signal(name, signal)
        let process = try entry(named: name).process
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw LocalSystemError(description: "\(name) did not exit within \(timeout) of signal \(signal)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Starts a service that has exited again, with the same arguments, appending to its log.
    public func restart(_ name: String) throws {
        let old = try entry(named: name)
        guard !old.process.isRunning else {
            throw LocalSystemError(description: "\(name) is still running; kill it first")
        }
        let process = try spawn(old.service, old.arguments, name: name, appendingToLog: true)
        processes = processes.map {
            $0.name == name ? Entry(name: name, service: old.service, arguments: old.arguments, process: process) : $0
        }
        restartCounts[name, default: 0] += 1
    }

    /// How often each service was restarted with ``restart(_:)``.
    public func restarts() -> [String: Int] { restartCounts }

    /// Stops every service with SIGTERM, then SIGKILL after `grace`; returns each service's exit status.
    @discardableResult
    public func stop(grace: Duration = .seconds(10)) async -> [String: Int32] {
        if let youngest = processes.map(\.started).max(), youngest + Self.startupGrace > ContinuousClock.now {
            try? await Task.sleep(until: youngest + Self.startupGrace)
        }
        for entry in processes where entry.process.isRunning { entry.process.terminate() }
        let deadline = ContinuousClock.now + grace
        while processes.contains(where: { $0.process.isRunning }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        for entry in processes where entry.process.isRunning {
            Foundation.kill(entry.process.processIdentifier, SIGKILL)
        }
        var statuses: [String: Int32] = [:]
        for entry in processes {
            entry.process.waitUntilExit()
            statuses[entry.name] = entry.process.terminationStatus
        }
        processes.removeAll()
        return statuses
    }

    private func checkAlive() throws {
        if let dead = processes.first(where: { !$0.process.isRunning }) {
            throw LocalSystemError(
                description: "\(dead.name) exited with status \(dead.process.terminationStatus); see "
                    + configuration.logDirectory.appendingPathComponent("\(dead.name).log").path)
        }
    }

    private func entry(named name: String) throws -> Entry {
        guard let entry = processes.first(where: { $0.name == name }) else {
            throw LocalSystemError(
                description: "no service named '\(name)'; there are \(processes.map(\.name).joined(separator: ", "))")
        }
        return entry
    }

    private func launch(_ service: String, _ arguments: [String], index: Int? = nil) throws {
        let name = index.map { "\(service)-\($0 + 1)" } ?? service
        let arguments = arguments + securityArguments + (configuration.arguments[service] ?? [])
        let process = try spawn(service, arguments, name: name, appendingToLog: false)
        processes.append(Entry(name: name, service: service, arguments: arguments, process: process))
    }

    private func spawn(_ service: String, _ arguments: [String], name: String, appendingToLog: Bool) throws -> Process {
        let executable = configuration.binDirectory.appendingPathComponent("tumen-\(service)")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw LocalSystemError(description: "\(executable.path) is missing; build first with `swift build`")
        }
        let logURL = configuration.logDirectory.appendingPathComponent("\(name).log")
        if !appendingToLog || !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logURL)
        try log.seekToEnd()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw LocalSystemError(description: "cannot start \(executable.path): \(error.localizedDescription)")
        }
        return process
    }
}
