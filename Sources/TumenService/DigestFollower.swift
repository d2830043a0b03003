import Foundation
import TumenProtocol

/// Where a digest subscription starts.
public enum DigestStart: Sendable, Equatable {
    /// With the next digest published: nothing recorded before it is replayed.
    case live
    /// From this sequence number on every topic: the digests recorded before the subscription are replayed first.
    case seq(Int)
    /// From the digests storage recorded at or after this time, replayed first.
    case time(Date)

    /// Reads `--since`: a whole number is a sequence number; otherwise an instant (`2025-06-19T08:30:00Z`, the
    /// protocol's timestamp form) or a calendar date (`2025-06-19`, midnight UTC).
    public init?(argument: String) {
        if let seq = Int(argument) {
            guard seq >= 0 else { return nil }
            self = .seq(seq)
        } else if let date = Timestamp.parse(argument) ?? Timestamp.parse(argument + "T00:00:00Z") {
            self = .time(date)
        } else {
            return nil
        }
    }
}

/// A replay that storage could not answer: the digests in question may be missed, so following stops.
public struct DigestReplayFailure: Error, Sendable, CustomStringConvertible {
    /// The pub/sub topic or prefix that was being replayed.
    public var topic: String
    /// The first sequence number wanted, when known.
    public var fromSeq: Int?
    /// What went wrong.
    public var reason: String

    public var description: String {
        let from = fromSeq.map { " from seq \($0)" } ?? ""
        let resume = fromSeq.map { "; resume with --since \($0)" } ?? ""
        return "could not replay \(topic)\(from) from storage: \(reason)\(resume)"
    }
}

/// Follows digest topics without missing or repeating a digest, for `tumen subscribe` and any other subscriber.
///
/// PUB/SUB drops messages (a subscriber that is slow, not yet connected or down misses them), but storage records
/// every digest, with a per-topic sequence number, before reporting publishes it. The follower:
/// - first replays from storage what was recorded since ``DigestStart`` (unless it is ``DigestStart/live``);
/// - then takes the live digests; when one's `seq` is beyond the next one expected on its topic (a gap, also at
///   the start of a topic), it replays the missing ones from storage and yields them before it;
/// - never yields a digest twice (by pub/sub topic and `seq`), and yields each topic's digests in `seq` order.
///
/// It talks to storage only through `replay`, so it runs in tests without sockets.
public struct DigestFollower: Sendable {
    /// Asks storage for one page of recorded digests (`digest.replay` → `digest.replayed`).
    public typealias Replay = @Sendable (DigestReplay) async throws -> DigestReplayed

    /// The subscribed topic prefixes, e.g. `digest.daily.`.
    public let prefixes: [String]
    public let start: DigestStart
    private let replay: Replay
    private let notice: @Sendable (String) -> Void

    /// A follower of the topics starting with one of `prefixes`; `notice` hears about each gap and how it was filled.
    public init(
        prefixes: [String], start: DigestStart = .live, replay: @escaping Replay,
        notice: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.prefixes = prefixes
        self.start = start
        self.replay = replay
        self.notice = notice
    }

    /// The digests to show, in order: the replayed ones first, then those of `live` with gaps filled.
    ///
    /// Ends when `live` ends; fails with ``DigestReplayFailure`` when storage cannot answer a replay.
    public func digests(live: AsyncStream<ReceivedDigest>) -> AsyncThrowingStream<Digest, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Digest.self)
        let task = Task {
            let run = Run(follower: self) { continuation.yield($0) }
            do {
                try await run.catchUp()
                for await received in live {
                    try Task.checkCancellation()
                    try await run.receive(received.digest)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The digests `request` selects, page after page, handed to `body` until it returns false.
    fileprivate func replayPages(_ request: DigestReplay, _ body: (Digest) -> Bool) async throws {
        var request = request
        while true {
            let page: DigestReplayed
            do {
                page = try await replay(request)
            } catch {
                throw DigestReplayFailure(topic: request.topicPrefix, fromSeq: request.fromSeq, reason: "\(error)")
            }
            for digest in page.digests {
                guard body(digest) else { return }
            }
            guard page.more, let last = page.digests.last else { return }
            request.after = DigestPosition(of: last)
        }
    }

    /// The state of one subscription: the next sequence number expected on each topic seen.
    private final class Run {
        let follower: DigestFollower
        let yield: (Digest) -> Void
        var next: [String: Int] = [:]

        init(follower: DigestFollower, yield: @escaping (Digest) -> Void) {
            self.follower = follower
            self.yield = yield
        }

        /// Replays what was recorded since the start, on every prefix.
        func catchUp() async throws {
            let request: (String) -> DigestReplay
            switch follower.start {
            case .live: return
            case .seq(let seq): request = { DigestReplay(topicPrefix: $0, fromSeq: seq) }
            case .time(let date): request = { DigestReplay(topicPrefix: $0, since: date) }
            }
            for prefix in follower.prefixes {
                try await follower.replayPages(request(prefix)) { digest in
                    accept(digest)
                    return true
                }
            }
        }

        /// Takes one live digest: fills the gap before it, if any, then yields it unless it was yielded before.
        func receive(_ digest: Digest) async throws {
            let topic = digest.pubSubTopic
            let expected: Int?
            let request: DigestReplay
            switch (next[topic], follower.start) {
            case (let seen?, _), (nil, .seq(let seen)):
                guard digest.seq > seen else {
                    if digest.seq == seen { accept(digest) }
                    return
                }
                expected = seen
                request = DigestReplay(topicPrefix: topic, fromSeq: seen, limit: digest.seq - seen)
            case (nil, .live):
                accept(digest)
                return
            case (nil, .time(let date)):
                expected = nil
                request = DigestReplay(topicPrefix: topic, since: date)
            }
            var replayed = 0
            try await follower.replayPages(request) { earlier in
                // The prefix may also match longer topic names, which sort after this one.
                guard earlier.pubSubTopic == topic, earlier.seq < digest.seq else { return false }
                if accept(earlier) { replayed += 1 }
                return earlier.seq + 1 < digest.seq
            }
            if let expected {
                follower.notice(
                    "\(topic): seq \(digest.seq) arrived while \(expected) was expected; \(replayed) replayed")
            }
            if let missing = next[topic], missing < digest.seq {
                let seqs = missing == digest.seq - 1 ? "seq \(missing)" : "seq \(missing)–\(digest.seq - 1)"
                follower.notice("\(topic): \(seqs) not in storage; skipped")
            }
            accept(digest)
        }

        /// Yields a digest unless one with its topic and seq was yielded before; true when it was yielded.
        @discardableResult
        func accept(_ digest: Digest) -> Bool {
            let topic = digest.pubSubTopic
            if let seen = next[topic], digest.seq < seen { return false }
            yield(digest)
            next[topic] = digest.seq + 1
            return true
        }
    }
}
