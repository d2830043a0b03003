import Foundation
import Testing
import TumenProtocol

@testable import TumenStorage

@Suite struct StoreTests {
    @Test func migrationsCreateTheSchemaOnAFreshFileAndReopenAnExistingOne() async throws {
        try await withTemporaryDirectory { root in
            let directory = root + "/nested/data"
            // Given a directory that does not exist yet
            let first = try SQLiteStore(directory: directory)
            let path = try #require(first.databasePath)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(path.hasSuffix("/nested/data/tumen.sqlite"))
            let migrations = try await first.appliedMigrations()
            #expect(
                migrations == [
                    "v1-documents", "v1-jobs", "v1-results", "v1-digests", "v1-dead-letters", "v2-crosscheck",
                    "v3-commit-sequence",
                ])
            _ = try await first.storeDocument(makeDocument("Kept across a reopen."), now: t0)

            // When it is opened again
            let second = try SQLiteStore(directory: directory)

            // Then the schema is unchanged and the data is there
            #expect(try await second.appliedMigrations() == migrations)
            #expect(try await second.status().documents == 1)
            #expect(try await second.integrityCheck() == [])
        }
    }

    @Test func anInMemoryStoreWorksLikeAFileStore() async throws {
        let store = try SQLiteStore(configuration: .inMemory)
        #expect(store.databasePath == nil)
        let stored = try await store.storeDocument(makeDocument("In memory only."), now: t0)
        #expect(!stored.duplicate)
        #expect(try await store.status().jobsQueued == 1)
    }

    @Test func storingTheSameContentTwiceReportsADuplicateAndStoresOneDocumentAndOneJob() async throws {
        try await withStore { store in
            let document = makeDocument("North Korea shipped 20,000 containers.")
            let first = try await store.storeDocument(document, now: t0)
            var renamed = document
            renamed.name = "copy-of-report.txt"
            let second = try await store.storeDocument(renamed, now: at(5))

            #expect(
                first == DocumentStored(documentId: document.id, contentHash: document.contentHash, duplicate: false))
            #expect(
                second == DocumentStored(documentId: document.id, contentHash: document.contentHash, duplicate: true))
            let status = try await store.status()
            #expect(status.documents == 1)
            #expect(status.jobsQueued == 1)
            #expect(try await store.document(id: document.id)?.name == "report.txt")
        }
    }

    @Test func aStoredDocumentKeepsItsProvenanceTitleDateAndMediaType() async throws {
        try await withStore { store in
            let document = makeDocument("Text with provenance.", name: "a.md", title: "A title")
            _ = try await store.storeDocument(document, now: t0)
            #expect(try await store.document(id: document.id) == document)
            let summary = try #require(try await store.searchDocuments(matching: "provenance", limit: 5).first)
            #expect(summary.storedAt == t0)
            #expect(summary.characters == document.text.unicodeScalars.count)
            #expect(summary.provenance == document.provenance)
            #expect(summary.analyzedAt == nil)
        }
    }

    @Test func fullTextSearchFindsADocumentByAWord() async throws {
        try await withStore { store in
            let shells = makeDocument("Pyongyang sent 9.4 million artillery rounds to Russia.", name: "shells.txt")
            let trade = makeDocument("Bilateral trade reached $34.4 million.", name: "trade.txt")
            _ = try await store.storeDocument(shells, now: t0)
            _ = try await store.storeDocument(trade, now: t0)

            #expect(try await store.searchDocuments(matching: "artillery").map(\.id) == [shells.id])
            #expect(try await store.searchDocuments(matching: "TRADE", limit: 10).map(\.id) == [trade.id])
            #expect(try await store.searchDocuments(matching: "submarine", limit: 10).isEmpty)
            #expect(try await store.searchDocuments(matching: "  ", limit: 10).isEmpty)
        }
    }

    @Test func theLeasesOfASilentWorkerEndAtOnceAndItsJobGoesToAnother() async throws {
        try await withStore { store in
            _ = try await store.storeDocument(makeDocument("About 300 trucks crossed.", name: "t.txt"), now: t0)
            let first = try #require(try await store.leaseNextJob(workerId: "w1", kinds: [.analyzeDocument], now: t0))
            #expect(try await store.leaseNextJob(workerId: "w2", kinds: [.analyzeDocument], now: t0) == nil)

            #expect(try await store.releaseLeases(heldBy: "w1", now: t0.addingTimeInterval(6)) == 1)
            let second = try await store.leaseNextJob(
                workerId: "w2", kinds: [.analyzeDocument], now: t0.addingTimeInterval(6))
            #expect(second?.jobId == first.jobId)
            #expect(second?.attempt == 2)
            #expect(try await store.releaseLeases(heldBy: "w1", now: t0.addingTimeInterval(7)) == 0)
        }
    }

    @Test func queueDepthsAgreeWithTheFullStatusCounts() async throws {
        try await withStore { store in
            _ = try await store.storeDocument(makeDocument("About 300 trucks crossed.", name: "a.txt"), now: t0)
            _ = try await store.storeDocument(makeDocument("About 400 trucks crossed.", name: "b.txt"), now: t0)
            _ = try await store.leaseNextJob(workerId: "w1", kinds: [.analyzeDocument], now: t0)

            let depths = try await store.queueDepths()
            let status = try await store.status()
            #expect(depths == QueueDepths(jobsQueued: 1, jobsLeased: 1, documentsPending: 2))
            #expect(depths.jobsQueued == status.jobsQueued && depths.jobsLeased == status.jobsLeased)
            #expect(depths.documentsPending == status.documents - status.analyzedDocuments)
        }
    }

    @Test func leasingGivesEachJobToExactlyOneWorker() async throws {
        try await withStore { store in
            for index in 0..<10 {
                _ = try await store.storeDocument(makeDocument("Document number \(index)."), now: at(Double(index)))
            }
            // When three workers lease concurrently until nothing is left
            let leases = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<3 {
                    group.addTask {
                        var jobs: [String] = []
                        while let assign = try await store.leaseNextJob(
                            workerId: "worker-\(worker)", kinds: [.analyzeDocument], now: at(20))
                        {
                            #expect(assign.attempt == 1)
                            #expect(assign.document != nil)
                            jobs.append(assign.jobId)
                        }
                        return jobs
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            // Then every job was leased once, to one worker
            #expect(leases.count == 10)
            #expect(Set(leases).count == 10)
            #expect(try await store.leaseNextJob(workerId: "late", kinds: [.analyzeDocument], now: at(21)) == nil)
            #expect(try await store.status().jobsLeased == 10)
        }
    }

    @Test func twoStoresOnOneDatabaseNeverLeaseTheSameJob() async throws {
        try await withTemporaryDirectory { directory in
            // Two storage replicas share one database file
            let replicas = [try SQLiteStore(directory: directory), try SQLiteStore(directory: directory)]
            for index in 0..<20 {
                _ = try await replicas[index % 2].storeDocument(makeDocument("Shared \(index)."), now: t0)
            }
            let leases = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var jobs: [String] = []
                        while let assign = try await replicas[worker % 2].leaseNextJob(
                            workerId: "worker-\(worker)", kinds: [.analyzeDocument], now: at(1))
                        {
                            jobs.append(assign.jobId)
                        }
                        return jobs
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(leases.count == 20)
            #expect(Set(leases).count == 20)
        }
    }

    @Test func aWorkerAskingForOtherKindsGetsNoJob() async throws {
        try await withStore { store in
            _ = try await store.storeDocument(makeDocument("Only text jobs here."), now: t0)
            #expect(try await store.leaseNextJob(workerId: "w", kinds: ["analyze.series"], now: t0) == nil)
            #expect(try await store.leaseNextJob(workerId: "w", kinds: [], now: t0) == nil)
        }
    }

    @Test func anExpiredLeaseIsLeasedAgainToAnotherWorkerWithAttemptTwo() async throws {
        try await withStore(leaseDuration: 30) { store in
            let document = makeDocument("A worker will stall on this one.")
            _ = try await store.storeDocument(document, now: t0)
            let first = try #require(try await store.leaseNextJob(workerId: "a", kinds: [.analyzeDocument], now: t0))
            #expect(first.attempt == 1)
            #expect(first.leaseExpiresAt == at(30))
            #expect(first.document == document)

            // Before the deadline nobody else gets it
            #expect(try await store.leaseNextJob(workerId: "b", kinds: [.analyzeDocument], now: at(29)) == nil)
            #expect(try await store.nextLeaseDeadline() == at(30))

            // At the deadline it goes to another worker
            let second = try #require(
                try await store.leaseNextJob(workerId: "b", kinds: [.analyzeDocument], now: at(30)))
            #expect(second.jobId == first.jobId)
            #expect(second.attempt == 2)
            #expect(second.leaseExpiresAt == at(60))
        }
    }

    @Test func aLateDuplicateResultIsAcknowledgedAsDuplicateAndChangesNothing() async throws {
        try await withStore(leaseDuration: 10) { store in
            _ = try await store.storeDocument(makeDocument("Two workers, one result."), now: t0)
            let slow = try #require(try await store.leaseNextJob(workerId: "slow", kinds: [.analyzeDocument], now: t0))
            let fast = try #require(
                try await store.leaseNextJob(workerId: "fast", kinds: [.analyzeDocument], now: at(11)))

            // The second worker commits first
            let committed = try await store.commitResult(
                try resultMessage(for: fast, workerId: "fast", topics: ["economic"]), now: at(12))
            #expect(committed == JobAck(jobId: fast.jobId, status: "committed"))
            try await finishCrosschecks(in: store, at: 12)
            let before = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(100)))
            let statusBefore = try await store.status()

            // The first worker's late result is dropped
            let late = try await store.commitResult(
                try resultMessage(for: slow, workerId: "slow", topics: ["military"]), now: at(13))
            #expect(late == JobAck(jobId: slow.jobId, status: "duplicate"))
            #expect(
                try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(100)))
                    == before)
            #expect(try await store.status() == statusBefore)
            #expect(before.results.map(\.topics) == [["economic"]])
            #expect(before.documents.first?.analyzedAt == at(12))
        }
    }

    @Test func aResultForAnUnknownJobIsAnsweredUnknownJob() async throws {
        try await withStore { store in
            let document = makeDocument("Never queued under this id.")
            let result = JobResult(
                jobId: "analyze.document:doc-missing", workerId: "w", contentHash: document.contentHash,
                result: makeResult(for: document))
            let ack = try await store.commitResult(result, now: t0)
            #expect(ack.status == "unknown-job")
        }
    }

    @Test func aResultWithAWrongContentHashIsRefused() async throws {
        try await withStore { store in
            _ = try await store.storeDocument(makeDocument("The real content."), now: t0)
            let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: t0))
            var result = try resultMessage(for: assign, workerId: "w")
            result.contentHash = fakeHash("Some other content.")

            let error = await #expect(throws: StoreError.self) { try await store.commitResult(result, now: at(1)) }
            #expect(error?.code == .contentMismatch)
            let status = try await store.status()
            #expect(status.jobsDone == 0)
            #expect(status.jobsLeased == 1)
            #expect(status.quantities == 0)
        }
    }

    @Test func aPoisonJobFailsAfterTheMaximumNumberOfAttempts() async throws {
        try await withStore(leaseDuration: 10, maxAttempts: 3) { store in
            _ = try await store.storeDocument(makeDocument("This text crashes every worker."), now: t0)
            // Leased three times, each lease expiring
            for attempt in 1...3 {
                let assign = try #require(
                    try await store.leaseNextJob(
                        workerId: "w\(attempt)", kinds: [.analyzeDocument], now: at(Double(attempt - 1) * 10)))
                #expect(assign.attempt == attempt)
            }
            // The fourth time it fails instead
            #expect(try await store.leaseNextJob(workerId: "w4", kinds: [.analyzeDocument], now: at(30)) == nil)
            let status = try await store.status()
            #expect(status.jobsFailed == 1)
            #expect(status.jobsLeased == 0)
            let material = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(40)))
            #expect(material.pendingDocuments == 1)
        }
    }

    @Test func aReportedFailureQueuesTheJobAgainUntilTheMaximumNumberOfAttempts() async throws {
        try await withStore(maxAttempts: 2) { store in
            _ = try await store.storeDocument(makeDocument("Fails twice."), now: t0)
            let first = try #require(try await store.leaseNextJob(workerId: "a", kinds: [.analyzeDocument], now: t0))
            let ack = try await store.recordJobFailure(
                JobFailed(jobId: first.jobId, workerId: "a", reason: "out of memory"), now: at(1))
            #expect(ack.status == "failed-recorded")
            #expect(try await store.status().jobsQueued == 1)

            let second = try #require(
                try await store.leaseNextJob(workerId: "b", kinds: [.analyzeDocument], now: at(2)))
            #expect(second.attempt == 2)
            _ = try await store.recordJobFailure(
                JobFailed(jobId: second.jobId, workerId: "b", reason: "again"), now: at(3))
            let status = try await store.status()
            #expect(status.jobsFailed == 1)
            #expect(status.jobsQueued == 0)
            #expect(try await store.leaseNextJob(workerId: "c", kinds: [.analyzeDocument], now: at(4)) == nil)
            #expect(
                try await store.recordJobFailure(JobFailed(jobId: "nope", workerId: "c", reason: "?"), now: at(5))
                    .status
                    == "unknown-job")
        }
    }

    @Test func theAnalysisResultRoundTripsExactlyThroughTheStore() async throws {
        try await withStore { store in
            let document = makeDocument("Round trip of every field.")
            _ = try await store.storeDocument(document, now: t0)
            let assign = try #require(try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: t0))
            let result = try resultMessage(for: assign, workerId: "w")
            #expect(try await store.commitResult(result, now: at(1)).status == "committed")
            try await finishCrosschecks(in: store, at: 1)

            let material = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(2)))
            #expect(material.results == [result.result])
            #expect(try await store.status().quantities == 3)
        }
    }

    @Test func resultCodingKeepsListsOfItemsAndEveryOtherField() throws {
        let document = makeDocument("Splitting.")
        var result = makeResult(for: document)
        result.entities = []
        let parts = try ResultCoding.split(result)
        #expect(parts.items.map(\.kind) == ["quantities", "quantities", "quantities"])
        #expect(parts.items.first?.span == TextSpan(start: 10, end: 36))
        #expect(try ResultCoding.join(body: parts.body, items: parts.items.reversed()) == result)
    }

    @Test func digestMaterialCoversTheWindowSinceTheLastRecordedDigestAndFiltersByTopic() async throws {
        try await withStore { store in
            // Given three documents analysed at 10 s, 20 s and 30 s, and one never analysed
            let economic = makeDocument("Trade grew.", name: "economic.txt")
            let military = makeDocument("Shells moved.", name: "military.txt")
            let both = makeDocument("Shells paid for trade.", name: "both.txt")
            let pending = makeDocument("Not analysed yet.", name: "pending.txt")
            for document in [economic, military, both, pending] { _ = try await store.storeDocument(document, now: t0) }
            let topics = [economic.id: ["economic"], military.id: ["military"], both.id: ["military", "economic"]]
            var commitTimes = [10.0, 20.0, 30.0]
            while let second = commitTimes.first {
                let assign = try #require(
                    try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: at(second)))
                let document = try #require(assign.document)
                if document.id == pending.id {
                    // Handed back: it goes behind the other jobs
                    _ = try await store.recordJobFailure(
                        JobFailed(jobId: assign.jobId, workerId: "w", reason: "later"), now: at(second))
                    continue
                }
                let result = try resultMessage(for: assign, workerId: "w", topics: topics[document.id] ?? [])
                #expect(try await store.commitResult(result, now: at(second)).status == "committed")
                try await finishCrosschecks(in: store, at: second)
                commitTimes.removeFirst()
            }

            // With no digest recorded, the window starts at the epoch
            let all = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(25)))
            #expect(all.windowStart == Date(timeIntervalSince1970: 0))
            #expect(all.windowEnd == at(25))
            #expect(all.documents.map(\.analyzedAt) == [at(10), at(20)])
            #expect(all.results.map(\.documentId) == all.documents.map(\.id))
            // Pending counts documents without a done job now, whatever the window
            #expect(all.pendingDocuments == 1)

            let militaryOnly = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "military", until: at(40)))
            #expect(Set(militaryOnly.documents.map(\.id)) == Set([military.id, both.id]))
            #expect(militaryOnly.results.allSatisfy { $0.topics.contains("military") })

            // After a daily/all digest up to 25 s, the next window starts there: [25 s, 40 s)
            _ = try await store.recordDigest(makeDigest(for: all), now: at(26))
            let next = try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(40)))
            #expect(next.windowStart == at(25))
            #expect(next.documents.count == 1)
            #expect(next.documents.first?.analyzedAt == at(30))
            #expect(next.pendingDocuments == 1)

            // Other cadences and topics keep their own windows
            let weekly = try await store.digestMaterial(
                for: DigestQuery(cadence: "weekly", topic: "all", until: at(40)))
            #expect(weekly.windowStart == Date(timeIntervalSince1970: 0))
            #expect(weekly.documents.count == 3)
            let economicDaily = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "economic", until: at(40)))
            #expect(economicDaily.windowStart == Date(timeIntervalSince1970: 0))

            // A window may not end before the last one did
            await #expect(throws: StoreError.self) {
                try await store.digestMaterial(for: DigestQuery(cadence: "daily", topic: "all", until: at(24)))
            }
        }
    }

    @Test func recordingTheSameDigestWindowTwiceGivesTheSameSeqAndANewWindowTheNextSeqPerTopic() async throws {
        try await withStore { store in
            let first = makeDigest(cadence: "daily", topic: "all", from: at(0), to: at(100))
            let recorded = try await store.recordDigest(first, now: at(101))
            #expect(recorded == DigestRecorded(digestId: first.id, seq: 1, duplicate: false))

            // The same window again: same seq, duplicate, nothing new stored
            let again = try await store.recordDigest(first, now: at(102))
            #expect(again == DigestRecorded(digestId: first.id, seq: 1, duplicate: true))
            #expect(try await store.status().digests == 1)

            // The next window of the same topic gets seq 2; another topic starts at 1
            let second = makeDigest(cadence: "daily", topic: "all", from: at(100), to: at(200))
            #expect(try await store.recordDigest(second, now: at(201)).seq == 2)
            let economic = makeDigest(cadence: "daily", topic: "economic", from: at(0), to: at(200))
            #expect(try await store.recordDigest(economic, now: at(202)).seq == 1)

            // The stored bodies carry their seq, for replay
            let replay = try await store.replayDigests(DigestReplay(topicPrefix: "digest.daily.all", fromSeq: 1))
            #expect(replay.digests.map(\.seq) == [1, 2])
            #expect(!replay.more)
            var expected = second
            expected.seq = 2
            #expect(replay.digests.last == expected)
            #expect(
                try await store.replayDigests(DigestReplay(topicPrefix: "digest.daily", fromSeq: 2)).digests.map(\.id)
                    == [second.id])
            #expect(try await store.replayDigests(DigestReplay(topicPrefix: "digest.daily")).digests.count == 3)
            #expect(try await store.replayDigests(DigestReplay(topicPrefix: "digest.weekly")).digests.isEmpty)
        }
    }

    @Test func aReplayIsPagedInTopicAndSeqOrderAndCanStartAtATime() async throws {
        try await withStore { store in
            // Three daily digests of `all` and two of `economic`, recorded one after another
            for (index, topic) in ["all", "economic", "all", "economic", "all"].enumerated() {
                let start = at(Double(index) * 100)
                _ = try await store.recordDigest(
                    makeDigest(cadence: "daily", topic: topic, from: start, to: start.addingTimeInterval(100)),
                    now: at(Double(index) * 100 + 100))
            }

            // Pages of two follow `after` until `more` is false, in topic, then seq order
            var positions: [DigestPosition] = []
            var request = DigestReplay(topicPrefix: "digest.daily.", limit: 2)
            while true {
                let page = try await store.replayDigests(request)
                #expect(page.digests.count <= 2)
                positions += page.digests.map(DigestPosition.init(of:))
                guard page.more, let last = positions.last else { break }
                request.after = last
            }
            #expect(
                positions == [
                    DigestPosition(pubSubTopic: "digest.daily.all", seq: 1),
                    DigestPosition(pubSubTopic: "digest.daily.all", seq: 2),
                    DigestPosition(pubSubTopic: "digest.daily.all", seq: 3),
                    DigestPosition(pubSubTopic: "digest.daily.economic", seq: 1),
                    DigestPosition(pubSubTopic: "digest.daily.economic", seq: 2),
                ])

            // `since` selects by recording time; the limit is bounded whatever the request says
            let recent = try await store.replayDigests(DigestReplay(topicPrefix: "digest.", since: at(400)))
            #expect(
                recent.digests.map(DigestPosition.init(of:)) == [
                    DigestPosition(pubSubTopic: "digest.daily.all", seq: 3),
                    DigestPosition(pubSubTopic: "digest.daily.economic", seq: 2),
                ])
            #expect(DigestReplay(topicPrefix: "digest.", limit: 1_000_000).pageSize == DigestReplay.maximumLimit)
            #expect(DigestReplay(topicPrefix: "digest.", limit: 0).pageSize == 1)
        }
    }

    @Test func deadLettersAreKeptWithTheirReasonAndTheFirstBytes() async throws {
        try await withStore { store in
            let raw = Data(repeating: 0x7B, count: DeadLetter.rawLimit + 100)
            let id = try await store.recordDeadLetter(
                DeadLetter(
                    service: "ingest", socket: "submit", reason: "invalid-json: truncated", raw: raw, receivedAt: t0))
            let letters = try await store.deadLetters(limit: 10)
            #expect(letters.map(\.id) == [id])
            let letter = try #require(letters.first?.deadLetter)
            #expect(letter.size == raw.count)
            #expect(Data(base64Encoded: letter.rawBase64)?.count == DeadLetter.rawLimit)
            #expect(letter.receivedAt == t0)
            #expect(letter.reason == "invalid-json: truncated")
        }
    }
}

