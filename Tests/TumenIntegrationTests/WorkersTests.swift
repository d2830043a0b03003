import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// Analysis workers share the work: each job is done once, by one of them.
@Suite(.serialized)
struct WorkersTests {
    /// Short synthetic reports, varied deterministically.
    static func report(_ index: Int) -> String {
        let subjects = ["wheat", "fuel", "fertiliser", "cement", "timber"]
        let sources = ["the customs office", "a port official", "the ministry", "an industry group"]
        return """
            Report \(index) on \(subjects[index % subjects.count])

            According to \(sources[index % sources.count]), about \(1_000 + index * 37) tonnes of \
            \(subjects[index % subjects.count]) crossed the border in week \(index % 52 + 1), \
            up \(index % 9 + 1)% on the week before.
            """
    }

    @Test func fiveWorkersSplitTwentyFiveDocumentsAndEachIsAnalysedOnce() async throws {
        let running = try await RunningSystem.start(workers: 5)
        do {
            let dir = running.directory.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for index in 0..<25 {
                try Data(Self.report(index).utf8).write(to: dir.appendingPathComponent("report-\(index).txt"))
            }
            let ingest = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [dir.path])
            #expect(ingest.stdout.contains("25 accepted"), "\(ingest.stdout)")
            let status = try await running.system.waitUntilIdle()
            #expect(status.documents == 25)
            #expect(status.analyzedDocuments == 25)
            #expect(status.jobsFailed == 0)

            // Every job was analysed by exactly one worker, and more than one worker took part
            let logs = running.directory.appendingPathComponent("logs")
            var analysedPerWorker: [Int] = []
            for index in 1...5 {
                let log = try String(contentsOf: logs.appendingPathComponent("analysis-\(index).log"), encoding: .utf8)
                analysedPerWorker.append(log.split(separator: "\n").filter { $0.hasSuffix(" analysed") }.count)
            }
            #expect(analysedPerWorker.reduce(0, +) == 25, "analyses per worker: \(analysedPerWorker)")
            #expect(analysedPerWorker.filter { $0 > 0 }.count >= 2, "analyses per worker: \(analysedPerWorker)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func tumenUpStartsEverythingAndStopsItCleanlyOnInterrupt() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let endpoints = SystemEndpoints.ipc(in: directory)
        let up = try ChildProcess.start(
            TestEnvironment.binDirectory.appendingPathComponent("tumen"),
            [
                "up", "--data-dir", directory.appendingPathComponent("data").path, "--workers", "2",
                "--submit-endpoint", endpoints.submit, "--store-endpoint", endpoints.store,
                "--digests-endpoint", endpoints.digests, "--control-endpoint", endpoints.control,
            ] + endpoints.healthArguments)
        // Wait for storage to answer, then interrupt `tumen up` as Ctrl-C would
        let status = try await ServiceClient.with(endpoint: endpoints.store) { client in
            try await client.request(StatusQuery(), timeout: .seconds(10), attempts: 3).decode(StatusReport.self)
        }
        #expect(status.documents == 0)
        try await Task.sleep(for: .milliseconds(300))
        up.interrupt()
        let output = try await up.finish(timeout: .seconds(20))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stderr.contains("Stopped: analysis-1 0, analysis-2 0, ingest 0, reporting 0, storage 0"),
            "\(output.stderr)")
    }

    @Test func tumenUpOnceRunAgainOnTheSameFilesShowsTheLatestDigestWithDocuments() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let endpoints = SystemEndpoints.ipc(in: directory)
        let file = directory.appendingPathComponent("note.md")
        try Data("# Note\n\nAccording to Yonhap, 15,000 workers were sent to Russia in 2024.\n".utf8).write(to: file)
        let arguments =
            [
                "up", "--once", "--data-dir", directory.appendingPathComponent("data").path,
                "--submit-endpoint", endpoints.submit, "--store-endpoint", endpoints.store,
                "--digests-endpoint", endpoints.digests, "--control-endpoint", endpoints.control,
            ] + endpoints.healthArguments + [file.path]

        // Given a first run that digested the file
        let first = try await ChildProcess.tumen(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("15,000"))

        // When the same command runs again: nothing is new
        let second = try await ChildProcess.tumen(arguments)

        // Then it says so and shows the latest digest with documents rather than an empty one
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("duplicate"), "\(second.stderr)")
        #expect(second.stderr.contains("Nothing is new since the last digest"), "\(second.stderr)")
        #expect(second.stdout.contains("15,000"), "\(second.stdout)")
    }
}
