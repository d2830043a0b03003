import Foundation
import Testing
import TumenTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates a socket that gives up a blocking receive after two seconds, so a broken test fails instead of hanging.
func makeSocket(_ type: SocketType, context: ZMQContext = .shared) throws -> ZMQSocket {
    let socket = try ZMQSocket(context: context, type: type)
    try socket.setLinger(0)
    try socket.setReceiveTimeout(2_000)
    return socket
}

/// Binds `socket` to a free loopback port and returns the resolved endpoint.
func bindToFreePort(_ socket: ZMQSocket) throws -> String {
    try socket.bind("tcp://127.0.0.1:*")
    return try #require(socket.lastEndpoint)
}

@Suite struct ZMQSocketTests {
    @Test func pushPullDeliversMultipartFramesIntactIncludingEmptyAndBinaryFrames() throws {
        let pull = try makeSocket(.pull)
        let endpoint = try bindToFreePort(pull)
        let push = try makeSocket(.push)
        try push.connect(endpoint)
        let frames = [Data("header".utf8), Data(), Data([0, 255, 0, 1, 128]), Data(repeating: 7, count: 100_000)]

        #expect(try push.send(frames))

        #expect(try pull.receiveMultipart() == frames)
    }

    @Test func wildcardBindRevealsTheRealPort() throws {
        let socket = try makeSocket(.pull)
        #expect(socket.lastEndpoint == nil)

        try socket.bind("tcp://127.0.0.1:0")

        let endpoint = try #require(socket.lastEndpoint)
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(endpoint != "tcp://127.0.0.1:0")
        try socket.unbind(endpoint)
    }

    @Test func routerSendsEachReplyToTheDealerThatAsked() throws {
        let router = try makeSocket(.router)
        let endpoint = try bindToFreePort(router)
        let dealers = try ["alpha", "beta"].map { id in
            let dealer = try makeSocket(.dealer)
            try dealer.setRoutingId(Data(id.utf8))
            try dealer.connect(endpoint)
            return dealer
        }

        for (index, dealer) in dealers.enumerated() {
            try dealer.send([Data("question \(index)".utf8)])
        }
        for _ in dealers {
            let request = try #require(try router.receiveMultipart())
            try router.send([request[0], Data("answer to ".utf8) + request[1]])
        }

        #expect(try dealers[0].receiveMultipart() == [Data("answer to question 0".utf8)])
        #expect(try dealers[1].receiveMultipart() == [Data("answer to question 1".utf8)])
    }

    @Test func subscriberReceivesOnlyTopicsMatchingItsPrefixes() throws {
        let publisher = try makeSocket(.pub)
        let endpoint = try bindToFreePort(publisher)
        let subscriber = try makeSocket(.sub)
        try subscriber.subscribe("weather.")
        try subscriber.subscribe("sync")
        try subscriber.setReceiveTimeout(20)
        try subscriber.connect(endpoint)

        // Given a subscription that has reached the publisher (a PUB drops messages until it has)
        var isSynchronized = false
        for _ in 0..<100 where !isSynchronized {
            try publisher.send([Data("sync".utf8)])
            isSynchronized = try subscriber.receiveMultipart() != nil
        }
        #expect(isSynchronized)

        // When topics inside and outside the subscription are published
        for topic in ["news.today", "weather.today", "sports.today", "weather.tomorrow"] {
            try publisher.send([Data(topic.utf8), Data("body".utf8)])
        }

        // Then only the subscribed ones arrive, in order
        var topics: [String] = []
        while let message = try subscriber.receiveMultipart() {
            let topic = String(decoding: message[0], as: UTF8.self)
            if topic != "sync" {
                topics.append(topic)
            }
        }
        #expect(topics == ["weather.today", "weather.tomorrow"])
    }

    @Test func requestReplyRoundTripsOverInproc() throws {
        let endpoint = "inproc://tumen-test-\(UUID().uuidString)"
        let reply = try makeSocket(.rep)
        try reply.bind(endpoint)
        let request = try makeSocket(.req)
        try request.connect(endpoint)

        try request.send([Data("ping".utf8)])
        #expect(try reply.receiveMultipart() == [Data("ping".utf8)])
        try reply.send([Data("pong".utf8)])

        #expect(try request.receiveMultipart() == [Data("pong".utf8)])
    }

    @Test func receiveReturnsNilWhenNothingArrivesBeforeTheTimeout() throws {
        let pull = try makeSocket(.pull)
        try pull.bind("ipc:///tmp/tumen-test-\(UUID().uuidString)")
        try pull.setReceiveTimeout(30)

        #expect(try pull.receiveMultipart(dontWait: true) == nil)
        #expect(try pull.receiveMultipart() == nil)
    }

    @Test func bindingABusyPortThrowsAnErrorNamingTheEndpointAndReason() throws {
        let first = try makeSocket(.pull)
        let endpoint = try bindToFreePort(first)
        let second = try makeSocket(.pull)

        let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }

