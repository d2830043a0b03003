import CZeroMQ

/// The ZeroMQ messaging pattern of a socket.
public enum SocketType: Sendable {
    case pub, sub, push, pull, router, dealer, req, rep, pair

    var zmqType: Int32 {
        switch self {
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .pair: ZMQ_PAIR
        }
    }
}
