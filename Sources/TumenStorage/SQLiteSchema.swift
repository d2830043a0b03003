import Foundation
import GRDB

/// The SQLite schema of the store, as named migrations applied in order.
///
/// Tables: `document` (+ the `documentFts` full-text index), `job`, `analysis`, `analysisTopic`, `resultItem`,
/// `claim`, `contradiction`, `claimAssessment`, `digest`, `deadLetter`, and `commitSequence` (the single-row counter
/// that numbers the commits digests are cut from). Every time is an integer count of milliseconds since the Unix
/// epoch (UTC), see ``StoreTime``: exact, compact, fast to compare, and the same in PostgreSQL (`bigint`).
/// Never edit a migration that has shipped: add a new one.
enum SQLiteSchema {
    /// The migrator every store opens its database with.
    static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-documents") { db in
            try db.create(table: "document") { t in
                // An integer primary key keeps the rowid stable under VACUUM, which the FTS index relies on.
                t.autoIncrementedPrimaryKey("number")
                t.column("id", .text).notNull().unique()
                t.column("contentHash", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("text", .text).notNull()
                t.column("mediaType", .text).notNull()
                t.column("title", .text)
                t.column("documentDate", .text)
                t.column("origin", .text)
                t.column("publisher", .text)
                t.column("publishedAt", .text)
                t.column("retrievedAt", .integer)
                t.column("characters", .integer).notNull()
                t.column("storedAt", .integer).notNull().indexed()
            }
            try db.create(virtualTable: "documentFts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .unicode61()
                t.column("name")
                t.column("title")
                t.column("text")
            }
        }

        migrator.registerMigration("v1-jobs") { db in
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                // What the job is about: the document id for `analyze.document`, a series id later.
                t.column("subject", .text).notNull()
                t.column("documentId", .text).references("document", column: "id", onDelete: .cascade)
                t.column("state", .text).notNull()
                    .check(sql: "state IN ('queued', 'leased', 'done', 'failed')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("leaseOwner", .text)
                t.column("leaseExpiresAt", .integer)
                t.column("lastError", .text)
                // When a queued job may be leased: its creation, or when it was last handed back, which puts a
                // retried job behind the others (and leaves room for a retry delay).
                t.column("availableAt", .integer).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("updatedAt", .integer).notNull()
                t.column("completedAt", .integer)
                t.uniqueKey(["kind", "subject"])
            }
            try db.create(
                index: "job_on_state_kind_availableAt", on: "job", columns: ["state", "kind", "availableAt", "id"])
            try db.create(index: "job_on_state_leaseExpiresAt", on: "job", columns: ["state", "leaseExpiresAt", "id"])
            try db.create(index: "job_on_documentId_state", on: "job", columns: ["documentId", "state"])
        }

        migrator.registerMigration("v1-results") { db in
            try db.create(table: "analysis") { t in
                t.primaryKey("jobId", .text).references("job", column: "id", onDelete: .cascade)
                t.column("documentId", .text).notNull().indexed()
                    .references("document", column: "id", onDelete: .cascade)
                t.column("analyzer", .text).notNull()
                t.column("sentenceCount", .integer).notNull()
                t.column("topics", .jsonText).notNull()
                // The result's fields that are not lists of items, as a JSON object.
                t.column("body", .jsonText).notNull()
                t.column("analyzedAt", .integer).notNull()
            }
            try db.create(
                index: "analysis_on_analyzedAt_documentId", on: "analysis", columns: ["analyzedAt", "documentId"])

            try db.create(table: "analysisTopic") { t in
                t.column("jobId", .text).notNull().references("analysis", column: "jobId", onDelete: .cascade)
                t.column("topic", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["jobId", "topic"])
            }
            try db.create(index: "analysisTopic_on_topic", on: "analysisTopic", columns: ["topic", "jobId"])

            try db.create(table: "resultItem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("jobId", .text).notNull().references("analysis", column: "jobId", onDelete: .cascade)
                t.column("documentId", .text).notNull().references("document", column: "id", onDelete: .cascade)
                // The name of the result's list the item comes from: `quantities`, `entities`, later `events`, ….
                t.column("kind", .text).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("spanStart", .integer)
                t.column("spanEnd", .integer)
                t.column("body", .jsonText).notNull()
                t.uniqueKey(["jobId", "kind", "ordinal"])
            }
            try db.create(index: "resultItem_on_documentId_kind", on: "resultItem", columns: ["documentId", "kind"])
            try db.create(index: "resultItem_on_kind", on: "resultItem", columns: ["kind"])
        }

