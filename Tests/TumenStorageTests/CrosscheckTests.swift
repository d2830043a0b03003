import Foundation
import GRDB
import Testing
import TumenProtocol

@testable import TumenStorage

/// A claim about North Korea's gains whose words `text` start at `start`.
func claim(_ text: String, at start: Int, value: Double, unit: String?, source: String? = nil) -> Quantity {
    let end = start + text.unicodeScalars.count
    return Quantity(
        span: TextSpan(start: start, end: end), text: text, value: value, unit: unit, qualifier: "about",
        measure: "North Korea's gains", source: source, sourceChain: source.map { [$0] } ?? [], period: "2024",
        reliability: source == nil ? nil : "B", sentence: TextSpan(start: start, end: end + 1),
        sentenceText: text + ".")
}

/// Stores a document and commits its analysis, with these quantities, at `second`; no other analysis job may be
/// waiting.
func storeAndAnalyse(_ document: Document, quantities: [Quantity], at second: Double, in store: SQLiteStore)
    async throws
{
    _ = try await store.storeDocument(document, now: at(second))
    let assign = try #require(
        try await store.leaseNextJob(workerId: "analyst", kinds: [.analyzeDocument], now: at(second)))
    #expect(assign.document?.id == document.id)
    var result = makeResult(for: document)
    result.quantities = quantities
    let message = JobResult(
        jobId: assign.jobId, workerId: "analyst", contentHash: document.contentHash, result: result)
    #expect(try await store.commitResult(message, now: at(second)).status == JobAckStatus.committed)
}

/// Leases crosscheck jobs to `workerId` at `second` until it gets the one of `document`.
func leaseCrosscheck(of document: Document, in store: SQLiteStore, by workerId: String, at second: Double)
    async throws -> JobAssign
{
    var found: JobAssign?
    while found == nil,
        let assign = try await store.leaseNextJob(workerId: workerId, kinds: [.crosscheckClaims], now: at(second))
    {
        if assign.claims?.documentId == document.id { found = assign }
    }
    return try #require(found, "no crosscheck job of \(document.name) is available")
}

/// KIDA's 28.7 trillion won (analysed at 10 s) against the Naumann Foundation's 1.65 trillion won (at 20 s).
struct Disagreement {
    let kida = makeDocument("KIDA estimated North Korea's gains at 28.7 trillion won.", name: "kida.txt")
    let naumann = makeDocument("The Naumann Foundation put the gains at 1.65 trillion won.", name: "naumann.txt")
    let kidaClaim = claim("28.7 trillion won", at: 38, value: 2.87e13, unit: "KRW", source: "KIDA")
    let naumannClaim = claim("1.65 trillion won", at: 40, value: 1.65e12, unit: "KRW", source: "Naumann Foundation")

    /// Analyses both; with `crosscheckingKida`, KIDA's own crosscheck (against nothing) runs before Naumann comes.
    func analyse(in store: SQLiteStore, crosscheckingKida: Bool = false) async throws {
        try await storeAndAnalyse(kida, quantities: [kidaClaim], at: 10, in: store)
        if crosscheckingKida { try await finishCrosschecks(in: store, at: 10) }
        try await storeAndAnalyse(naumann, quantities: [naumannClaim], at: 20, in: store)
    }

    /// What a worker returns for the crosscheck of the Naumann document: one contradiction, both claims graded.
    func crosscheck(for assign: JobAssign, by workerId: String, naumannCredibility: Int = 5) throws -> JobResult {
        let claims = try #require(assign.claims)
        let contradiction = Contradiction(
            claim: try #require(claims.subject.first), other: try #require(claims.candidates.first),
            explanation: "KIDA: 28.7 trillion won vs Naumann Foundation: 1.65 trillion won for North Korea's gains")
        let assessments = [
            ClaimAssessment(
                documentId: naumann.id, span: naumannClaim.span, credibility: naumannCredibility, confirmations: 0,
                contradictions: 1),
            ClaimAssessment(
                documentId: kida.id, span: kidaClaim.span, credibility: 4, confirmations: 0, contradictions: 1),
        ]
        return JobResult(
            jobId: assign.jobId, workerId: workerId, contentHash: claims.contentHash,
            crosscheck: CrosscheckResult(
                documentId: claims.documentId, contradictions: [contradiction], assessments: assessments))
    }
}

