import Foundation
import TumenProtocol
import TumenTransport

/// What the `system.health` publishers said during one listening period, for `tumen status` and monitoring.
public struct HealthSnapshot: Sendable {
    /// One instance's latest heartbeat and when it arrived.
    public struct Heard: Sendable {
        public var health: SystemHealth
        public var receivedAt: Date

        public init(health: SystemHealth, receivedAt: Date) {
            self.health = health
            self.receivedAt = receivedAt
        }
    }

    /// The latest heartbeat of each instance heard, ordered by service (as listened to) and instance.
    public var heard: [Heard]
    /// The services listened to that sent nothing, with the endpoint listened on.
    public var silent: [(service: String, endpoint: String)]
    /// Frames on the health topic that were not a readable `system.health`, with what was wrong.
    public var unreadable: [String]

    public init(heard: [Heard], silent: [(service: String, endpoint: String)], unreadable: [String]) {
        self.heard = heard
        self.silent = silent
        self.unreadable = unreadable
    }
}

/// Listens to the `system.health` publishers of a system for a while.
public enum HealthWatch {
    /// Subscribes to `system.health` on each endpoint (by service name), with CURVE when `security` says so, and
    /// collects heartbeats until `duration` has passed.
    public static func listen(
        to endpoints: [String: String], for duration: Duration, security: TransportSecurity? = nil
    ) async throws -> HealthSnapshot {
        let order = endpoints.keys.sorted { (rank($0), $0) < (rank($1), $1) }
        let reactor = try SocketReactor(
            name: "health-watch",
            sockets: try order.map { service in
                let socket = SocketDescriptor(
                    name: service, type: .sub, connect: [endpoints[service]!],
                    options: SocketOptions(linger: 0, subscriptions: [Topics.health]))
                return try security?.client(socket) ?? socket
            })
        reactor.start()
        var latest: [String: HealthSnapshot.Heard] = [:]
        var heardOn: Set<String> = []
        var unreadable: [String] = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: duration)
                reactor.shutdown()
            }
            for await message in reactor.inbound {
                heardOn.insert(message.socket)
                guard message.frames.count == 2 else {
                    unreadable.append(
                        "\(message.socket): expected 2 frames (topic, envelope), got \(message.frames.count)")
                    continue
                }
                do {
                    let health = try WireCoding.decode(SystemHealth.self, from: message.frames[1]).payload
                    let key = "\(health.service)/\(health.instance)"
                    if (latest[key]?.health.seq ?? 0) <= health.seq || latest[key]?.health.startedAt != health.startedAt
                    {
                        latest[key] = HealthSnapshot.Heard(health: health, receivedAt: Date())
                    }
                } catch {
                    unreadable.append("\(message.socket): \(error)")
                }
            }
            group.cancelAll()
        }
        await reactor.waitUntilStopped()
        let heard = latest.values.sorted {
            (rank($0.health.service), $0.health.service, $0.health.instance)
                < (rank($1.health.service), $1.health.service, $1.health.instance)
        }
        let silent = order.filter { !heardOn.contains($0) }.map { (service: $0, endpoint: endpoints[$0]!) }
        return HealthSnapshot(heard: heard, silent: silent, unreadable: unreadable)
    }

    /// Services in the order documents flow through them.
    private static func rank(_ service: String) -> Int {
        ["ingest", "storage", "analysis", "reporting"].firstIndex(of: service) ?? 4
    }
}
