/// A ZeroMQ socket pattern named in the topology.
public enum SocketPattern: String, Codable, Sendable {
    case router = "ROUTER", dealer = "DEALER", pub = "PUB", sub = "SUB", push = "PUSH", pull = "PULL"
    case req = "REQ", rep = "REP"
}

/// One row of `Protocols/topology.json`: who binds which socket, with which pattern, carrying which messages.
public struct SocketSpec: Codable, Sendable, Equatable {
    public var service: String
    public var socket: String
    public var pattern: SocketPattern
    /// `bind` or `connect`.
    public var role: String
    public var endpoint: String
    /// The environment variable that overrides the endpoint.
    public var env: String
    public var messages: [String]
}

/// The default topology: services, sockets and endpoints. A test checks it against `Protocols/topology.json`.
public enum Topology {
    /// Default endpoints on one machine (loopback TCP, so containers and other languages reach them alike).
    public enum Defaults {
        public static let submit = "tcp://127.0.0.1:5550"
        public static let store = "tcp://127.0.0.1:5551"
        public static let jobs = "tcp://127.0.0.1:5552"
        public static let digests = "tcp://127.0.0.1:5553"
        public static let control = "tcp://127.0.0.1:5554"
        public static let ingestHealth = "tcp://127.0.0.1:5555"
        public static let storageHealth = "tcp://127.0.0.1:5556"
        public static let reportingHealth = "tcp://127.0.0.1:5557"
    }

    /// Every bound socket of the system.
    public static let sockets: [SocketSpec] = [
        SocketSpec(
            service: "ingest", socket: "submit", pattern: .router, role: "bind", endpoint: Defaults.submit,
            env: "TUMEN_SUBMIT_ENDPOINT",
            messages: [
                DocumentSubmit.type, DocumentAccepted.type, DocumentRejected.type, Busy.type, ErrorReply.type,
            ].map(\.rawValue)),
        SocketSpec(
            service: "storage", socket: "store", pattern: .router, role: "bind", endpoint: Defaults.store,
            env: "TUMEN_STORE_ENDPOINT",
            messages: [
                DocumentStore.type, DocumentStored.type, StatusQuery.type, StatusReport.type, DigestQuery.type,
                DigestMaterial.type, DigestRecord.type, DigestRecorded.type, DigestReplay.type, DigestReplayed.type,
                DeadLetterRecord.type, DeadLetterRecorded.type, DeadLetterQuery.type, DeadLetterList.type,
                ErrorReply.type,
            ].map(\.rawValue)),
        SocketSpec(
            service: "storage", socket: "jobs", pattern: .router, role: "bind", endpoint: Defaults.jobs,
            env: "TUMEN_JOBS_ENDPOINT",
            messages: [
                WorkerReady.type, JobAssign.type, JobResult.type, JobFailed.type, JobAck.type, JobHeartbeat.type,
                SystemHealth.type, ErrorReply.type,
            ].map(\.rawValue)),
        SocketSpec(
            service: "reporting", socket: "digests", pattern: .pub, role: "bind", endpoint: Defaults.digests,
            env: "TUMEN_DIGESTS_ENDPOINT", messages: [DigestPublished.type.rawValue]),
        SocketSpec(
            service: "reporting", socket: "control", pattern: .router, role: "bind", endpoint: Defaults.control,
            env: "TUMEN_CONTROL_ENDPOINT",
            messages: [DigestNow.type, DigestMade.type, ErrorReply.type].map(\.rawValue)),
        SocketSpec(
            service: "ingest", socket: "health", pattern: .pub, role: "bind", endpoint: Defaults.ingestHealth,
            env: "TUMEN_INGEST_HEALTH_ENDPOINT", messages: [SystemHealth.type.rawValue]),
        SocketSpec(
            service: "storage", socket: "health", pattern: .pub, role: "bind", endpoint: Defaults.storageHealth,
            env: "TUMEN_STORAGE_HEALTH_ENDPOINT", messages: [SystemHealth.type.rawValue]),
        SocketSpec(
            service: "reporting", socket: "health", pattern: .pub, role: "bind", endpoint: Defaults.reportingHealth,
            env: "TUMEN_REPORTING_HEALTH_ENDPOINT", messages: [SystemHealth.type.rawValue]),
    ]
}
