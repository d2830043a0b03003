import CoreMetrics
import Foundation
import Logging
import Synchronization
import TumenProtocol

/// What a process has counted and the last error it logged: the totals and `lastError` of its `system.health`.
///
/// Services count with swift-metrics (`Counter(label:)`, `Meter(label:)`) and log with swift-log as usual;
/// ``ServiceRunner`` bootstraps both so that counters, gauges and error logs also land here. A counter's name in the
/// health message is its label, followed by its dimensions as `label{key=value,…}`.
public final class HealthRecorder: Sendable {
    /// The recorder of this process, fed by the bootstrapped metrics factory and log handler.
    public static let process = HealthRecorder()

    private struct State {
        var counters: [String: Int] = [:]
        var gauges: [String: Int] = [:]
        var lastError: HealthError?
    }

    private let state = Mutex(State())

    public init() {}

    /// Totals by counter name.
    public var counters: [String: Int] { state.withLock { $0.counters } }
    /// Current values by gauge name.
    public var gauges: [String: Int] { state.withLock { $0.gauges } }
    /// The last error logged, if any.
    public var lastError: HealthError? { state.withLock { $0.lastError } }

    func add(_ amount: Int, to name: String) {
        state.withLock { $0.counters[name, default: 0] &+= amount }
    }

    func reset(_ name: String) {
        state.withLock { $0.counters[name] = 0 }
    }

    func set(_ value: Int, gauge name: String) {
        state.withLock { $0.gauges[name] = value }
    }

    /// Records an error message as the last error (also what the log handler calls).
    public func recordError(_ message: String, at date: Date = Date()) {
        state.withLock { $0.lastError = HealthError(at: date, message: message) }
    }

    static func name(_ label: String, _ dimensions: [(String, String)]) -> String {
        guard !dimensions.isEmpty else { return label }
        return label + "{" + dimensions.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// A swift-metrics backend that keeps counters and meters (gauges) in a ``HealthRecorder``; recorders and timers
/// are not reported in health messages and are discarded.
public struct HealthMetricsFactory: MetricsFactory {
    private let recorder: HealthRecorder

    public init(recorder: HealthRecorder = .process) {
        self.recorder = recorder
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(recorder: recorder, name: HealthRecorder.name(label, dimensions))
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        Handler(recorder: recorder, name: HealthRecorder.name(label, dimensions))
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        NOOPMetricsHandler.instance
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        NOOPMetricsHandler.instance
    }

    public func destroyCounter(_ handler: any CounterHandler) {}
    public func destroyMeter(_ handler: any MeterHandler) {}
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    public func destroyTimer(_ handler: any TimerHandler) {}

    /// One named counter or gauge in the recorder.
    private final class Handler: CounterHandler, MeterHandler {
        let recorder: HealthRecorder
        let name: String
        /// A meter's current value, for increments and decrements.
        let value = Mutex(0.0)

        init(recorder: HealthRecorder, name: String) {
            self.recorder = recorder
            self.name = name
        }

        func increment(by amount: Int64) { recorder.add(Int(clamping: amount), to: name) }
        func reset() { recorder.reset(name) }

        func set(_ value: Int64) { set(Double(value)) }
        func set(_ value: Double) {
            self.value.withLock { $0 = value }
            publish(value)
        }
        func increment(by amount: Double) {
            publish(
                value.withLock {
                    $0 += amount; return $0
                })
        }
        func decrement(by amount: Double) {
            publish(
                value.withLock {
                    $0 -= amount; return $0
                })
        }

        private func publish(_ value: Double) {
            recorder.set(value.isFinite ? Int(value.rounded()) : 0, gauge: name)
        }
    }
}

/// A log handler that keeps the last `error` or `critical` message in a ``HealthRecorder`` (it writes nothing
/// itself; ``ServiceRunner`` multiplexes it with the handler that prints).
public struct HealthLogHandler: LogHandler {
    private let recorder: HealthRecorder
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .error

    public init(recorder: HealthRecorder = .process) {
        self.recorder = recorder
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        guard event.level >= .error else { return }
        var message = event.message.description
        if let error = event.error { message += ": \(error)" }
        recorder.recordError(message)
    }
}
