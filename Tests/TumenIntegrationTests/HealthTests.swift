import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// `system.health` from the four real executables, seen by `tumen status` and by a pyzmq subscriber.
@Suite(.serialized)
struct HealthTests {
    @Test func everyServicePublishesItsHealthAndTumenStatusShowsEachInstanceUntilOneGoesDown() async throws {
        let running = try await RunningSystem.start(workers: 2)
        do {
            // Given one accepted and one rejected document
            let good = running.directory.appendingPathComponent("note.md")
            try Data("# Note\n\nAccording to Yonhap, 15,000 workers were sent to Russia in 2024.\n".utf8).write(
                to: good)
            let empty = running.directory.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            _ = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [good.path, empty.path])
            _ = try await running.system.waitUntilIdle()

            // When `tumen status` listens to the health publishers
            let status = try await ChildProcess.tumen(
                ["status", "--wait", "3", "--format", "json"] + running.endpointArguments + running.healthArguments)

            // Then it heard every service, both workers (relayed by storage) included, each ready
            #expect(status.status == 0, "tumen status: \(status.stdout)\(status.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
            let services = try #require(report?["services"] as? [[String: Any]], "\(status.stdout)")
            let instances = services.map { "\($0["service"] ?? "")/\($0["instance"] ?? "")" }
            #expect(instances.filter { $0.hasPrefix("ingest/") }.count == 1, "\(instances)")
            #expect(instances.filter { $0.hasPrefix("storage/") }.count == 1, "\(instances)")
            #expect(instances.filter { $0.hasPrefix("reporting/") }.count == 1, "\(instances)")
            #expect(instances.contains("analysis/worker-1") && instances.contains("analysis/worker-2"), "\(instances)")
            #expect(services.allSatisfy { $0["state"] as? String == "ready" }, "\(services)")
            // with its counters: ingest counted the accepted and the rejected document, the workers their jobs
            let ingest = try #require(services.first { $0["service"] as? String == "ingest" })
            let counters = ingest["counters"] as? [String: Int] ?? [:]
            #expect(counters["documents_accepted"] == 1, "\(counters)")
            #expect(counters["documents_rejected{code=empty}"] == 1, "\(counters)")
            let jobsDone = services.filter { $0["service"] as? String == "analysis" }.reduce(0) { total, worker in
                total + ((worker["counters"] as? [String: Int])?["jobs_done{kind=analyze.document}"] ?? 0)
            }
            #expect(jobsDone == 1)
            let store = report?["store"] as? [String: Any]
            #expect(store?["documents"] as? Int == 1)

            // and an independent pyzmq subscriber written from Protocols/ validates the same heartbeats
            let python = try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3",
                    TestEnvironment.repositoryRoot.appendingPathComponent("Tests/python/watch_health.py").path,
                    "--seconds", "3",
                ] + running.endpoints.health.values.sorted().flatMap { ["--endpoint", $0] })
            #expect(python.status == 0, "watch_health.py: \(python.stdout)\(python.stderr)")
            #expect(python.stdout.split(separator: "\n").count == 5, "\(python.stdout)")

            // When reporting and a worker die, status names reporting as down and fails, and storage counts the
            // worker it no longer hears as silent
            try await running.system.kill("reporting")
            try await running.system.kill("analysis-2")
            try await Task.sleep(for: .seconds(6))
            let down = try await ChildProcess.tumen(
                ["status", "--wait", "3", "--format", "json"] + running.endpointArguments + running.healthArguments)
            #expect(down.status == 1)
            let after = try JSONSerialization.jsonObject(with: Data(down.stdout.utf8)) as? [String: Any]
            let silent = after?["silent"] as? [[String: String]] ?? []
            #expect(silent.map { $0["service"] } == ["reporting"], "\(down.stdout)")
            let heard = after?["services"] as? [[String: Any]] ?? []
            #expect(!heard.contains { $0["instance"] as? String == "worker-2" }, "\(down.stdout)")
            let storage = heard.first { $0["service"] as? String == "storage" }
            let queues = storage?["queues"] as? [String: Int] ?? [:]
            #expect(queues["workersLive"] == 1 && queues["workersSilent"] == 1, "\(queues)")
            let text = try await ChildProcess.tumen(
                ["status", "--wait", "3"] + running.endpointArguments + running.healthArguments)
            #expect(
                text.stdout.contains("reporting  DOWN: no system.health on \(running.endpoints.health["reporting"]!)"))
            #expect(text.stdout.contains("documents     1 (1 analysed)"), "\(text.stdout)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }
}
