import Foundation

/// The kind of work a job asks for; workers announce which kinds they take.
public struct JobKind: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Analyse the text of one stored document.
    public static let analyzeDocument: JobKind = "analyze.document"
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

    public init(jobId: String, kind: JobKind, attempt: Int, leaseExpiresAt: Date, document: Document?) {
        self.jobId = jobId
        self.kind = kind
        self.attempt = attempt
        self.leaseExpiresAt = leaseExpiresAt
        self.document = document
    }
}

/// `job.result`: a worker returns all results of one job in one message.
public struct JobResult: Message {
    public static let type: MessageType = "job.result"
    public var jobId: String
    public var workerId: String
    /// The content hash of the input that was analysed, so a stale result cannot overwrite a newer one.
    public var contentHash: String
    public var result: AnalysisResult

    public init(jobId: String, workerId: String, contentHash: String, result: AnalysisResult) {
        self.jobId = jobId
        self.workerId = workerId
        self.contentHash = contentHash
        self.result = result
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
