import Foundation
import Synchronization
import Testing
import TumenProtocol

@testable import TumenStorage

@Suite struct StoreRequestHandlerTests {
    @Test func theHandlerAnswersMalformedJSONWithAnErrorReplyAndRecordsADeadLetter() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            let frame = Data(#"{"v":1,"type":"document.store","id":"#.utf8)

            let reply = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: frame, now: t0))

            #expect(reply.payload.code == "invalid-json")
            #expect(reply.correlationId == nil)
            let letters = try await store.deadLetters(limit: 10)
            #expect(letters.count == 1)
            #expect(letters.first?.deadLetter.service == "storage")
            #expect(letters.first?.deadLetter.socket == "store")
            #expect(letters.first?.deadLetter.reason.hasPrefix("invalid-json") == true)
            #expect(Data(base64Encoded: letters.first?.deadLetter.rawBase64 ?? "") == frame)
        }
    }

    @Test func anUnknownMajorVersionIsRefusedWithAClearMessage() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            let frame = Data(
                #"{"v":2,"type":"status.query","id":"req-7","ts":"2025-01-01T00:00:00.000Z","payload":{}}"#.utf8)

            let reply = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: frame, now: t0))

            #expect(reply.payload.code == "unsupported-version")
            #expect(reply.payload.message.contains("version 2"))
            #expect(reply.correlationId == "req-7")
            #expect(try await store.status().deadLetters == 1)
        }
    }

    @Test func anUnknownTypeAndAnInvalidPayloadAreRefusedWithTheirIds() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            let unknown = Data(
                #"{"v":1,"type":"document.delete","id":"req-1","ts":"2025-01-01T00:00:00Z","payload":{}}"#.utf8)
            let invalid = Data(
                #"{"v":1,"type":"document.store","id":"req-2","ts":"2025-01-01T00:00:00Z","payload":{"document":7}}"#
                    .utf8)
            let wrongShape = Data(#"[1, 2, 3]"#.utf8)

            let first = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: unknown, now: t0))
            let second = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: invalid, now: t0))
            let third = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: wrongShape, now: t0))

            #expect(first.payload.code == "unknown-type")
            #expect(first.payload.message.contains("document.delete"))
            #expect(first.correlationId == "req-1")
            #expect(second.payload.code == "invalid-payload")
            #expect(second.correlationId == "req-2")
            #expect(third.payload.code == "invalid-envelope")
            #expect(try await store.status().deadLetters == 3)
            #expect(try await store.status().documents == 0)
        }
    }

    @Test func aDocumentStoreRequestIsAnsweredWithItsIdAndARetryIsADuplicate() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            let document = makeDocument("Stored through the socket handler.")
            let request = try WireCoding.encode(Envelope(id: "req-42", payload: DocumentStore(document: document)))

            let first = await handler.handle(request, now: t0)
            let retry = await handler.handle(request, now: at(1))

            let stored = try WireCoding.decode(DocumentStored.self, from: first.reply)
            #expect(stored.correlationId == "req-42")
            #expect(
                stored.payload
                    == DocumentStored(documentId: document.id, contentHash: document.contentHash, duplicate: false))
            #expect(first.jobsMayBeAvailable)
            #expect(try WireCoding.decode(DocumentStored.self, from: retry.reply).payload.duplicate)
            #expect(!retry.jobsMayBeAvailable)
        }
    }

    @Test func statusDigestAndDeadLetterRequestsAreAnswered() async throws {
        try await withStore { store in
            let handler = StoreRequestHandler(store: store)
            _ = try await store.storeDocument(makeDocument("Counted."), now: t0)

            let status = try WireCoding.decode(
                StatusReport.self,
                from: await handler.reply(to: try WireCoding.encode(Envelope(payload: StatusQuery())), now: t0))
            #expect(status.payload.documents == 1)
            #expect(status.payload.jobsQueued == 1)

            let query = DigestQuery(cadence: "daily", topic: "all", until: at(60))
            let material = try WireCoding.decode(
                DigestMaterial.self,
                from: await handler.reply(to: try WireCoding.encode(Envelope(payload: query)), now: t0))
            #expect(material.payload.windowEnd == at(60))
            #expect(material.payload.pendingDocuments == 1)

            let digest = makeDigest(cadence: "daily", topic: "all", from: material.payload.windowStart, to: at(60))
            let record = try WireCoding.encode(Envelope(payload: DigestRecord(digest: digest)))
            let recorded = try WireCoding.decode(
                DigestRecorded.self, from: await handler.reply(to: record, now: at(61)))
            #expect(recorded.payload == DigestRecorded(digestId: digest.id, seq: 1, duplicate: false))

            let letter = DeadLetter(service: "ingest", socket: "submit", reason: "binary", raw: Data([0, 1, 2]))
            let kept = try WireCoding.decode(
                DeadLetterRecorded.self,
                from: await handler.reply(
                    to: try WireCoding.encode(Envelope(payload: DeadLetterRecord(deadLetter: letter))), now: t0))
            #expect(try await store.deadLetters(limit: 1).first?.id == kept.payload.deadLetterId)
        }
    }

    @Test func aStoreFailureIsAnsweredWithAStorageErrorAndNoDeadLetter() async throws {
        let store = FailingStore()
        let handler = StoreRequestHandler(store: store)
        let request = try WireCoding.encode(Envelope(id: "req-9", payload: StatusQuery()))

        let reply = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: request, now: t0))

        #expect(reply.payload.code == "storage-error")
        #expect(reply.payload.message.contains("database is locked"))
        #expect(reply.correlationId == "req-9")
        #expect(store.deadLetterCount.withLock { $0 } == 0)
    }
}

