import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// A worker that stops heartbeating loses its job within the lease; its late result changes nothing.
@Suite(.serialized)
struct HungWorkerTests {
    @Test func aWorkerThatHangsLosesItsJobToAnotherWithinTheLeaseAndItsLateResultIsADuplicate() async throws {
        let running = try await RunningSystem.start(workers: 1, arguments: ["storage": ["--lease-seconds", "3"]])
        var rescuer: RunningProcess?
        do {
            // Given a worker that waits for a job and then hangs (SIGSTOP: no heartbeats, no results)
            try await Task.sleep(for: .seconds(1))
            try await running.system.signal("analysis-1", SIGSTOP)

            // When a document comes in, its job is leased to the hung worker
            try await ServiceClient.with(endpoint: running.endpoints.submit) { client in
                let submit = DocumentSubmit(
                    name: "hung.md", text: "# Hung\n\nThe port official said 1,200 tonnes of wheat left in May 2025.\n")
                _ = try await client.request(submit, timeout: .seconds(5)).decode(DocumentAccepted.self)
            }
            let leased = try await ServiceClient.with(endpoint: running.endpoints.store) { client in
                try await client.request(StatusQuery()).decode(StatusReport.self)
            }
            #expect(leased.jobsLeased == 1)

            // Then another worker gets it once the 3 s lease runs out, and finishes it
            let started = ContinuousClock.now
            rescuer = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen-analysis"),
                ["--jobs-endpoint", running.endpoints.jobs, "--worker-id", "rescuer"])
            let status = try await running.system.waitUntilIdle(timeout: .seconds(20))
            #expect(status.analyzedDocuments == 1 && status.jobsFailed == 0)
            #expect(
                ContinuousClock.now - started < .seconds(8), "re-leased only after \(ContinuousClock.now - started)")

            // And when the hung worker wakes up, its late result is acknowledged as a duplicate and dropped
            try await running.system.signal("analysis-1", SIGCONT)
            let log = running.directory.appendingPathComponent("logs/storage.log")
            let deadline = ContinuousClock.now + .seconds(10)
            var duplicate = false
            while !duplicate, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                duplicate = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("status=duplicate")
            }
            #expect(duplicate, "the late result was not acknowledged as a duplicate")
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == 1 && after.analyzedDocuments == 1)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
            try? await running.system.signal("analysis-1", SIGCONT)
        }
        rescuer?.interrupt()
        _ = try await rescuer?.finish(timeout: .seconds(10))
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func aWorkerThatFallsSilentLosesItsJobBeforeALongLeaseRunsOut() async throws {
        let running = try await RunningSystem.start(workers: 1, arguments: ["storage": ["--lease-seconds", "60"]])
        var rescuer: RunningProcess?
        do {
            // Given a job leased for 60 s to a worker storage knows, which then hangs: no job heartbeats, no
            // system.health
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let snapshot = try await HealthWatch.listen(
                    to: ["storage": running.endpoints.health["storage"]!], for: .milliseconds(2500))
                let storage = snapshot.heard.first { $0.health.service == "storage" }
                if storage?.health.queues["workersLive"] == 1 { break }
            }
            try await running.system.signal("analysis-1", SIGSTOP)
            try await ServiceClient.with(endpoint: running.endpoints.submit) { client in
                let submit = DocumentSubmit(name: "silent.md", text: "# Silent\n\nAbout 40 trains crossed in May.\n")
                _ = try await client.request(submit, timeout: .seconds(5)).decode(DocumentAccepted.self)
            }
            let started = ContinuousClock.now
            rescuer = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen-analysis"),
                ["--jobs-endpoint", running.endpoints.jobs, "--worker-id", "rescuer"])

            // Then storage notices the silence (three 2 s heartbeats missed) and another worker finishes the job
            // long before the lease would have run out
            let status = try await running.system.waitUntilIdle(timeout: .seconds(30))
            #expect(status.analyzedDocuments == 1 && status.jobsFailed == 0)
            #expect(ContinuousClock.now - started < .seconds(20), "re-leased after \(ContinuousClock.now - started)")
            #expect(running.logs().contains("worker went silent; its jobs go to other workers"))
            try await running.system.signal("analysis-1", SIGCONT)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        _ = try? await running.system.signal("analysis-1", SIGCONT)
        rescuer?.interrupt()
        _ = try await rescuer?.finish(timeout: .seconds(10))
        await running.stop()
    }
}
