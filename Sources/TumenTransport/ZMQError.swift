import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error reported by libzmq: its `errno` code, the operation that failed and the endpoint involved, if any.
///
/// The description reads like `bind tcp://127.0.0.1:5550: Address already in use`.
public struct ZMQError: Error, Sendable, CustomStringConvertible {
    /// The `errno` value (libzmq's own codes such as `ETERM` included).
    public let code: Int32
    /// The operation that failed, such as `bind`, `send` or `set ZMQ_LINGER`.
    public let operation: String
    /// The endpoint the operation was given, if any.
    public let endpoint: String?
    /// The text of `zmq_strerror` for ``code``.
    public let message: String

    /// Creates an error for `code`, reading its text from `zmq_strerror`.
    public init(code: Int32, operation: String, endpoint: String? = nil) {
        self.code = code
        self.operation = operation
        self.endpoint = endpoint
        self.message = String(cString: zmq_strerror(code))
    }

    /// The error libzmq reported for the last failed call on this thread.
    static func last(_ operation: String, endpoint: String? = nil) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation, endpoint: endpoint)
    }

    /// Whether the operation would have blocked (`EAGAIN`), e.g. a timeout or a full queue.
    public var isAgain: Bool { code == EAGAIN }
    /// Whether the context was terminated (`ETERM`).
    public var isTerminated: Bool { code == ETERM }
    /// Whether a signal interrupted the call (`EINTR`).
    public var isInterrupted: Bool { code == EINTR }
    /// Whether a ROUTER socket with ``ZMQSocket/setRouterMandatory(_:)`` has no peer with the routing id
    /// (`EHOSTUNREACH`).
    public var isHostUnreachable: Bool { code == EHOSTUNREACH }

    public var description: String {
        if let endpoint {
            return "\(operation) \(endpoint): \(message)"
        }
        return "\(operation): \(message)"
    }
}
