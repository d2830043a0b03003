import Foundation

/// `deadletter.query`: asks storage (socket `store`) for the most recent dead letters, newest first.
public struct DeadLetterQuery: Message {
    public static let type: MessageType = "deadletter.query"
    /// How many to list; storage caps it at ``maxLimit``.
    public var limit: Int

    public init(limit: Int = 20) { self.limit = limit }

    /// The most dead letters one `deadletter.list` carries.
    public static let maxLimit = 1000
}

/// `deadletter.list`: the most recent dead letters, newest first, and how many storage keeps in all.
public struct DeadLetterList: Message {
    public static let type: MessageType = "deadletter.list"
    public var deadLetters: [DeadLetterEntry]
    /// How many dead letters storage keeps, listed or not.
    public var total: Int

    public init(deadLetters: [DeadLetterEntry], total: Int) {
        self.deadLetters = deadLetters
        self.total = total
    }
}

/// One kept dead letter: its number in storage, when storage recorded it, and the letter itself.
public struct DeadLetterEntry: Codable, Sendable, Equatable {
    /// Storage's number for the dead letter, increasing in the order they were recorded.
    public var id: Int64
    public var recordedAt: Date
    public var deadLetter: DeadLetter

    public init(id: Int64, recordedAt: Date, deadLetter: DeadLetter) {
        self.id = id
        self.recordedAt = recordedAt
        self.deadLetter = deadLetter
    }
}
