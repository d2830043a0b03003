import CZeroMQ

/// Waits on several sockets and raw file descriptors at once with `zmq_poll`.
///
/// Register each socket or descriptor once, then call ``poll(timeout:)`` repeatedly and read
/// ``returnedEvents(at:)`` by the index that registration returned.
public struct ZMQPoller {
    /// Conditions to wait for, and the conditions that were met.
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int16

        public init(rawValue: Int16) {
            self.rawValue = rawValue
        }

        /// A message can be received (`ZMQ_POLLIN`).
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        /// A message can be sent without blocking (`ZMQ_POLLOUT`).
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
        /// The file descriptor reported an error (`ZMQ_POLLERR`); never set for ZeroMQ sockets.
        public static let error = Events(rawValue: Int16(ZMQ_POLLERR))
    }

    private enum Target {
        case socket(ZMQSocket)
        case fileDescriptor(Int32)
    }

    private var targets: [Target] = []
    private var items: [zmq_pollitem_t] = []

    /// Creates a poller with nothing registered.
    public init() {}

    /// Adds `socket`, waiting for `events`; returns its index for ``returnedEvents(at:)``.
    @discardableResult
    public mutating func register(_ socket: ZMQSocket, for events: Events) -> Int {
        targets.append(.socket(socket))
        items.append(zmq_pollitem_t(socket: nil, fd: 0, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Adds a raw file descriptor (a pipe, an eventfd, a TCP socket), waiting for `events`; returns its index.
    @discardableResult
    public mutating func register(fileDescriptor: Int32, for events: Events) -> Int {
        targets.append(.fileDescriptor(fileDescriptor))
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Changes what the entry at `index` waits for.
    public mutating func setEvents(_ events: Events, at index: Int) {
        items[index].events = events.rawValue
    }

    /// Waits until an entry is ready or `milliseconds` pass (-1 waits forever, 0 only checks); a signal
    /// interruption restarts the wait.
    ///
    /// - Returns: how many entries are ready.
    /// - Throws: `ENOTSOCK` if a registered socket was closed, `ETERM` if its context was terminated.
    @discardableResult
    public mutating func poll(timeout milliseconds: Int) throws(ZMQError) -> Int {
        for (index, target) in targets.enumerated() {
            items[index].revents = 0
            if case .socket(let socket) = target {
                items[index].socket = try socket.openHandle("poll")
            }
        }
        while true {
            let ready = zmq_poll(&items, Int32(items.count), milliseconds)
            if ready >= 0 { return Int(ready) }
            let error = ZMQError.last("poll")
            if !error.isInterrupted { throw error }
        }
    }

    /// The conditions met for the entry at `index` in the last ``poll(timeout:)``.
    public func returnedEvents(at index: Int) -> Events {
        Events(rawValue: items[index].revents)
    }
}
