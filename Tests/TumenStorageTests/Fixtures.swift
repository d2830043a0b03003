import Foundation
import GRDB
import Testing
import TumenProtocol

@testable import TumenStorage

/// A fresh temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tumen-storage-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url.path)
}

/// A store in a fresh temporary directory, removed after `body`.
func withStore<T>(
    leaseDuration: TimeInterval = 60, maxAttempts: Int = 5, maxCandidateClaims: Int = 5000,
    _ body: (SQLiteStore) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory { directory in
        let store = try SQLiteStore(
            configuration: SQLiteStore.Configuration(
                location: .directory(directory), leaseDuration: leaseDuration, maxAttempts: maxAttempts,
                maxCandidateClaims: maxCandidateClaims))
        return try await body(store)
    }
}

/// A fixed point in time, and times after it.
let t0 = Date(timeIntervalSince1970: 1_750_000_000)
func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

/// A stand-in for SHA-256 in tests: 64 hex digits that differ for different texts.
func fakeHash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var parts: [String] = []
    for round in 0..<4 {
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash ^= UInt64(round)
        let hex = String(hash, radix: 16)
        parts.append(String(repeating: "0", count: 16 - hex.count) + hex)
    }
    return parts.joined()
}

func makeDocument(_ text: String, name: String = "report.txt", title: String? = nil) -> Document {
    let hash = fakeHash(text)
    return Document(
        id: Document.id(forContentHash: hash), name: name, contentHash: hash, text: text, mediaType: "text/plain",
        title: title, documentDate: "2024-11-05",
        provenance: Provenance(
            origin: "/corpus/\(name)", publisher: "38 North", publishedAt: "2024-11-05",
            retrievedAt: Date(timeIntervalSince1970: 1_749_999_000.25)))
}

func makeResult(for document: Document, topics: [String] = ["military", "economic"]) -> AnalysisResult {
    AnalysisResult(
        documentId: document.id, analyzer: "tumen-analysis 0.1.0", sentenceCount: 3,
        quantities: [
            Quantity(
                span: TextSpan(start: 10, end: 36), text: "about 13.6 trillion Korean won", value: 1.36e13,
                unit: "KRW", qualifier: "about", measure: "trade", source: "the ministry",
                sentence: TextSpan(start: 0, end: 60), sentenceText: "Trade reached about 13.6 trillion Korean won."),
            Quantity(
                span: TextSpan(start: 70, end: 74), text: "1.5%", value: 0.015, unit: "percent", qualifier: "exact",
                sentence: TextSpan(start: 61, end: 90), sentenceText: "Russia's share was 1.5%."),
            Quantity(
                span: TextSpan(start: 95, end: 115), text: "6 to 7.6 billion", value: nil, low: 6e9, high: 7.6e9,
                unit: nil, qualifier: "exact", sentence: TextSpan(start: 91, end: 120),
                sentenceText: "6 to 7.6 billion."),
        ],
        entities: [
            EntityMention(
                entityId: "country:kp", name: "North Korea", kind: "country", text: "Pyongyang",
                span: TextSpan(start: 0, end: 9)),
            EntityMention(
                entityId: "country:ru", name: "Russia", kind: "country", text: "Russia",
                span: TextSpan(start: 61, end: 67)),
        ],
        topics: topics)
}

func resultMessage(for assign: JobAssign, workerId: String, topics: [String] = ["military", "economic"]) throws
    -> JobResult
{
    let document = try #require(assign.document)
    return JobResult(
        jobId: assign.jobId, workerId: workerId, contentHash: document.contentHash,
        result: makeResult(for: document, topics: topics))
}

/// Leases every waiting crosscheck job at `second` and commits it with nothing found, as a worker would for
/// claims that match no others: the documents then count as fully analysed.
func finishCrosschecks(in store: SQLiteStore, at second: Double) async throws {
    while let assign = try await store.leaseNextJob(workerId: "checker", kinds: [.crosscheckClaims], now: at(second)) {
        let claims = try #require(assign.claims)
        let result = JobResult(
            jobId: assign.jobId, workerId: "checker", contentHash: claims.contentHash,
            crosscheck: CrosscheckResult(documentId: claims.documentId, contradictions: [], assessments: []))
        #expect(try await store.commitResult(result, now: at(second)).status == JobAckStatus.committed)
    }
}

/// Writes an analysis row the way versions 1 and 2 of the schema did: spelled out, because those rows have fewer
/// columns than ``AnalysisRow``.
func insertOldAnalysisRow(
    jobId: String, documentId: String, result: AnalysisResult, body: String, at millis: Int64, _ db: Database
) throws {
    try db.execute(
        sql: """
            INSERT INTO analysis (jobId, documentId, analyzer, sentenceCount, topics, body, analyzedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
        arguments: [
            jobId, documentId, result.analyzer, result.sentenceCount,
            String(decoding: try JSONEncoder().encode(result.topics), as: UTF8.self), body, millis,
        ])
}
