import Foundation
import GRDB
import Testing
import TumenProtocol
import TumenService
import TumenStorage
import TumenTesting

/// Fault tests with real processes: services are killed with SIGKILL while documents flow, and nothing acknowledged
/// may be lost or doubled. `scripts/chaos.sh DOCS SECONDS` runs the long version (`TUMEN_CHAOS_DOCS`,
/// `TUMEN_CHAOS_SECONDS`, `TUMEN_CHAOS_SEED`); `swift test` runs a short one.
@Suite(.serialized)
struct ChaosTests {
    @Test func documentsAcknowledgedWhileEachServiceIsKilledAreStoredAnalysedAndDigestedExactlyOnce() async throws {
        guard let shared = TestEnvironment.sharedDirectory else {
            print("skipped: ../shared is absent, so there are no texts to build the chaos documents from")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let plan = ChaosPlan(
            documents: environment["TUMEN_CHAOS_DOCS"].flatMap { Int($0) } ?? 200,
            seconds: environment["TUMEN_CHAOS_SECONDS"].flatMap { Int($0) } ?? 15,
            seed: environment["TUMEN_CHAOS_SEED"].flatMap { UInt64($0) } ?? 5, workers: 3)
        let documents = try ChaosCorpus(shared: shared).documents(plan.documents)
        let running = try await RunningSystem.start(workers: plan.workers)
        let started = ContinuousClock.now
        let outcome: ChaosOutcome
        do {
            outcome = try await ChaosRun(plan: plan, running: running, documents: documents).run()
            _ = try await running.system.waitUntilIdle(timeout: .seconds(300))
            try await ServiceClient.with(endpoint: running.endpoints.control) { client in
                _ = try await client.request(DigestNow(topics: ["all"]), timeout: .seconds(30), attempts: 3)
                    .decode(DigestMade.self)
            }
        } catch {
            Issue.record("chaos run failed: \(error)\n\(running.logs())")
            await running.stop()
            return
        }
        let restarts = await running.system.restarts()
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")

        // Every acknowledged document is stored once, analysed once and in a digest; the store is sound
        let data = running.directory.appendingPathComponent("data")
        let facts = try StoreFacts(directory: data)
        let acknowledged = Set(outcome.acknowledged.values)
        #expect(outcome.failures.isEmpty, "documents not acknowledged: \(outcome.failures.prefix(5))")
        #expect(acknowledged.count == plan.documents)
        #expect(facts.documents == acknowledged, "stored and acknowledged documents differ")
        #expect(facts.analysesPerDocument.keys.sorted() == acknowledged.sorted(), "documents without an analysis")
        #expect(facts.analysesPerDocument.values.allSatisfy { $0 == 1 }, "documents analysed more than once")
        #expect(facts.documentsWithItemsOfSeveralJobs == 0, "result items of one document from several jobs")
        #expect(facts.unfinishedJobs == 0, "jobs not done: \(facts.unfinishedJobs)")
        #expect(acknowledged.subtracting(facts.digestedDocuments).isEmpty, "acknowledged documents in no digest")
        let problems = try await SQLiteStore(configuration: .init(location: .directory(data.path))).integrityCheck()
        #expect(problems.isEmpty, "integrity check: \(problems)")

        let storageLog =
            (try? String(contentsOf: running.directory.appendingPathComponent("logs/storage.log"), encoding: .utf8))
            ?? ""
        let duplicates = storageLog.split(separator: "\n").filter { $0.contains("status=duplicate") }.count
        print(
            ChaosReport(
                plan: plan, outcome: outcome, restarts: restarts, redeliveries: facts.redeliveries,
                duplicatesSuppressed: duplicates, digests: facts.digests, elapsed: ContinuousClock.now - started
            ).description)
    }
}

/// How long and how hard to shake the system.
struct ChaosPlan: Sendable {
    var documents: Int
    /// The kills go on for at least this long, and until every document is acknowledged.
    var seconds: Int
    var seed: UInt64
    var workers: Int
}

/// Documents built from the shared corpus: paragraphs recombined by index, so each text is real and distinct.
struct ChaosCorpus {
    let paragraphs: [String]