extension StoreTests {
    @Test func aDeadLetterFromAnotherServiceIsCappedWhateverItClaims() async throws {
        try await withStore { store in
            var letter = DeadLetter(service: "ingest", socket: "submit", reason: "", raw: Data(), receivedAt: t0)
            letter.rawBase64 = Data(repeating: 0x41, count: 100_000).base64EncodedString()
            letter.reason = String(repeating: "x", count: 100_000)
            letter.size = 100_000
            _ = try await store.recordDeadLetter(letter)

            let kept = try #require(try await store.deadLetters(limit: 1).first?.deadLetter)
            #expect(Data(base64Encoded: kept.rawBase64)?.count == DeadLetter.rawLimit)
            #expect(kept.reason.count == SQLiteStore.reasonLimit)
            #expect(kept.size == 100_000)
        }
    }
}

extension StoreTests {
    @Test func onlyTheNewestDeadLettersAreKeptSoGarbageCannotFillTheDisk() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(
                configuration: SQLiteStore.Configuration(location: .directory(directory), maxDeadLetters: 3))
            var ids: [Int64] = []
            for index in 0..<5 {
                ids.append(
                    try await store.recordDeadLetter(
                        DeadLetter(
                            service: "ingest", socket: "submit", reason: "bad frame \(index)", raw: Data([0x7B]),
                            receivedAt: t0)))
            }
            let kept = try await store.deadLetters(limit: 10)
            #expect(kept.map(\.id) == ids.suffix(3).reversed())
            #expect(kept.first?.deadLetter.reason == "bad frame 4")
            #expect(try await store.status().deadLetters == 3)
        }
    }
}

func makeDigest(cadence: String, topic: String, from start: Date, to end: Date) -> Digest {
    Digest(
        id: "digest-\(cadence)-\(topic)-\(Timestamp.format(start))-\(Timestamp.format(end))", cadence: cadence,
        topic: topic, seq: 0, windowStart: start, windowEnd: end, documents: [], figures: [], entities: [],
        pendingDocuments: 0, markdown: "# Digest\n")
}

/// The digest of a window's material, listing its documents as reporting does.
func makeDigest(for material: DigestMaterial) -> Digest {
    var digest = makeDigest(
        cadence: material.cadence, topic: material.topic, from: material.windowStart, to: material.windowEnd)
    digest.documents = material.documents.map {
        DigestDocument(
            id: $0.id, name: $0.name, title: $0.title, documentDate: $0.documentDate,
            publisher: $0.provenance.publisher, origin: $0.provenance.origin, figures: 0, topics: [])
    }
    return digest
}
