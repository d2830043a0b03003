import Foundation
import Synchronization
import Testing
import TumenProtocol
import TumenService

/// The follower behind `tumen subscribe`, against an in-memory storage: no sockets, no processes.
@Suite struct DigestFollowerTests {
    @Test func aFollowerThatStartsLiveFillsAGapByReplayBeforeTheLaterDigest() async throws {
        let storage = FakeStorage((1...4).map { digest("all", $0) })
        let notices = Notices()
        let follower = DigestFollower(prefixes: ["digest.daily."], replay: storage.replay, notice: notices.add)

        let yielded = try await collect(follower, live: [digest("all", 1), digest("all", 4), digest("all", 5)])

        #expect(yielded == ["all#1", "all#2", "all#3", "all#4", "all#5"])
        #expect(storage.requests == [DigestReplay(topicPrefix: "digest.daily.all", fromSeq: 2, limit: 2)])
        #expect(notices.all == ["digest.daily.all: seq 4 arrived while 2 was expected; 2 replayed"])
    }

    @Test func aDigestReceivedTwiceOrAfterLaterOnesIsYieldedOnce() async throws {
        let storage = FakeStorage([])
        let follower = DigestFollower(prefixes: ["digest."], replay: storage.replay)

        let yielded = try await collect(
            follower,
            live: [
                digest("all", 1), digest("all", 2), digest("all", 2), digest("all", 1), digest("economic", 7),
                digest("all", 3), digest("economic", 7),
            ])

        #expect(yielded == ["all#1", "all#2", "economic#7", "all#3"])
        #expect(storage.requests.isEmpty)
    }

    @Test func sinceASeqReplaysEveryTopicPageByPageThenFollowsWithoutRepeatingReplayedDigests() async throws {
        let recorded = (1...5).map { digest("all", $0) } + (1...3).map { digest("economic", $0) }
        let storage = FakeStorage(recorded, pageSize: 2)
        let follower = DigestFollower(prefixes: ["digest.daily."], start: .seq(2), replay: storage.replay)

        // The live stream repeats the last replayed digest, as when it is published while the replay runs
        let yielded = try await collect(follower, live: [digest("all", 5), digest("all", 6)])

        #expect(yielded == ["all#2", "all#3", "all#4", "all#5", "economic#2", "economic#3", "all#6"])
        #expect(storage.requests.count == 3)
        #expect(storage.requests.allSatisfy { $0.fromSeq == 2 && $0.topicPrefix == "digest.daily." })
        #expect(storage.requests.last?.after == DigestPosition(pubSubTopic: "digest.daily.all", seq: 5))
    }

    @Test func sinceASeqAGapAtTheStartOfATopicIsFilledWhenItsFirstLiveDigestArrives() async throws {
        // Nothing is recorded when the follower catches up; digests 1 and 2 are recorded, and missed, afterwards
        let storage = FakeStorage([])
        let follower = DigestFollower(
            prefixes: ["digest."], start: .seq(1),
            replay: { request in
                let reply = try await storage.replay(request)
                if storage.requests.count == 1 {
                    storage.record([digest("all", 1), digest("all", 2), digest("all", 3)])
                }
                return reply
            })

        let yielded = try await collect(follower, live: [digest("all", 3)])

        #expect(yielded == ["all#1", "all#2", "all#3"])
        #expect(storage.requests.last == DigestReplay(topicPrefix: "digest.daily.all", fromSeq: 1, limit: 2))
    }

    @Test func sinceATimeReplaysWhatWasRecordedSinceThenAndNothingBefore() async throws {
        let storage = FakeStorage((1...4).map { digest("all", $0) })
        let follower = DigestFollower(
            prefixes: ["digest."], start: .time(FakeStorage.recordedAt(seq: 3)), replay: storage.replay)

        let yielded = try await collect(follower, live: [digest("all", 5)])

        #expect(yielded == ["all#3", "all#4", "all#5"])
    }

    @Test func digestsThatStorageDoesNotHaveAreSkippedWithANoticeNotSilently() async throws {
        let storage = FakeStorage([digest("all", 1)])
        let notices = Notices()
        let follower = DigestFollower(prefixes: ["digest."], replay: storage.replay, notice: notices.add)

        let yielded = try await collect(follower, live: [digest("all", 1), digest("all", 3)])

        #expect(yielded == ["all#1", "all#3"])
        #expect(notices.all.last == "digest.daily.all: seq 2 not in storage; skipped")
    }

