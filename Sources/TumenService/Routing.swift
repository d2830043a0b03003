import Foundation
import TumenProtocol

/// A message received on a ROUTER socket: the routing frames that address the peer, and the envelope.
///
/// DEALER peers send one frame, REQ peers an empty delimiter and one frame; the reply keeps the same prefix.
public struct RoutedRequest: Sendable {
    /// Identity and (for REQ peers) delimiter frames, to send back in front of the reply.
    public var route: [Data]
    /// The last frame: the JSON envelope.
    public var body: Data

    /// Splits ROUTER frames; nil when there is no body frame after the identity.
    public init?(frames: [Data]) {
        guard frames.count >= 2, let body = frames.last else { return nil }
        self.route = Array(frames.dropLast())
        self.body = body
    }

    /// The frames of a reply to this request.
    public func reply(_ body: Data) -> [Data] { route + [body] }

    /// Why the frames are not one request, or nil when they are: a DEALER sends one frame and a REQ an empty
    /// delimiter and one frame, so any frame between the peer's identity and the body must be empty.
    public var framingFailure: DecodingFailure? {
        guard route.dropFirst().contains(where: { !$0.isEmpty }) else { return nil }
        return DecodingFailure(
            code: .invalidFraming,
            message: "a request is one frame (or an empty delimiter and one frame), got \(route.count) frames; "
                + "send the envelope as a single frame")
    }

    /// The frames of a reply to the sending peer alone, without the frames it put in front of the body.
    public func replyToPeer(_ body: Data) -> [Data] { Array(route.prefix(1)) + [body] }
}
