import Foundation

/// `digest.replay`: asks storage for recorded digests, so that a subscriber can fetch the ones it missed.
///
/// Selects the digests whose pub/sub topic starts with `topicPrefix`, whose `seq` is at least `fromSeq` and that
/// were recorded at or after `since` (both optional), ordered by pub/sub topic, then `seq`. The reply holds at most
/// `limit` of them; when ``DigestReplayed/more`` is true, the same request with `after` set to the position of the
/// last digest received returns the next page.
public struct DigestReplay: Message {
    public static let type: MessageType = "digest.replay"
    /// The number of digests in one reply when the request does not say.
    public static let defaultLimit = 50
    /// The most digests one reply holds, whatever the request says.
    public static let maximumLimit = 500

    /// Pub/sub topic prefix, as for a subscription: `digest.` (all), `digest.daily.`, `digest.weekly.economic`.
    public var topicPrefix: String
    /// The first sequence number wanted on each topic.
    public var fromSeq: Int?
    /// Only digests storage recorded at or after this time.
    public var since: Date?
    /// Only digests after this position (paging): the position of the last digest of the previous reply.
    public var after: DigestPosition?
    /// The most digests wanted in the reply (1 or more; default ``defaultLimit``, at most ``maximumLimit``).
    public var limit: Int?

    public init(
        topicPrefix: String, fromSeq: Int? = nil, since: Date? = nil, after: DigestPosition? = nil, limit: Int? = nil
    ) {
        self.topicPrefix = topicPrefix
        self.fromSeq = fromSeq
        self.since = since
        self.after = after
        self.limit = limit
    }

    /// The number of digests one reply holds at most: `limit` within `1...maximumLimit`, or the default.
    public var pageSize: Int { min(max(limit ?? Self.defaultLimit, 1), Self.maximumLimit) }
}

/// Where a digest stands in replay order: its pub/sub topic and its sequence number on that topic.
public struct DigestPosition: Codable, Sendable, Hashable {
    /// `digest.<cadence>.<topic>`.
    public var pubSubTopic: String
    public var seq: Int

    public init(pubSubTopic: String, seq: Int) {
        self.pubSubTopic = pubSubTopic
        self.seq = seq
    }

    /// The position of a digest.
    public init(of digest: Digest) {
        self.init(pubSubTopic: digest.pubSubTopic, seq: digest.seq)
    }
}

/// `digest.replayed`: storage's answer to `digest.replay`, one page of recorded digests.
public struct DigestReplayed: Message {
    public static let type: MessageType = "digest.replayed"
    /// Recorded digests, each with its `seq`, ordered by pub/sub topic, then `seq`.
    public var digests: [Digest]
    /// True when more digests match: ask again with `after` set to the position of the last one.
    public var more: Bool

    public init(digests: [Digest], more: Bool) {
        self.digests = digests
        self.more = more
    }
}
