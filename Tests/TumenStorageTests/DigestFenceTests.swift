import Foundation
import GRDB
import Synchronization
import Testing
import TumenProtocol

@testable import TumenStorage

/// Digest windows are stretches of a durable commit sequence: an analysis is in exactly one recorded digest of each
/// cadence and topic it belongs to, whatever the clocks say, however many storage processes share the database, and
/// even when storage dies between reading a window and recording it.
@Suite struct DigestFenceTests {
    @Test func aResultCommittedByAnotherStoreBetweenReadingAndRecordingFallsIntoTheNextWindow() async throws {
        try await withTemporaryDirectory { directory in
            // Given two storage processes on one database, and a document analysed at 10 s
            let replica = try SQLiteStore(directory: directory)
            let reporter = try SQLiteStore(directory: directory)
            let first = makeDocument("Analysed before the window was read.", name: "first.txt")
            try await analyse(first, in: replica, at: 10)

            // When the reporter reads the window up to 100 s
            let material = try await reporter.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(100)))
            #expect(material.documents.map(\.id) == [first.id])
            // and the other replica commits a result stamped 50 s (its clock is behind) before the digest is recorded
            let second = makeDocument("Committed while the digest was being made.", name: "second.txt")
            try await analyse(second, in: replica, at: 50)
            // and the reporter dies: a restarted storage records the digest
            let restarted = try SQLiteStore(directory: directory)
            let recorded = try await restarted.recordDigest(makeDigest(for: material), now: at(101))
            #expect(recorded.seq == 1)

