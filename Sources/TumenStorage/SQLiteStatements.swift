import Foundation
import GRDB
import TumenProtocol

/// Every SQL statement the SQLite store runs besides its schema (``SQLiteSchema``), in one place.
///
/// Values are bound as arguments by GRDB's SQL interpolation, never spliced into the text. The statements keep to
/// what SQLite and PostgreSQL share (`ON CONFLICT … DO NOTHING`, `UPDATE … RETURNING`, scalar subqueries), so that
/// the PostgreSQL backend can follow them closely.
///
/// A statement with `RETURNING` is read with `fetchAll`, never `fetchOne`: its change is complete only once it has
/// been stepped to its end, and an error raised there (a full disk, when the full-text index writes its pending
/// terms) would otherwise go unseen while SQLite rolls the transaction back.
enum SQLiteStatements {
    private static let queued = JobRow.State.queued
    private static let leased = JobRow.State.leased
    private static let done = JobRow.State.done
    private static let failed = JobRow.State.failed
    private static let analyze = JobKind.analyzeDocument.rawValue
    private static let crosscheck = JobKind.crosscheckClaims.rawValue

    // MARK: Documents

    /// Inserts a document unless its content hash (or id) is stored; returns the id when it inserted.
    static func insertDocument(_ row: DocumentRow) -> SQLRequest<String> {
        """
        INSERT INTO document
            (id, contentHash, name, text, mediaType, title, documentDate, origin, publisher, publishedAt,
             retrievedAt, characters, storedAt)
        VALUES
            (\(row.id), \(row.contentHash), \(row.name), \(row.text), \(row.mediaType), \(row.title),
             \(row.documentDate), \(row.origin), \(row.publisher), \(row.publishedAt), \(row.retrievedAt),
             \(row.characters), \(row.storedAt))
        ON CONFLICT DO NOTHING
        RETURNING id
        """
    }

    /// The columns of a document summary (no text), with the time of its latest committed analysis.
    private static let summaryColumns: SQL = """
        document.id, document.name, document.title, document.documentDate, document.origin, document.publisher,
        document.publishedAt, document.retrievedAt, document.characters, document.storedAt,
        (SELECT MAX(analysis.analyzedAt) FROM analysis WHERE analysis.documentId = document.id) AS analyzedAt
        """

    /// Summaries of the documents matching an FTS5 pattern, best match first.
    static func search(_ pattern: FTS5Pattern, limit: Int) -> SQLRequest<Row> {
        """
        SELECT \(summaryColumns)
        FROM document
        JOIN documentFts ON documentFts.rowid = document.number
        WHERE documentFts MATCH \(pattern)
        ORDER BY documentFts.rank, document.number
        LIMIT \(limit)
        """
    }

    /// Summaries of the documents with these ids.
    static func summaries(ids: [String]) -> SQLRequest<Row> {
        "SELECT \(summaryColumns) FROM document WHERE document.id IN \(ids)"
    }

    // MARK: Jobs

    /// Queues a job unless one of the same kind for the same subject exists.
    static func insertJob(_ row: JobRow) -> SQL {
        """
        INSERT INTO job (id, kind, subject, documentId, state, attempts, availableAt, createdAt, updatedAt)
        VALUES (\(row.id), \(row.kind), \(row.subject), \(row.documentId), \(row.state), \(row.attempts),
                \(row.availableAt), \(row.createdAt), \(row.updatedAt))
        ON CONFLICT (kind, subject) DO NOTHING
        """
    }

    /// Leases the next available job in one conditional update, and returns it.
    ///
    /// Available: leased with a passed deadline (oldest deadline first), else queued and available (longest
    /// available first, so a job handed back goes behind the others). A job that
    /// was already leased `maxAttempts` times is marked failed instead, and returned with state `failed`, so the
    /// caller tries again. With PostgreSQL the two subqueries take `FOR UPDATE SKIP LOCKED`.
    static func leaseNextJob(
        kinds: [String], workerId: String, now: Int64, deadline: Int64, maxAttempts: Int
    ) -> SQLRequest<JobRow> {
        """
        UPDATE job SET
            state = CASE WHEN attempts >= \(maxAttempts) THEN \(failed) ELSE \(leased) END,
            attempts = CASE WHEN attempts >= \(maxAttempts) THEN attempts ELSE attempts + 1 END,
            leaseOwner = CASE WHEN attempts >= \(maxAttempts) THEN NULL ELSE \(workerId) END,
            leaseExpiresAt = CASE WHEN attempts >= \(maxAttempts) THEN NULL ELSE \(deadline) END,
            lastError = CASE WHEN attempts >= \(maxAttempts)
                THEN 'gave up after ' || attempts || ' attempts' || COALESCE(' (last error: ' || lastError || ')', '')
                ELSE lastError END,
            updatedAt = \(now)
        WHERE id = COALESCE(
            (SELECT id FROM job
             WHERE state = \(leased) AND leaseExpiresAt <= \(now) AND kind IN \(kinds)
             ORDER BY leaseExpiresAt, id LIMIT 1),
            (SELECT id FROM job
             WHERE state = \(queued) AND kind IN \(kinds) AND availableAt <= \(now)
             ORDER BY availableAt, id LIMIT 1))
        RETURNING *
        """
    }

