import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// Bad input against the real services: clear errors naming the input, services stay up, nothing stored changes.
@Suite(.serialized)
struct BadInputTests {
    @Test func badFilesAreRefusedWithClearReasonsAndNothingStoredChanges() async throws {
        let running = try await RunningSystem.start(arguments: ["ingest": ["--max-document-bytes", "2000000"]])
        do {
            // Given one good document already stored
            let dir = running.directory.appendingPathComponent("input")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let good = dir.appendingPathComponent("good.txt")
            try Data("The ministry said more than 20,000 containers were shipped in 2024.\n".utf8).write(to: good)
            let first = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [good.path])
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            let before = try await running.system.waitUntilIdle()

            // When bad files are ingested
            let empty = dir.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            let binary = dir.appendingPathComponent("binary.txt")
            try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]).write(to: binary)
            let latin1 = dir.appendingPathComponent("latin1.txt")
            try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
            let huge = dir.appendingPathComponent("huge.txt")
            try Data(repeating: 0x61, count: 50 * 1024 * 1024).write(to: huge)
            let large = dir.appendingPathComponent("large.txt")
            try Data(repeating: 0x62, count: 2_500_000).write(to: large)
            let missing = dir.appendingPathComponent("missing.txt")
            let run = try await ChildProcess.tumen(
                ["ingest"] + running.endpointArguments
                    + [empty.path, binary.path, latin1.path, missing.path, huge.path])
            // and a file under the CLI's limit but over ingest's own limit
            let overIngestLimit = try await ChildProcess.tumen(
                ["ingest", "--max-document-bytes", "100000000"] + running.endpointArguments + [large.path])

            // Then each gets a line naming the file and the reason, and the command fails
            #expect(run.status != 0)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            func line(_ url: URL) -> String { lines.first { $0.contains(url.path) } ?? "" }
            #expect(line(empty).contains("empty"), "\(run.stdout)")
            #expect(line(binary).contains("binary"), "\(run.stdout)")
            #expect(line(latin1).contains("not valid UTF-8"), "\(run.stdout)")
            #expect(line(missing).contains("no such file"), "\(run.stdout)")
            #expect(line(huge).contains("over the limit"), "\(run.stdout)")
            #expect(run.stdout.contains("0 accepted, 0 duplicates, 5 failed"), "\(run.stdout)")
            #expect(overIngestLimit.status != 0)
            #expect(
                overIngestLimit.stdout.contains("large.txt: 2500000 bytes is over the limit of 2000000 bytes"),
                "\(overIngestLimit.stdout)")

            // and the services kept running, stored nothing new, and kept each refusal as a dead letter
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == before.documents)
            #expect(after.analyzedDocuments == before.analyzedDocuments)
            #expect(after.deadLetters >= before.deadLetters + 4)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func malformedFramesSentStraightToEverySocketGetAnErrorReplyAndAreKept() async throws {
        let running = try await RunningSystem.start()
        do {
            let before = try await running.system.waitUntilIdle()
            let sockets = [
                ("ingest submit", running.endpoints.submit), ("storage store", running.endpoints.store),
                ("storage jobs", running.endpoints.jobs), ("reporting control", running.endpoints.control),
            ]
            let badFrames: [(String, Data)] = [
                ("truncated JSON", Data(#"{"v":1,"type":"document.submit","id":"x""#.utf8)),
                ("not JSON", Data([0xFF, 0x00, 0x13, 0x37])),
                ("unknown major version", Data(#"{"v":99,"type":"status.query","id":"v99","payload":{}}"#.utf8)),
            ]
            for (socket, endpoint) in sockets {
                for (what, frame) in badFrames {
                    let reply = try await RawDealer.exchange(endpoint: endpoint, [frame])
                    let body = try #require(reply?.last, "\(socket) did not answer \(what)")
                    let header = try WireCoding.decodeHeader(body)
                    #expect(header.type == ErrorReply.type, "\(socket) answered \(what) with \(header.type)")
                    let error = try WireCoding.decode(ErrorReply.self, from: body).payload
                    #expect(!error.message.isEmpty)
                    if what == "unknown major version" {
                        #expect(error.code == "unsupported-version", "\(socket): \(error)")
                        #expect(header.correlationId == "v99")
                    }
                }
            }
            // The services are all still up and nothing stored changed
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == before.documents)
            #expect(after.deadLetters >= before.deadLetters + sockets.count * badFrames.count)
            let digests = try await ChildProcess.tumen(
                ["digest", "--now", "--topic", "all"] + running.endpointArguments)
            #expect(digests.status == 0, "reporting stopped answering: \(digests.stderr)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }
}
