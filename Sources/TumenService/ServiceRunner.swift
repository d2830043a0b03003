import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs services the same way in every executable: one `ServiceGroup`, graceful shutdown on SIGTERM and SIGINT.
public enum ServiceRunner {
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

    /// Runs the services until a signal or until one of them stops; any of them stopping stops the group.
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
        try await group.run()
    }
}
