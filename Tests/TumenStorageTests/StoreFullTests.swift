import Foundation
import GRDB
import Testing
import TumenProtocol

@testable import TumenStorage

/// A store that cannot grow (`maxStoreBytes`, SQLite's `max_page_count`, fails exactly as a full disk does) answers
/// a clear error, keeps everything it had, and takes more once it may grow again.
@Suite struct StoreFullTests {
    @Test func aFullStoreRefusesWritesWithAClearErrorKeepsEverythingAndTakesMoreOnceItMayGrow() async throws {
        try await withTemporaryDirectory { directory in
            let limit: Int64 = 512 * 1024
            let store = try SQLiteStore(configuration: limited(directory, limit))
            // Given a leased job, and documents stored until the store is full
            let leased = filler(-1)
            _ = try await store.storeDocument(leased, now: t0)
            let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: t0))
            var stored = [leased]
            var refused: (document: Document, error: StoreError)?
            for index in 0..<1000 {
                let document = filler(index)
                do {
                    _ = try await store.storeDocument(document, now: at(Double(index)))
                    stored.append(document)
                } catch let error as StoreError {
                    refused = (document, error)
                    break
                }
            }

            // Then the refusal says that the store is full, why, where, and what to do
            let (document, error) = try #require(refused)
            #expect(stored.count > 10)
            #expect(error.code == .storageFull)
            #expect(error.isTransient)
            #expect(error.message.hasPrefix("the store is full: the database reached max-store-bytes (524288 bytes)"))
            #expect(error.message.contains("storing document '\(document.name)'"))
            #expect(
                error.message.hasSuffix(
                    "nothing already stored was lost. To store more, raise max-store-bytes (TUMEN_MAX_STORE_BYTES) "
                        + "of the store in the data directory \(directory)"))
            // and the database file stays within the limit
            let path = try #require(store.databasePath)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(Int64(size) <= limit)

            // and a transaction of many rows that does not fit is rolled back whole
            let huge = try hugeResult(for: assign)
            let failed = await #expect(throws: StoreError.self) { try await store.commitResult(huge, now: at(2000)) }
            #expect(failed?.code == .storageFull)
            var status = try await store.status()
            #expect(status.jobsLeased == 1 && status.jobsDone == 0 && status.quantities == 0)
            #expect(status.analyzedDocuments == 0)

            // and everything stored before reads back intact, from a sound database
            #expect(status.documents == stored.count && status.jobsQueued == stored.count - 1)
            for document in stored { #expect(try await store.document(id: document.id) == document) }
            #expect(try await store.searchDocuments(matching: "filler", limit: 2000).count == stored.count)
            #expect(try await store.integrityCheck() == [])
            #expect(try await store.document(id: document.id) == nil)

            // A store opened with a limit below its size opens, reads, and refuses what needs more pages
            let smaller = try SQLiteStore(configuration: limited(directory, 64 * 1024))
            #expect(try await smaller.status().documents == stored.count)
            await #expect(throws: StoreError.self) { try await smaller.storeDocument(document, now: at(2001)) }

            // When the store is opened again with a larger limit, the refused writes succeed
            let larger = try SQLiteStore(configuration: limited(directory, 8 << 20))
            #expect(try await larger.storeDocument(document, now: at(2002)).duplicate == false)
            #expect(try await larger.commitResult(huge, now: at(2003)).status == JobAckStatus.committed)
            status = try await larger.status()
            #expect(status.documents == stored.count + 1 && status.quantities == 3000)
            #expect(try await larger.integrityCheck() == [])
        }
    }

    @Test func anInMemoryStoreWithALimitFillsUpTheSameWay() async throws {
        let store = try SQLiteStore(
            configuration: SQLiteStore.Configuration(location: .inMemory, maxStoreBytes: 256 << 10))
        var error: StoreError?
        var count = 0
        while error == nil, count < 1000 {
            do {
                _ = try await store.storeDocument(filler(count), now: t0)
                count += 1
            } catch let failure as StoreError {
                error = failure
            }
        }
        #expect(error?.code == .storageFull)
        #expect(error?.message.contains("the database reached max-store-bytes (262144 bytes)") == true)
        #expect(error?.message.hasSuffix("To store more, raise max-store-bytes (TUMEN_MAX_STORE_BYTES)") == true)
        #expect(try await store.status().documents == count)
        #expect(try await store.integrityCheck() == [])
    }

    @Test func storageAnswersAFullStoreWithAStorageFullErrorTheClientMayRetry() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(configuration: limited(directory, 256 << 10))
            var index = 0
            while (try? await store.storeDocument(filler(index), now: t0)) != nil { index += 1 }
            let handler = StoreRequestHandler(store: store)
            let deadLetters = try await store.status().deadLetters

            let request = try WireCoding.encode(
                Envelope(id: "req-full", payload: DocumentStore(document: filler(index))))
            let reply = try WireCoding.decode(ErrorReply.self, from: await handler.reply(to: request, now: t0))

            #expect(reply.correlationId == "req-full")
            #expect(reply.payload.code == "storage-full")
            #expect(reply.payload.message.hasPrefix("the store is full"))
            #expect(reply.payload.message.hasSuffix("; retry the request later"))
            // not the frame's fault: no dead letter
            #expect(try await store.status().deadLetters == deadLetters)
        }
    }

    @Test func aFullDiskIsToldApartFromTheLimitAndFromOtherIOErrors() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        let unlimited = SQLiteStore.Configuration(location: .directory(directory))
        // Without a limit, SQLITE_FULL is the disk: the message names it, its free space, and what to do
        let disk = try #require(
            SQLiteStore.fullStoreError(full, while: "storing document 'a'", configuration: unlimited))
        #expect(disk.code == .storageFull)
        #expect(disk.message.hasPrefix("the store is full: the file system of the data directory \(directory) has "))
        #expect(disk.message.contains(" bytes free, so storage could not finish storing document 'a' (SQLite error 13"))
        #expect(disk.message.hasSuffix("free space on that file system, or move the data directory to a larger one"))
        // An I/O error on a disk with room to spare is not a full store, nor is any other error
        let io = DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
        #expect(SQLiteStore.fullStoreError(io, while: "storing", configuration: unlimited) == nil)
        let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
        #expect(SQLiteStore.fullStoreError(busy, while: "storing", configuration: unlimited) == nil)
        #expect(SQLiteStore.fullStoreError(CancellationError(), while: "storing", configuration: unlimited) == nil)
    }

    @Test func aLimitThatIsNotPositiveIsRefused() throws {
        #expect(throws: StoreError.self) {
            try SQLiteStore(configuration: SQLiteStore.Configuration(location: .inMemory, maxStoreBytes: 0))
        }
    }
}

private func limited(_ directory: String, _ bytes: Int64) -> SQLiteStore.Configuration {
    SQLiteStore.Configuration(location: .directory(directory), maxStoreBytes: bytes)
}

/// A document of about 8 KB whose words differ from every other filler's.
private func filler(_ index: Int) -> Document {
    makeDocument(
        "Filler \(index): " + (0..<800).map { "w\(index)x\($0)" }.joined(separator: " "), name: "filler-\(index).txt")
}

/// A result of 3000 quantities (about 1.5 MB of rows), for a transaction that does not fit.
private func hugeResult(for assign: JobAssign) throws -> JobResult {
    var result = try resultMessage(for: assign, workerId: "w")
    let quantity = try #require(result.result?.quantities.first)
    result.result?.quantities = (0..<3000).map { index in
        var copy = quantity
        copy.span = TextSpan(start: index, end: index + 1)
        copy.text = "quantity \(index) " + String(repeating: "x", count: 400)
        return copy
    }
    return result
}
