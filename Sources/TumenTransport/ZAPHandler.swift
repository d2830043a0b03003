import CZeroMQ
import Foundation
import Synchronization

/// Answers libzmq's ZAP requests (RFC 27) for the CURVE server sockets of one context, and watches their handshakes.
///
/// One handler per context, started by the first CURVE server socket before it binds: while nothing is bound to
/// `inproc://zeromq.zap.01`, libzmq 4.3 lets every CURVE client in. Each server socket gets a ZAP domain of its own,
/// mapped to its ``CurveAuthenticator``, and a socket monitor whose handshake failures reach the same authenticator;
/// both are dropped when the socket closes. The handler's thread runs until the context is terminated.
///
/// Sockets without a ZAP domain (plain NULL-mechanism sockets) never reach the handler.
final class ZAPHandler: Sendable {
    /// Where libzmq sends ZAP requests.
    static let endpoint = "inproc://zeromq.zap.01"

    private static let handlers = Mutex<[ObjectIdentifier: ZAPHandler]>([:])
    private static let monitoredEvents =
        ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_MONITOR_STOPPED

    private struct Registry {
        var authenticators: [String: any CurveAuthenticator] = [:]
        /// Monitor sockets made by ``protect(_:with:)``, until the handler thread takes them.
        var arrivingMonitors: [Monitor] = []
        var nextNumber = 1
    }

    /// The monitor of one server socket.
    private struct Monitor: Sendable {
        var domain: String
        var authenticator: any CurveAuthenticator
        var socket: SocketHandOver
    }

    private let context: ZMQContext
    private let registry = Mutex(Registry())
    private let wakePipe: WakePipe

    private init(context: ZMQContext) throws(ZMQError) {
        self.context = context
        self.wakePipe = try WakePipe()
    }

    /// The handler of `context`, bound and running once this returns.
    static func running(in context: ZMQContext) throws(ZMQError) -> ZAPHandler {
        try handlers.withLock { (handlers) throws(ZMQError) -> ZAPHandler in
            if let handler = handlers[ObjectIdentifier(context)] { return handler }
            let handler = try ZAPHandler(context: context)
            let replies = try ZMQSocket(context: context, type: .rep)
            try replies.setLinger(0)
            try replies.bind(endpoint)
            let handOver = SocketHandOver(replies)
            let thread = Thread { handler.serve(handOver) }
            thread.name = "zap-handler"
            thread.start()
            handlers[ObjectIdentifier(context)] = handler
            return handler
        }
    }

    /// Gives `socket` a ZAP domain of its own, answered by `authenticator`, and monitors its handshakes. Call it
    /// before the socket binds, then make the socket a CURVE server.
    func protect(_ socket: ZMQSocket, with authenticator: any CurveAuthenticator) throws(ZMQError) {
        let number = registry.withLock { registry in
            defer { registry.nextNumber += 1 }
            return registry.nextNumber
        }
        let domain = "tumen-curve-\(number)"
        let monitorEndpoint = "inproc://tumen-curve-monitor-\(number)"
        try socket.setZAPDomain(domain)
        try socket.startMonitor(monitorEndpoint, events: Self.monitoredEvents)
        let monitorSocket = try ZMQSocket(context: context, type: .pair)
        // No receive limit: libzmq's I/O thread blocks while the monitor pipe is full.
        try monitorSocket.setReceiveHighWaterMark(0)
        try monitorSocket.setLinger(0)
        try monitorSocket.connect(monitorEndpoint)
        let monitor = Monitor(domain: domain, authenticator: authenticator, socket: SocketHandOver(monitorSocket))
        registry.withLock { registry in
            registry.authenticators[domain] = authenticator
            registry.arrivingMonitors.append(monitor)
        }
        wakePipe.signal()
    }

    // MARK: - Handler thread