        #expect(error.code == EADDRINUSE)
        #expect(error.operation == "bind")
        #expect(error.endpoint == endpoint)
        #expect(error.description == "bind \(endpoint): Address already in use")
    }

    @Test func oversizedMessageIsDroppedWhileTheSocketKeepsWorking() throws {
        let pull = try makeSocket(.pull)
        try pull.setMaxMessageSize(100)
        try pull.setReceiveTimeout(20)
        let endpoint = try bindToFreePort(pull)
        let push = try makeSocket(.push)
        try push.setReconnectInterval(10)
        try push.connect(endpoint)

        // When an oversized message is followed by small ones (the receiver drops the connection that carried the
        // big one, so small ones sent meanwhile may be lost until the sender reconnects)
        try push.send([Data(repeating: 1, count: 1_000)])
        var received: [Data] = []
        for attempt in 0..<150 where received.isEmpty {
            try push.send([Data("small \(attempt)".utf8)])
            while let message = try pull.receiveMultipart() {
                received.append(contentsOf: message)
            }
        }

        // Then only small messages arrive
        #expect(!received.isEmpty)
        #expect(received.allSatisfy { $0.count < 100 })
    }

    @Test func routerMandatoryRejectsAnUnknownPeer() throws {
        let router = try makeSocket(.router)
        try router.setRouterMandatory(true)
        _ = try bindToFreePort(router)

        let error = try #require(throws: ZMQError.self) {
            try router.send([Data("nobody".utf8), Data("hello".utf8)], dontWait: true)
        }

        #expect(error.isHostUnreachable)
    }

    @Test func everyOptionIsAcceptedByLibzmq() throws {
        let socket = try makeSocket(.dealer)

        try socket.setSendHighWaterMark(10)
        try socket.setReceiveHighWaterMark(10)
        try socket.setSendTimeout(100)
        try socket.setMaxMessageSize(nil)
        try socket.setHeartbeat(SocketOptions.Heartbeat(interval: 1_000, timeout: 3_000, timeToLive: 5_000))
        try socket.setImmediate(true)
        try socket.setRoutingId(Data([1, 2, 3]))
        try socket.setReconnectInterval(50)

        let subscriber = try makeSocket(.sub)
        try subscriber.subscribe("")
        try subscriber.unsubscribe("")
    }

    @Test func sendingWithoutAPeerReturnsFalseInsteadOfBlocking() throws {
        let push = try makeSocket(.push)
        _ = try bindToFreePort(push)

        #expect(try push.send([Data("lost".utf8)], dontWait: true) == false)
    }

    @Test func aClosedSocketRejectsFurtherUse() throws {
        let socket = try makeSocket(.push)
        socket.close()
        socket.close()

        #expect(socket.isClosed)
        let error = try #require(throws: ZMQError.self) { try socket.connect("tcp://127.0.0.1:1") }
        #expect(error.code == ENOTSOCK)
    }

    @Test func aTerminatedContextRefusesNewSockets() throws {
        let context = ZMQContext()
        context.terminate()

        let error = try #require(throws: ZMQError.self) { try ZMQSocket(context: context, type: .pair) }

        #expect(error.isTerminated)
    }
}

@Suite struct ZMQPollerTests {
    @Test func pollReportsAReadableSocketAndFileDescriptor() throws {
        let pull = try makeSocket(.pull)
        let endpoint = try bindToFreePort(pull)
        let push = try makeSocket(.push)
        try push.connect(endpoint)
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        defer {
            for descriptor in descriptors { close(descriptor) }
        }
        var poller = ZMQPoller()
        let socketIndex = poller.register(pull, for: .readable)
        let pipeIndex = poller.register(fileDescriptor: descriptors[0], for: .readable)

        // Given nothing to read, the poll times out
        #expect(try poller.poll(timeout: 10) == 0)

        // When a message arrives, the socket is reported readable
        try push.send([Data("hello".utf8)])
        #expect(try poller.poll(timeout: 2_000) == 1)
        #expect(poller.returnedEvents(at: socketIndex) == .readable)

        // When a byte arrives too, both are reported
        var byte: UInt8 = 1
        #expect(write(descriptors[1], &byte, 1) == 1)
        #expect(try poller.poll(timeout: 0) == 2)
        #expect(poller.returnedEvents(at: pipeIndex) == .readable)

        // When the pipe is no longer watched, only the socket is reported
        poller.setEvents([], at: pipeIndex)
        #expect(try poller.poll(timeout: 0) == 1)
        #expect(poller.returnedEvents(at: pipeIndex).isEmpty)
    }

    @Test func pollingAClosedSocketThrows() throws {
        let socket = try makeSocket(.pull)
        var poller = ZMQPoller()
        poller.register(socket, for: [.readable, .writable])
        socket.close()

        let error = try #require(throws: ZMQError.self) { try poller.poll(timeout: 0) }

        #expect(error.code == ENOTSOCK)
    }
}
