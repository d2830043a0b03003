import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// Back-pressure (`busy`, and the CLI retrying with back-off) and graceful shutdown (SIGTERM finishes the work in
/// hand), with the real executables.
@Suite(.serialized)
struct BackPressureAndShutdownTests {
    @Test func ingestAtCapacityAnswersBusyAndTheCLIRetriesWithBackOffUntilEveryFileIsAccepted() async throws {
        let running = try await RunningSystem.start(arguments: ["ingest": ["--max-in-flight", "1"]])
        do {
            // Given storage hanging, and one document in flight in ingest, whose only slot it takes
            try await running.system.signal("storage", SIGSTOP)
            let first = try ServiceClient(endpoint: running.endpoints.submit, name: "first")
            let inFlight = Task {
                // Ingest may give up waiting for storage and answer busy too: then retry with the same id.
                let submit = DocumentSubmit(name: "first.txt", text: "Trade reached USD 34.4 million in 2023.")
                let id = MessageID.make()
                while true {
                    let reply = try await first.request(submit, id: id, timeout: .seconds(20), attempts: 1)
                    guard reply.header.type == Busy.type else { return reply }
                    try await Task.sleep(for: .milliseconds(try reply.decode(Busy.self).retryAfterMs))
                }
            }
            try await Task.sleep(for: .milliseconds(300))

            // When another client submits
            let second = try ServiceClient(endpoint: running.endpoints.submit, name: "second")
            let refused = try await second.request(
                DocumentSubmit(name: "second.txt", text: "About 15,000 workers were sent."), timeout: .seconds(5),
                attempts: 1)

            // Then it is answered at once with busy and when to retry, not queued without bound
            #expect(refused.header.type == Busy.type)
            let busy = try refused.decode(Busy.self)
            #expect(busy.retryAfterMs > 0 && busy.reason.contains("capacity"), "\(busy)")
            await second.close()

            // When the CLI submits three files meanwhile, and storage resumes a little later
            var files: [String] = []
            for index in 1...3 {
                let file = running.directory.appendingPathComponent("note-\(index).txt")
                try Data("Note \(index): about \(index * 1000) shells were delivered in 2024.\n".utf8).write(to: file)
                files.append(file.path)
            }
            let cli = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen"),
                ["ingest"] + running.endpointArguments + files)
            try await Task.sleep(for: .milliseconds(1500))
            try await running.system.signal("storage", SIGCONT)

            // Then the CLI backed off while busy and got every file accepted, and the first document too
            let output = try await cli.finish(timeout: .seconds(60))
            #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
            #expect(output.stdout.contains("busy      "), "the CLI did not meet busy: \(output.stdout)")
            #expect(output.stdout.contains("3 accepted"), "\(output.stdout)")
            let firstReply = try await inFlight.value
            #expect(firstReply.header.type == DocumentAccepted.type)
            await first.close()
            let status = try await running.system.waitUntilIdle()
            #expect(status.documents == 4)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    @Test func aWorkerStoppedWithSIGTERMFinishesItsJobAndHandsInTheResultBeforeItExits() async throws {
        let running = try await RunningSystem.start()
        do {
            // Given a worker busy with a long document
            let sentence = "The delegation met officials in Pyongyang and discussed cooperation on transport. "
            let figure = "According to the ministry, about 4,700 soldiers were wounded near Kursk in 2024.\n"
            let file = running.directory.appendingPathComponent("long.txt")
            try Data((String(repeating: sentence, count: 10_000) + "\n\n" + figure).utf8).write(to: file)
            let ingest = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [file.path])
            #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
            try await Self.waitUntil(running, "the job is leased") { $0.jobsLeased == 1 }

            // When it is told to stop with SIGTERM in the middle of the job
            let exit = try await running.system.kill("analysis-1", signal: SIGTERM, timeout: .seconds(120))

            // Then it exits cleanly only after storage committed its result: with no worker left, the document
            // is analysed and no job is leased or was given to anyone else
            #expect(exit == 0)
            let status = try await ServiceClient.with(endpoint: running.endpoints.store) { client in
                try await client.request(StatusQuery()).decode(StatusReport.self)
            }
            #expect(status.jobsDone == 1, "\(status)")
            #expect(status.jobsLeased == 0, "\(status)")
            let logs = running.logs()
            #expect(logs.contains("job acknowledged; shutting down"), "the worker did not wait for storage")
            #expect(!logs.contains("attempt=2"), "the job was redelivered")

            // And a restarted worker resumes with what is left (the document's crosscheck)
            try await running.system.restart("analysis-1")
            let idle = try await running.system.waitUntilIdle(timeout: .seconds(120))
            #expect(idle.analyzedDocuments == 1 && idle.jobsFailed == 0, "\(idle)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static func waitUntil(
        _ running: RunningSystem, _ what: String, timeout: Duration = .seconds(30),
        _ condition: (StatusReport) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        try await ServiceClient.with(endpoint: running.endpoints.store) { client in
            while true {
                let status = try await client.request(StatusQuery()).decode(StatusReport.self)
                if condition(status) { return }
                guard ContinuousClock.now < deadline else {
                    throw Timeout(description: "\(what) did not happen within \(timeout): \(status)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
