import Foundation
import Testing
import TumenTransport

/// Collects the first `count` messages of `reactor`'s inbound stream (fewer if the stream finishes).
func collect(_ count: Int, from reactor: SocketReactor) async -> [InboundMessage] {
    var messages: [InboundMessage] = []
    for await message in reactor.inbound {
        messages.append(message)
        if messages.count == count { break }
    }
    return messages
}

@Suite(.timeLimit(.minutes(1))) struct SocketReactorTests {
    @Test func twoReactorsRoundTripAThousandRouterDealerRequests() async throws {
        // Given a server with a ROUTER and a client with a DEALER connected to it
        let server = try SocketReactor(
            name: "server",
            sockets: [SocketDescriptor(name: "requests", type: .router, bind: ["tcp://127.0.0.1:*"])]
        )
        let endpoint = try #require(server.endpoint(of: "requests"))
        let client = try SocketReactor(
            name: "client",
            sockets: [SocketDescriptor(name: "server", type: .dealer, connect: [endpoint])]
        )
        server.start()
        client.start()
        let echo = Task {
            var handled = 0
            for await request in server.inbound {
                try server.send([request.frames[0], Data("re: ".utf8) + request.frames[1]], on: "requests")
                handled += 1
            }
            return handled
        }

        // When the client sends a thousand requests
        for number in 0..<1_000 {
            try client.send([Data("\(number)".utf8)], on: "server")
        }
        let replies = await collect(1_000, from: client)

        // Then every reply comes back, in order, and both reactors stop cleanly
        #expect(replies.map { String(decoding: $0.frames[0], as: UTF8.self) } == (0..<1_000).map { "re: \($0)" })
        #expect(replies.allSatisfy { $0.socket == "server" && $0.frames.count == 1 })
        client.shutdown()
        server.shutdown()
        await client.waitUntilStopped()
        await server.waitUntilStopped()
        #expect(try await echo.value == 1_000)
        #expect(server.droppedMessageCount == 0)
        #expect(client.droppedMessageCount == 0)
        #expect(server.terminationError == nil)
    }

    @Test func subscriptionsFromTheOptionsFilterWhatASubscriberReactorReceives() async throws {
        let publisher = try SocketReactor(
            name: "publisher",
            sockets: [
                SocketDescriptor(name: "events", type: .pub, bind: ["ipc:///tmp/tumen-test-\(UUID().uuidString)"])
            ]
        )
        let subscriber = try SocketReactor(
            name: "subscriber",
            sockets: [
                SocketDescriptor(
                    name: "events",
                    type: .sub,
                    connect: [try #require(publisher.endpoint(of: "events"))],
                    options: SocketOptions(subscriptions: ["wanted."])
                )
            ]
        )
        publisher.start()
        subscriber.start()

        // When both topics are published until the subscription has reached the publisher
        let publishing = Task {
            while !Task.isCancelled {
                try publisher.send([Data("unwanted.topic".utf8)], on: "events")
                try publisher.send([Data("wanted.topic".utf8)], on: "events")
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        let received = await collect(3, from: subscriber)
        publishing.cancel()

        // Then only the subscribed topic arrives
        #expect(received.count == 3)
        #expect(received.allSatisfy { $0.frames == [Data("wanted.topic".utf8)] })
        publisher.shutdown()
        subscriber.shutdown()
        await publisher.waitUntilStopped()
        await subscriber.waitUntilStopped()
    }

    @Test func sendingOnAnUnknownSocketNameThrows() throws {
        let reactor = try SocketReactor(name: "lonely", sockets: [SocketDescriptor(name: "out", type: .push)])
        defer { reactor.shutdown() }

        let error = try #require(throws: SocketReactorError.self) {
            try reactor.send([Data("x".utf8)], on: "elsewhere")
        }

        #expect(error.code == .unknownSocket)
        #expect(error.description == "reactor 'lonely' socket 'elsewhere': no socket has this name")
    }

    @Test func aFullOutboxRejectsFurtherMessages() throws {
        let reactor = try SocketReactor(
            name: "busy",
            sockets: [SocketDescriptor(name: "out", type: .push)],
            outboxCapacity: 2
        )
        defer { reactor.shutdown() }
        try reactor.send([Data("1".utf8)], on: "out")
        try reactor.send([Data("2".utf8)], on: "out")

        let error = try #require(throws: SocketReactorError.self) { try reactor.send([Data("3".utf8)], on: "out") }

        #expect(error.code == .outboxFull)
    }

    @Test func setupErrorsNameTheSocketAndTheEndpoint() throws {
        let first = try SocketReactor(
            name: "first",
            sockets: [SocketDescriptor(name: "in", type: .pull, bind: ["tcp://127.0.0.1:*"])]
        )
        defer { first.shutdown() }
        let endpoint = try #require(first.endpoint(of: "in"))

        let error = try #require(throws: SocketReactorError.self) {
            try SocketReactor(name: "second", sockets: [SocketDescriptor(name: "in", type: .pull, bind: [endpoint])])
        }

        #expect(error.code == .socketSetupFailed)
        #expect(error.description == "reactor 'second' socket 'in': bind \(endpoint): Address already in use")
    }

    @Test func duplicateSocketNamesAreRejected() throws {
        let error = try #require(throws: SocketReactorError.self) {
            try SocketReactor(
                name: "twins",
                sockets: [SocketDescriptor(name: "out", type: .push), SocketDescriptor(name: "out", type: .pub)]
            )
        }

        #expect(error.code == .duplicateSocketName)
    }

    @Test func shutdownBeforeStartFinishesTheInboundStreamAndRejectsSends() async throws {
        let reactor = try SocketReactor(name: "idle", sockets: [SocketDescriptor(name: "in", type: .pull)])

        reactor.shutdown()
        reactor.shutdown()
        reactor.start()

        await reactor.waitUntilStopped()
        #expect(await collect(1, from: reactor).isEmpty)
        let error = try #require(throws: SocketReactorError.self) { try reactor.send([Data()], on: "in") }
        #expect(error.code == .stopped)
    }

    @Test func messagesToAnUnknownRouterPeerAreDroppedAndCounted() async throws {
        let reactor = try SocketReactor(
            name: "router",
            sockets: [
                SocketDescriptor(
                    name: "replies",
                    type: .router,
                    bind: ["tcp://127.0.0.1:*"],
                    options: SocketOptions(routerMandatory: true)
                )
            ]
        )
        reactor.start()

        try reactor.send([Data("nobody".utf8), Data("reply".utf8)], on: "replies")
        reactor.shutdown()
        await reactor.waitUntilStopped()

        #expect(reactor.droppedMessageCount == 1)
    }

    @Test func messagesNoPeerAcceptsAreDroppedAfterTheSendTimeout() async throws {
        let reactor = try SocketReactor(
            name: "pusher",
            sockets: [
                SocketDescriptor(
                    name: "out",
                    type: .push,
                    bind: ["tcp://127.0.0.1:*"],
                    options: SocketOptions(sendTimeout: 50)
                )
            ]
        )
        reactor.start()
        let start = ContinuousClock.now

        try reactor.send([Data("1".utf8)], on: "out")
        try reactor.send([Data("2".utf8)], on: "out")
        reactor.shutdown()
        await reactor.waitUntilStopped()

        #expect(reactor.droppedMessageCount == 2)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func terminatingTheContextStopsARunningReactor() async throws {
        let context = ZMQContext()
        let reactor = try SocketReactor(
            context: context,
            name: "doomed",
            sockets: [SocketDescriptor(name: "in", type: .pull, bind: ["inproc://tumen-test-\(UUID().uuidString)"])]
        )
        reactor.start()

        // zmq_ctx_term blocks until the reactor closes its sockets, so it runs on a thread of its own.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                context.terminate()
                done.resume()
            }.start()
        }
        await reactor.waitUntilStopped()

        #expect(reactor.terminationError?.isTerminated == true)
    }
}