    init(shared: URL) throws {
        let corpus = shared.appendingPathComponent("corpus")
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "txt" { files.append(url) }
        }
        paragraphs = try files.sorted { $0.path < $1.path }.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.count >= 80 }
                .map { String($0.prefix(1_200)) }
        }
    }

    /// `count` documents: a numbered title and three paragraphs chosen by the document's index.
    func documents(_ count: Int) throws -> [DocumentSubmit] {
        guard paragraphs.count >= 3 else { throw ChaosError("the shared corpus has fewer than 3 paragraphs") }
        let n = paragraphs.count
        return (0..<count).map { index in
            let picks = [index % n, (index * 7 + 3) % n, (index * 31 + 11) % n]
            let text = "# Chaos report \(index)\n\n" + picks.map { paragraphs[$0] }.joined(separator: "\n\n") + "\n"
            return DocumentSubmit(name: "chaos-\(index).md", text: text, documentDate: "2025-06-01")
        }
    }
}

/// A failure of the chaos run itself.
struct ChaosError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What the submitters and the killer saw.
struct ChaosOutcome: Sendable {
    /// Document index → the id ingest acknowledged it with.
    var acknowledged: [Int: String] = [:]
    /// Documents that were refused or never acknowledged, with the reason.
    var failures: [String] = []
    /// Per kill: service name and seconds from the kill until the service served again.
    var recoveries: [(service: String, seconds: Double)] = []
}

/// Submits the documents with retries while killing and restarting the services in turn.
struct ChaosRun {
    let plan: ChaosPlan
    let running: RunningSystem
    let documents: [DocumentSubmit]

    /// Collects acknowledgements from concurrent submitters.
    private actor Ledger {
        var outcome = ChaosOutcome()
        var next = 0
        var lastAcknowledged = ContinuousClock.now
        var isSubmitting = true
        func take() -> Int {
            defer { next += 1 }
            return next
        }
        func acknowledge(_ index: Int, _ id: String) {
            outcome.acknowledged[index] = id
            lastAcknowledged = .now
        }
        func fail(_ reason: String) { outcome.failures.append(reason) }
        func recovered(_ service: String, after duration: Duration) {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            outcome.recoveries.append((service, seconds))
        }
        func finishSubmitting() { isSubmitting = false }
    }

    func run() async throws -> ChaosOutcome {
        let ledger = Ledger()
        let count = documents.count
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskGroup(of: Void.self) { submitters in
                    for _ in 0..<4 {
                        submitters.addTask {
                            guard let client = try? ServiceClient(endpoint: running.endpoints.submit) else { return }
                            while case let index = await ledger.take(), index < count {
                                await submit(index, client: client, ledger: ledger)
                            }
                            await client.close()
                        }
                    }
                }
                await ledger.finishSubmitting()
            }
            group.addTask { try await killInTurn(ledger: ledger) }
            try await group.waitForAll()
        }
        return await ledger.outcome
    }

    /// Submits one document until ingest acknowledges or refuses it, always with the same id (as the CLI does).
    private func submit(_ index: Int, client: ServiceClient, ledger: Ledger) async {
        let id = MessageID.make()
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            guard let reply = try? await client.request(documents[index], id: id, timeout: .seconds(4), attempts: 1)
            else { continue }
            switch reply.header.type {
            case DocumentAccepted.type:
                if let accepted = try? reply.decode(DocumentAccepted.self) {
                    await ledger.acknowledge(index, accepted.documentId)
                    return
                }
            case Busy.type:
                let retry = (try? reply.decode(Busy.self).retryAfterMs) ?? 500
                try? await Task.sleep(for: .milliseconds(min(retry, 1_000)))
            default:
                await ledger.fail("\(documents[index].name): \(reply.header.type)")
                return
            }
        }
        await ledger.fail("\(documents[index].name): no acknowledgement within 180 s")
    }

    /// Kills the services with SIGKILL at seeded random moments, in turn (a worker, storage, ingest, reporting),
    /// restarts each, and measures how long until it serves again.
    private func killInTurn(ledger: Ledger) async throws {
        var random = SplitMix64(seed: plan.seed)
        let workers = (1...plan.workers).map { "analysis-\($0)" }
        let order = ["storage", "ingest", "reporting"]
        let started = ContinuousClock.now
        var round = 0
        while await ledger.isSubmitting || ContinuousClock.now - started < .seconds(plan.seconds) {
            for service in [workers[round % workers.count]] + order {
                try await Task.sleep(for: .milliseconds(500 + Int(random.next() % 2_000)))
                let killed = ContinuousClock.now
                try await running.system.kill(service)
                try await Task.sleep(for: .milliseconds(Int(random.next() % 300)))
                try await running.system.restart(service)
                try await waitUntilServing(service, since: killed, ledger: ledger)
                await ledger.recovered(service, after: ContinuousClock.now - killed)
            }
            round += 1
        }
    }

    /// Waits until a restarted service does its work again.
    private func waitUntilServing(_ service: String, since killed: ContinuousClock.Instant, ledger: Ledger)
        async throws
    {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            switch service {
            case "storage":
                let answered = try? await ServiceClient.with(endpoint: running.endpoints.store) { client in
                    try await client.request(StatusQuery(), timeout: .seconds(1), attempts: 1)
                }
                if answered != nil { return }
            case "ingest":
                // Served again once a document is acknowledged after the kill (or there is nothing left to send).
                let acknowledged = await ledger.lastAcknowledged
                let isSubmitting = await ledger.isSubmitting
                if acknowledged > killed || !isSubmitting { return }
                try await Task.sleep(for: .milliseconds(50))
            case "reporting":
                let made = try? await ServiceClient.with(endpoint: running.endpoints.control) { client in
                    try await client.request(DigestNow(topics: ["all"]), timeout: .seconds(5), attempts: 1)
                        .decode(DigestMade.self)
                }
                if made != nil { return }
            default:
                // An analysis worker: served again once its log shows it took a job after the restart, or the
                // queue is empty.
                let status = try? await ServiceClient.with(endpoint: running.endpoints.store) { client in
                    try await client.request(StatusQuery(), timeout: .seconds(1), attempts: 1)
                        .decode(StatusReport.self)
                }
                if let status, status.jobsQueued + status.jobsLeased == 0 { return }
                if logShowsWork(service) { return }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw ChaosError("\(service) did not serve again within 60 s of its restart")
    }

    /// True when a restarted worker's log shows a job done after its latest start.
    private func logShowsWork(_ service: String) -> Bool {
        let url = running.directory.appendingPathComponent("logs/\(service).log")
        guard let log = try? String(contentsOf: url, encoding: .utf8),
            let start = log.range(of: "analysis worker starting", options: .backwards)
        else { return false }
        return log[start.upperBound...].contains(" analysed") || log[start.upperBound...].contains(" crosschecked")
    }
}

