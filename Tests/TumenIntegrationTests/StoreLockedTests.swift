import Foundation
import Synchronization
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// Another process holding the SQLite write lock: storage answers with an error, ingest says busy, clients retry.
@Suite(.serialized)
struct StoreLockedTests {
    @Test func documentsSubmittedWhileAnotherProcessLocksTheDatabaseAreStoredOnceAfterRetries() async throws {
        let running = try await RunningSystem.start(workers: 1)
        do {
            // Given another process that holds the database's write lock (storage waits 5 s at most) until the test
            // lets it go, at least 8 s later
            let database = running.directory.appendingPathComponent("data/tumen.sqlite").path
            let locked = running.directory.appendingPathComponent("locked")
            let release = running.directory.appendingPathComponent("release")
            let locker = try ChildProcess.start(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c",
                    "import os, sqlite3, sys, time\n"
                        + "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                        + "c.execute('BEGIN IMMEDIATE')\nopen(sys.argv[2], 'w').close()\n"
                        + "deadline = time.time() + 60\n"
                        + "while not os.path.exists(sys.argv[3]) and time.time() < deadline: time.sleep(0.05)\n"
                        + "c.execute('COMMIT')\n",
                    database, locked.path, release.path,
                ])
            // (python may take a while to start on a loaded machine: wait until it holds the lock)
            let deadline = ContinuousClock.now + .seconds(30)
            while !FileManager.default.fileExists(atPath: locked.path), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }

            // When five documents are submitted, each retried with the same id while ingest answers busy
            let busySeen = Flag()
            let submissions = Task {
                try await withThrowingTaskGroup(of: [MessageType].self) { group in
                    for index in 0..<5 {
                        group.addTask {
                            try await Self.submitUntilAccepted(
                                index, endpoint: running.endpoints.submit, busy: busySeen)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            // (the lock goes when a busy answer came, or after 40 s: a loaded machine may be slow to get there)
            let lockDeadline = ContinuousClock.now + .seconds(40)
            while !busySeen.isSet, ContinuousClock.now < lockDeadline { try await Task.sleep(for: .milliseconds(50)) }
            _ = FileManager.default.createFile(atPath: release.path, contents: nil)
            let replies = try await submissions.value
            let lockerOutput = try await locker.finish(timeout: .seconds(20))
            #expect(lockerOutput.status == 0, "the locking process failed: \(lockerOutput.stderr)")

            // Then storage refused while locked, and every document is stored and analysed exactly once
            #expect(replies.contains { $0.contains(Busy.type) }, "ingest never answered busy: \(replies)")
            #expect(replies.allSatisfy { $0.last == DocumentAccepted.type })
            let status = try await running.system.waitUntilIdle()
            #expect(status.documents == 5 && status.analyzedDocuments == 5 && status.jobsFailed == 0)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    /// Submits one document with one id until it is accepted; returns the types of the replies it got.
    static func submitUntilAccepted(_ index: Int, endpoint: String, busy: Flag) async throws -> [MessageType] {
        try await ServiceClient.with(endpoint: endpoint) { client in
            let submit = DocumentSubmit(
                name: "locked-\(index).md", text: "# Locked \(index)\n\nThe ministry counted \(100 + index) trucks.\n")
            let id = MessageID.make()
            var types: [MessageType] = []
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                guard let reply = try? await client.request(submit, id: id, timeout: .seconds(20), attempts: 1) else {
                    continue
                }
                types.append(reply.header.type)
                if reply.header.type != Busy.type { return types }
                busy.set()
                try await Task.sleep(for: .milliseconds(300))
            }
            return types
        }
    }

    /// A flag set from any task.
    final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }
}