            // Then the late result is in the next window, although its time stamp is inside the first one
            let next = try await restarted.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(200)))
            #expect(next.windowStart == at(100))
            #expect(next.documents.map(\.id) == [second.id])
            #expect(next.documents.first?.analyzedAt == at(50))
            _ = try await restarted.recordDigest(makeDigest(for: next), now: at(201))
            #expect(
                try await reporter.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(300)))
                    .documents.isEmpty)
        }
    }

    @Test func storesSharingOneFileNeverPutAnAnalysisInNoWindowOrInTwo() async throws {
        try await withTemporaryDirectory { directory in
            // Given three storage processes on one database: two commit analyses and crosschecks, one with its clock
            // 1 s behind and one 0.3 s ahead, while two of them make digests of `all` and `economic`
            let stores = try (0..<3).map { _ in try SQLiteStore(directory: directory) }
            let documents = (0..<60).map { makeDocument("Document \($0) of the fence test.", name: "d\($0).txt") }
            let topics = Dictionary(
                uniqueKeysWithValues: documents.enumerated().map { index, document in
                    (document.id, index.isMultiple(of: 3) ? ["economic"] : ["military"])
                })
            let producing = Flag()
            let makers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for reporter in 1...2 {
                        group.addTask {
                            while producing.isSet {
                                for topic in ["all", "economic"] {
                                    // Refused when the other reporter recorded a digest of the topic meanwhile
                                    _ = try await makeDigest(of: topic, in: stores[reporter], until: Date())
                                }
                                try await Task.sleep(for: .milliseconds(Int.random(in: 0...3)))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (producer, skew) in [-1.0, 0.3].enumerated() {
                    group.addTask {
                        let now = { Date().addingTimeInterval(skew) }
                        for document in documents[producer...].enumerated().filter({ $0.offset.isMultiple(of: 2) }) {
                            try await work(on: document.element, in: stores[producer], topics: topics, now: now)
                        }
                    }
                }
                try await group.waitForAll()
            }
            // Jobs queued by the producer whose clock is ahead are not available to the other one yet: finish them
            try await finishWork(in: stores[0], topics: topics, now: { Date().addingTimeInterval(2) })
            producing.clear()
            try await makers.value

            // When a last digest of each topic is made after every commit
            for topic in ["all", "economic"] {
                #expect(try await makeDigest(of: topic, in: stores[0], until: Date().addingTimeInterval(5)))
            }

            // Then every analysed document is in exactly one recorded digest of each topic it belongs to
            let status = try await stores[0].status()
            #expect(status.analyzedDocuments == documents.count && status.jobsQueued + status.jobsLeased == 0)
            let digests = try await allDigests(in: stores[0])
            for topic in ["all", "economic"] {
                let recorded = digests.filter { $0.topic == topic }.sorted { $0.seq < $1.seq }
                let listed = recorded.flatMap(\.documents).map(\.id)
                let expected = documents.map(\.id).filter { topic == "all" || topics[$0] == [topic] }
                #expect(listed.count == expected.count, "\(topic): \(listed.count) listed, \(expected.count) expected")
                #expect(Set(listed) == Set(expected))
                // and its windows follow each other, each starting where the previous one ended
                for (earlier, later) in zip(recorded, recorded.dropFirst()) {
                    #expect(later.windowStart == earlier.windowEnd)
                }
            }
            #expect(try await stores[0].integrityCheck() == [])
        }
    }

    @Test func aDigestMadeFromStaleMaterialOrWithoutSomeOfItsDocumentsIsRefused() async throws {
        try await withStore { store in
            let document = makeDocument("One document.")
            try await analyse(document, in: store, at: 10)
            // Two reporters read the same window; the first records its digest
            let query = DigestQuery(cadence: "daily", topic: "all", until: at(20))
            let first = try await store.digestMaterial(for: query)
            let second = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(21)))
            _ = try await store.recordDigest(makeDigest(for: first), now: at(22))

            // The second one lists a document the first covers: refused, it must read the window again
            let stale = await #expect(throws: StoreError.self) {
                try await store.recordDigest(makeDigest(for: second), now: at(23))
            }
            #expect(stale?.code == .invalidRequest)
            #expect(stale?.message.contains("already in a recorded digest of digest.daily.all") == true)

            // A digest that leaves out a document of its window is refused too
            let other = makeDocument("Another document.")
            try await analyse(other, in: store, at: 30)
            let third = makeDocument("A third document.")
            try await analyse(third, in: store, at: 31)
            let window = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(40)))
            #expect(window.documents.map(\.id) == [other.id, third.id])
            var partial = makeDigest(for: window)
            partial.documents.removeFirst()
            let incomplete = await #expect(throws: StoreError.self) {
                try await store.recordDigest(partial, now: at(41))
            }
            #expect(incomplete?.message.contains("missing \(other.id)") == true)
            #expect(try await store.recordDigest(makeDigest(for: window), now: at(42)).seq == 2)
        }
    }

    @Test func aDocumentWhoseCrosscheckFailsForGoodEntersTheNextWindow() async throws {
        try await withStore(leaseDuration: 10, maxAttempts: 1) { store in
            // Given two analysed documents whose crosschecks are queued: they are pending, in no window yet
            let reported = makeDocument("Its crosscheck reports a failure.", name: "reported.txt")
            let expired = makeDocument("Its crosscheck worker goes silent.", name: "expired.txt")
            try await analyse(reported, in: store, at: 10, crosscheck: false)
            try await analyse(expired, in: store, at: 11, crosscheck: false)
            let empty = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(20)))
            #expect(empty.documents.isEmpty)
            #expect(empty.pendingDocuments == 2)
            _ = try await store.recordDigest(makeDigest(for: empty), now: at(20))

            // When one crosscheck fails for good on a reported failure and the other when its lease runs out
            var leases: [String: JobAssign] = [:]
            while let assign = try await store.leaseNextJob(workerId: "w", kinds: [.crosscheckClaims], now: at(21)) {
                leases[try #require(assign.claims).documentId] = assign
            }
            let failing = try #require(leases[reported.id])
            _ = try await store.recordJobFailure(
                JobFailed(jobId: failing.jobId, workerId: "w", reason: "crashed"), now: at(22))
            #expect(try await store.leaseNextJob(workerId: "w", kinds: [.crosscheckClaims], now: at(40)) == nil)
            #expect(try await store.status().jobsFailed == 2)

            // Then both documents are in the next window, in the order their crosschecks gave up
            let next = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(50)))
            #expect(next.documents.map(\.id) == [reported.id, expired.id])
            #expect(next.pendingDocuments == 0)
        }
    }

    @Test func aDatabaseOfTheSchemaBeforeTheCommitSequenceIsUpgradedWithoutLosingAnything() async throws {
        try await withTemporaryDirectory { directory in
            // Given a database made by the previous version: three analyses committed at 10, 20 and 30 s, and a
            // daily digest of `all` that covered [epoch, 25 s)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let documents = ["First old.", "Second old.", "Third old."].map { makeDocument($0) }
            do {
                let old = try DatabaseQueue(path: directory + "/" + SQLiteStore.fileName)
                try SQLiteSchema.makeMigrator().migrate(old, upTo: "v2-crosscheck")
                try await old.write { db in
                    for (index, document) in documents.enumerated() {
                        try Self.insertOldAnalysis(of: document, at: StoreTime.millis(at(Double(index + 1) * 10)), db)
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO digest (id, cadence, topic, pubSubTopic, seq, windowStart, windowEnd, body,
                                                recordedAt)
                            VALUES ('old-digest', 'daily', 'all', 'digest.daily.all', 1, 0, ?, '{}', ?)
                            """,
                        arguments: [StoreTime.millis(at(25)), StoreTime.millis(at(26))])
                }
            }

            // When the store opens it
            let store = try SQLiteStore(directory: directory)

            // Then the migration numbered the analyses in commit order and kept every row
            #expect(try await store.appliedMigrations().last == "v3-commit-sequence")
            let status = try await store.status()
            #expect(status.documents == 3 && status.analyzedDocuments == 3 && status.digests == 1)
            #expect(try await store.integrityCheck() == [])
            for document in documents { #expect(try await store.document(id: document.id) == document) }
            // and the daily window goes on after the old digest, the weekly one from the start
            let daily = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(40)))
            #expect(daily.windowStart == at(25))
            #expect(daily.documents.map(\.id) == [documents[2].id])
            #expect(daily.results.map(\.topics) == [["military", "economic"]])
            let weekly = try await store.digestMaterial(
                for: DigestQuery(cadence: "weekly", topic: "all", until: at(40)))
            #expect(weekly.documents.map(\.id) == documents.map(\.id))
            // and new commits continue the sequence
            let fourth = makeDocument("New after the upgrade.")
            try await analyse(fourth, in: store, at: 50)
            _ = try await store.recordDigest(makeDigest(for: daily), now: at(41))
            let next = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(60)))
            #expect(next.documents.map(\.id) == [fourth.id])
        }
    }

    @Test func theWindowQueriesReadTheCommitSequenceIndexFromTheLastWindowOn() throws {
        let queue = try DatabaseQueue()
        try SQLiteSchema.makeMigrator().migrate(queue)
        let plans = try queue.read { db in
            try [
                SQLiteStatements.windowAnalyses(after: 10, until: 20, topic: "economic").makePreparedRequest(db)
                    .statement,
                SQLiteStatements.windowDocumentIds(after: 10, through: 20, topic: nil).makePreparedRequest(db)
                    .statement,
            ].map { statement in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                    .map { (row: Row) -> String in row["detail"] }
            }
        }
        for plan in plans {
            #expect(plan.contains { $0.contains("USING INDEX analysis_on_commitSeq (commitSeq>?") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN analysis") || $0.hasPrefix("SCAN late") }, "\(plan)")
        }
    }

    /// A stored document with a done analysis job and its analysis, as the previous schema kept them.
    private static func insertOldAnalysis(of document: Document, at time: Int64, _ db: Database) throws {
        let jobId = SQLiteStore.jobId(kind: .analyzeDocument, subject: document.id)
        try db.execute(
            sql: """
                INSERT INTO document (id, contentHash, name, text, mediaType, title, documentDate, origin, publisher,
                                      publishedAt, retrievedAt, characters, storedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.id, document.contentHash, document.name, document.text, document.mediaType, document.title,
                document.documentDate, document.provenance.origin, document.provenance.publisher,
                document.provenance.publishedAt, document.provenance.retrievedAt.map(StoreTime.millis),
                document.text.unicodeScalars.count, time,
            ])
        try db.execute(
            sql: """
                INSERT INTO job (id, kind, subject, documentId, state, attempts, availableAt, createdAt, updatedAt,
                                 completedAt)
                VALUES (?, 'analyze.document', ?, ?, 'done', 1, ?, ?, ?, ?)
                """,
            arguments: [jobId, document.id, document.id, time, time, time, time])
        var result = makeResult(for: document)
        result.quantities = []
        let parts = try ResultCoding.split(result)
        try insertOldAnalysisRow(jobId: jobId, documentId: document.id, result: result, body: parts.body, at: time, db)
        for (position, topic) in result.topics.enumerated() {
            try db.execute(
                sql: "INSERT INTO analysisTopic (jobId, topic, position) VALUES (?, ?, ?)",
                arguments: [jobId, topic, position])
        }
        for item in parts.items {
            try db.execute(
                sql: """
                    INSERT INTO resultItem (jobId, documentId, kind, ordinal, spanStart, spanEnd, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [jobId, document.id, item.kind, item.ordinal, item.span?.start, item.span?.end, item.body])
        }
    }
}

/// Stores a document and commits its analysis at `second`, then (unless `crosscheck` is false) its crosscheck.
func analyse(_ document: Document, in store: SQLiteStore, at second: Double, crosscheck: Bool = true) async throws {
    _ = try await store.storeDocument(document, now: at(second))
    let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: at(second)))
    #expect(assign.document?.id == document.id)
    #expect(
        try await store.commitResult(try resultMessage(for: assign, workerId: "w"), now: at(second)).status
            == JobAckStatus.committed)
    if crosscheck { try await finishCrosschecks(in: store, at: second) }
}

/// Stores a document, then does what a worker would: commits the next analysis job and every waiting crosscheck,
/// whichever documents they are about (other stores share the queue), each stamped with `now()`.
private func work(on document: Document, in store: SQLiteStore, topics: [String: [String]], now: () -> Date)
    async throws
{
    _ = try await store.storeDocument(document, now: now())
    if let assign = try await store.leaseNextJob(workerId: "producer", kinds: [.analyzeDocument], now: now()) {
        let result = try resultMessage(
            for: assign, workerId: "producer", topics: topics[try #require(assign.document).id] ?? [])
        #expect(try await store.commitResult(result, now: now()).status == JobAckStatus.committed)
    }
    try await finishWork(in: store, topics: topics, now: now, kinds: [.crosscheckClaims])
}

/// Commits every job of `kinds` that can be leased now.
private func finishWork(
    in store: SQLiteStore, topics: [String: [String]], now: () -> Date,
    kinds: [JobKind] = [.analyzeDocument, .crosscheckClaims]
) async throws {
    while let assign = try await store.leaseNextJob(workerId: "producer", kinds: kinds, now: now()) {
        let result: JobResult
        if let claims = assign.claims {
            result = JobResult(
                jobId: assign.jobId, workerId: "producer", contentHash: claims.contentHash,
                crosscheck: CrosscheckResult(documentId: claims.documentId, contradictions: [], assessments: []))
        } else {
            result = try resultMessage(
                for: assign, workerId: "producer", topics: topics[try #require(assign.document).id] ?? [])
        }
        #expect(try await store.commitResult(result, now: now()).status == JobAckStatus.committed)
    }
}

/// Reads the next window of `topic` up to `until` and records its digest, as reporting does; returns false when the
/// store refused it (another digest of the topic was recorded after the material was read).
private func makeDigest(of topic: String, in store: SQLiteStore, until: Date) async throws -> Bool {
    do {
        let material = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: topic, until: until))
        _ = try await store.recordDigest(makeDigest(for: material), now: Date())
        return true
    } catch let error as StoreError where error.code == .invalidRequest {
        return false
    }
}

/// Every recorded digest, page by page.
private func allDigests(in store: SQLiteStore) async throws -> [Digest] {
    var digests: [Digest] = []
    var request = DigestReplay(topicPrefix: "digest.", limit: 500)
    while true {
        let page = try await store.replayDigests(request)
        digests += page.digests
        guard page.more, let last = digests.last else { return digests }
        request.after = DigestPosition(of: last)
    }
}

/// A flag that one task clears and others read.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(true)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func clear() { value.store(false, ordering: .releasing) }
}
