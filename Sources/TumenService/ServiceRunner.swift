import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// Runs services the same way in every executable: one `ServiceGroup`, graceful shutdown on SIGTERM and SIGINT.
public enum ServiceRunner {
    /// Call first in a service's `run()`: a SIGTERM or SIGINT from then on, even before ``run(_:logger:)`` listens
    /// for signals, stops the service gracefully instead of killing it (a second one kills it).
    public static func catchEarlySignals() {
        EarlySignals.install()
    }

    /// Bootstraps swift-log and swift-metrics once for a service executable: log lines on standard error at the
    /// given level; errors, counters and gauges also kept in ``HealthRecorder/process`` for `system.health`.
    public static func bootstrap(label: String, level: String) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: level.lowercased()) ?? .info
            return MultiplexLogHandler([handler, HealthLogHandler()])
        }
        MetricsSystem.bootstrap(HealthMetricsFactory())
        return Logger(label: label)
    }

    /// Runs the services until a signal (also one received since ``catchEarlySignals()``) or until one of them
    /// stops; any of them stopping stops the group.
    public static func run(_ services: [any Service], logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    .init(
                        service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        // A signal that came while the process was starting, before the group listened for signals.
        let earlySignal = Task {
            while !EarlySignals.received.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(50)) }
            await group.triggerGracefulShutdown()
        }
        defer { earlySignal.cancel() }
        try await group.run()
    }
}

/// SIGTERM or SIGINT received before the service group listens for signals — a worker stopped while it starts —
/// would otherwise kill the process at once; the signal is remembered and becomes a graceful shutdown instead. A
/// second one, while setup still runs, kills the process as usual.
enum EarlySignals {
    static let received = Atomic<Bool>(false)

    static func install() {
        // Initialised here, not first in a signal handler.
        _ = received.load(ordering: .relaxed)
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber) { number in
                if EarlySignals.received.exchange(true, ordering: .relaxed) {
                    signal(number, SIG_DFL)
                    raise(number)
                }
            }
        }
    }
}
