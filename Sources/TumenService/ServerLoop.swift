import CoreMetrics
import Logging
import ServiceLifecycle
import Synchronization
import TumenProtocol
import TumenTransport

/// The inbound loop of a service that serves requests on a ``SocketReactor``.
///
/// Replies to the service's own outbound requests are handled inline; every other message is handled in its own
/// child task. A request that arrives while `maxInFlight` are being handled, or after graceful shutdown began, is
/// answered `busy` (the client retries with the same id). On graceful shutdown the loop lets the requests in flight
/// finish — their replies still flow — and then stops the reactor.
public struct ServerLoop: Sendable {
    private let reactor: SocketReactor
    private let maxInFlight: Int
    private let state = LoopState()

    /// - Parameter maxInFlight: requests handled at once; more are refused (back-pressure, not unbounded memory).
    public init(reactor: SocketReactor, maxInFlight: Int = 256) {
        self.reactor = reactor
        self.maxInFlight = maxInFlight
    }

    /// What the loop is doing now, for `system.health`: `draining` after graceful shutdown began, `busy` at
    /// capacity, otherwise `ready`; and the requests in flight.
    public var health: HealthPublisher.Probe {
        state.mutex.withLock { state in
            let health: HealthState = state.draining ? .draining : state.inFlight >= maxInFlight ? .busy : .ready
            return HealthPublisher.Probe(state: health, queues: ["inFlight": state.inFlight])
        }
    }

    /// Runs until graceful shutdown (or until the reactor stops).
    ///
    /// - Parameters:
    ///   - consumeInline: returns true for messages it handled on the spot (replies to this service's requests).
    ///   - handle: handles one request; runs concurrently with others.
    ///   - busy: the answer to a request that arrived while at capacity or after shutdown began.
    public func run(
        consumeInline: @escaping @Sendable (InboundMessage) -> Bool,
        handle: @escaping @Sendable (InboundMessage) async -> Void,
        busy: Busy
    ) async {
        let state = self.state
        let reactor = self.reactor
        let maxInFlight = self.maxInFlight
        reactor.start()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await message in reactor.inbound {
                    if consumeInline(message) { continue }
                    let accepted = state.mutex.withLock { state in
                        guard !state.draining, state.inFlight < maxInFlight else { return false }
                        state.inFlight += 1
                        return true
                    }
                    guard accepted else {
                        refuse(message, with: busy)
                        continue
                    }
                    group.addTask {
                        await handle(message)
                        let finished = state.mutex.withLock { state in
                            state.inFlight -= 1
                            return state.draining && state.inFlight == 0
                        }
                        if finished { reactor.shutdown() }
                    }
                }
            }
        } onGracefulShutdown: {
            let idle = state.mutex.withLock { state in
                state.draining = true
                return state.inFlight == 0
            }
            if idle { reactor.shutdown() }
        }
        reactor.shutdown()
        await reactor.waitUntilStopped()
    }

    /// Runs the loop of a service that also makes requests of its own: `channel` takes the replies that arrive on
    /// its socket, and the `background` tasks (a health publisher, a schedule) run until the loop ends.
    public func run(
        replies channel: RequestChannel, background: [@Sendable () async -> Void],
        handle: @escaping @Sendable (InboundMessage) async -> Void, busy: Busy
    ) async {
        await withDiscardingTaskGroup { group in
            for task in background { group.addTask { await task() } }
            await run(
                consumeInline: { message in
                    guard message.socket == channel.socket else { return false }
                    channel.deliver(message.frames)
                    return true
                },
                handle: handle, busy: busy)
            channel.cancelAll()
            group.cancelAll()
        }
    }

    private func refuse(_ message: InboundMessage, with busy: Busy) {
        Counter(label: "requests_refused_busy", dimensions: [("socket", message.socket)]).increment()
        guard let request = RoutedRequest(frames: message.frames) else { return }
        let id = try? WireCoding.decodeHeader(request.body).id
        try? reactor.send(request.reply(Replies.make(busy, to: id)), on: message.socket)
    }

    private struct State {
        var draining = false
        var inFlight = 0
    }

    private final class LoopState: Sendable {
        let mutex = Mutex(State())
    }
}
