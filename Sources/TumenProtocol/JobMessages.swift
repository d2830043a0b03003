import Foundation

/// The kind of work a job asks for; workers announce which kinds they take.
public struct JobKind: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Analyse the text of one stored document.
    public static let analyzeDocument: JobKind = "analyze.document"
    /// Compare the claims of one analysed document with the stored claims of other documents: contradictions and
    /// corroboration (claim credibility).
    public static let crosscheckClaims: JobKind = "crosscheck.claims"
}

/// `worker.ready`: a worker asks storage for one job.
public struct WorkerReady: Message {
    public static let type: MessageType = "worker.ready"
    public var workerId: String
    public var kinds: [JobKind]
    public init(workerId: String, kinds: [JobKind]) {
        self.workerId = workerId
        self.kinds = kinds
    }
}

/// `job.assign`: storage leases one job to a worker until `leaseExpiresAt`.
public struct JobAssign: Message {
    public static let type: MessageType = "job.assign"
    public var jobId: String
    public var kind: JobKind
    public var attempt: Int
    public var leaseExpiresAt: Date
    /// The input of an `analyze.document` job.
    public var document: Document?
    /// The input of a `crosscheck.claims` job.
    public var claims: ClaimSet?

    public init(
        jobId: String, kind: JobKind, attempt: Int, leaseExpiresAt: Date, document: Document?, claims: ClaimSet? = nil
    ) {
        self.jobId = jobId
        self.kind = kind
        self.attempt = attempt
        self.leaseExpiresAt = leaseExpiresAt
        self.document = document
        self.claims = claims
    }
}

/// `job.result`: a worker returns all results of one job in one message.
public struct JobResult: Message {
    public static let type: MessageType = "job.result"
    public var jobId: String
    public var workerId: String
    /// The content hash of the document the job is about, so a stale result cannot overwrite a newer one.
    public var contentHash: String
    /// The result of an `analyze.document` job.
    public var result: AnalysisResult?
    /// The result of a `crosscheck.claims` job.
    public var crosscheck: CrosscheckResult?

    public init(
        jobId: String, workerId: String, contentHash: String, result: AnalysisResult? = nil,
        crosscheck: CrosscheckResult? = nil
    ) {
        self.jobId = jobId
        self.workerId = workerId
        self.contentHash = contentHash
        self.result = result
        self.crosscheck = crosscheck
    }
}

/// `job.failed`: a worker could not process a job; storage records the reason and retries or gives up.
public struct JobFailed: Message {
    public static let type: MessageType = "job.failed"
    public var jobId: String
    public var workerId: String
    public var reason: String
    public init(jobId: String, workerId: String, reason: String) {
        self.jobId = jobId
        self.workerId = workerId
        self.reason = reason
    }
}

/// `job.heartbeat`: sent both ways on the `jobs` socket (the zguide's Paranoid Pirate heartbeat).
///
/// A worker sends one every few seconds, naming the job it is processing, if any; storage extends that job's lease
/// while it is still leased to that worker and answers with a `job.heartbeat` carrying the new deadline (no
/// deadline: the worker does not hold the job, or holds none). A worker that hears nothing from storage for a while
/// reconnects.
public struct JobHeartbeat: Message {
    public static let type: MessageType = "job.heartbeat"
    public var workerId: String
    /// The job the worker is processing; nil while it waits for one.
    public var jobId: String?
    /// In storage's answer: the job's lease deadline after renewal; nil when the worker does not hold the job.
    public var leaseExpiresAt: Date?
    public init(workerId: String, jobId: String? = nil, leaseExpiresAt: Date? = nil) {
        self.workerId = workerId
        self.jobId = jobId
        self.leaseExpiresAt = leaseExpiresAt
    }
}

/// `job.ack`: storage's answer to a result: committed now, committed before (a late duplicate), or unknown job.
public struct JobAck: Message {
    public static let type: MessageType = "job.ack"
    public var jobId: String
    /// `committed`, `duplicate`, `unknown-job` or `failed-recorded`.
    public var status: String
    public init(jobId: String, status: String) {
        self.jobId = jobId
        self.status = status
    }
}

/// The claims a `crosscheck.claims` job compares: one document's, and other documents' with the same units.
public struct ClaimSet: Codable, Sendable, Equatable {
    /// The document whose claims are checked.
    public var documentId: String
    /// That document's content hash, which the worker returns in its `job.result`.
    public var contentHash: String
    public var subject: [ClaimReference]
    /// Stored claims of other documents that may be about the same measures.
    public var candidates: [ClaimReference]

    public init(documentId: String, contentHash: String, subject: [ClaimReference], candidates: [ClaimReference]) {
        self.documentId = documentId
        self.contentHash = contentHash
        self.subject = subject
        self.candidates = candidates
    }
}

/// What a crosscheck found: the subject document's contradictions and the credibility of the claims it touched.
public struct CrosscheckResult: Codable, Sendable, Equatable {
    public var documentId: String
    public var contradictions: [Contradiction]
    /// Credibility of the subject's claims, and the new credibility of other documents' claims it corroborates or
    /// contradicts.
    public var assessments: [ClaimAssessment]

    public init(documentId: String, contradictions: [Contradiction], assessments: [ClaimAssessment]) {
        self.documentId = documentId
        self.contradictions = contradictions
        self.assessments = assessments
    }
}

/// The credibility of one claim (NATO Admiralty 1–6) and the independent sources behind it.
public struct ClaimAssessment: Codable, Sendable, Equatable {
    public var documentId: String
    public var span: TextSpan
    /// `1` confirmed by other sources, `2` probably true, `3` possibly true, `4` doubtful, `5` improbable,
    /// `6` cannot be judged.
    public var credibility: Int
    /// Independent sources that agree.
    public var confirmations: Int
    /// Independent sources that disagree.
    public var contradictions: Int

    public init(documentId: String, span: TextSpan, credibility: Int, confirmations: Int, contradictions: Int) {
        self.documentId = documentId
        self.span = span
        self.credibility = credibility
        self.confirmations = confirmations
        self.contradictions = contradictions
    }
}
