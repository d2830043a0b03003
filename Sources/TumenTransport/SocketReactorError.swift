/// Why a ``SocketReactor`` could not be created or could not accept a message.
public struct SocketReactorError: Error, Sendable, CustomStringConvertible {
    /// What went wrong; new codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case socketSetupFailed, duplicateSocketName, unknownSocket, emptyMessage, outboxFull, stopped
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creating a socket, setting an option, binding or connecting failed; see ``SocketReactorError/underlying``.
        public static let socketSetupFailed = Code(.socketSetupFailed)
        /// Two descriptors have the same name.
        public static let duplicateSocketName = Code(.duplicateSocketName)
        /// No socket has the given name.
        public static let unknownSocket = Code(.unknownSocket)
        /// A message needs at least one frame.
        public static let emptyMessage = Code(.emptyMessage)
        /// The outbox holds `outboxCapacity` messages that are not yet sent.
        public static let outboxFull = Code(.outboxFull)
        /// The reactor is shutting down or stopped.
        public static let stopped = Code(.stopped)

        public var description: String { "\(base)" }
    }

    /// What went wrong.
    public let code: Code
    /// The reactor's name.
    public let reactor: String
    /// The socket involved, if any.
    public let socket: String?
    /// The libzmq or system error behind ``Code/socketSetupFailed``.
    public let underlying: ZMQError?

    init(_ code: Code, reactor: String, socket: String?, underlying: ZMQError? = nil) {
        self.code = code
        self.reactor = reactor
        self.socket = socket
        self.underlying = underlying
    }

    public var description: String {
        let socket = socket ?? "-"
        let prefix = "reactor '\(reactor)' socket '\(socket)'"
        switch code {
        case .socketSetupFailed:
            return "\(prefix): \(underlying.map { "\($0)" } ?? "setup failed")"
        case .duplicateSocketName:
            return "\(prefix): the name is used by another socket of this reactor"
        case .unknownSocket:
            return "\(prefix): no socket has this name"
        case .emptyMessage:
            return "\(prefix): a message needs at least one frame"
        case .outboxFull:
            return "\(prefix): the outbox is full; the peer is slow or gone, send less or raise outboxCapacity"
        default:
            return "\(prefix): the reactor is shut down"
        }
    }
}
