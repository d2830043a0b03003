import Foundation
import TumenProtocol

/// How `tumen status` shows the system: one block per service instance heard on `system.health`, the services
/// that were silent, then storage's counts.
public enum StatusText {
    /// The status as text for a terminal.
    public static func render(_ snapshot: HealthSnapshot, store: Result<StatusReport, any Error>, now: Date) -> String {
        var lines = ["services"]
        for heard in snapshot.heard {
            let health = heard.health
            lines.append(
                "  \(pad(health.service, 10)) \(pad(health.instance, 24)) \(pad(health.state.rawValue, 9)) "
                    + "up \(duration(now.timeIntervalSince(health.startedAt)))  seq \(health.seq)")
            if !health.endpoints.isEmpty { lines.append(detail("endpoints", pairs(health.endpoints, " "))) }
            if !health.queues.isEmpty { lines.append(detail("queues", pairs(health.queues))) }
            if !health.counters.isEmpty { lines.append(detail("counters", pairs(health.counters))) }
            if let error = health.lastError {
                lines.append(detail("last error", "\(Timestamp.format(error.at))  \(error.message)"))
            }
        }
        for (service, endpoint) in snapshot.silent {
            lines.append("  \(pad(service, 10)) DOWN: no system.health on \(endpoint)")
        }
        for problem in snapshot.unreadable {
            lines.append("  unreadable heartbeat: \(problem)")
        }
        lines.append("store")
        switch store {
        case .success(let status):
            lines += [
                "  documents     \(status.documents) (\(status.analyzedDocuments) analysed)",
                "  jobs          \(status.jobsQueued) queued, \(status.jobsLeased) leased, \(status.jobsDone) done, "
                    + "\(status.jobsFailed) failed",
                "  quantities    \(status.quantities)",
                "  digests       \(status.digests)",
                "  dead letters  \(status.deadLetters)",
            ]
        case .failure(let error):
            lines.append("  storage did not answer: \(error)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The status as one JSON object: `services` (the `system.health` payloads heard), `silent` (service and
    /// endpoint), `store` (a `status.report` payload, or `{"error": …}`).
    public static func json(_ snapshot: HealthSnapshot, store: Result<StatusReport, any Error>) throws -> String {
        struct Silent: Encodable {
            var service: String
            var endpoint: String
        }
        struct Output: Encodable {
            var services: [SystemHealth]
            var silent: [Silent]
            var store: StatusReport?
            var storeError: String?
        }
        let output = Output(
            services: snapshot.heard.map(\.health),
            silent: snapshot.silent.map { Silent(service: $0.service, endpoint: $0.endpoint) },
            store: try? store.get(),
            storeError: { if case .failure(let error) = store { "\(error)" } else { nil } }())
        return String(decoding: try WireCoding.makeEncoder().encode(output), as: UTF8.self)
    }

    private static func detail(_ label: String, _ text: String) -> String {
        "  \(String(repeating: " ", count: 11))\(pad(label, 11)) \(text)"
    }

    private static func pairs<Value>(_ values: [String: Value], _ separator: String = " ") -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)\(separator)\($0.value)" }.joined(separator: ", ")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `45s`, `12m04s`, `3h07m`, `2d05h`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m" + String(format: "%02ds", s % 60)
        case ..<86_400: return "\(s / 3600)h" + String(format: "%02dm", s % 3600 / 60)
        default: return "\(s / 86_400)d" + String(format: "%02dh", s % 86_400 / 3600)
        }
    }
}