@Suite struct CrosscheckTests {
    @Test func committingAnAnalysisWithQuantitiesQueuesExactlyOneCrosscheckAndOneWithoutQuantitiesQueuesNone()
        async throws
    {
        try await withStore { store in
            let figures = makeDocument("Trade reached 13.6 trillion won.", name: "figures.txt")
            let words = makeDocument("No figures at all.", name: "words.txt")
            try await storeAndAnalyse(
                figures, quantities: [claim("13.6 trillion won", at: 14, value: 1.36e13, unit: "KRW")], at: 1,
                in: store)
            try await storeAndAnalyse(words, quantities: [], at: 2, in: store)

            let status = try await store.status()
            #expect(status.documents == 2)
            #expect(status.analyzedDocuments == 2)
            #expect(status.jobsDone == 2)
            #expect(status.jobsQueued == 1)
            let crosscheck = try #require(
                try await store.leaseNextJob(workerId: "checker", kinds: [.crosscheckClaims], now: at(3)))
            #expect(crosscheck.jobId == "crosscheck.claims:\(figures.id)")
            #expect(crosscheck.kind == .crosscheckClaims)
            #expect(crosscheck.claims?.documentId == figures.id)
            #expect(try await store.leaseNextJob(workerId: "checker", kinds: [.crosscheckClaims], now: at(3)) == nil)
        }
    }

    @Test func aCrosscheckLeaseCarriesTheSubjectClaimsAndTheNewestSameUnitClaimsOfOtherAnalysedDocuments()
        async throws
    {
        try await withStore(maxCandidateClaims: 4) { store in
            let old = makeDocument("Old figures.", name: "old.txt")
            let oldClaims = [
                claim("5 trillion won", at: 0, value: 5e12, unit: "KRW"),
                claim("6 trillion won", at: 40, value: 6e12, unit: "KRW"),
                claim("34 million dollars", at: 80, value: 3.4e7, unit: "USD"),
                claim("three times", at: 120, value: 3, unit: nil),
            ]
            let middle = makeDocument("Middle figures.", name: "middle.txt")
            let middleClaims = [
                claim("7 trillion won", at: 0, value: 7e12, unit: "KRW"),
                claim("1.5 percent", at: 40, value: 0.015, unit: "percent"),
            ]
            let new = makeDocument("New figures.", name: "new.txt")
            let newClaims = [
                claim("8 trillion won", at: 0, value: 8e12, unit: "KRW"),
                claim("20,000 tonnes", at: 40, value: 20_000, unit: "tonne"),
            ]
            let subject = makeDocument("The figures checked.", name: "subject.txt")
            let subjectClaims = [
                claim("9 trillion won", at: 0, value: 9e12, unit: "KRW"),
                claim("2 percent", at: 40, value: 0.02, unit: "percent"),
                claim("twice", at: 80, value: 2, unit: nil),
            ]
            try await storeAndAnalyse(old, quantities: oldClaims, at: 10, in: store)
            try await storeAndAnalyse(middle, quantities: middleClaims, at: 20, in: store)
            try await storeAndAnalyse(new, quantities: newClaims, at: 30, in: store)
            try await storeAndAnalyse(subject, quantities: subjectClaims, at: 40, in: store)
            // Stored, never analysed: its claims are nobody's candidates
            _ = try await store.storeDocument(
                makeDocument("Not analysed: 10 trillion won.", name: "raw.txt"), now: at(45))

            let assign = try await leaseCrosscheck(of: subject, in: store, by: "checker", at: 50)
            #expect(assign.document == nil)
            let claims = try #require(assign.claims)
            #expect(claims.contentHash == subject.contentHash)
            #expect(
                claims.subject
                    == subjectClaims.map {
                        ClaimReference(documentId: subject.id, documentName: "subject.txt", quantity: $0)
                    })
            // KRW and percent only, newest analysis first, capped at 4: the older of old's KRW claims is left out
            #expect(
                claims.candidates == [
                    ClaimReference(documentId: new.id, documentName: "new.txt", quantity: newClaims[0]),
                    ClaimReference(documentId: middle.id, documentName: "middle.txt", quantity: middleClaims[1]),
                    ClaimReference(documentId: middle.id, documentName: "middle.txt", quantity: middleClaims[0]),
                    ClaimReference(documentId: old.id, documentName: "old.txt", quantity: oldClaims[1]),
                ])
        }
    }

    @Test func committingACrosscheckStoresContradictionsAndAssessmentsAndALateDuplicateChangesNothing()
        async throws
    {
        try await withStore(leaseDuration: 10) { store in
            let pair = Disagreement()
            try await pair.analyse(in: store, crosscheckingKida: true)
            let slow = try await leaseCrosscheck(of: pair.naumann, in: store, by: "slow", at: 30)
            let fast = try await leaseCrosscheck(of: pair.naumann, in: store, by: "fast", at: 41)
            #expect(fast.jobId == slow.jobId)
            #expect(fast.attempt == 2)

            let ack = try await store.commitResult(try pair.crosscheck(for: fast, by: "fast"), now: at(42))
            #expect(ack == JobAck(jobId: fast.jobId, status: JobAckStatus.committed))
            let query = DigestQuery(cadence: "daily", topic: "all", until: at(100))
            let before = try await store.digestMaterial(for: query)
            let statusBefore = try await store.status()
            let naumann = try #require(before.results.first { $0.documentId == pair.naumann.id })
            #expect(naumann.contradictions.map(\.other.documentId) == [pair.kida.id])
            #expect(naumann.quantities.map(\.credibility) == [5])
            let kida = try #require(before.results.first { $0.documentId == pair.kida.id })
            #expect(kida.contradictions.isEmpty)
            #expect(kida.quantities.map(\.credibility) == [4])

            // The slow worker's late result, with other grades, is dropped
            let late = try await store.commitResult(
                try pair.crosscheck(for: slow, by: "slow", naumannCredibility: 2), now: at(43))
            #expect(late == JobAck(jobId: slow.jobId, status: JobAckStatus.duplicate))
            #expect(try await store.digestMaterial(for: query) == before)
            #expect(try await store.status() == statusBefore)
        }
    }

    @Test func digestMaterialShowsTheContradictionsAndTheCredibilityAndIsTheSameBytesEveryTime() async throws {
        try await withStore { store in
            let pair = Disagreement()
            try await pair.analyse(in: store, crosscheckingKida: true)
            let assign = try await leaseCrosscheck(of: pair.naumann, in: store, by: "checker", at: 30)
            let result = try pair.crosscheck(for: assign, by: "checker")
            #expect(try await store.commitResult(result, now: at(31)).status == JobAckStatus.committed)

            let query = DigestQuery(cadence: "daily", topic: "all", until: at(60))
            let material = try await store.digestMaterial(for: query)
            #expect(material.documents.map(\.id) == [pair.kida.id, pair.naumann.id])
            #expect(material.results.map(\.contradictions) == [[], result.crosscheck?.contradictions ?? []])
            #expect(material.results.map { $0.quantities.map(\.credibility) } == [[4], [5]])
            // Besides its credibility, a quantity is what the analysis committed
            var naumannClaim = pair.naumannClaim
            naumannClaim.credibility = 5
            #expect(material.results.last?.quantities == [naumannClaim])

            let encoder = WireCoding.makeEncoder()
            let again = try await store.digestMaterial(for: query)
            #expect(try encoder.encode(again) == encoder.encode(material))
        }
    }

    @Test func aNewerAssessmentOfAClaimReplacesAnOlderOneWhicheverDocumentMadeIt() async throws {
        try await withStore { store in
            let pair = Disagreement()
            try await pair.analyse(in: store)
            let third = makeDocument("Seoul estimated the gains at 1.6 trillion won.", name: "third.txt")
            try await storeAndAnalyse(
                third, quantities: [claim("1.6 trillion won", at: 30, value: 1.6e12, unit: "KRW")], at: 25, in: store)
            var checks: [String: JobAssign] = [:]
            while let assign = try await store.leaseNextJob(
                workerId: "checker", kinds: [.crosscheckClaims], now: at(30))
            {
                checks[assign.claims?.documentId ?? assign.jobId] = assign
            }
            let naumannCheck = try #require(checks[pair.naumann.id])
            let thirdCheck = try #require(checks[third.id])
            let kidaCheck = try #require(checks[pair.kida.id])
            #expect(
                try await store.commitResult(try pair.crosscheck(for: naumannCheck, by: "checker"), now: at(31)).status
                    == JobAckStatus.committed)

            // The third document confirms Naumann's figure: its assessment, committed later, replaces the first
            func grading(_ assign: JobAssign, credibility: Int, of documentId: String) throws -> JobResult {
                let claims = try #require(assign.claims)
                let assessment = ClaimAssessment(
                    documentId: documentId, span: pair.naumannClaim.span, credibility: credibility, confirmations: 1,
                    contradictions: 1)
                return JobResult(
                    jobId: assign.jobId, workerId: "checker", contentHash: claims.contentHash,
                    crosscheck: CrosscheckResult(
                        documentId: claims.documentId, contradictions: [], assessments: [assessment]))
            }
            // A document that is not stored cannot be graded: refused, nothing changes
            let unknown = await #expect(throws: StoreError.self) {
                try await store.commitResult(try grading(thirdCheck, credibility: 2, of: "doc-missing"), now: at(32))
            }
            #expect(unknown?.code == .invalidRequest)
            #expect(
                try await store.commitResult(try grading(thirdCheck, credibility: 2, of: pair.naumann.id), now: at(32))
                    .status == JobAckStatus.committed)
            // An assessment committed at an earlier time (another storage replica's clock) does not replace it
            #expect(
                try await store.commitResult(try grading(kidaCheck, credibility: 6, of: pair.naumann.id), now: at(29))
                    .status == JobAckStatus.committed)

            let material = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(60)))
            let naumann = try #require(material.results.first { $0.documentId == pair.naumann.id })
            #expect(naumann.quantities.map(\.credibility) == [2])
            // Contradictions belong to the document whose crosscheck found them
            #expect(naumann.contradictions.count == 1)
            let others = material.results.filter { $0.documentId != pair.naumann.id }
            #expect(others.map(\.contradictions) == [[], []])
        }
    }

    @Test func aResultWithNeitherOrTheWrongPayloadForItsJobIsRefusedAsAnInvalidRequest() async throws {
        try await withStore { store in
            let pair = Disagreement()
            try await storeAndAnalyse(pair.kida, quantities: [pair.kidaClaim], at: 10, in: store)
            _ = try await store.storeDocument(pair.naumann, now: at(20))
            let analysis = try #require(
                try await store.leaseNextJob(workerId: "w", kinds: [.analyzeDocument], now: at(20)))

            func refusal(_ result: JobResult) async -> StoreError? {
                await #expect(throws: StoreError.self) { try await store.commitResult(result, now: at(21)) }
            }
            var result = JobResult(jobId: analysis.jobId, workerId: "w", contentHash: pair.naumann.contentHash)
            let neither = await refusal(result)
            #expect(neither?.code == .invalidRequest)
            #expect(neither?.message.contains("neither") == true)

            result.crosscheck = CrosscheckResult(documentId: pair.naumann.id, contradictions: [], assessments: [])
            let wrong = await refusal(result)
            #expect(wrong?.code == .invalidRequest)
            #expect(wrong?.message.contains("is of kind 'analyze.document'") == true)

            result.result = makeResult(for: pair.naumann)
            #expect(await refusal(result)?.message.contains("both") == true)
            #expect(try await store.status().jobsLeased == 1)

            // The crosscheck of KIDA's document refuses an analysis, bad grades and foreign contradictions
            let check = try await leaseCrosscheck(of: pair.kida, in: store, by: "w", at: 22)
            let claims = try #require(check.claims)
            var crosscheck = JobResult(
                jobId: check.jobId, workerId: "w", contentHash: claims.contentHash, result: makeResult(for: pair.kida))
            #expect(await refusal(crosscheck)?.message.contains("is of kind 'crosscheck.claims'") == true)

            crosscheck.result = nil
            let subjectClaim = try #require(claims.subject.first)
            let grade7 = ClaimAssessment(
                documentId: pair.kida.id, span: subjectClaim.span, credibility: 7, confirmations: 0, contradictions: 0)
            crosscheck.crosscheck = CrosscheckResult(
                documentId: pair.kida.id, contradictions: [], assessments: [grade7])
            #expect(await refusal(crosscheck)?.message.contains("outside 1...6") == true)

            let foreign = Contradiction(
                claim: ClaimReference(
                    documentId: pair.naumann.id, documentName: "naumann.txt", quantity: pair.naumannClaim),
                other: subjectClaim, explanation: "the wrong way round")
            crosscheck.crosscheck = CrosscheckResult(
                documentId: pair.kida.id, contradictions: [foreign], assessments: [])
            #expect(await refusal(crosscheck)?.message.contains("not of its subject") == true)

            crosscheck.crosscheck = CrosscheckResult(documentId: pair.kida.id, contradictions: [], assessments: [])
            crosscheck.contentHash = pair.naumann.contentHash
            #expect(await refusal(crosscheck)?.code == .contentMismatch)

            let status = try await store.status()
            #expect(status.jobsDone == 1)
            #expect(status.jobsLeased == 2)
        }
    }

    @Test func workersThatOnlyTakeAnalyzeDocumentNeverGetCrosscheckJobs() async throws {
        try await withStore { store in
            let handler = JobRequestHandler(store: store)
            let document = makeDocument("Trade reached about 13.6 trillion Korean won.")
            _ = try await store.storeDocument(document, now: t0)
            func ready(_ workerId: String, _ kinds: [JobKind], id: String) throws -> Data {
                try WireCoding.encode(Envelope(id: id, payload: WorkerReady(workerId: workerId, kinds: kinds)))
            }

            // A worker that takes both kinds analyses the document; the commit may have queued work
            let analysis = try WireCoding.decode(
                JobAssign.self,
                from: try #require(
                    await handler.handle(try ready("both", [.analyzeDocument, .crosscheckClaims], id: "r1"), now: t0)
                        .reply))
            #expect(analysis.payload.kind == .analyzeDocument)
            let result = try WireCoding.encode(
                Envelope(payload: try resultMessage(for: analysis.payload, workerId: "both")))
            #expect(await handler.handle(result, now: at(1)).jobsMayBeAvailable)

            // The analyse-only worker waits, and is never offered the crosscheck
            let waiting = try #require(
                await handler.handle(try ready("analyst", [.analyzeDocument], id: "r2"), now: at(2)).waitingWorker)
            #expect(await handler.assignJob(toWaitingWorker: waiting, now: at(3)) == nil)
            #expect(try await store.leaseNextJob(workerId: "analyst", kinds: [.analyzeDocument], now: at(3)) == nil)

            // The other worker gets it, with its claims, over the wire
            let crosscheck = try WireCoding.decode(
                JobAssign.self,
                from: try #require(
                    await handler.handle(
                        try ready("both", [.analyzeDocument, .crosscheckClaims], id: "r3"), now: at(4)
                    )
                    .reply))
            #expect(crosscheck.correlationId == "r3")
            #expect(crosscheck.payload.kind == .crosscheckClaims)
            #expect(crosscheck.payload.document == nil)
            #expect(crosscheck.payload.claims?.subject.map(\.text) == makeResult(for: document).quantities.map(\.text))
            #expect(crosscheck.payload.claims?.candidates == [])
        }
    }

    @Test func aCrosscheckOverTheJobsSocketIsAcknowledgedOnceAndAPoisonCrosscheckFailsAfterTheMaximumAttempts()
        async throws
    {
        try await withStore(maxAttempts: 2) { store in
            let handler = JobRequestHandler(store: store)
            let pair = Disagreement()
            try await pair.analyse(in: store)
            func ready(_ id: String) throws -> Data {
                try WireCoding.encode(Envelope(id: id, payload: WorkerReady(workerId: "w", kinds: [.crosscheckClaims])))
            }
            func assign(_ id: String, at second: Double) async throws -> JobAssign {
                try WireCoding.decode(
                    JobAssign.self, from: try #require(await handler.handle(try ready(id), now: at(second)).reply)
                ).payload
            }

            // KIDA's crosscheck, queued first, crashes its worker twice
            let first = try await assign("r1", at: 30)
            #expect(first.claims?.documentId == pair.kida.id)
            let failed = try WireCoding.encode(
                Envelope(payload: JobFailed(jobId: first.jobId, workerId: "w", reason: "crashed")))
            let handled = await handler.handle(failed, now: at(31))
            #expect(
                try WireCoding.decode(JobAck.self, from: try #require(handled.reply)).payload.status
                    == "failed-recorded")
            #expect(handled.jobsMayBeAvailable)

            // Naumann's crosscheck is committed once; the retry of the same frame is a duplicate
            let naumann = try await assign("r2", at: 32)
            #expect(naumann.claims?.documentId == pair.naumann.id)
            let frame = try WireCoding.encode(
                Envelope(id: "result-1", payload: try pair.crosscheck(for: naumann, by: "w")))
            var statuses: [String] = []
            for second in [33.0, 34.0] {
                let reply = try #require(await handler.handle(frame, now: at(second)).reply)
                statuses.append(try WireCoding.decode(JobAck.self, from: reply).payload.status)
            }
            #expect(statuses == ["committed", "duplicate"])

            let second = try await assign("r3", at: 35)
            #expect(second.jobId == first.jobId)
            #expect(second.attempt == 2)
            _ = await handler.handle(
                try WireCoding.encode(
                    Envelope(payload: JobFailed(jobId: second.jobId, workerId: "w", reason: "again"))),
                now: at(36))
            #expect(await handler.handle(try ready("r4"), now: at(37)).waitingWorker != nil)

            let status = try await store.status()
            #expect(status.jobsFailed == 1)
            #expect(status.jobsDone == 3)
            #expect(status.analyzedDocuments == 2)
            // Both documents are analysed: a failed crosscheck does not make a document pending
            let material = try await store.digestMaterial(
                for: DigestQuery(cadence: "daily", topic: "all", until: at(40)))
            #expect(material.pendingDocuments == 0)
        }
    }

    @Test func aVersion1DatabaseFileUpgradesThroughTheCrosscheckMigration() async throws {
        try await withTemporaryDirectory { directory in
            // Given a store file as version 1 left it: two analysed documents with quantities
            let pair = Disagreement()
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let version1 = try DatabaseQueue(path: directory + "/" + SQLiteStore.fileName)
            try SQLiteSchema.makeMigrator().migrate(version1, upTo: "v1-dead-letters")
            try await version1.write { db in
                for (second, document, quantity) in [
                    (10.0, pair.kida, pair.kidaClaim), (20.0, pair.naumann, pair.naumannClaim),
                ] {
                    try Self.insertVersion1Analysis(
                        of: document, quantities: [quantity], at: StoreTime.millis(at(second)), db)
                }
            }
            try version1.close()

            // When the current version opens it
            let store = try SQLiteStore(directory: directory)

            // Then the claims are indexed and every analysed document is queued for its crosscheck
            #expect(try await store.appliedMigrations().suffix(2) == ["v2-crosscheck", "v3-commit-sequence"])
            let status = try await store.status()
            #expect(status.analyzedDocuments == 2)
            #expect(status.jobsDone == 2)
            #expect(status.jobsQueued == 2)
            let assign = try await leaseCrosscheck(of: pair.naumann, in: store, by: "w", at: 30)
            #expect(
                assign.claims?.subject == [
                    ClaimReference(
                        documentId: pair.naumann.id, documentName: "naumann.txt", quantity: pair.naumannClaim)
                ])
            #expect(
                assign.claims?.candidates == [
                    ClaimReference(documentId: pair.kida.id, documentName: "kida.txt", quantity: pair.kidaClaim)
                ])
            #expect(try await store.integrityCheck() == [])
        }
    }

    @Test func theCandidateQueryWalksTheUnitIndexWithoutSortingSoItStopsAtItsLimit() throws {
        let queue = try DatabaseQueue()
        try SQLiteSchema.makeMigrator().migrate(queue)
        let plan = try queue.read { db in
            let statement = try SQLiteStatements.candidateClaims(unit: "KRW", excluding: "doc-x", limit: 5000)
                .makePreparedRequest(db).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { (row: Row) -> String in row["detail"] }
        }
        #expect(plan.first?.contains("claim_on_unit_analyzedAt") == true, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    /// Writes a document with its done analysis job and its analysis the way version 1 did.
    private static func insertVersion1Analysis(
        of document: Document, quantities: [Quantity], at millis: Int64, _ db: Database
    ) throws {
        try DocumentRow(
            number: nil, id: document.id, contentHash: document.contentHash, name: document.name, text: document.text,
            mediaType: document.mediaType, title: nil, documentDate: document.documentDate, origin: nil,
            publisher: nil, publishedAt: nil, retrievedAt: nil, characters: document.text.unicodeScalars.count,
            storedAt: millis
        ).insert(db)
        let jobId = "analyze.document:\(document.id)"
        try JobRow(
            id: jobId, kind: "analyze.document", subject: document.id, documentId: document.id, state: "done",
            attempts: 1, leaseOwner: "w", leaseExpiresAt: nil, lastError: nil, availableAt: millis, createdAt: millis,
            updatedAt: millis, completedAt: millis
        ).insert(db)
        var result = makeResult(for: document)
        result.quantities = quantities
        let parts = try ResultCoding.split(result)
        try insertOldAnalysisRow(
            jobId: jobId, documentId: document.id, result: result, body: parts.body, at: millis, db)
        for item in parts.items {
            try ResultItemRow(
                id: nil, jobId: jobId, documentId: document.id, kind: item.kind, ordinal: item.ordinal,
                spanStart: item.span?.start, spanEnd: item.span?.end, body: item.body
            ).insert(db)
        }
    }
}
