import Foundation
import Synchronization

/// Owns a set of ZeroMQ sockets on one dedicated thread and exposes them to Swift concurrency.
///
/// Incoming multipart messages from every socket arrive on ``inbound``; ``send(_:on:)`` may be called from any
/// task or thread and queues the message in a bounded outbox that the reactor thread drains in FIFO order.
/// The thread blocks only in `zmq_poll` (at most 100 ms at a time) and never runs on the cooperative pool.
///
/// A message a socket cannot accept (high-water mark reached, no peer, unknown ROUTER peer with
/// ``SocketOptions/routerMandatory``) is retried until its ``SocketOptions/sendTimeout`` passes and then dropped
/// and counted in ``droppedMessageCount``; a PUB socket never blocks and drops at its high-water mark silently.
///
/// ```swift
/// let reactor = try SocketReactor(name: "storage", sockets: [
///     SocketDescriptor(name: "requests", type: .router, bind: ["tcp://127.0.0.1:*"]),
/// ])
/// reactor.start()
/// for await message in reactor.inbound {
///     try reactor.send([message.frames[0], Data("ok".utf8)], on: "requests")
/// }
/// ```
public final class SocketReactor: Sendable {
    /// The reactor's name, used in errors and as the thread name.
    public let name: String

    /// Every multipart message received on any socket, in arrival order per socket; finishes once the reactor
    /// stops. The buffer is unbounded (libzmq's receive high-water marks bound what is queued below it), and the
    /// stream supports a single consumer.
    public let inbound: AsyncStream<InboundMessage>

    private struct SocketInfo: Sendable {
        var name: String
        var sendTimeout: Duration
        var endpoint: String?
    }

    private enum Phase {
        case idle, running, stopping, stopped
    }

    private struct State {
        var phase = Phase.idle
        /// The sockets until the reactor thread (or a shutdown before start) takes them.
        var sockets: [ZMQSocket]?
        var outbox: [OutboundMessage] = []
        /// Messages accepted by `send` and neither sent nor dropped yet: the outbox plus the thread's retry queues.
        var unsentCount = 0
        var droppedCount = 0
        var isWakeSignalled = false
        var terminationError: ZMQError?
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// How many messages the thread receives from one socket before serving the others again.
    private static let receiveBatchLimit = 256
    private static let idlePollMilliseconds = 100
    /// How often a message that a socket could not accept is retried.
    private static let retryPollMilliseconds = 10

    private let socketInfos: [SocketInfo]
    private let socketIndices: [String: Int]
    private let outboxCapacity: Int
    private let continuation: AsyncStream<InboundMessage>.Continuation
    private let wakePipe: WakePipe
    private let state: Mutex<State>

    /// Creates the sockets, applies their options, binds and connects them; the thread starts with ``start()``.
    ///
    /// - Parameter outboxCapacity: How many messages may wait to be sent before ``send(_:on:)`` throws.
    /// - Throws: ``SocketReactorError`` naming the socket and, for libzmq failures, the endpoint and the reason.
    public init(
        context: ZMQContext = .shared,
        name: String,
        sockets descriptors: [SocketDescriptor],
        outboxCapacity: Int = 10_000
    ) throws(SocketReactorError) {
        var sockets: [ZMQSocket] = []
        var infos: [SocketInfo] = []
        var indices: [String: Int] = [:]
        for descriptor in descriptors {
            guard indices[descriptor.name] == nil else {
                throw SocketReactorError(.duplicateSocketName, reactor: name, socket: descriptor.name)
            }
            do throws(ZMQError) {
                let socket = try Self.makeSocket(descriptor, context: context)
                indices[descriptor.name] = sockets.count
                sockets.append(socket)
                infos.append(
                    SocketInfo(
                        name: descriptor.name,
                        sendTimeout: .milliseconds(descriptor.options.sendTimeout),
                        endpoint: descriptor.bind.isEmpty ? nil : socket.lastEndpoint
                    )
                )
                for endpoint in descriptor.connect {
                    try socket.connect(endpoint)
                }
            } catch {
                throw SocketReactorError(.socketSetupFailed, reactor: name, socket: descriptor.name, underlying: error)
            }
        }
        do throws(ZMQError) {
            wakePipe = try WakePipe()
        } catch {
            throw SocketReactorError(.socketSetupFailed, reactor: name, socket: nil, underlying: error)
        }
        self.name = name
        self.socketInfos = infos
        self.socketIndices = indices
        self.outboxCapacity = outboxCapacity
        (inbound, continuation) = AsyncStream.makeStream(of: InboundMessage.self)
        state = Mutex(State(sockets: sockets))
    }

    deinit {
        continuation.finish()
    }

