import ArgumentParser
import Foundation
import TumenProtocol
import TumenService

/// `tumen ingest PATH…`: submits files and directories to ingest and reports what happened to each.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Submit documents (files or directories of .txt and .md files) to ingest.")

    @OptionGroup var endpoints: EndpointOptions
    @Option(help: "Largest document in bytes; larger files are refused here (TUMEN_MAX_DOCUMENT_BYTES).")
    var maxDocumentBytes: String?
    @Option(help: "The documents' own date, YYYY-MM-DD, when they do not state one.") var docDate: String?
    @Option(help: "Who published the documents.") var publisher: String?
    @Argument(help: "Files or directories to ingest.") var paths: [String]

    func validate() throws {
        if let docDate, Timestamp.parse(docDate + "T00:00:00Z") == nil {
            throw ValidationError("--doc-date '\(docDate)' is not a date in the form YYYY-MM-DD")
        }
    }

    func run() async throws {
        let config = try endpoints.configuration(extra: [Settings.maxDocumentBytes.key: maxDocumentBytes])
        let submitter = try Submitter(
            endpoint: config.string(Settings.submitEndpoint),
            maxDocumentBytes: try config.int(Settings.maxDocumentBytes), security: try endpoints.security(config))
        let summary = await submitter.submit(paths: paths, documentDate: docDate, publisher: publisher) { line in
            print(line)
        }
        await submitter.close()
        print(summary.description)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What happened to a batch of submissions.
struct SubmissionSummary: CustomStringConvertible {
    var accepted = 0
    var duplicates = 0
    var failed = 0
    var description: String {
        "\(accepted) accepted, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(failed) failed"
    }
}

/// Sends files to ingest one by one and waits for each acknowledgement, retrying while ingest is busy.
struct Submitter {
    let client: ServiceClient
    let endpoint: String
    let maxDocumentBytes: Int
    static let extensions: Set<String> = ["txt", "text", "md", "markdown"]

    init(endpoint: String, maxDocumentBytes: Int, security: TransportSecurity) throws {
        self.client = try ServiceClient(endpoint: endpoint, name: "tumen-ingest-client", security: security)
        self.endpoint = endpoint
        self.maxDocumentBytes = maxDocumentBytes
    }

    func close() async { await client.close() }

    func submit(
        paths: [String], documentDate: String?, publisher: String?, report: (String) -> Void
    ) async -> SubmissionSummary {
        var summary = SubmissionSummary()
        var unreachable = false
        for path in paths {
            for file in files(at: path, summary: &summary, report: report) {
                guard !unreachable else {
                    summary.failed += 1
                    report("not sent  \(file.path): ingest at \(endpoint) is not answering")
                    continue
                }
                unreachable = await !submit(
                    file: file, documentDate: documentDate, publisher: publisher, summary: &summary, report: report)
            }
        }
        return summary
    }

    /// The files to send for a path: the file itself, or a directory's text files in name order.
    private func files(at path: String, summary: inout SubmissionSummary, report: (String) -> Void) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            summary.failed += 1
            report("error     \(path): no such file or directory")
            return []
        }
        let url = URL(fileURLWithPath: path)
        guard isDirectory.boolValue else { return [url] }
        let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        var found: [URL] = []
        while let item = enumerator?.nextObject() as? URL {
            guard (try? item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if Self.extensions.contains(item.pathExtension.lowercased()) {
                found.append(item)
            } else {
                report("skipped   \(item.path): not a .txt or .md file")
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Submits one file and reports the outcome; false when ingest did not answer at all.
    private func submit(
        file: URL, documentDate: String?, publisher: String?, summary: inout SubmissionSummary,
        report: (String) -> Void
    ) async -> Bool {
        let name = file.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard size <= maxDocumentBytes else {
            summary.failed += 1
            report("rejected  \(file.path): \(size) bytes is over the limit of \(maxDocumentBytes) bytes (too-large)")
            return true
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            summary.failed += 1
            report("error     \(file.path): cannot read: \(error.localizedDescription)")
            return true
        }
        let submit = DocumentSubmit(
            name: name, contentBase64: data.base64EncodedString(), documentDate: documentDate,
            provenance: Provenance(origin: file.path, publisher: publisher))
        let id = MessageID.make()
        var delay = Duration.milliseconds(200)
        for _ in 0..<8 {
            do {
                let reply = try await client.request(submit, id: id, timeout: .seconds(10), attempts: 2)
                switch reply.header.type {
                case DocumentAccepted.type:
                    let accepted = try reply.decode(DocumentAccepted.self)
                    if accepted.duplicate {
                        summary.duplicates += 1
                        report("duplicate \(file.path): already stored as \(accepted.documentId); nothing stored twice")
                    } else {
                        summary.accepted += 1
                        report("accepted  \(file.path): \(accepted.documentId), \(accepted.characters) characters")
                    }
                case DocumentRejected.type:
                    let rejected = try reply.decode(DocumentRejected.self)
                    summary.failed += 1
                    report("rejected  \(file.path): \(rejected.reason) (\(rejected.code))")
                case Busy.type:
                    let busy = try reply.decode(Busy.self)
                    let wait = max(delay, .milliseconds(busy.retryAfterMs))
                    report("busy      \(file.path): \(busy.reason); trying again in \(wait)")
                    try await Task.sleep(for: wait)
                    delay *= 2
                    continue
                default:
                    let error = try reply.decode(ErrorReply.self)
                    summary.failed += 1
                    report("error     \(file.path): \(error.message) (\(error.code))")
                }
            } catch let timeout as RequestTimeout {
                summary.failed += 1
                report("error     \(file.path): \(timeout)")
                return false
            } catch {
                summary.failed += 1
                report("error     \(file.path): \(error)")
            }
            return true
        }
        summary.failed += 1
        report("error     \(file.path): ingest stayed busy; try again later")
        return true
    }
}