@Suite struct JobRequestHandlerTests {
    @Test func aReadyWorkerGetsAJobAndItsResultIsAcknowledged() async throws {
        try await withStore { store in
            let handler = JobRequestHandler(store: store, leaseDuration: 30)
            let document = makeDocument("A job over the jobs socket.")
            _ = try await store.storeDocument(document, now: t0)

            let ready = try WireCoding.encode(
                Envelope(id: "ready-1", payload: WorkerReady(workerId: "w1", kinds: [.analyzeDocument])))
            let handled = await handler.handle(ready, now: t0)
            let assign = try WireCoding.decode(JobAssign.self, from: try #require(handled.reply))
            #expect(assign.correlationId == "ready-1")
            #expect(assign.payload.document == document)
            #expect(assign.payload.leaseExpiresAt == at(30))

            let result = try resultMessage(for: assign.payload, workerId: "w1")
            let resultFrame = try WireCoding.encode(Envelope(id: "result-1", payload: result))
            let ack = try WireCoding.decode(
                JobAck.self, from: try #require(await handler.handle(resultFrame, now: at(1)).reply))
            #expect(ack.correlationId == "result-1")
            #expect(ack.payload == JobAck(jobId: assign.payload.jobId, status: "committed"))

            // The same result again (a retry) is a duplicate
            let retry = try WireCoding.decode(
                JobAck.self, from: try #require(await handler.handle(resultFrame, now: at(2)).reply))
            #expect(retry.payload.status == "duplicate")
        }
    }

    @Test func aWorkerWithNoJobWaitsUntilADocumentIsStored() async throws {
        try await withStore { store in
            let jobs = JobRequestHandler(store: store)
            let requests = StoreRequestHandler(store: store)
            let ready = try WireCoding.encode(
                Envelope(id: "ready-2", payload: WorkerReady(workerId: "w2", kinds: [.analyzeDocument])))

            let handled = await jobs.handle(ready, now: t0)
            #expect(handled.reply == nil)
            let waiting = try #require(handled.waitingWorker)
            #expect(
                waiting
                    == JobRequestHandler.WaitingWorker(
                        workerId: "w2", kinds: [.analyzeDocument], requestId: "ready-2", since: t0))
            #expect(await jobs.assignJob(toWaitingWorker: waiting, now: at(1)) == nil)

            let storeRequest = try WireCoding.encode(
                Envelope(payload: DocumentStore(document: makeDocument("Arrives later."))))
            #expect(await requests.handle(storeRequest, now: at(2)).jobsMayBeAvailable)

            let frame = try #require(await jobs.assignJob(toWaitingWorker: waiting, now: at(3)))
            let assign = try WireCoding.decode(JobAssign.self, from: frame)
            #expect(assign.correlationId == "ready-2")
            #expect(assign.payload.attempt == 1)
        }
    }

    @Test func aFailedJobIsAcknowledgedAndOfferedAgain() async throws {
        try await withStore { store in
            let handler = JobRequestHandler(store: store)
            _ = try await store.storeDocument(makeDocument("Hard to analyse."), now: t0)
            let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: t0))

            let failed = try WireCoding.encode(
                Envelope(id: "fail-1", payload: JobFailed(jobId: assign.jobId, workerId: "w", reason: "timeout")))
            let handled = await handler.handle(failed, now: at(1))

            let ack = try WireCoding.decode(JobAck.self, from: try #require(handled.reply))
            #expect(ack.payload.status == "failed-recorded")
            #expect(handled.jobsMayBeAvailable)
            #expect(try await store.status().jobsQueued == 1)
        }
    }

    @Test func aResultWithAWrongContentHashGetsAnErrorReplyAndADeadLetter() async throws {
        try await withStore { store in
            let handler = JobRequestHandler(store: store)
            _ = try await store.storeDocument(makeDocument("Hash checked."), now: t0)
            let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: t0))
            var result = try resultMessage(for: assign, workerId: "w")
            result.contentHash = fakeHash("other")

            let frame = try WireCoding.encode(Envelope(id: "result-x", payload: result))
            let reply = try WireCoding.decode(
                ErrorReply.self, from: try #require(await handler.handle(frame, now: at(1)).reply))

            #expect(reply.payload.code == "content-mismatch")
            #expect(reply.correlationId == "result-x")
            #expect(try await store.deadLetters(limit: 5).first?.deadLetter.socket == "jobs")
            #expect(try await store.status().jobsDone == 0)
        }
    }