    private static func makeSocket(_ descriptor: SocketDescriptor, context: ZMQContext) throws(ZMQError) -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: descriptor.type)
        let options = descriptor.options
        try socket.setLinger(options.linger)
        try socket.setSendHighWaterMark(options.sendHighWaterMark)
        try socket.setReceiveHighWaterMark(options.receiveHighWaterMark)
        try socket.setMaxMessageSize(options.maxMessageSize)
        if let heartbeat = options.heartbeat {
            try socket.setHeartbeat(heartbeat)
        }
        for prefix in options.subscriptions {
            try socket.subscribe(prefix)
        }
        if let routingId = options.routingId {
            try socket.setRoutingId(routingId)
        }
        if options.routerMandatory {
            try socket.setRouterMandatory(true)
        }
        if options.immediate {
            try socket.setImmediate(true)
        }
        if let reconnectInterval = options.reconnectInterval {
            try socket.setReconnectInterval(reconnectInterval)
        }
        switch options.curve {
        case .server(let keyPair, let authenticator):
            try ZAPHandler.running(in: context).protect(socket, with: authenticator)
            try socket.setCurveServer(secretKey: keyPair.secretKey)
        case .client(let keyPair, let serverKey):
            try socket.setCurveClient(keyPair, serverKey: serverKey)
        case nil:
            break
        }
        for endpoint in descriptor.bind {
            try socket.bind(endpoint)
        }
        return socket
    }

    /// The resolved endpoint of a socket that binds (its last `bind` entry, with a wildcard port replaced by the
    /// real one), or nil if the socket does not exist or only connects.
    public func endpoint(of socket: String) -> String? {
        socketIndices[socket].flatMap { socketInfos[$0].endpoint }
    }

    /// How many outbound messages were dropped: not accepted by their socket within its send timeout, rejected
    /// by libzmq (e.g. unknown ROUTER peer), or still queued when the reactor stopped.
    public var droppedMessageCount: Int {
        state.withLock { $0.droppedCount }
    }

    /// The libzmq error that stopped the reactor on its own, such as ``ZMQError/isTerminated`` after the context
    /// was terminated; nil while running and after a normal ``shutdown()``.
    public var terminationError: ZMQError? {
        state.withLock { $0.terminationError }
    }

    /// Queues `frames` as one multipart message for the socket named `socket` and wakes the reactor thread.
    /// Messages queued before ``start()`` are sent once it runs.
    ///
    /// - Throws: ``SocketReactorError`` if the socket name is unknown, `frames` is empty, the outbox is full or
    ///   the reactor is shutting down or stopped.
    public func send(_ frames: [Data], on socket: String) throws(SocketReactorError) {
        guard let index = socketIndices[socket] else {
            throw SocketReactorError(.unknownSocket, reactor: name, socket: socket)
        }
        guard !frames.isEmpty else {
            throw SocketReactorError(.emptyMessage, reactor: name, socket: socket)
        }
        let message = OutboundMessage(
            socket: index,
            frames: frames,
            deadline: .now + socketInfos[index].sendTimeout
        )
        let rejection: SocketReactorError.Code? = state.withLock { state in
            switch state.phase {
            case .stopping, .stopped:
                return .stopped
            case .idle, .running:
                guard state.unsentCount < outboxCapacity else { return .outboxFull }
                state.outbox.append(message)
                state.unsentCount += 1
                return nil
            }
        }
        if let rejection {
            throw SocketReactorError(rejection, reactor: name, socket: socket)
        }
        wake()
    }

    /// Starts the reactor thread; calling it again, or after ``shutdown()``, does nothing.
    public func start() {
        let shouldStart = state.withLock { state in
            guard state.phase == .idle else { return false }
            state.phase = .running
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in
            runLoop()
        }
        thread.name = "reactor-\(name)"
        thread.start()
    }

    /// Stops the reactor: the thread sends what is queued (each message within its send timeout), closes the
    /// sockets (their linger applies), finishes ``inbound`` and exits. Returns at once; calling it again does
    /// nothing. Before ``start()``, it closes the sockets right away and drops what was queued.
    public func shutdown() {
        let unstartedSockets: [ZMQSocket]? = state.withLock { state in
            switch state.phase {
            case .idle:
                state.phase = .stopping
                return state.sockets.take()
            case .running:
                state.phase = .stopping
                return nil
            case .stopping, .stopped:
                return nil
            }
        }
        if let unstartedSockets {
            finish(closing: unstartedSockets, abandoned: 0, error: nil)
        } else {
            wake()
        }
    }

    /// Returns once the reactor has stopped and its thread has exited (or, if it never started, once
    /// ``shutdown()`` was called). Not cancellable: call ``shutdown()`` first.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let isStopped = state.withLock { state in
                guard state.phase != .stopped else { return true }
                state.stopWaiters.append(waiter)
                return false
            }
            if isStopped {
                waiter.resume()
            }
        }
    }

    // MARK: - Reactor thread

    private func wake() {
        let shouldSignal = state.withLock { state in
            defer { state.isWakeSignalled = true }
            return !state.isWakeSignalled
        }
        if shouldSignal {
            wakePipe.signal()
        }
    }

    /// The thread's body: send what is queued, wait for traffic or a wake-up, receive, until shut down.
    private func runLoop() {
        guard let sockets = state.withLock({ $0.sockets.take() }) else { return }
        var retryQueues = Array(repeating: RetryQueue(), count: sockets.count)
        var poller = ZMQPoller()
        for socket in sockets {
            poller.register(socket, for: .readable)
        }
        let wakeIndex = poller.register(fileDescriptor: wakePipe.readDescriptor, for: .readable)
        var failure: ZMQError?
        while true {
            let (batch, isStopping) = takeOutbox()
            for message in batch {
                retryQueues[message.socket].append(message)
            }
            do throws(ZMQError) {
                var handled = 0
                var dropped = 0
                for index in sockets.indices {
                    let result = try flush(&retryQueues[index], to: sockets[index])
                    handled += result.sent + result.dropped
                    dropped += result.dropped
                }
                settle(handled: handled, dropped: dropped)
                if isStopping && retryQueues.allSatisfy(\.isEmpty) {
                    break
                }
                try poller.poll(timeout: pollTimeout(retryQueues))
                if poller.returnedEvents(at: wakeIndex).contains(.readable) {
                    wakePipe.drain()
                }
                for index in sockets.indices where poller.returnedEvents(at: index).contains(.readable) {
                    try receiveAvailable(from: sockets[index], named: socketInfos[index].name)
                }
            } catch {
                failure = error
                break
            }
        }
        finish(closing: sockets, abandoned: retryQueues.reduce(0) { $0 + $1.count }, error: failure)
    }

    private func takeOutbox() -> (batch: [OutboundMessage], isStopping: Bool) {
        state.withLock { state in
            state.isWakeSignalled = false
            var batch: [OutboundMessage] = []
            swap(&batch, &state.outbox)
            return (batch, state.phase == .stopping)
        }
    }

    /// Sends queued messages in order until the socket cannot accept one whose send timeout has not passed yet.
    /// Only a terminated context is thrown; any other send error drops the message.
    private func flush(
        _ queue: inout RetryQueue,
        to socket: ZMQSocket
    ) throws(ZMQError) -> (sent: Int, dropped: Int) {
        let now = ContinuousClock.now
        var sent = 0
        var dropped = 0
        while let message = queue.first {
            do throws(ZMQError) {
                if try socket.send(message.frames, dontWait: true) {
                    sent += 1
                } else if message.deadline > now {
                    break
                } else {
                    dropped += 1
                }
            } catch {
                if error.isTerminated { throw error }
                dropped += 1
            }
            queue.removeFirst()
        }
        return (sent, dropped)
    }

    private func settle(handled: Int, dropped: Int) {
        guard handled > 0 else { return }
        state.withLock { state in
            state.unsentCount -= handled
            state.droppedCount += dropped
        }
    }

    /// Polls briefly while messages wait for a retry; otherwise sends wake the thread through the pipe.
    private func pollTimeout(_ retryQueues: [RetryQueue]) -> Int {
        retryQueues.contains { !$0.isEmpty } ? Self.retryPollMilliseconds : Self.idlePollMilliseconds
    }

    private func receiveAvailable(from socket: ZMQSocket, named name: String) throws(ZMQError) {
        for _ in 0..<Self.receiveBatchLimit {
            guard let frames = try socket.receiveMultipart(dontWait: true) else { return }
            continuation.yield(InboundMessage(socket: name, frames: frames))
        }
    }

    /// Closes the sockets, drops what was never sent, finishes the stream and wakes ``waitUntilStopped()``.
    private func finish(closing sockets: [ZMQSocket], abandoned: Int, error: ZMQError?) {
        for socket in sockets {
            socket.close()
        }
        continuation.finish()
        let waiters = state.withLock { state in
            state.phase = .stopped
            state.droppedCount += abandoned + state.outbox.count
            state.unsentCount = 0
            state.outbox = []
            state.terminationError = error
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }
}

/// A message accepted by ``SocketReactor/send(_:on:)``, for the socket at index `socket`.
private struct OutboundMessage: Sendable {
    var socket: Int
    var frames: [Data]
    var deadline: ContinuousClock.Instant
}

/// A FIFO of messages waiting for their socket, with O(1) removal from the front.
private struct RetryQueue {
    private var messages: [OutboundMessage] = []
    private var head = 0

    var isEmpty: Bool { head == messages.count }
    var count: Int { messages.count - head }
    var first: OutboundMessage? { isEmpty ? nil : messages[head] }

    mutating func append(_ message: OutboundMessage) {
        messages.append(message)
    }

    mutating func removeFirst() {
        head += 1
        if head == messages.count {
            messages.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1_024 && head * 2 >= messages.count {
            messages.removeFirst(head)
            head = 0
        }
    }
}