        migrator.registerMigration("v1-digests") { db in
            try db.create(table: "digest") { t in
                t.primaryKey("id", .text)
                t.column("cadence", .text).notNull()
                t.column("topic", .text).notNull()
                t.column("pubSubTopic", .text).notNull()
                t.column("seq", .integer).notNull()
                t.column("windowStart", .integer).notNull()
                t.column("windowEnd", .integer).notNull()
                t.column("body", .jsonText).notNull()
                t.column("recordedAt", .integer).notNull()
                t.uniqueKey(["cadence", "topic", "windowStart", "windowEnd"])
                t.uniqueKey(["pubSubTopic", "seq"])
            }
            try db.create(
                index: "digest_on_cadence_topic_windowEnd", on: "digest", columns: ["cadence", "topic", "windowEnd"])
            try db.create(index: "digest_on_recordedAt", on: "digest", columns: ["recordedAt"])
        }

        migrator.registerMigration("v1-dead-letters") { db in
            try db.create(table: "deadLetter") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("service", .text).notNull()
                t.column("socket", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("rawBase64", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("receivedAt", .integer).notNull()
                t.column("recordedAt", .integer).notNull()
            }
        }

        // Claims compared across documents (`crosscheck.claims` jobs). Strings are spelled out rather than taken
        // from constants, so that this migration never changes once shipped.
        migrator.registerMigration("v2-crosscheck") { db in
            // The claim index: one row per stored quantity that has a unit, for finding the claims of other
            // documents with the same unit, most recently analysed first, without reading every quantity.
            try db.create(table: "claim") { t in
                t.primaryKey("resultItemId", .integer).references("resultItem", column: "id", onDelete: .cascade)
                t.column("documentId", .text).notNull()
                t.column("unit", .text).notNull()
                // The commit time of the analysis the quantity comes from.
                t.column("analyzedAt", .integer).notNull()
            }
            // With the rowid (resultItemId) as its implicit last column, the index is read backwards in the order
            // of the candidate query, which therefore stops after its limit and never sorts.
            try db.create(index: "claim_on_unit_analyzedAt", on: "claim", columns: ["unit", "analyzedAt"])
            try db.execute(
                sql: """
                    INSERT INTO claim (resultItemId, documentId, unit, analyzedAt)
                    SELECT resultItem.id, resultItem.documentId, json_extract(resultItem.body, '$.unit'),
                           analysis.analyzedAt
                    FROM resultItem JOIN analysis ON analysis.jobId = resultItem.jobId
                    WHERE resultItem.kind = 'quantities' AND json_extract(resultItem.body, '$.unit') IS NOT NULL
                    """)

            // The contradictions found by the latest crosscheck of a document, in the order the worker gave them.
            try db.create(table: "contradiction") { t in
                t.column("documentId", .text).notNull().references("document", column: "id", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                t.column("jobId", .text).notNull().references("job", column: "id", onDelete: .cascade)
                t.column("body", .jsonText).notNull()
                t.primaryKey(["documentId", "ordinal"])
            }
            try db.create(index: "contradiction_on_jobId", on: "contradiction", columns: ["jobId"])

            // The latest credibility of each claim, by document and span; any crosscheck may update any claim.
            try db.create(table: "claimAssessment") { t in
                t.column("documentId", .text).notNull().references("document", column: "id", onDelete: .cascade)
                t.column("spanStart", .integer).notNull()
                t.column("spanEnd", .integer).notNull()
                t.column("credibility", .integer).notNull().check(sql: "credibility BETWEEN 1 AND 6")
                t.column("confirmations", .integer).notNull()
                t.column("contradictions", .integer).notNull()
                // The crosscheck that assessed the claim last, and when it was committed.
                t.column("jobId", .text).notNull()
                t.column("assessedAt", .integer).notNull()
                t.primaryKey(["documentId", "spanStart", "spanEnd"])
            }

            // Every analysed document with quantities gets its crosscheck, as if it had been analysed now.
            try db.execute(
                sql: """
                    INSERT INTO job (id, kind, subject, documentId, state, attempts, availableAt, createdAt, updatedAt)
                    SELECT 'crosscheck.claims:' || analysis.documentId, 'crosscheck.claims', analysis.documentId,
                           analysis.documentId, 'queued', 0, analysis.analyzedAt, analysis.analyzedAt,
                           analysis.analyzedAt
                    FROM analysis
                    WHERE EXISTS (SELECT 1 FROM resultItem
                                  WHERE resultItem.jobId = analysis.jobId AND resultItem.kind = 'quantities')
                    ON CONFLICT (kind, subject) DO NOTHING
                    """)
        }

        // A durable, multi-writer-safe fence for digest windows. Every transaction that puts an analysis into the
        // digests (committing it, or its crosscheck finishing or failing for good) takes the next number of a
        // single-row counter, so the numbers follow the order of the commits whatever the clocks of the storage
        // processes say; a digest records the stretch of numbers it covered. Existing analyses are numbered in the
        // order of their commit times, and existing digests cover what their time windows covered.
        migrator.registerMigration("v3-commit-sequence") { db in
            try db.create(table: "commitSequence") { t in
                t.primaryKey("id", .integer).check(sql: "id = 1")
                t.column("lastSeq", .integer).notNull()
            }
            try db.alter(table: "analysis") { t in
                t.add(column: "commitSeq", .integer).notNull().defaults(to: 0)
            }
            try db.execute(
                sql: """
                    UPDATE analysis SET commitSeq = numbered.seq
                    FROM (SELECT jobId, ROW_NUMBER() OVER (ORDER BY analyzedAt, documentId, jobId) AS seq
                          FROM analysis) AS numbered
                    WHERE analysis.jobId = numbered.jobId
                    """)
            try db.execute(sql: "INSERT INTO commitSequence (id, lastSeq) SELECT 1, COUNT(*) FROM analysis")
            try db.create(index: "analysis_on_commitSeq", on: "analysis", columns: ["commitSeq"], unique: true)
            try db.drop(index: "analysis_on_analyzedAt_documentId")

            try db.alter(table: "digest") { t in
                // The window covers the analyses numbered after `afterSeq` up to `throughSeq`.
                t.add(column: "afterSeq", .integer).notNull().defaults(to: 0)
                t.add(column: "throughSeq", .integer).notNull().defaults(to: 0)
            }
            try db.execute(
                sql: """
                    UPDATE digest SET
                        afterSeq = COALESCE((SELECT MAX(commitSeq) FROM analysis
                                             WHERE analysis.analyzedAt < digest.windowStart), 0),
                        throughSeq = COALESCE((SELECT MAX(commitSeq) FROM analysis
                                               WHERE analysis.analyzedAt < digest.windowEnd), 0)
                    """)
            try db.create(index: "digest_on_cadence_topic_seq", on: "digest", columns: ["cadence", "topic", "seq"])
            try db.drop(index: "digest_on_cadence_topic_windowEnd")
        }

        return migrator
    }
}

/// Times as the store keeps them: whole milliseconds since the Unix epoch.
enum StoreTime {
    /// Rounds to the nearest millisecond, so that a date read back from the store converts to the same value.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}

// MARK: - Records, one per table

/// A row of `document`.
struct DocumentRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"

