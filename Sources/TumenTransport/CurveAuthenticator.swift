import Foundation

/// Decides which clients may connect to CURVE server sockets, and hears of connections that failed before it could
/// decide.
///
/// The ZAP handler of the sockets' context calls it on its own thread, once per connection attempt (libzmq
/// reconnects a refused client every `ZMQ_RECONNECT_IVL`, so expect repeats); keep both methods quick.
public protocol CurveAuthenticator: Sendable {
    /// Whether the client of `request` may connect.
    func authorize(_ request: ZAPRequest) -> ZAPDecision

    /// A connection whose handshake failed before a ZAP request: a client without CURVE, one with the wrong
    /// server key, or one not speaking ZMTP at all.
    func handshakeFailed(_ failure: CurveHandshakeFailure)
}

/// A ZAP request (RFC 27): a client is completing its handshake with a server socket.
public struct ZAPRequest: Sendable {
    /// The ZAP domain of the server socket (`ZMQ_ZAP_DOMAIN`).
    public var domain: String
    /// The client's IP address.
    public var address: String
    /// The client socket's routing id, often empty.
    public var routingId: Data
    /// The security mechanism: `NULL`, `PLAIN` or `CURVE`.
    public var mechanism: String
    /// The mechanism's credentials; for CURVE one frame, the client's 32-byte public key.
    public var credentials: [Data]

    /// Creates a request.
    public init(domain: String, address: String, routingId: Data, mechanism: String, credentials: [Data]) {
        self.domain = domain
        self.address = address
        self.routingId = routingId
        self.mechanism = mechanism
        self.credentials = credentials
    }

    /// Reads the frames of a request as the ZAP handler's REP socket receives them: version `1.0`, request id,
    /// domain, address, routing id, mechanism, credentials…; nil for anything else.
    init?(frames: [Data]) {
        guard frames.count >= 6, frames[0] == Data("1.0".utf8) else { return nil }
        self.init(
            domain: String(decoding: frames[2], as: UTF8.self), address: String(decoding: frames[3], as: UTF8.self),
            routingId: frames[4], mechanism: String(decoding: frames[5], as: UTF8.self),
            credentials: Array(frames.dropFirst(6)))
    }

    /// The client's public key, when it connects with CURVE.
    public var curvePublicKey: CurveKey? {
        guard mechanism == "CURVE", credentials.count == 1 else { return nil }
        return CurveKey(bytes: credentials[0])
    }
}

/// What a ``CurveAuthenticator`` answers to a ``ZAPRequest``.
public enum ZAPDecision: Sendable, Equatable {
    /// Let the client in; `userId` becomes the `User-Id` property of its messages.
    case allow(userId: String)
    /// Refuse the client (ZAP status 400); `reason` is the status text.
    case deny(reason: String)
}

/// A connection to a CURVE server socket whose handshake failed before a ZAP request, as libzmq's socket monitor
/// reports it.
public struct CurveHandshakeFailure: Sendable {
    /// The server socket's endpoint the client connected to (libzmq does not report the client's address here).
    public var endpoint: String
    /// What went wrong, e.g. that the client does not use CURVE.
    public var reason: String

    /// Creates a failure report.
    public init(endpoint: String, reason: String) {
        self.endpoint = endpoint
        self.reason = reason
    }
}
