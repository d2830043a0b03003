import Foundation
import Testing
import TumenProtocol

@testable import TumenStorage

@Suite struct DeadLetterQueryTests {
    @Test func aDeadLetterQueryListsTheNewestFirstWithTheTotal() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            for index in 0..<3 {
                _ = await handler.reply(to: Data("bad frame \(index)".utf8), now: t0)
            }

            let request = try WireCoding.encode(Envelope(id: "dlq-1", payload: DeadLetterQuery(limit: 2)))
            let reply = try WireCoding.decode(DeadLetterList.self, from: await handler.reply(to: request, now: t0))

            #expect(reply.correlationId == "dlq-1")
            #expect(reply.payload.total == 3)
            #expect(reply.payload.deadLetters.count == 2)
            let first = try #require(reply.payload.deadLetters.first)
            #expect(first.deadLetter.socket == "store")
            #expect(Data(base64Encoded: first.deadLetter.rawBase64) == Data("bad frame 2".utf8))
            #expect(first.id > reply.payload.deadLetters[1].id)
        }
    }

    @Test func aDeadLetterQueryAsksForAtMostAThousandAndNeverANegativeNumber() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            _ = await handler.reply(to: Data("bad".utf8), now: t0)
            for limit in [-5, 1_000_000] {
                let request = try WireCoding.encode(Envelope(payload: DeadLetterQuery(limit: limit)))
                let reply = try WireCoding.decode(DeadLetterList.self, from: await handler.reply(to: request, now: t0))
                #expect(reply.payload.deadLetters.count == (limit < 0 ? 0 : 1))
            }
        }
    }

    @Test func aFramingFailureIsKeptAsADeadLetterOfItsSocket() async throws {
        try await withStore { store in
            let failure = DecodingFailure(code: .invalidFraming, message: "three frames")
            let reply = try WireCoding.decode(
                ErrorReply.self, from: await JobRequestHandler(store: store).refuse(Data("x".utf8), failure, now: t0))
            #expect(reply.payload.code == "invalid-framing")
            #expect(try await store.deadLetters(limit: 1).first?.deadLetter.socket == "jobs")
        }
    }
}
