import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// Digests are never silently missed: replay from storage, gap filling in `tumen subscribe`, and one publication per
/// window whatever happens to reporting. Real processes on IPC endpoints.
@Suite(.serialized)
struct DigestDeliveryTests {
    /// Reporting on an hourly cadence (which never fires during a test) with one topic: digests come from `digest --now`.
    static let reporting = ["reporting": ["--every", "1h", "--topics", "all"]]

    @Test func aSubscriberThatWasDownFetchesTheDigestsItMissedWithSince() async throws {
        let running = try await RunningSystem.start(arguments: Self.reporting)
        do {
            // Given three digests published while no subscriber was running
            var made: [Digest] = []
            for _ in 0..<3 { made += try await digestNow(running) }
            #expect(made.map(\.seq) == [1, 2, 3])

            // When `tumen subscribe --since 2` starts afterwards
            let fromSeq = try await ChildProcess.tumen(
                ["subscribe", "digest.", "--since", "2", "--count", "2", "--format", "json"]
                    + running.endpointArguments,
                timeout: .seconds(30))

            // Then it prints the missed digests from storage, in order, exactly as published
            #expect(fromSeq.status == 0, "tumen subscribe: \(fromSeq.stderr)")
            #expect(try digests(in: fromSeq.stdout) == Array(made.dropFirst()))

            // and --since a time replays what was recorded since then
            let fromTime = try await ChildProcess.tumen(
                ["subscribe", "digest.hourly.", "--since", "2000-01-01", "--count", "3", "--format", "json"]
                    + running.endpointArguments, timeout: .seconds(30))
            #expect(fromTime.status == 0, "tumen subscribe: \(fromTime.stderr)")
            #expect(try digests(in: fromTime.stdout).map(\.seq) == [1, 2, 3])

            // and a pyzmq client written from Protocols/ alone fetches them by `digest.replay`, page by page
            let python = try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3",
                    TestEnvironment.repositoryRoot.appendingPathComponent("Tests/python/replay_digests.py").path,
                    "--endpoint", running.endpoints.store, "--topic", "digest.hourly.", "--limit", "2",
                ], timeout: .seconds(30))
            #expect(python.status == 0, "replay_digests.py: \(python.stdout)\(python.stderr)")
            let replayed = try python.stdout.split(separator: "\n").map {
                try WireCoding.makeDecoder().decode(Digest.self, from: Data($0.utf8))
            }
            #expect(replayed == made)
            #expect(python.stderr.contains("2 page(s)"), "\(python.stderr)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    @Test func aSubscriberDetectsAGapAndFillsItByReplayBeforePrintingLaterDigests() async throws {
        let running = try await RunningSystem.start(arguments: Self.reporting)
        do {
            // Given `tumen subscribe` following live digests
            let subscribe = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen"),
                ["subscribe", "digest.", "--count", "3", "--format", "json"] + running.endpointArguments)
            try await Task.sleep(for: .seconds(1))
            let first = try await digestNow(running)

            // When a digest is recorded but never published (as when reporting dies between the two)
            let lastEnd = try #require(first.first).windowEnd
            let unpublished = Digest(
                id: "digest-hourly-all-unpublished", cadence: "hourly", topic: "all", seq: 0, windowStart: lastEnd,
                windowEnd: lastEnd.addingTimeInterval(0.001), documents: [], figures: [], entities: [],
                pendingDocuments: 0, markdown: "# Never published\n")
            let recorded = try await ServiceClient.with(endpoint: running.endpoints.store) { client in
                try await client.request(DigestRecord(digest: unpublished)).decode(DigestRecorded.self)
            }
            #expect(recorded.seq == 2)
            // and the next one is published
            let third = try await digestNow(running)

            // Then the subscriber sees seq 3 after 1, replays 2 from storage, and prints 1, 2, 3 once each
            let output = try await subscribe.finish(timeout: .seconds(30))
            #expect(output.status == 0, "tumen subscribe: \(output.stderr)")
            let printed = try digests(in: output.stdout)
            #expect(printed.map(\.seq) == [1, 2, 3])
            #expect(printed.map(\.id) == [first[0].id, unpublished.id, third[0].id])
            #expect(output.stderr.contains("seq 3 arrived while 2 was expected; 1 replayed"), "\(output.stderr)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    @Test func aDigestWindowIsPublishedOnceHoweverOftenReportingRestarts() async throws {
        let running = try await RunningSystem.start(arguments: Self.reporting)
        do {
            // Given a subscriber that follows every digest
            let subscribe = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen"),
                ["subscribe", "digest.", "--count", "4", "--format", "json"] + running.endpointArguments)
            try await Task.sleep(for: .seconds(1))

            // When reporting is killed (SIGKILL, then SIGTERM) and restarted between digests
            var made = try await digestNow(running)
            for signal in [SIGKILL, SIGTERM, SIGKILL] {
                try await running.system.kill("reporting", signal: signal)
                try await running.system.restart("reporting")
                try await Task.sleep(for: .seconds(1))
                made += try await digestNow(running)
            }

            // Then every digest has the next seq and a window that starts where the last one ended
            #expect(made.map(\.seq) == [1, 2, 3, 4])
            for (earlier, later) in zip(made, made.dropFirst()) {
                #expect(later.windowStart == earlier.windowEnd)
            }
            // and storage holds each window once
            let stored = try await ServiceClient.with(endpoint: running.endpoints.store) { client in
                try await client.request(DigestReplay(topicPrefix: "digest.")).decode(DigestReplayed.self)
            }
            #expect(stored.digests == made)
            #expect(!stored.more)
            // and the subscriber received each exactly once
            let output = try await subscribe.finish(timeout: .seconds(30))
            #expect(output.status == 0, "tumen subscribe: \(output.stderr)")
            #expect(try digests(in: output.stdout) == made)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }
}

/// Asks reporting for the digests of now (`tumen digest --now`), as the CLI does.
private func digestNow(_ running: RunningSystem) async throws -> [Digest] {
    try await ServiceClient.with(endpoint: running.endpoints.control) { client in
        try await client.request(DigestNow(), timeout: .seconds(30), attempts: 2).decode(DigestMade.self).digests
    }
}

/// The digests `tumen subscribe --format json` printed: pretty-printed objects, each closed by a `}` line.
private func digests(in output: String) throws -> [Digest] {
    var result: [Digest] = []
    var lines: [Substring] = []
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(line)
        if line == "}" {
            result.append(
                try WireCoding.makeDecoder().decode(Digest.self, from: Data(lines.joined(separator: "\n").utf8)))
            lines = []
        }
    }
    return result
}
