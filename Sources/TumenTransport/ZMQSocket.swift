import CZeroMQ
import Foundation

/// One libzmq socket, used by one thread at a time.
///
/// Not `Sendable`: libzmq sockets are not thread-safe. Code running under Swift concurrency uses a
/// ``SocketReactor``, which owns its sockets on a dedicated thread. The socket closes on ``close()`` or deinit.
public final class ZMQSocket {
    /// The messaging pattern this socket was created with.
    public let type: SocketType

    /// Keeps the context alive (its deinit blocks until all sockets are closed) for as long as the socket is open.
    private let context: ZMQContext
    private var handle: UnsafeMutableRawPointer?

    /// Creates a socket of `type` in `context`.
    public init(context: ZMQContext = .shared, type: SocketType) throws(ZMQError) {
        self.type = type
        self.context = context
        self.handle = try context.makeSocketHandle(type: type.zmqType)
    }

    deinit {
        close()
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { handle == nil }

    /// Closes the socket; messages still queued for sending are kept for the linger period. Calling it again does
    /// nothing.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        zmq_close(handle)
    }

    /// The raw handle for `zmq_poll`, or an `ENOTSOCK` error naming `operation` once closed.
    func openHandle(_ operation: String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(code: ENOTSOCK, operation: operation) }
        return handle
    }

    // MARK: - Endpoints

    /// Binds to `endpoint`, e.g. `tcp://127.0.0.1:*` (any free port, see ``lastEndpoint``), `ipc:///tmp/x` or
    /// `inproc://name`.
    public func bind(_ endpoint: String) throws(ZMQError) {
        try call("bind", endpoint) { zmq_bind($0, endpoint) }
    }

    /// Connects to `endpoint`; libzmq reconnects on its own when the peer goes away.
    public func connect(_ endpoint: String) throws(ZMQError) {
        try call("connect", endpoint) { zmq_connect($0, endpoint) }
    }

    /// Stops listening on an endpoint given to ``bind(_:)`` (use the resolved ``lastEndpoint`` for wildcards).
    public func unbind(_ endpoint: String) throws(ZMQError) {
        try call("unbind", endpoint) { zmq_unbind($0, endpoint) }
    }

    /// Disconnects from an endpoint given to ``connect(_:)``.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        try call("disconnect", endpoint) { zmq_disconnect($0, endpoint) }
    }

    /// The endpoint last bound or connected, with wildcards resolved (`tcp://127.0.0.1:*` becomes
    /// `tcp://127.0.0.1:49152`); nil before any bind or connect, or once closed.
    public var lastEndpoint: String? {
        guard let handle else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1_024)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0, size > 1 else { return nil }
        return String(decoding: buffer[..<(size - 1)], as: UTF8.self)
    }

    // MARK: - Options

    /// Subscribes a SUB socket to messages whose first frame starts with `prefix` (`""` subscribes to all).
    public func subscribe(_ prefix: String) throws(ZMQError) {
        try setOption(ZMQ_SUBSCRIBE, "ZMQ_SUBSCRIBE", bytes: Data(prefix.utf8))
    }

    /// Removes a subscription made with ``subscribe(_:)``.
    public func unsubscribe(_ prefix: String) throws(ZMQError) {
        try setOption(ZMQ_UNSUBSCRIBE, "ZMQ_UNSUBSCRIBE", bytes: Data(prefix.utf8))
    }

    /// How long unsent messages are kept after ``close()`` (`ZMQ_LINGER`); -1 waits forever, 0 discards them.
    public func setLinger(_ milliseconds: Int) throws(ZMQError) {
        try setOption(ZMQ_LINGER, "ZMQ_LINGER", Int32(clamping: milliseconds))
    }

    /// How many outgoing messages may be queued per peer (`ZMQ_SNDHWM`); 0 means no limit.
    public func setSendHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setOption(ZMQ_SNDHWM, "ZMQ_SNDHWM", Int32(clamping: messages))
    }

    /// How many incoming messages may be queued per peer (`ZMQ_RCVHWM`); 0 means no limit.
    public func setReceiveHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setOption(ZMQ_RCVHWM, "ZMQ_RCVHWM", Int32(clamping: messages))
    }

    /// How long a blocking ``send(_:dontWait:)`` waits before returning false (`ZMQ_SNDTIMEO`); -1 waits forever.
    public func setSendTimeout(_ milliseconds: Int) throws(ZMQError) {
        try setOption(ZMQ_SNDTIMEO, "ZMQ_SNDTIMEO", Int32(clamping: milliseconds))
    }

    /// How long a blocking ``receiveMultipart(dontWait:)`` waits before returning nil (`ZMQ_RCVTIMEO`);
    /// -1 waits forever.
    public func setReceiveTimeout(_ milliseconds: Int) throws(ZMQError) {
        try setOption(ZMQ_RCVTIMEO, "ZMQ_RCVTIMEO", Int32(clamping: milliseconds))
    }

    /// The largest message a peer may send (`ZMQ_MAXMSGSIZE`); nil means unlimited. A peer that sends a bigger
    /// message is disconnected and the message is dropped; the socket itself keeps working.
    public func setMaxMessageSize(_ bytes: Int64?) throws(ZMQError) {
        try setOption(ZMQ_MAXMSGSIZE, "ZMQ_MAXMSGSIZE", bytes ?? -1)
    }

    /// Enables ZMTP heartbeats (`ZMQ_HEARTBEAT_IVL`, `ZMQ_HEARTBEAT_TIMEOUT`, `ZMQ_HEARTBEAT_TTL`) so a dead peer
    /// is noticed and its connection dropped.
    public func setHeartbeat(_ heartbeat: SocketOptions.Heartbeat) throws(ZMQError) {
        try setOption(ZMQ_HEARTBEAT_IVL, "ZMQ_HEARTBEAT_IVL", Int32(clamping: heartbeat.interval))
        try setOption(ZMQ_HEARTBEAT_TIMEOUT, "ZMQ_HEARTBEAT_TIMEOUT", Int32(clamping: heartbeat.timeout))
        try setOption(ZMQ_HEARTBEAT_TTL, "ZMQ_HEARTBEAT_TTL", Int32(clamping: heartbeat.timeToLive))
    }

    /// The identity a ROUTER peer sees for this socket (`ZMQ_ROUTING_ID`); set it before connecting.
    public func setRoutingId(_ id: Data) throws(ZMQError) {
        try setOption(ZMQ_ROUTING_ID, "ZMQ_ROUTING_ID", bytes: id)
    }

    /// Makes a ROUTER report unroutable messages (`ZMQ_ROUTER_MANDATORY`): sending to an unknown routing id throws
    /// an error with ``ZMQError/isHostUnreachable`` instead of silently dropping the message.
    public func setRouterMandatory(_ isEnabled: Bool) throws(ZMQError) {
        try setOption(ZMQ_ROUTER_MANDATORY, "ZMQ_ROUTER_MANDATORY", Int32(isEnabled ? 1 : 0))
    }

    /// Queues messages only for completed connections (`ZMQ_IMMEDIATE`), so sends fail fast while no peer is up.
    public func setImmediate(_ isEnabled: Bool) throws(ZMQError) {
        try setOption(ZMQ_IMMEDIATE, "ZMQ_IMMEDIATE", Int32(isEnabled ? 1 : 0))
    }

    /// How long to wait before reconnecting to a lost peer (`ZMQ_RECONNECT_IVL`); -1 disables reconnection.
    public func setReconnectInterval(_ milliseconds: Int) throws(ZMQError) {
        try setOption(ZMQ_RECONNECT_IVL, "ZMQ_RECONNECT_IVL", Int32(clamping: milliseconds))
    }

    // MARK: - Security

    /// Makes this socket a CURVE server proving itself with `secretKey` (`ZMQ_CURVE_SERVER`, `ZMQ_CURVE_SECRETKEY`);
    /// set it before binding. Clients are authenticated only while a ZAP handler runs in the context.
    func setCurveServer(secretKey: CurveKey) throws(ZMQError) {
        try setOption(ZMQ_CURVE_SERVER, "ZMQ_CURVE_SERVER", Int32(1))
        try setOption(ZMQ_CURVE_SECRETKEY, "ZMQ_CURVE_SECRETKEY", bytes: secretKey.optionValue)
    }

    /// Makes this socket a CURVE client with `keyPair` that accepts only the server of `serverKey`
    /// (`ZMQ_CURVE_SERVERKEY`, `ZMQ_CURVE_PUBLICKEY`, `ZMQ_CURVE_SECRETKEY`); set it before connecting.
    func setCurveClient(_ keyPair: CurveKeyPair, serverKey: CurveKey) throws(ZMQError) {
        try setOption(ZMQ_CURVE_SERVERKEY, "ZMQ_CURVE_SERVERKEY", bytes: serverKey.optionValue)
        try setOption(ZMQ_CURVE_PUBLICKEY, "ZMQ_CURVE_PUBLICKEY", bytes: keyPair.publicKey.optionValue)
        try setOption(ZMQ_CURVE_SECRETKEY, "ZMQ_CURVE_SECRETKEY", bytes: keyPair.secretKey.optionValue)
    }

    /// The ZAP domain in which this server socket's clients are authenticated (`ZMQ_ZAP_DOMAIN`).
    func setZAPDomain(_ domain: String) throws(ZMQError) {
        try setOption(ZMQ_ZAP_DOMAIN, "ZMQ_ZAP_DOMAIN", bytes: Data(domain.utf8))
    }

    /// Reports `events` (`ZMQ_EVENT_*`) of this socket to a PAIR socket that connects to the inproc `endpoint`
    /// (zmq_socket_monitor).
    func startMonitor(_ endpoint: String, events: Int32) throws(ZMQError) {
        try call("monitor", endpoint) { zmq_socket_monitor($0, endpoint, events) }
    }

    // MARK: - Messages

    /// Sends `frames` as one multipart message.
    ///
    /// - Parameter dontWait: Return false at once instead of blocking when the message cannot be queued.
    /// - Returns: false if the message was not queued (`EAGAIN`): `dontWait` was set or the send timeout passed.
    @discardableResult
    public func send(_ frames: [Data], dontWait: Bool = false) throws(ZMQError) -> Bool {
        let handle = try openHandle("send")
        guard !frames.isEmpty else { throw ZMQError(code: EINVAL, operation: "send") }
        for (index, frame) in frames.enumerated() {
            let flags = (dontWait ? ZMQ_DONTWAIT : 0) | (index < frames.count - 1 ? ZMQ_SNDMORE : 0)
            while frame.withUnsafeBytes({ zmq_send(handle, $0.baseAddress, $0.count, flags) }) < 0 {
                let error = ZMQError.last("send")
                if error.isInterrupted { continue }
                // libzmq accepts the remaining frames once the first one is queued, so only that one can hit EAGAIN.
                if error.isAgain && index == 0 { return false }
                throw error
            }
        }
        return true
    }

    /// Receives one multipart message.
    ///
    /// - Parameter dontWait: Return nil at once instead of blocking when no message is waiting.
    /// - Returns: the frames, or nil if none arrived (`EAGAIN`): `dontWait` was set or the receive timeout passed.
    public func receiveMultipart(dontWait: Bool = false) throws(ZMQError) -> [Data]? {
        let handle = try openHandle("receive")
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        let flags = dontWait ? ZMQ_DONTWAIT : 0
        var frames: [Data] = []
        repeat {
            while zmq_msg_recv(&message, handle, flags) < 0 {
                let error = ZMQError.last("receive")
                if error.isInterrupted { continue }
                if error.isAgain && frames.isEmpty { return nil }
                throw error
            }
            frames.append(Data(bytes: zmq_msg_data(&message), count: zmq_msg_size(&message)))
        } while zmq_msg_more(&message) != 0
        return frames
    }

    // MARK: - Helpers

    private func call(
        _ operation: String,
        _ endpoint: String,
        _ body: (UnsafeMutableRawPointer) -> Int32
    ) throws(ZMQError) {
        let handle = try openHandle(operation)
        guard body(handle) == 0 else { throw ZMQError.last(operation, endpoint: endpoint) }
    }

    private func setOption<Value: FixedWidthInteger>(_ option: Int32, _ name: String, _ value: Value) throws(ZMQError) {
        let handle = try openHandle("set \(name)")
        let status = withUnsafeBytes(of: value) { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard status == 0 else { throw ZMQError.last("set \(name)") }
    }

    private func setOption(_ option: Int32, _ name: String, bytes: Data) throws(ZMQError) {
        let handle = try openHandle("set \(name)")
        let status = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard status == 0 else { throw ZMQError.last("set \(name)") }
    }
}