    private func serve(_ handOver: SocketHandOver) {
        guard let replies = handOver.take() else { return }
        var monitors: [(domain: String, authenticator: any CurveAuthenticator, socket: ZMQSocket)] = []
        do throws(ZMQError) {
            while true {
                let arriving = registry.withLock { registry in
                    defer { registry.arrivingMonitors = [] }
                    return registry.arrivingMonitors
                }
                for monitor in arriving {
                    if let socket = monitor.socket.take() {
                        monitors.append((monitor.domain, monitor.authenticator, socket))
                    }
                }
                var poller = ZMQPoller()
                let repliesIndex = poller.register(replies, for: .readable)
                let wakeIndex = poller.register(fileDescriptor: wakePipe.readDescriptor, for: .readable)
                let monitorIndices = monitors.map { poller.register($0.socket, for: .readable) }
                try poller.poll(timeout: -1)
                if poller.returnedEvents(at: wakeIndex).contains(.readable) {
                    wakePipe.drain()
                }
                if poller.returnedEvents(at: repliesIndex).contains(.readable) {
                    while let request = try replies.receiveMultipart(dontWait: true) {
                        try replies.send(reply(to: request))
                    }
                }
                var stopped: Set<Int> = []
                for (offset, monitor) in monitors.enumerated()
                where poller.returnedEvents(at: monitorIndices[offset]).contains(.readable) {
                    if try !readEvents(from: monitor.socket, reportingTo: monitor.authenticator) {
                        registry.withLock { _ = $0.authenticators.removeValue(forKey: monitor.domain) }
                        monitor.socket.close()
                        stopped.insert(offset)
                    }
                }
                monitors = monitors.enumerated().filter { !stopped.contains($0.offset) }.map(\.element)
            }
        } catch {
            // Stopping on any other error would unbind the ZAP endpoint, and libzmq would then let every client in.
            guard error.isTerminated else {
                fatalError("ZAP handler failed, refusing to run unauthenticated: \(error)")
            }
        }
        Self.handlers.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(context)) }
        registry.withLock { $0.arrivingMonitors = [] }
        for monitor in monitors {
            monitor.socket.close()
        }
        replies.close()
    }

    /// The ZAP reply to `frames`: version, request id, status code, status text, user id, metadata.
    private func reply(to frames: [Data]) -> [Data] {
        let decision: ZAPDecision
        if let request = ZAPRequest(frames: frames) {
            let authenticator = registry.withLock { $0.authenticators[request.domain] }
            decision = authenticator?.authorize(request) ?? .deny(reason: "unknown ZAP domain \(request.domain)")
        } else {
            decision = .deny(reason: "malformed ZAP request")
        }
        let requestId = frames.count > 1 ? frames[1] : Data()
        switch decision {
        case .allow(let userId):
            return [Data("1.0".utf8), requestId, Data("200".utf8), Data("OK".utf8), Data(userId.utf8), Data()]
        case .deny(let reason):
            return [Data("1.0".utf8), requestId, Data("400".utf8), Data(reason.utf8), Data(), Data()]
        }
    }

    /// Reports the monitor's waiting handshake failures; false once the monitored socket has closed.
    private func readEvents(
        from monitor: ZMQSocket,
        reportingTo authenticator: any CurveAuthenticator
    ) throws(ZMQError) -> Bool {
        while let frames = try monitor.receiveMultipart(dontWait: true) {
            // Version 1 events: 2 bytes event, 4 bytes value (native byte order), then the endpoint.
            guard frames.count == 2, frames[0].count == 6 else { continue }
            let event = Int32(frames[0].withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) })
            let value = frames[0].withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 2, as: UInt32.self) }
            if event == ZMQ_EVENT_MONITOR_STOPPED { return false }
            let endpoint = String(decoding: frames[1], as: UTF8.self)
            authenticator.handshakeFailed(
                CurveHandshakeFailure(endpoint: endpoint, reason: Self.describe(event: event, value: value)))
        }
        return true
    }

    private static func describe(event: Int32, value: UInt32) -> String {
        guard event == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL else {
            return "handshake failed: \(ZMQError(code: Int32(bitPattern: value), operation: "handshake").message)"
        }
        switch Int32(bitPattern: value) {
        case ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH:
            return "the client does not use CURVE (security mechanism mismatch)"
        case ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC:
            return "cryptographic error: the client may have a wrong server key"
        default:
            return "ZMTP protocol error 0x\(String(value, radix: 16))"
        }
    }
}

/// Hands a socket to another thread: libzmq allows moving a socket between threads behind a full memory barrier,
/// which the lock provides.
final class SocketHandOver: Sendable {
    private let socket: Mutex<ZMQSocket?>

    init(_ socket: sending ZMQSocket) {
        self.socket = Mutex(socket)
    }

    /// The socket, the first time only.
    func take() -> ZMQSocket? {
        socket.withLock { $0.take() }
    }
}
