import Foundation

/// How a ``SocketReactor`` configures one socket before binding and connecting it.
public struct SocketOptions: Sendable {
    /// ZMTP heartbeat settings, in milliseconds: a peer that stays silent too long is disconnected.
    public struct Heartbeat: Sendable, Equatable {
        /// How often to send a PING (`ZMQ_HEARTBEAT_IVL`).
        public var interval: Int
        /// How long to wait for any traffic after a PING before dropping the connection (`ZMQ_HEARTBEAT_TIMEOUT`).
        public var timeout: Int
        /// How long the peer may wait for traffic before dropping the connection, rounded down to tenths of a
        /// second; 0 means it never does (`ZMQ_HEARTBEAT_TTL`).
        public var timeToLive: Int

        /// Creates heartbeat settings; `timeout` defaults to `interval`, as in libzmq.
        public init(interval: Int, timeout: Int? = nil, timeToLive: Int = 0) {
            self.interval = interval
            self.timeout = timeout ?? interval
            self.timeToLive = timeToLive
        }
    }

    /// How long unsent messages are kept after the socket closes, in milliseconds.
    public var linger: Int
    /// How many outgoing messages may be queued per peer; 0 means no limit.
    public var sendHighWaterMark: Int
    /// How many incoming messages may be queued per peer; 0 means no limit.
    public var receiveHighWaterMark: Int
    /// The largest message, in bytes, a peer may send; bigger ones are dropped with the connection. nil: unlimited.
    public var maxMessageSize: Int64?
    /// ZMTP heartbeats, or nil for none.
    public var heartbeat: Heartbeat?
    /// Topic prefixes a SUB socket subscribes to (`""` for everything); other socket types reject subscriptions.
    public var subscriptions: [String]
    /// The identity a ROUTER peer sees for this socket, or nil for a random one.
    public var routingId: Data?
    /// Whether a ROUTER reports messages to unknown peers (the reactor then drops and counts them) instead of
    /// silently discarding them.
    public var routerMandatory: Bool
    /// Whether messages are queued only for completed connections.
    public var immediate: Bool
    /// How long to wait before reconnecting to a lost peer, in milliseconds; nil keeps libzmq's default (100).
    public var reconnectInterval: Int?
    /// How long, in milliseconds, the reactor keeps retrying a message this socket cannot accept (high-water mark
    /// reached, no peer yet) before dropping it; counted from ``SocketReactor/send(_:on:)``. 0 drops at once.
    public var sendTimeout: Int
    /// CURVE encryption and authentication, as a server or as a client; nil for none (ZMTP's NULL mechanism).
    public var curve: CurveSecurity?

    /// Creates options; the defaults suit a service socket.
    public init(
        linger: Int = 200,
        sendHighWaterMark: Int = 1_000,
        receiveHighWaterMark: Int = 1_000,
        maxMessageSize: Int64? = nil,
        heartbeat: Heartbeat? = nil,
        subscriptions: [String] = [],
        routingId: Data? = nil,
        routerMandatory: Bool = false,
        immediate: Bool = false,
        reconnectInterval: Int? = nil,
        sendTimeout: Int = 1_000,
        curve: CurveSecurity? = nil
    ) {
        self.linger = linger
        self.sendHighWaterMark = sendHighWaterMark
        self.receiveHighWaterMark = receiveHighWaterMark
        self.maxMessageSize = maxMessageSize
        self.heartbeat = heartbeat
        self.subscriptions = subscriptions
        self.routingId = routingId
        self.routerMandatory = routerMandatory
        self.immediate = immediate
        self.reconnectInterval = reconnectInterval
        self.sendTimeout = sendTimeout
        self.curve = curve
    }
}

/// One socket of a ``SocketReactor``: its name, pattern, endpoints and options.
public struct SocketDescriptor: Sendable {
    /// The name used with ``SocketReactor/send(_:on:)`` and reported in ``InboundMessage/socket``.
    public var name: String
    /// The messaging pattern.
    public var type: SocketType
    /// Endpoints to bind, e.g. `tcp://127.0.0.1:*` for any free port (see ``SocketReactor/endpoint(of:)``).
    public var bind: [String]
    /// Endpoints to connect to.
    public var connect: [String]
    /// Options applied before binding and connecting.
    public var options: SocketOptions

    /// Creates a socket description.
    public init(
        name: String,
        type: SocketType,
        bind: [String] = [],
        connect: [String] = [],
        options: SocketOptions = SocketOptions()
    ) {
        self.name = name
        self.type = type
        self.bind = bind
        self.connect = connect
        self.options = options
    }
}

/// A multipart message a ``SocketReactor`` received, with the name of the socket it arrived on.
public struct InboundMessage: Sendable {
    /// The ``SocketDescriptor/name`` of the receiving socket.
    public var socket: String
    /// The frames; on a ROUTER the first one is the sender's routing id.
    public var frames: [Data]

    /// Creates a message.
    public init(socket: String, frames: [Data]) {
        self.socket = socket
        self.frames = frames
    }
}