    var number: Int64?
    var id: String
    var contentHash: String
    var name: String
    var text: String
    var mediaType: String
    var title: String?
    var documentDate: String?
    var origin: String?
    var publisher: String?
    var publishedAt: String?
    var retrievedAt: Int64?
    /// Length of the text in Unicode scalars, the unit of every ``TextSpan``.
    var characters: Int
    var storedAt: Int64

    enum Columns {
        static let number = Column(CodingKeys.number)
        static let id = Column(CodingKeys.id)
        static let contentHash = Column(CodingKeys.contentHash)
        static let storedAt = Column(CodingKeys.storedAt)
    }
}

/// A row of `job`.
struct JobRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "job"

    var id: String
    var kind: String
    var subject: String
    var documentId: String?
    var state: String
    var attempts: Int
    var leaseOwner: String?
    var leaseExpiresAt: Int64?
    var lastError: String?
    var availableAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
    var completedAt: Int64?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let documentId = Column(CodingKeys.documentId)
        static let state = Column(CodingKeys.state)
        static let leaseExpiresAt = Column(CodingKeys.leaseExpiresAt)
    }

    /// The states of a job.
    enum State {
        static let queued = "queued"
        static let leased = "leased"
        static let done = "done"
        static let failed = "failed"
    }
}

/// A row of `analysis`: one committed analysis of one document.
struct AnalysisRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "analysis"

    var jobId: String
    var documentId: String
    var analyzer: String
    var sentenceCount: Int
    var topics: [String]
    var body: String
    /// When the document's last job (its analysis, or its crosscheck) was committed, by the committer's clock.
    var analyzedAt: Int64
    /// The number that transaction took from `commitSequence`: digest windows are stretches of these numbers.
    var commitSeq: Int64

    enum Columns {
        static let jobId = Column(CodingKeys.jobId)
        static let documentId = Column(CodingKeys.documentId)
        static let analyzedAt = Column(CodingKeys.analyzedAt)
        static let commitSeq = Column(CodingKeys.commitSeq)
    }
}