/// SplitMix64: a small seeded generator, so a chaos run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What the store holds after the run, read from its SQLite file once the services have stopped.
struct StoreFacts {
    var documents: Set<String> = []
    var analysesPerDocument: [String: Int] = [:]
    var documentsWithItemsOfSeveralJobs = 0
    var unfinishedJobs = 0
    var redeliveries = 0
    var digests = 0
    var digestedDocuments: Set<String> = []

    init(directory: URL) throws {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(
            path: directory.appendingPathComponent(SQLiteStore.fileName).path, configuration: configuration)
        try queue.read { db in
            documents = Set(try String.fetchAll(db, sql: "SELECT id FROM document"))
            for row in try Row.fetchAll(db, sql: "SELECT documentId, COUNT(*) AS n FROM analysis GROUP BY documentId") {
                analysesPerDocument[row["documentId"]] = row["n"]
            }
            documentsWithItemsOfSeveralJobs =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT documentId FROM resultItem GROUP BY documentId
                                              HAVING COUNT(DISTINCT jobId) > 1)
                        """) ?? 0
            unfinishedJobs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job WHERE state <> 'done'") ?? 0
            redeliveries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job WHERE attempts > 1") ?? 0
            let bodies = try String.fetchAll(db, sql: "SELECT body FROM digest WHERE topic = 'all'")
            digests = bodies.count
            for body in bodies {
                let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
                for document in object?["documents"] as? [[String: Any]] ?? [] {
                    if let id = document["id"] as? String { digestedDocuments.insert(id) }
                }
            }
        }
    }
}

/// The figures of a chaos run, as printed.
struct ChaosReport: CustomStringConvertible {
    let plan: ChaosPlan
    let outcome: ChaosOutcome
    let restarts: [String: Int]
    let redeliveries: Int
    let duplicatesSuppressed: Int
    let digests: Int
    let elapsed: Duration

    var description: String {
        var lines = [
            "== chaos: \(plan.documents) documents, \(plan.workers) workers, seed \(plan.seed), \(elapsed)",
            "acknowledged: \(outcome.acknowledged.count), failures: \(outcome.failures.count)",
            "kills (SIGKILL) per service: "
                + restarts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
            "redeliveries (jobs leased more than once): \(redeliveries)",
            "duplicates suppressed (late results acknowledged as duplicate): \(duplicatesSuppressed)",
            "digests of topic all recorded: \(digests)",
            "time to recover after each kill (s):",
        ]
        lines += outcome.recoveries.map { "  \($0.service): " + String(format: "%.2f", $0.seconds) }
        return lines.joined(separator: "\n")
    }
}
