import Foundation
import Logging
import TumenProtocol
import TumenTransport

/// Sends one service instance's `system.health` at a fixed interval, until its task is cancelled.
///
/// Each message carries the state and queue depths the service's probe reports, the counters and last error of
/// the process's ``HealthRecorder``, and a sequence number that counts up from 1.
public struct HealthPublisher: Sendable {
    /// What the service reports about itself right now.
    public struct Probe: Sendable {
        public var state: HealthState
        public var queues: [String: Int]

        public init(state: HealthState, queues: [String: Int] = [:]) {
            self.state = state
            self.queues = queues
        }
    }

    public let service: String
    public let instance: String
    public let interval: Duration
    private let endpoints: [String: String]
    private let recorder: HealthRecorder
    private let startedAt = Date()
    private let probe: @Sendable () async -> Probe
    private let deliver: @Sendable (Data) throws -> Void
    private let logger: Logger

    /// - Parameters:
    ///   - endpoints: the endpoints the instance serves, by socket name.
    ///   - probe: the instance's state and queue depths; the recorder's gauges are added to the queues.
    ///   - deliver: sends one encoded envelope (see ``onPublisher(_:socket:)``).
    public init(
        service: String, instance: String = HealthPublisher.defaultInstance, interval: Duration,
        endpoints: [String: String], recorder: HealthRecorder = .process, logger: Logger,
        probe: @escaping @Sendable () async -> Probe, deliver: @escaping @Sendable (Data) throws -> Void
    ) {
        self.service = service
        self.instance = instance
        self.interval = interval
        self.endpoints = endpoints
        self.recorder = recorder
        self.logger = logger
        self.probe = probe
        self.deliver = deliver
    }

    /// The instance name of this process: host name and process id.
    public static var defaultInstance: String { "\(ProcessInfo.processInfo.hostName)-\(getpid())" }

    /// Delivery on a PUB socket of a reactor: the topic frame `system.health`, then the envelope.
    public static func onPublisher(_ reactor: SocketReactor, socket: String) -> @Sendable (Data) throws -> Void {
        { envelope in try reactor.send([Data(Topics.health.utf8), envelope], on: socket) }
    }

    /// Publishes at once and then every interval until cancelled.
    public func run() async {
        var seq = 0
        while !Task.isCancelled {
            seq += 1
            await publish(seq: seq)
            try? await Task.sleep(for: interval)
        }
    }

    /// The health message with sequence number `seq`, as of now.
    public func message(seq: Int) async -> SystemHealth {
        let probe = await probe()
        let interval = interval.components
        return SystemHealth(
            service: service, instance: instance, state: probe.state, seq: seq, startedAt: startedAt,
            intervalMs: Int(interval.seconds * 1000 + interval.attoseconds / 1_000_000_000_000_000),
            endpoints: endpoints, queues: recorder.gauges.merging(probe.queues) { _, probed in probed },
            counters: recorder.counters, lastError: recorder.lastError)
    }

    private func publish(seq: Int) async {
        do {
            try deliver(try WireCoding.encode(Envelope(payload: await message(seq: seq))))
        } catch {
            // Not an error of the service's work, so not recorded as lastError: the next heartbeat may get through.
            logger.debug("could not publish system.health: \(error)")
        }
    }
}

extension SocketReactor {
    /// The endpoints the named sockets are bound to (after wildcard ports are resolved), by socket name.
    public func endpoints(of sockets: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: sockets.compactMap { name in endpoint(of: name).map { (name, $0) } })
    }
}