    /// Marks a job done unless it is done already; returns the job when it changed it.
    static func completeJob(id: String, workerId: String, now: Int64) -> SQLRequest<JobRow> {
        """
        UPDATE job SET state = \(done), leaseOwner = \(workerId), leaseExpiresAt = NULL, completedAt = \(now),
            updatedAt = \(now)
        WHERE id = \(id) AND state <> \(done)
        RETURNING *
        """
    }

    /// Releases a job leased by this worker: queued again, or failed once it has had `maxAttempts` leases.
    static func releaseJob(id: String, workerId: String, reason: String, now: Int64, maxAttempts: Int)
        -> SQLRequest<JobRow>
    {
        """
        UPDATE job SET
            state = CASE WHEN attempts >= \(maxAttempts) THEN \(failed) ELSE \(queued) END,
            leaseOwner = NULL, leaseExpiresAt = NULL, lastError = \(reason), availableAt = \(now),
            updatedAt = \(now)
        WHERE id = \(id) AND state = \(leased) AND leaseOwner = \(workerId)
        RETURNING *
        """
    }

    /// Extends the lease of a job still leased to this worker (a heartbeat); returns the job when it changed it.
    static func renewLease(id: String, workerId: String, now: Int64, deadline: Int64) -> SQLRequest<JobRow> {
        """
        UPDATE job SET leaseExpiresAt = \(deadline), updatedAt = \(now)
        WHERE id = \(id) AND state = \(leased) AND leaseOwner = \(workerId)
        RETURNING *
        """
    }

    /// Ends the leases a worker holds now (they expire at once and the jobs can be leased again).
    static func releaseLeases(workerId: String, now: Int64) -> SQLRequest<JobRow> {
        """
        UPDATE job SET leaseExpiresAt = \(now), updatedAt = \(now)
        WHERE state = \(leased) AND leaseOwner = \(workerId) AND leaseExpiresAt > \(now)
        RETURNING *
        """
    }

    /// Notes a worker's reason on a job it no longer holds, without changing its state.
    static func noteJobError(id: String, reason: String, now: Int64) -> SQL {
        "UPDATE job SET lastError = \(reason), updatedAt = \(now) WHERE id = \(id) AND state <> \(done)"
    }

    static let nextLeaseDeadline: SQLRequest<Int64> =
        "SELECT MIN(leaseExpiresAt) FROM job WHERE state = \(leased)"

    // MARK: Claims

    /// The name and content hash of a document, without reading its text.
    static func documentNameAndHash(id: String) -> SQLRequest<Row> {
        "SELECT name, contentHash FROM document WHERE id = \(id)"
    }

    /// Which of these document ids are stored.
    static func storedDocumentIds(_ ids: [String]) -> SQLRequest<String> {
        "SELECT id FROM document WHERE id IN \(ids)"
    }

    /// The quantities of the latest committed analysis of a document, in document order.
    static func quantities(ofDocument documentId: String) -> SQLRequest<ResultItemRow> {
        """
        SELECT * FROM resultItem
        WHERE jobId = (SELECT jobId FROM analysis WHERE documentId = \(documentId)
                       ORDER BY analyzedAt DESC LIMIT 1)
          AND kind = \(ResultItemRow.Kind.quantities)
        ORDER BY ordinal
        """
    }

    /// Up to `limit` stored quantities with this unit from documents other than `documentId`, most recently
    /// analysed first (then most recently stored first), with their document's name; only claims committed before the
    /// document's own, so that each pair of documents is compared once, by the later one.
    ///
    /// Reads the `(unit, analyzedAt)` index backwards and stops after `limit` rows, whatever the number of stored
    /// claims; one query per unit, because an `IN` over several units would have to sort them all.
    static func candidateClaims(unit: String, excluding documentId: String, limit: Int) -> SQLRequest<Row> {
        """
        SELECT claim.resultItemId, claim.documentId, claim.analyzedAt, document.name AS documentName,
               resultItem.body
        FROM claim
        JOIN resultItem ON resultItem.id = claim.resultItemId
        JOIN document ON document.id = claim.documentId
        WHERE claim.unit = \(unit) AND claim.documentId <> \(documentId)
          AND claim.resultItemId < (SELECT MIN(own.resultItemId) FROM claim AS own WHERE own.documentId = \(documentId))
        ORDER BY claim.analyzedAt DESC, claim.resultItemId DESC
        LIMIT \(limit)
        """
    }

