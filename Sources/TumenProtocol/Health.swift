import Foundation

/// What a service is doing, as reported on `system.health`.
public enum HealthState: String, Codable, Sendable, CaseIterable {
    /// Serving requests.
    case ready
    /// Serving, but refusing some requests because it is at capacity.
    case busy
    /// Shutting down gracefully: finishing the work in hand, refusing new work.
    case draining
    /// Running, but recent operations failed (see `lastError`).
    case degraded
}

/// The last error a service logged, with when.
public struct HealthError: Codable, Sendable, Equatable {
    public var at: Date
    public var message: String

    public init(at: Date, message: String) {
        self.at = at
        self.message = message
    }
}

/// `system.health`: one service instance's heartbeat, published every `intervalMs` on its health PUB socket
/// (frame 1 the topic `system.health`, frame 2 this envelope).
///
/// Ingest, storage and reporting publish on their own `health` sockets. Analysis workers send theirs to storage on
/// the `jobs` socket, and storage publishes them unchanged on its `health` socket, so one subscription to storage
/// sees every worker that storage sees. A reader treats an instance as gone when nothing arrived from it for
/// about three intervals; `seq` counts up from 1 per instance (a restart starts again at 1, with a new
/// `startedAt`), so a gap means missed heartbeats, not lost work.
public struct SystemHealth: Message {
    public static let type: MessageType = "system.health"
    /// `ingest`, `storage`, `analysis` or `reporting`.
    public var service: String
    /// Which instance of the service: the worker id for analysis, host name and process id otherwise.
    public var instance: String
    public var state: HealthState
    /// Counts up from 1 per instance.
    public var seq: Int
    public var startedAt: Date
    /// How often this instance publishes, in milliseconds.
    public var intervalMs: Int
    /// The endpoints the instance serves, by socket name.
    public var endpoints: [String: String]
    /// Work waiting or in hand, by queue name (for example `inFlight`, `jobsQueued`, `jobsLeased`).
    public var queues: [String: Int]
    /// Totals since the instance started, by counter name (for example `documents_accepted`).
    public var counters: [String: Int]
    /// The last error the instance logged, if any.
    public var lastError: HealthError?

    public init(
        service: String, instance: String, state: HealthState, seq: Int, startedAt: Date, intervalMs: Int,
        endpoints: [String: String] = [:], queues: [String: Int] = [:], counters: [String: Int] = [:],
        lastError: HealthError? = nil
    ) {
        self.service = service
        self.instance = instance
        self.state = state
        self.seq = seq
        self.startedAt = startedAt
        self.intervalMs = intervalMs
        self.endpoints = endpoints
        self.queues = queues
        self.counters = counters
        self.lastError = lastError
    }
}
