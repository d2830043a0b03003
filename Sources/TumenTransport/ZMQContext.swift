import CZeroMQ
import Synchronization

/// A libzmq context: the I/O threads that every socket created from it shares.
///
/// libzmq contexts are thread-safe, so one context can be shared by every task and thread of a process;
/// most code uses ``shared``. A context lives until ``terminate()`` or deinit, which wait for its sockets to close.
public final class ZMQContext: @unchecked Sendable {
    // @unchecked: `pointer` is immutable and libzmq's context calls are thread-safe; the only mutable state,
    // whether the context was terminated, is behind a Mutex.

    /// The process-wide context used by default; it is never terminated.
    public static let shared = ZMQContext()

    private let pointer: UnsafeMutableRawPointer
    private let isTerminated = Mutex(false)

    /// Creates a context with `ioThreads` background I/O threads.
    public init(ioThreads: Int = 1) {
        guard let pointer = zmq_ctx_new() else {
            preconditionFailure("zmq_ctx_new failed: \(ZMQError.last("zmq_ctx_new"))")
        }
        zmq_ctx_set(pointer, ZMQ_IO_THREADS, Int32(clamping: ioThreads))
        self.pointer = pointer
    }

    deinit {
        terminate()
    }

    /// Terminates the context: sockets created from it fail with `ETERM` from now on, and this call blocks until
    /// all of them are closed (their linger period applies). Calling it again does nothing.
    public func terminate() {
        let wasTerminated = isTerminated.withLock { isTerminated in
            defer { isTerminated = true }
            return isTerminated
        }
        guard !wasTerminated else { return }
        while zmq_ctx_term(pointer) != 0 && zmq_errno() == EINTR {}
    }

    /// Creates a raw socket handle, or throws `ETERM` once the context is terminated.
    func makeSocketHandle(type: Int32) throws(ZMQError) -> UnsafeMutableRawPointer {
        let handle = isTerminated.withLock { isTerminated in isTerminated ? nil : zmq_socket(pointer, type) }
        guard let handle else {
            throw isTerminated.withLock { $0 } ? ZMQError(code: ETERM, operation: "socket") : .last("socket")
        }
        return handle
    }
}
