import Foundation

/// A payload that travels inside an ``Envelope``: one Codable struct per message type.
public protocol Message: Codable, Sendable, Equatable {
    /// The dotted wire name of the message, for example `document.submit`.
    static var type: MessageType { get }
}

/// The dotted name of a message type on the wire.
public struct MessageType: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// The protocol version spoken by this build.
///
/// `v` in every envelope carries the major version. Minor revisions only add optional fields, which older
/// readers ignore; a reader refuses an envelope whose major version it does not know.
public enum ProtocolVersion {
    /// The major version this build writes and accepts.
    public static let major = 1
}

/// The one wire envelope `{v, type, id, ts, correlationId?, payload}` around every message.
public struct Envelope<Payload: Message>: Codable, Sendable, Equatable {
    /// Major protocol version.
    public var v: Int
    /// Dotted message type; always `Payload.type` for a well-formed envelope.
    public var type: MessageType
    /// Unique id of this message; a retry reuses it.
    public var id: String
    /// When the sender created the message.
    public var ts: Date
    /// The `id` of the request this message answers, if it is a reply.
    public var correlationId: String?
    /// The typed body.
    public var payload: Payload

    public init(
        id: String = MessageID.make(),
        ts: Date = Date(),
        correlationId: String? = nil,
        payload: Payload
    ) {
        self.v = ProtocolVersion.major
        self.type = Payload.type
        self.id = id
        self.ts = ts
        self.correlationId = correlationId
        self.payload = payload
    }
}

/// The fields of an envelope every reader can decode before it knows the payload type.
public struct EnvelopeHeader: Decodable, Sendable, Equatable {
    public var v: Int
    public var type: MessageType
    public var id: String
    public var ts: Date?
    public var correlationId: String?
}

/// Makes message ids: random, URL-safe and unique enough to use as idempotency keys.
public enum MessageID {
    /// A new random id (a UUID in lowercase).
    public static func make() -> String { UUID().uuidString.lowercased() }
}
