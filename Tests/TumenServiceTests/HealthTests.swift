import CoreMetrics
import Foundation
import Logging
import Synchronization
import Testing
import TumenProtocol
import TumenService

@Suite("What a service reports on system.health")
struct HealthReportingTests {
    @Test("swift-metrics counters and meters land in the recorder, named with their dimensions")
    func metricsLandInTheRecorder() {
        let recorder = HealthRecorder()
        let factory = HealthMetricsFactory(recorder: recorder)
        Counter(label: "documents_accepted", factory: factory).increment()
        Counter(label: "documents_accepted", factory: factory).increment(by: 2)
        Counter(label: "documents_rejected", dimensions: [("code", "empty")], factory: factory).increment()
        let depth = Meter(label: "queue_depth", factory: factory)
        depth.set(5)
        depth.decrement(by: 2)

        #expect(recorder.counters == ["documents_accepted": 3, "documents_rejected{code=empty}": 1])
        #expect(recorder.gauges == ["queue_depth": 3])
    }

    @Test("Only errors and worse become the last error")
    func onlyErrorsBecomeTheLastError() {
        let recorder = HealthRecorder()
        let logger = Logger(label: "test") { _ in HealthLogHandler(recorder: recorder) }
        logger.warning("storage is slow")
        #expect(recorder.lastError == nil)
        logger.error("could not send reply on jobs")
        logger.info("recovered")
        #expect(recorder.lastError?.message == "could not send reply on jobs")
    }

    @Test("A heartbeat carries the probe's state and queues, the recorder's gauges and counters, and counts up")
    func heartbeatsCarryProbeAndRecorder() async throws {
        let recorder = HealthRecorder()
        Counter(label: "jobs_done", factory: HealthMetricsFactory(recorder: recorder)).increment()
        Meter(label: "backlog", factory: HealthMetricsFactory(recorder: recorder)).set(7)
        recorder.recordError("disk is full")
        let sent = SentFrames()
        let publisher = HealthPublisher(
            service: "analysis", instance: "worker-9", interval: .milliseconds(20), endpoints: ["jobs": "ipc://x"],
            recorder: recorder, logger: Logger(label: "test"),
            probe: { HealthPublisher.Probe(state: .busy, queues: ["jobsInHand": 1]) },
            deliver: { sent.append($0) })
        let task = Task { await publisher.run() }
        // Generous: on a loaded 2-core machine other suites' CPU-bound tests can hold the cooperative pool for long.
        let deadline = ContinuousClock.now + .seconds(90)
        while sent.frames.count < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        task.cancel()
        await task.value

        let beats = try sent.frames.map { try WireCoding.decode(SystemHealth.self, from: $0).payload }
        #expect(beats.count >= 3)
        #expect(beats.map(\.seq) == Array(1...beats.count))
        let beat = try #require(beats.last)
        #expect(beat.service == "analysis" && beat.instance == "worker-9" && beat.state == .busy)
        #expect(beat.intervalMs == 20)
        #expect(beat.queues == ["jobsInHand": 1, "backlog": 7])
        #expect(beat.counters == ["jobs_done": 1])
        #expect(beat.lastError?.message == "disk is full")
    }

    @Test("tumen status names silent services as down and shows each instance's queues and last error")
    func statusTextShowsInstancesAndSilentServices() {
        let started = Date(timeIntervalSince1970: 1_000_000)
        let worker = SystemHealth(
            service: "analysis", instance: "worker-1", state: .busy, seq: 4, startedAt: started, intervalMs: 2000,
            queues: ["jobsInHand": 1], counters: ["jobs_done{kind=analyze.document}": 12],
            lastError: HealthError(at: started, message: "unreadable job.assign"))
        let snapshot = HealthSnapshot(
            heard: [HealthSnapshot.Heard(health: worker, receivedAt: started)],
            silent: [(service: "reporting", endpoint: "tcp://127.0.0.1:5557")], unreadable: [])
        let text = StatusText.render(
            snapshot, store: .failure(StatusTestError()), now: started.addingTimeInterval(3 * 3600 + 7 * 60))

        #expect(text.contains("analysis   worker-1"))
        #expect(text.contains("busy      up 3h07m  seq 4"))
        #expect(text.contains("queues      jobsInHand 1"))
        #expect(text.contains("counters    jobs_done{kind=analyze.document} 12"))
        #expect(text.contains("last error  1970-01-12T13:46:40.000Z  unreadable job.assign"))
        #expect(text.contains("reporting  DOWN: no system.health on tcp://127.0.0.1:5557"))
        #expect(text.contains("storage did not answer: no answer"))
    }

    private struct StatusTestError: Error, CustomStringConvertible {
        var description: String { "no answer" }
    }

    private final class SentFrames: Sendable {
        private let storage = Mutex<[Data]>([])
        var frames: [Data] { storage.withLock { $0 } }
        func append(_ frame: Data) { storage.withLock { $0.append(frame) } }
    }
}
