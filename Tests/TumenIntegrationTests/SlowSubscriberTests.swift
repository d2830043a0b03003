import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting
import TumenTransport

/// A subscriber that never reads costs reporting a bounded queue, not memory or time, and loses nothing for good.
@Suite(.serialized)
struct SlowSubscriberTests {
    static let topics = ["all", "economic", "military", "diplomatic", "labour"]
    static let rounds = 120

    @Test func aSubscriberThatNeverReadsNeitherBlocksReportingNorGrowsItsMemoryAndCatchesUpByReplay() async throws {
        let running = try await RunningSystem.start(arguments: [
            "reporting": ["--topics", Self.topics.joined(separator: ","), "--digests-high-water-mark", "20"]
        ])
        do {
            // Given a subscriber that connects and then never reads, with a small receive queue of its own
            let stalled = try ZMQSocket(type: .sub)
            defer { stalled.close() }
            try stalled.setReceiveHighWaterMark(10)
            try stalled.setLinger(0)
            try stalled.subscribe("digest.")
            try stalled.connect(running.endpoints.digests)
            // and one that reads everything
            let reader = try DigestSubscriber(endpoint: running.endpoints.digests, prefixes: ["digest."])
            try await Task.sleep(for: .milliseconds(500))
            let reporting = try #require(await running.system.processIDs()["reporting"])
            let memoryBefore = try Self.residentKiB(of: reporting)

            // When reporting makes and publishes many digests
            let control = try ServiceClient(endpoint: running.endpoints.control, name: "slow-subscriber-test")
            // (a PUB that waited for the stalled subscriber would hold digest.now past its 10 s timeout: the request
            // would throw)
            for _ in 0..<Self.rounds {
                let made = try await control.request(DigestNow(topics: []), timeout: .seconds(10), attempts: 1)
                    .decode(DigestMade.self)
                #expect(made.digests.count == Self.topics.count)
            }
            await control.close()
            let published = Self.rounds * Self.topics.count
            let memoryAfter = try Self.residentKiB(of: reporting)

            // Then reporting never waited on the stalled subscriber and its memory stayed flat
            #expect(
                memoryAfter - memoryBefore < 32 * 1024,
                "reporting grew from \(memoryBefore) KiB to \(memoryAfter) KiB while a subscriber did not read")

            // and the reading subscriber got every digest, gaps (if any) filled by replay
            let storage = try ServiceClient(endpoint: running.endpoints.store, name: "slow-subscriber-replay")
            let replay: DigestFollower.Replay = {
                try await storage.request($0, timeout: .seconds(5), attempts: 3).decode(DigestReplayed.self)
            }
            var fromReader: [String] = []
            for try await digest in DigestFollower(prefixes: ["digest."], replay: replay).digests(
                live: reader.digests())
            {
                fromReader.append("\(digest.pubSubTopic)#\(digest.seq)")
                if fromReader.count == published { break }
            }
            #expect(Set(fromReader).count == published)
            await reader.close()

            // When the stalled subscriber reads at last, until nothing more comes, it finds that reporting dropped
            // messages for it instead of keeping them all (bounded queues)
            var queued: [ReceivedDigest] = []
            var quietSince = ContinuousClock.now
            while ContinuousClock.now - quietSince < .milliseconds(500) {
                guard let frames = try stalled.receiveMultipart(dontWait: true) else {
                    try await Task.sleep(for: .milliseconds(20))
                    continue
                }
                let digest = try WireCoding.decode(DigestPublished.self, from: frames[1]).payload.digest
                queued.append(ReceivedDigest(topic: String(decoding: frames[0], as: UTF8.self), digest: digest))
                quietSince = ContinuousClock.now
            }
            #expect(!queued.isEmpty)
            #expect(queued.count < published, "nothing was dropped: all \(published) were kept for the subscriber")
            // and its follower detects the gaps and replays every digest it missed, in order, once each
            let (live, feed) = AsyncStream.makeStream(of: ReceivedDigest.self)
            queued.forEach { feed.yield($0) }
            feed.finish()
            var caughtUp: [String: [Int]] = [:]
            for try await digest in DigestFollower(prefixes: ["digest."], replay: replay).digests(live: live) {
                caughtUp[digest.pubSubTopic, default: []].append(digest.seq)
            }
            for (topic, seqs) in caughtUp {
                let last = queued.filter { $0.topic == topic }.map(\.digest.seq).max() ?? 0
                #expect(seqs == Array(1...last), "\(topic): \(seqs)")
            }
            await storage.close()
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    /// The resident memory of a process, from `/proc/PID/status`.
    static func residentKiB(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
