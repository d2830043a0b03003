import CZeroMQ
import Foundation

/// A CURVE key (Curve25519, zmq_curve(7)), public or secret: 32 bytes written as 40 characters of Z85.
public struct CurveKey: Sendable, Hashable {
    /// The key as 40 Z85 characters, the form key files and other ZeroMQ tools use.
    public let z85: String

    /// The key written in `z85`, or nil unless it is 40 characters of valid Z85 (zmq_z85_decode).
    public init?(z85: String) {
        guard z85.utf8.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        guard zmq_z85_decode(&bytes, z85) != nil else { return nil }
        self.z85 = z85
    }

    /// The key of 32 raw bytes, as a ZAP request carries a client's public key; nil for any other length.
    public init?(bytes: Data) {
        guard bytes.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, [UInt8](bytes), 32) != nil else { return nil }
        self.z85 = String(decoding: text[..<40].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The value libzmq's key options take: the Z85 text with its terminating NUL (41 bytes).
    var optionValue: Data { Data(z85.utf8) + [0] }
}

/// A CURVE key pair: the public key others may know and the secret key only its owner has.
public struct CurveKeyPair: Sendable, Hashable, CustomStringConvertible {
    /// The key peers use to recognise this party.
    public let publicKey: CurveKey
    /// The key that proves it; never log it.
    public let secretKey: CurveKey

    /// The pair of `secretKey`, its public key derived with zmq_curve_public.
    public init(secretKey: CurveKey) throws(ZMQError) {
        var publicText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicText, secretKey.z85) == 0 else { throw ZMQError.last("zmq_curve_public") }
        self.init(publicKey: try Self.key(publicText, "zmq_curve_public"), secretKey: secretKey)
    }

    private init(publicKey: CurveKey, secretKey: CurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A new random key pair (zmq_curve_keypair); fails with `ENOTSUP` if libzmq was built without CURVE.
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(
            publicKey: try key(publicText, "zmq_curve_keypair"), secretKey: try key(secretText, "zmq_curve_keypair"))
    }

    /// Names the public key only, so that printing a pair never reveals its secret.
    public var description: String { "CurveKeyPair(public: \(publicKey.z85))" }

    private static func key(_ text: [CChar], _ operation: String) throws(ZMQError) -> CurveKey {
        guard let key = CurveKey(z85: String(decoding: text[..<40].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        else { throw ZMQError(code: EINVAL, operation: operation) }
        return key
    }
}

/// CURVE security for one socket (zmq_curve(7)): every connection encrypted, every client authenticated.
///
/// A socket is either a server or a client for all of its endpoints, so a socket that needs CURVE on one endpoint
/// has it on all of them.
public enum CurveSecurity: Sendable {
    /// A CURVE server proving itself with `keyPair`'s secret key. A client may connect only when `authenticator`
    /// allows its public key: ``SocketReactor`` starts the ZAP handler of the socket's context before binding
    /// (libzmq lets every client in while no ZAP handler runs). The handler keeps that context alive until it is
    /// terminated.
    case server(keyPair: CurveKeyPair, authenticator: any CurveAuthenticator)
    /// A CURVE client presenting its own `keyPair`, which talks only to a server holding the secret key of
    /// `serverKey`.
    case client(keyPair: CurveKeyPair, serverKey: CurveKey)
}
