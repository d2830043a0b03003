import Foundation
import GRDB
import Testing
import TumenProtocol
import TumenService
import TumenStorage
import TumenTesting

/// The disk full: storage answers a clear error instead of crashing, ingest answers `busy` with that reason, nothing
/// already accepted is lost or damaged, and ingestion goes on once there is space again.
@Suite(.serialized)
struct DiskFullTests {
    @Test func aStoreAtItsSizeLimitRefusesWithAClearReasonLosesNothingAndTakesMoreOnceTheLimitIsRaised()
        async throws
    {
        // Given the system with a store limited to 1 MiB (`max-store-bytes` from storage's configuration file)
        let settings = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent("storage.json")
        try Data(#"{"max-store-bytes": "1048576"}"#.utf8).write(to: settings)
        let running = try await RunningSystem.start(arguments: ["storage": ["--config", settings.path]])
        let data = running.directory.appendingPathComponent("data")
        do {
            try await Self.fillThenMakeRoom(
                system: running.system, submitEndpoint: running.endpoints.submit, data: data,
                expectedCause: "the database reached max-store-bytes (1048576 bytes)",
                expectedRemedy: "raise max-store-bytes (TUMEN_MAX_STORE_BYTES) of the store in the data directory "
                    + data.path,
                makeRoom: {
                    // The operator raises the limit and restarts storage; ingest and the workers keep running
                    try Data(#"{"max-store-bytes": "33554432"}"#.utf8).write(to: settings)
                    try await running.system.kill("storage", signal: SIGTERM)
                    try await running.system.restart("storage")
                })
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func aFullFileSystemIsAnsweredTheSameWayAndIngestionResumesWhenItGrowsWithoutARestart() async throws {
        // Given storage's data directory on a 2 MiB tmpfs, when this process may mount one
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let mount = try await Self.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data.path])
        guard mount.status == 0 else {
            print("skipped: mounting a 2 MiB tmpfs for a full disk is not permitted here: \(mount.stderr)")
            return
        }
        let endpoints = SystemEndpoints.ipc(in: directory)
        let system = LocalSystem(
            configuration: .init(
                binDirectory: TestEnvironment.binDirectory, dataDirectory: data,
                logDirectory: directory.appendingPathComponent("logs"), endpoints: endpoints))
        do {
            try await system.start()
            try await system.waitUntilReady()
            try await Self.fillThenMakeRoom(
                system: system, submitEndpoint: endpoints.submit, data: data,
                expectedCause: "the file system of the data directory \(data.path) has ",
                expectedRemedy: "free space on that file system, or move the data directory to a larger one",
                makeRoom: {
                    // The volume grows; no service is restarted
                    let remount = try await Self.run(["mount", "-o", "remount,size=32m", data.path])
                    #expect(remount.status == 0, "remount failed: \(remount.stderr)")
                })
            #expect(await system.restarts().isEmpty)
        } catch {
            let logs = directory.appendingPathComponent("logs/storage.log")
            Issue.record(
                "system failed: \(error)\n\((try? String(contentsOf: logs, encoding: .utf8))?.suffix(4000) ?? "")")
        }
        let statuses = await system.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
        let unmount = try await Self.run(["umount", data.path])
        #expect(unmount.status == 0, "umount failed: \(unmount.stderr)")
    }

    /// Submits documents until ingest refuses one because the store is full, checks the reason and the store, then
    /// makes room and checks that the refused document and more are accepted and analysed.
    private static func fillThenMakeRoom(
        system: LocalSystem, submitEndpoint: String, data: URL, expectedCause: String, expectedRemedy: String,
        makeRoom: () async throws -> Void
    ) async throws {
        try await ServiceClient.with(endpoint: submitEndpoint) { client in
            // When documents are submitted until ingest refuses one
            var accepted: [DocumentAccepted] = []
            var refused: (document: DocumentSubmit, busy: Busy)?
            for index in 0..<2000 {
                let document = filler(index)
                switch try await submit(document, with: client) {
                case .accepted(let reply): accepted.append(reply)
                case .full(let busy): refused = (document, busy)
                }
                if refused != nil { break }
            }

            // Then the reason says that the store is full, why, where, and what to do
            let (document, busy) = try #require(refused, "the store never filled up")
            print("disk full: \(accepted.count) documents accepted, then busy: \(busy.reason)")
            #expect(accepted.count > 5)
            #expect(busy.reason.contains("storage did not commit '\(document.name)': storage-full: the store is full"))
            #expect(busy.reason.contains(expectedCause), "\(busy.reason)")
            #expect(busy.reason.contains("nothing already stored was lost. To store more, \(expectedRemedy)"))
            // and storage is still serving, with every accepted document intact in a sound store
            try await system.waitUntilReady()
            try checkStore(in: data, holds: accepted)

            // When there is room again
            try await makeRoom()
            try await system.waitUntilReady()

            // Then the refused document and more are accepted through the same ingest, and analysed
            for next in [document] + (0..<5).map({ filler(10_000 + $0) }) {
                guard case .accepted(let reply) = try await submit(next, with: client) else {
                    Issue.record("\(next.name) was refused although there is room again")
                    continue
                }
                #expect(!reply.duplicate)
                accepted.append(reply)
            }
            let status = try await system.waitUntilIdle(timeout: .seconds(120))
            #expect(status.documents == accepted.count)
            #expect(status.analyzedDocuments == accepted.count)
            #expect(status.jobsFailed == 0)
            try checkStore(in: data, holds: accepted)
        }
    }

    /// What a submission finally got.
    private enum Outcome {
        case accepted(DocumentAccepted)
        /// `busy` because the store is full.
        case full(Busy)
    }

    /// Submits one document with one id, again after any `busy` that is not about a full store.
    private static func submit(_ document: DocumentSubmit, with client: ServiceClient) async throws -> Outcome {
        let id = MessageID.make()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let reply = try await client.request(document, id: id, timeout: .seconds(10), attempts: 2)
            switch reply.header.type {
            case DocumentAccepted.type:
                return .accepted(try reply.decode(DocumentAccepted.self))
            case Busy.type:
                let busy = try reply.decode(Busy.self)
                if busy.reason.contains("the store is full") { return .full(busy) }
                try await Task.sleep(for: .milliseconds(busy.retryAfterMs))
            default:
                throw ProtocolFailure(description: "\(document.name) got \(reply.header.type)")
            }
        }
        throw ProtocolFailure(description: "\(document.name) was not accepted within 60 s")
    }

    /// Every accepted document is in the store with the content it was accepted with, and the store is sound.
    private static func checkStore(in data: URL, holds accepted: [DocumentAccepted]) throws {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(
            path: data.appendingPathComponent(SQLiteStore.fileName).path, configuration: configuration)
        let (hashes, integrity) = try queue.read { db in
            (
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, contentHash FROM document").map {
                        (row: Row) -> (String, String) in (row["id"], row["contentHash"])
                    }),
                try String.fetchAll(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(integrity == ["ok"])
        #expect(hashes.count == accepted.count)
        for reply in accepted {
            #expect(hashes[reply.documentId] == reply.contentHash, "\(reply.name) is missing or changed")
        }
    }

    /// A document of about 6 KB whose words differ from every other filler's.
    private static func filler(_ index: Int) -> DocumentSubmit {
        DocumentSubmit(
            name: "full-\(index).md",
            text: "# Full \(index)\n\nThe ministry counted \(100 + index) trucks in 2024.\n\n"
                + (0..<700).map { "w\(index)x\($0)" }.joined(separator: " ") + "\n")
    }

    private static func run(_ arguments: [String]) async throws -> ProcessOutput {
        try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, timeout: .seconds(30))
    }
}

/// An unexpected reply or a submission that never got through.
private struct ProtocolFailure: Error, CustomStringConvertible {
    var description: String
}