    /// Removes the contradictions of a document, before its latest crosscheck's are inserted.
    static func deleteContradictions(documentId: String) -> SQL {
        "DELETE FROM contradiction WHERE documentId = \(documentId)"
    }

    /// The contradictions of these documents, by document then in the order they were found.
    static func contradictions(documentIds: [String]) -> SQLRequest<ContradictionRow> {
        "SELECT * FROM contradiction WHERE documentId IN \(documentIds) ORDER BY documentId, ordinal"
    }

    /// Stores the credibility of a claim, replacing an assessment committed at the same time or earlier.
    static func upsertAssessment(_ row: ClaimAssessmentRow) -> SQL {
        """
        INSERT INTO claimAssessment
            (documentId, spanStart, spanEnd, credibility, confirmations, contradictions, jobId, assessedAt)
        VALUES (\(row.documentId), \(row.spanStart), \(row.spanEnd), \(row.credibility), \(row.confirmations),
                \(row.contradictions), \(row.jobId), \(row.assessedAt))
        ON CONFLICT (documentId, spanStart, spanEnd) DO UPDATE SET
            credibility = excluded.credibility, confirmations = excluded.confirmations,
            contradictions = excluded.contradictions, jobId = excluded.jobId, assessedAt = excluded.assessedAt
        WHERE excluded.assessedAt >= claimAssessment.assessedAt
        """
    }

    /// The assessments of the claims of these documents.
    static func assessments(documentIds: [String]) -> SQLRequest<ClaimAssessmentRow> {
        "SELECT * FROM claimAssessment WHERE documentId IN \(documentIds)"
    }

    // MARK: Status

    static let status: SQLRequest<Row> = """
        SELECT
            (SELECT COUNT(*) FROM document) AS documents,
            (SELECT COUNT(DISTINCT documentId) FROM analysis) AS analyzedDocuments,
            (SELECT COUNT(*) FROM job WHERE state = \(queued)) AS jobsQueued,
            (SELECT COUNT(*) FROM job WHERE state = \(leased)) AS jobsLeased,
            (SELECT COUNT(*) FROM job WHERE state = \(done)) AS jobsDone,
            (SELECT COUNT(*) FROM job WHERE state = \(failed)) AS jobsFailed,
            (SELECT COUNT(*) FROM resultItem WHERE kind = \(ResultItemRow.Kind.quantities)) AS quantities,
            (SELECT COUNT(*) FROM digest) AS digests,
            (SELECT COUNT(*) FROM deadLetter) AS deadLetters
        """

    /// Unfinished jobs by state, and documents whose analysis job is not done (each document has exactly one);
    /// answered from the job index on state, without counting the large tables.
    static let queueDepths: SQLRequest<Row> = """
        SELECT
            (SELECT COUNT(*) FROM job WHERE state = \(queued)) AS jobsQueued,
            (SELECT COUNT(*) FROM job WHERE state = \(leased)) AS jobsLeased,
            (SELECT COUNT(*) FROM job WHERE state IN (\(queued), \(leased), \(failed)) AND kind = \(analyze))
                AS documentsPending
        """

    // MARK: Digests

    /// Where the last recorded digest of a cadence and topic ended: `windowEnd` and `throughSeq`.
    static func lastDigest(cadence: String, topic: String) -> SQLRequest<Row> {
        """
        SELECT windowEnd, throughSeq FROM digest WHERE cadence = \(cadence) AND topic = \(topic)
        ORDER BY seq DESC LIMIT 1
        """
    }

    /// The condition for an analysis (of the table `alias`) to be in a digest window of `topic` (nil: every
    /// topic): it has the topic, and its document is fully analysed. A document belongs to the window in which its
    /// last job finished: its analysis, or its crosscheck, which moves the analysis to the end of the commit
    /// sequence when it commits or fails for good. While the crosscheck is queued or leased, the document is pending.
    private static func inWindow(_ alias: String, topic: String?) -> SQL {
        let table = SQL(sql: alias)
        let topicFilter: SQL =
            if let topic {
                """
                AND EXISTS (SELECT 1 FROM analysisTopic
                            WHERE analysisTopic.jobId = \(table).jobId AND analysisTopic.topic = \(topic))
                """
            } else {
                ""
            }
        return """
            NOT EXISTS (SELECT 1 FROM job
                        WHERE job.kind = \(crosscheck) AND job.subject = \(table).documentId
                          AND job.state IN (\(queued), \(leased)))
            \(topicFilter)
            """
    }