/// A row of `analysisTopic`: one subject topic of one analysis, for filtering digests by topic.
struct AnalysisTopicRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "analysisTopic"

    var jobId: String
    var topic: String
    var position: Int

    enum Columns {
        static let jobId = Column(CodingKeys.jobId)
        static let topic = Column(CodingKeys.topic)
    }
}

/// A row of `resultItem`: one extracted item (a quantity, an entity mention, …) with its character span.
struct ResultItemRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "resultItem"

    var id: Int64?
    var jobId: String
    var documentId: String
    var kind: String
    var ordinal: Int
    var spanStart: Int?
    var spanEnd: Int?
    var body: String

    enum Columns {
        static let jobId = Column(CodingKeys.jobId)
        static let kind = Column(CodingKeys.kind)
        static let ordinal = Column(CodingKeys.ordinal)
    }

    /// The kinds of items the store reads on its own; the others it only keeps.
    enum Kind {
        static let quantities = "quantities"
    }
}

/// A row of `claim`: the unit of one stored quantity, indexed for the candidates of a crosscheck.
struct ClaimRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claim"

    var resultItemId: Int64
    var documentId: String
    var unit: String
    var analyzedAt: Int64
}

/// A row of `contradiction`: one contradiction found by the latest crosscheck of a document.
struct ContradictionRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "contradiction"

    var documentId: String
    var ordinal: Int
    var jobId: String
    var body: String
}

/// A row of `claimAssessment`: the latest credibility of one claim, by document and span.
struct ClaimAssessmentRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claimAssessment"

    var documentId: String
    var spanStart: Int
    var spanEnd: Int
    var credibility: Int
    var confirmations: Int
    var contradictions: Int
    var jobId: String
    var assessedAt: Int64
}

/// A row of `digest`: a recorded digest with its per-topic sequence number.
struct DigestRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "digest"

    var id: String
    var cadence: String
    var topic: String
    var pubSubTopic: String
    var seq: Int
    var windowStart: Int64
    var windowEnd: Int64
    var body: String
    var recordedAt: Int64
    /// The window covers the analyses whose `commitSeq` is greater than this, …
    var afterSeq: Int64
    /// … up to and including this one.
    var throughSeq: Int64

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let cadence = Column(CodingKeys.cadence)
        static let topic = Column(CodingKeys.topic)
        static let pubSubTopic = Column(CodingKeys.pubSubTopic)
        static let seq = Column(CodingKeys.seq)
        static let windowStart = Column(CodingKeys.windowStart)
        static let windowEnd = Column(CodingKeys.windowEnd)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }
}

/// A row of `deadLetter`.
struct DeadLetterRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "deadLetter"

    var id: Int64?
    var service: String
    var socket: String
    var reason: String
    var rawBase64: String
    var size: Int
    var receivedAt: Int64
    var recordedAt: Int64

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
