import Foundation
import TumenProtocol

/// One documented configuration setting: its config-file key, environment variable and default.
///
/// Every service resolves a setting the same way: command-line flag, then environment variable, then the
/// configuration file (`--config FILE` or `TUMEN_CONFIG`, a JSON object of strings), then the default.
public struct Setting: Sendable, Hashable {
    /// Key in the configuration file, also the flag name in kebab case.
    public var key: String
    public var env: String
    public var defaultValue: String
    public var help: String

    public init(key: String, env: String, defaultValue: String, help: String) {
        self.key = key
        self.env = env
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// The settings of all services, in one place (the README's configuration table is written from this list).
public enum Settings {
    public static let submitEndpoint = Setting(
        key: "submit-endpoint", env: "TUMEN_SUBMIT_ENDPOINT", defaultValue: Topology.Defaults.submit,
        help: "ingest's ROUTER for document.submit")
    public static let storeEndpoint = Setting(
        key: "store-endpoint", env: "TUMEN_STORE_ENDPOINT", defaultValue: Topology.Defaults.store,
        help: "storage's ROUTER for store, query and digest requests")
    public static let jobsEndpoint = Setting(
        key: "jobs-endpoint", env: "TUMEN_JOBS_ENDPOINT", defaultValue: Topology.Defaults.jobs,
        help: "storage's ROUTER where analysis workers take jobs")
    public static let digestsEndpoint = Setting(
        key: "digests-endpoint", env: "TUMEN_DIGESTS_ENDPOINT", defaultValue: Topology.Defaults.digests,
        help: "reporting's PUB for digest topics")
    public static let controlEndpoint = Setting(
        key: "control-endpoint", env: "TUMEN_CONTROL_ENDPOINT", defaultValue: Topology.Defaults.control,
        help: "reporting's ROUTER for digest.now")
    public static let ingestHealthEndpoint = Setting(
        key: "ingest-health-endpoint", env: "TUMEN_INGEST_HEALTH_ENDPOINT",
        defaultValue: Topology.Defaults.ingestHealth,
        help: "ingest's PUB for system.health")
    public static let storageHealthEndpoint = Setting(
        key: "storage-health-endpoint", env: "TUMEN_STORAGE_HEALTH_ENDPOINT",
        defaultValue: Topology.Defaults.storageHealth,
        help: "storage's PUB for system.health (its own and the analysis workers')")
    public static let reportingHealthEndpoint = Setting(
        key: "reporting-health-endpoint", env: "TUMEN_REPORTING_HEALTH_ENDPOINT",
        defaultValue: Topology.Defaults.reportingHealth,
        help: "reporting's PUB for system.health")
    public static let healthIntervalMs = Setting(
        key: "health-interval-ms", env: "TUMEN_HEALTH_INTERVAL_MS", defaultValue: "2000",
        help: "how often every service publishes system.health, in milliseconds")
    public static let dataDirectory = Setting(
        key: "data-dir", env: "TUMEN_DATA_DIR", defaultValue: "./tumen-data",
        help: "storage's directory for the SQLite store")
    public static let maxStoreBytes = Setting(
        key: "max-store-bytes", env: "TUMEN_MAX_STORE_BYTES", defaultValue: "",
        help: "largest the store's database may grow, in bytes (SQLite max_page_count; empty: only the disk limits it)")
    public static let maxDeadLetters = Setting(
        key: "max-dead-letters", env: "TUMEN_MAX_DEAD_LETTERS", defaultValue: "50000",
        help: "dead letters storage keeps; recording one more drops the oldest")
    public static let logLevel = Setting(
        key: "log-level", env: "TUMEN_LOG_LEVEL", defaultValue: "info",
        help: "trace, debug, info, notice, warning, error")
    public static let maxDocumentBytes = Setting(
        key: "max-document-bytes", env: "TUMEN_MAX_DOCUMENT_BYTES", defaultValue: String(16 * 1024 * 1024),
        help: "largest document ingest accepts, in bytes (the message size limit is derived from it)")
    public static let submitMaxMessageBytes = Setting(
        key: "submit-max-message-bytes", env: "TUMEN_SUBMIT_MAX_MESSAGE_BYTES", defaultValue: "",
        help: "largest frame ingest's submit socket takes (ZMQ_MAXMSGSIZE; default 2 × max-document-bytes + 64 KiB)")
    public static let storeMaxMessageBytes = Setting(
        key: "store-max-message-bytes", env: "TUMEN_STORE_MAX_MESSAGE_BYTES", defaultValue: String(64 << 20),
        help: "largest frame storage's store socket takes (ZMQ_MAXMSGSIZE)")
    public static let jobsMaxMessageBytes = Setting(
        key: "jobs-max-message-bytes", env: "TUMEN_JOBS_MAX_MESSAGE_BYTES", defaultValue: String(256 << 20),
        help: "largest frame storage's jobs socket takes (ZMQ_MAXMSGSIZE)")
    public static let controlMaxMessageBytes = Setting(
        key: "control-max-message-bytes", env: "TUMEN_CONTROL_MAX_MESSAGE_BYTES", defaultValue: String(1 << 20),
        help: "largest frame reporting's control socket takes (ZMQ_MAXMSGSIZE)")
    public static let digestsHighWaterMark = Setting(
        key: "digests-high-water-mark", env: "TUMEN_DIGESTS_HIGH_WATER_MARK", defaultValue: "1000",
        help: "digests queued per subscriber on reporting's PUB before newer ones are dropped for that subscriber "
            + "(ZMQ_SNDHWM); a subscriber that falls behind fills the gap by replay")
    public static let maxInFlight = Setting(
        key: "max-in-flight", env: "TUMEN_MAX_IN_FLIGHT", defaultValue: "64",
        help: "documents ingest handles at once before answering busy")
    public static let every = Setting(
        key: "every", env: "TUMEN_DIGEST_EVERY", defaultValue: "1d",
        help: "reporting's digest cadence: a duration such as 10m, 1h, 1d, 1w")
    public static let topics = Setting(
        key: "topics", env: "TUMEN_DIGEST_TOPICS", defaultValue: (["all"] + Topics.subjects).joined(separator: ","),
        help: "comma-separated digest topics")
    public static let leaseSeconds = Setting(
        key: "lease-seconds", env: "TUMEN_LEASE_SECONDS", defaultValue: "15",
        help: "how long a worker holds a job before it is given to another")
    public static let workerId = Setting(
        key: "worker-id", env: "TUMEN_WORKER_ID", defaultValue: "",
        help: "analysis worker id (default: host name and process id)")
    public static let gazetteer = Setting(
        key: "gazetteer", env: "TUMEN_GAZETTEER", defaultValue: "",
        help: "extra gazetteer JSON merged over the bundled one")
    public static let sources = Setting(
        key: "sources", env: "TUMEN_SOURCES", defaultValue: "",
        help: "extra source registry JSON (reliability grades, independence groups) merged over the bundled one")
    public static let curveDirectory = Setting(
        key: "curve-dir", env: "TUMEN_CURVE_DIR", defaultValue: "",
        help: "directory written by `tumen keys generate`: CURVE on every tcp:// socket, servers with server.key "
            + "letting in the keys of authorized/*.pub, clients with <name>.key checking server.pub (empty: no CURVE)")
    public static let insecure = Setting(
        key: "insecure", env: "TUMEN_INSECURE", defaultValue: "false",
        help: "allow binding a tcp:// address other than loopback without CURVE (logs a warning)")

    /// Every setting, for documentation and validation of configuration files.
    public static let all: [Setting] = [
        submitEndpoint, storeEndpoint, jobsEndpoint, digestsEndpoint, controlEndpoint, ingestHealthEndpoint,
        storageHealthEndpoint, reportingHealthEndpoint, healthIntervalMs, dataDirectory, maxStoreBytes, maxDeadLetters,
        logLevel,
        maxDocumentBytes, submitMaxMessageBytes, storeMaxMessageBytes, jobsMaxMessageBytes, controlMaxMessageBytes,
        maxInFlight, digestsHighWaterMark, every, topics, leaseSeconds, workerId, gazetteer, sources, curveDirectory,
        insecure,
    ]
}

/// A configuration problem: names the setting, where the value came from and what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Resolves settings from flags, environment, configuration file and defaults, in that order.
public struct Configuration: Sendable {
    private var flags: [String: String]
    private var environment: [String: String]
    private var file: [String: String]

    /// - Parameters:
    ///   - flags: values given on the command line, by setting key.
    ///   - configFile: the `--config` flag, if given; otherwise `TUMEN_CONFIG` is consulted.
    public init(
        flags: [String: String?] = [:], configFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.flags = flags.compactMapValues { $0 }
        self.environment = environment
        self.file = [:]
        if let path = configFile ?? environment["TUMEN_CONFIG"], !path.isEmpty {
            self.file = try Self.readFile(path)
        }
    }

    /// The value of a setting.
    public func string(_ setting: Setting) -> String {
        flags[setting.key] ?? environment[setting.env] ?? file[setting.key] ?? setting.defaultValue
    }

    /// The value of a setting as an integer, or an error naming the setting and the bad value.
    public func int(_ setting: Setting) throws -> Int {
        let text = string(setting)
        guard let value = Int(text) else {
            throw ConfigurationError("\(setting.key) (\(setting.env)) must be an integer, got '\(text)'")
        }
        return value
    }

    /// The value of a setting as a boolean (`true`/`false`, `1`/`0`, `yes`/`no`), or an error naming the setting.
    public func bool(_ setting: Setting) throws -> Bool {
        let text = string(setting)
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ConfigurationError("\(setting.key) (\(setting.env)) must be true or false, got '\(text)'")
        }
    }

    /// How often services publish `system.health` (``Settings/healthIntervalMs``).
    public func healthInterval() throws -> Duration {
        let milliseconds = try int(Settings.healthIntervalMs)
        guard milliseconds > 0 else {
            throw ConfigurationError(
                "\(Settings.healthIntervalMs.key) (\(Settings.healthIntervalMs.env)) must be positive, got \(milliseconds)"
            )
        }
        return .milliseconds(milliseconds)
    }

    private static func readFile(_ path: String) throws -> [String: String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError("cannot read configuration file \(path): \(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigurationError("configuration file \(path) must be a JSON object of setting names to values")
        }
        let known = Set(Settings.all.map(\.key))
        var values: [String: String] = [:]
        for (key, value) in object {
            guard known.contains(key) else {
                throw ConfigurationError(
                    "configuration file \(path): unknown setting '\(key)'; known: \(known.sorted().joined(separator: ", "))"
                )
            }
            values[key] = "\(value)"
        }
        return values
    }
}