    /// The analyses of the next digest window of `topic` (nil: every topic), in commit order: those committed after
    /// commit number `after`, up to the first one stamped at or after `until` (that one, and every later one, wait
    /// for the next window). Reads the unique `commitSeq` index from `after` on.
    static func windowAnalyses(after: Int64, until: Int64, topic: String?) -> SQLRequest<AnalysisRow> {
        """
        SELECT * FROM analysis
        WHERE commitSeq > \(after) AND \(inWindow("analysis", topic: topic))
          AND commitSeq < COALESCE(
              (SELECT MIN(late.commitSeq) FROM analysis AS late
               WHERE late.commitSeq > \(after) AND late.analyzedAt >= \(until) AND \(inWindow("late", topic: topic))),
              \(Int64.max))
        ORDER BY commitSeq
        """
    }

    /// The documents of the analyses of `topic` (nil: every topic) numbered after `after` up to `through` that are in
    /// a digest window: what a digest covering that stretch must list.
    static func windowDocumentIds(after: Int64, through: Int64, topic: String?) -> SQLRequest<String> {
        """
        SELECT documentId FROM analysis
        WHERE commitSeq > \(after) AND commitSeq <= \(through) AND \(inWindow("analysis", topic: topic))
        """
    }

    /// The commit numbers of the analyses of these documents.
    static func commitSeqs(documentIds: [String]) -> SQLRequest<Row> {
        "SELECT documentId, commitSeq FROM analysis WHERE documentId IN \(documentIds)"
    }

    /// Takes the next commit number. Run inside the committing transaction: the counter's row stays locked until
    /// that transaction ends, so the numbers follow the order of the commits, also with several storage processes.
    static let nextCommitSeq: SQLRequest<Int64> =
        "UPDATE commitSequence SET lastSeq = lastSeq + 1 WHERE id = 1 RETURNING lastSeq"

    /// Documents without a done analysis job, or whose crosscheck is still to run. Counted from the few unfinished
    /// jobs, not from every document.
    static let pendingDocuments: SQLRequest<Int> = """
        SELECT COUNT(DISTINCT job.documentId) FROM job
        WHERE job.documentId IS NOT NULL
          AND ((job.kind = \(crosscheck) AND job.state IN (\(queued), \(leased)))
               OR (job.kind = \(analyze) AND job.state IN (\(queued), \(leased), \(failed))
                   AND NOT EXISTS (SELECT 1 FROM job AS finished
                                   WHERE finished.documentId = job.documentId AND finished.state = \(done)
                                     AND finished.kind = \(analyze))))
        """

    /// Moves a document's analysis to the end of the commit sequence (`seq`, taken in the same transaction) when
    /// its crosscheck has finished, and its commit time to `time` unless it is later: the document enters the next
    /// digest window.
    static func moveToCommit(documentId: String, seq: Int64, at time: Int64) -> SQL {
        """
        UPDATE analysis SET commitSeq = \(seq),
            analyzedAt = CASE WHEN analyzedAt < \(time) THEN \(time) ELSE analyzedAt END
        WHERE documentId = \(documentId)
        """
    }

    static func nextSeq(pubSubTopic: String) -> SQLRequest<Int> {
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM digest WHERE pubSubTopic = \(pubSubTopic)"
    }

    /// Inserts a digest unless its window (or its id, or its seq) is recorded; returns the seq when it inserted.
    static func insertDigest(_ row: DigestRow) -> SQLRequest<Int> {
        """
        INSERT INTO digest
            (id, cadence, topic, pubSubTopic, seq, windowStart, windowEnd, body, recordedAt, afterSeq, throughSeq)
        VALUES (\(row.id), \(row.cadence), \(row.topic), \(row.pubSubTopic), \(row.seq), \(row.windowStart),
                \(row.windowEnd), \(row.body), \(row.recordedAt), \(row.afterSeq), \(row.throughSeq))
        ON CONFLICT DO NOTHING
        RETURNING seq
        """
    }

    /// Recorded digests whose pub/sub topic starts with `prefix`, with the optional conditions of a replay, in
    /// replay order (pub/sub topic, then seq; the unique key's index).
    static func digests(
        topicPrefix prefix: String, fromSeq: Int?, recordedSince: Int64?, after: DigestPosition?, limit: Int
    ) -> SQLRequest<DigestRow> {
        var conditions: [SQL] = ["substr(pubSubTopic, 1, length(\(prefix))) = \(prefix)"]
        if let fromSeq { conditions.append("seq >= \(fromSeq)") }
        if let recordedSince { conditions.append("recordedAt >= \(recordedSince)") }
        if let after {
            conditions.append(
                "(pubSubTopic > \(after.pubSubTopic) OR (pubSubTopic = \(after.pubSubTopic) AND seq > \(after.seq)))")
        }
        return """
            SELECT * FROM digest
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY pubSubTopic, seq
            LIMIT \(limit)
            """
    }

    // MARK: Integrity

    static let integrityCheck: SQLRequest<String> = "PRAGMA integrity_check"
    static let foreignKeyCheck: SQLRequest<Row> = "PRAGMA foreign_key_check"
}