    @Test func badFramesOnTheJobsSocketGetErrorRepliesAndDeadLetters() async throws {
        try await withStore { store in
            let handler = JobRequestHandler(store: store)
            let frames = [
                Data([0xFF, 0xFE, 0x00]),
                Data(#"{"v":1,"type":"document.store","id":"x","ts":"2025-01-01T00:00:00Z","payload":{}}"#.utf8),
                try WireCoding.encode(Envelope(id: "ready-bad", payload: WorkerReady(workerId: "w", kinds: []))),
            ]
            var codes: [String] = []
            for frame in frames {
                let reply = try #require(await handler.handle(frame, now: t0).reply)
                codes.append(try WireCoding.decode(ErrorReply.self, from: reply).payload.code)
            }
            #expect(codes == ["invalid-json", "unknown-type", "invalid-payload"])
            #expect(try await store.status().deadLetters == 3)
        }
    }
}

/// A store whose database is always locked, and which counts dead letters it was asked to keep.
final class FailingStore: Store {
    let deadLetterCount = Mutex(0)

    private func fail() -> StoreError {
        StoreError(code: .storage, message: "storage failed while counting: SQLite error 5: database is locked")
    }

    func storeDocument(_ document: Document, now: Date) async throws -> DocumentStored { throw fail() }
    func document(id: String) async throws -> Document? { throw fail() }
    func searchDocuments(matching query: String, limit: Int) async throws -> [DocumentSummary] { throw fail() }
    func leaseNextJob(workerId: String, kinds: [JobKind], now: Date, leaseDuration: TimeInterval?) async throws
        -> JobAssign?
    { throw fail() }
    func commitResult(_ result: JobResult, now: Date) async throws -> JobAck { throw fail() }
    func recordJobFailure(_ failed: JobFailed, now: Date) async throws -> JobAck { throw fail() }
    func nextLeaseDeadline() async throws -> Date? { throw fail() }
    func releaseLeases(heldBy workerId: String, now: Date) async throws -> Int { throw fail() }
    func renewLease(jobId: String, workerId: String, now: Date, leaseDuration: TimeInterval?) async throws -> Date? {
        throw fail()
    }
    func status() async throws -> StatusReport { throw fail() }
    func queueDepths() async throws -> QueueDepths { throw fail() }
    func digestMaterial(for query: DigestQuery) async throws -> DigestMaterial { throw fail() }
    func recordDigest(_ digest: Digest, now: Date) async throws -> DigestRecorded { throw fail() }
    func replayDigests(_ request: DigestReplay) async throws -> DigestReplayed { throw fail() }
    func recordDeadLetter(_ deadLetter: DeadLetter) async throws -> Int64 {
        deadLetterCount.withLock { $0 += 1 }
        throw fail()
    }
    func deadLetters(limit: Int) async throws -> [StoredDeadLetter] { throw fail() }
    func integrityCheck() async throws -> [String] { throw fail() }
}
