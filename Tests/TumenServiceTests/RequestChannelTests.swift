import Foundation
import Synchronization
import Testing
import TumenProtocol
import TumenTransport

@testable import TumenService

/// Request/reply through a real ROUTER on loopback TCP.
struct RequestChannelTests {
    /// A ROUTER that answers `status.query`, ignoring the first `dropFirst` requests it sees.
    final class FakeStorage: Sendable {
        /// Ids of the requests received, in order.
        final class Seen: Sendable {
            let ids = Mutex<[String]>([])
        }

        let reactor: SocketReactor
        let seen = Seen()
        private let task: Task<Void, Never>

        init(dropFirst: Int) throws {
            let reactor = try SocketReactor(
                name: "fake-storage",
                sockets: [SocketDescriptor(name: "store", type: .router, bind: ["tcp://127.0.0.1:*"], connect: [])])
            reactor.start()
            self.reactor = reactor
            let seen = self.seen
            task = Task {
                for await message in reactor.inbound {
                    guard let request = RoutedRequest(frames: message.frames),
                        let header = try? WireCoding.decodeHeader(request.body)
                    else { continue }
                    let count = seen.ids.withLock {
                        $0.append(header.id)
                        return $0.count
                    }
                    guard count > dropFirst else { continue }
                    let report = StatusReport(
                        documents: count, analyzedDocuments: 0, jobsQueued: 0, jobsLeased: 0, jobsDone: 0,
                        jobsFailed: 0, quantities: 0,
                        digests: 0, deadLetters: 0)
                    try? reactor.send(request.reply(Replies.make(report, to: header.id)), on: "store")
                }
            }
        }

        var endpoint: String { reactor.endpoint(of: "store") ?? "" }

        func close() async {
            reactor.shutdown()
            await reactor.waitUntilStopped()
            await task.value
        }
    }

    @Test func aReplyIsMatchedToItsRequestByCorrelationId() async throws {
        let storage = try FakeStorage(dropFirst: 0)
        let report = try await ServiceClient.with(endpoint: storage.endpoint) { client in
            try await client.request(StatusQuery(), id: "req-1", timeout: .seconds(5)).decode(StatusReport.self)
        }
        #expect(report.documents == 1)
        #expect(storage.seen.ids.withLock { $0 } == ["req-1"])
        await storage.close()
    }

    @Test func aLostRequestIsRetriedWithTheSameId() async throws {
        let storage = try FakeStorage(dropFirst: 1)
        let report = try await ServiceClient.with(endpoint: storage.endpoint) { client in
            try await client.request(StatusQuery(), id: "req-2", timeout: .milliseconds(500), attempts: 5)
                .decode(StatusReport.self)
        }
        // The first attempt is dropped; a retry (the second, or a later one on a slow machine) is answered
        let seen = storage.seen.ids.withLock { $0 }
        #expect(report.documents >= 2)
        #expect(seen.count >= 2 && seen.allSatisfy { $0 == "req-2" }, "every retry reuses the id: \(seen)")
        await storage.close()
    }

    @Test func noReplyAfterEveryAttemptIsATimeoutThatNamesTheEndpoint() async throws {
        let storage = try FakeStorage(dropFirst: 100)
        let endpoint = storage.endpoint
        let error = await #expect(throws: RequestTimeout.self) {
            try await ServiceClient.with(endpoint: endpoint) { client in
                try await client.request(StatusQuery(), timeout: .milliseconds(100), attempts: 2)
            }
        }
        #expect(error?.description.contains(endpoint) == true)
        #expect(error?.attempts == 2)
        await storage.close()
    }

    @Test func anErrorReplyIsThrownAsARemoteError() throws {
        let body = Replies.make(ErrorReply(code: "invalid-json", message: "frame is not valid JSON"), to: "x")
        let reply = Reply(header: try WireCoding.decodeHeader(body), data: body)
        let error = #expect(throws: RemoteError.self) { try reply.decode(StatusReport.self) }
        #expect(error?.code == "invalid-json")
    }
}