    @Test func aReplayStorageCannotAnswerEndsTheFollowerWithTheSeqToResumeFrom() async throws {
        let follower = DigestFollower(
            prefixes: ["digest."], replay: { _ in throw RemoteError(code: "storage-error", message: "locked") })
        let (live, feed) = AsyncStream.makeStream(of: ReceivedDigest.self)
        feed.yield(received(digest("all", 1)))
        feed.yield(received(digest("all", 4)))
        feed.finish()

        var names: [String] = []
        let error = await #expect(throws: DigestReplayFailure.self) {
            for try await next in follower.digests(live: live) { names.append(name(next)) }
        }
        #expect(names == ["all#1"])
        #expect(error?.description.contains("resume with --since 2") == true)
    }

    @Test func sinceTakesASeqATimeOrADate() {
        #expect(DigestStart(argument: "12") == .seq(12))
        #expect(
            DigestStart(argument: "2025-06-19T08:30:00.125Z") == .time(Timestamp.parse("2025-06-19T08:30:00.125Z")!))
        #expect(DigestStart(argument: "2025-06-19") == .time(Timestamp.parse("2025-06-19T00:00:00.000Z")!))
        #expect(DigestStart(argument: "-1") == nil)
        #expect(DigestStart(argument: "yesterday") == nil)
    }
}

private func digest(_ topic: String, _ seq: Int) -> Digest {
    Digest(
        id: "digest-daily-\(topic)-\(seq)", cadence: "daily", topic: topic, seq: seq,
        windowStart: Date(timeIntervalSince1970: Double(seq) * 100),
        windowEnd: Date(timeIntervalSince1970: Double(seq + 1) * 100), documents: [], figures: [], entities: [],
        pendingDocuments: 0, markdown: "")
}

private func name(_ digest: Digest) -> String { "\(digest.topic)#\(digest.seq)" }

private func received(_ digest: Digest) -> ReceivedDigest { ReceivedDigest(topic: digest.pubSubTopic, digest: digest) }

/// Follows `live` (then its end) and returns what the follower yielded, as `topic#seq`.
private func collect(_ follower: DigestFollower, live digests: [Digest]) async throws -> [String] {
    let (live, feed) = AsyncStream.makeStream(of: ReceivedDigest.self)
    for digest in digests { feed.yield(received(digest)) }
    feed.finish()
    var names: [String] = []
    for try await digest in follower.digests(live: live) { names.append(name(digest)) }
    return names
}

/// Storage's replay semantics over digests in memory; a digest of seq n was recorded at `recordedAt(seq: n)`.
private final class FakeStorage: Sendable {
    private let state: Mutex<(digests: [Digest], requests: [DigestReplay])>
    private let pageSize: Int

    init(_ digests: [Digest], pageSize: Int = DigestReplay.defaultLimit) {
        state = Mutex((digests, []))
        self.pageSize = pageSize
    }

    static func recordedAt(seq: Int) -> Date { Date(timeIntervalSince1970: Double(seq) * 1000) }

    var requests: [DigestReplay] { state.withLock { $0.requests } }

    func record(_ digests: [Digest]) { state.withLock { $0.digests += digests } }

    var replay: DigestFollower.Replay {
        { request in
            self.state.withLock { state in
                state.requests.append(request)
                let limit = min(request.pageSize, self.pageSize)
                let matching = state.digests.filter { digest in
                    let position = DigestPosition(of: digest)
                    return position.pubSubTopic.hasPrefix(request.topicPrefix) && digest.seq >= request.fromSeq ?? 0
                        && Self.recordedAt(seq: digest.seq) >= request.since ?? .distantPast
                        && request.after.map {
                            (position.pubSubTopic, position.seq) > ($0.pubSubTopic, $0.seq)
                        } ?? true
                }.sorted { ($0.pubSubTopic, $0.seq) < ($1.pubSubTopic, $1.seq) }
                return DigestReplayed(digests: Array(matching.prefix(limit)), more: matching.count > limit)
            }
        }
    }
}

/// Notices a follower gave, in order.
private final class Notices: Sendable {
    private let list = Mutex<[String]>([])
    var all: [String] { list.withLock { $0 } }
    func add(_ notice: String) { list.withLock { $0.append(notice) } }
}
