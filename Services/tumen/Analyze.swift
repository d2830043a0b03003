import ArgumentParser
import Foundation
import TumenAnalysis
import TumenIngest
import TumenProtocol
import TumenService

/// `tumen analyze FILE…`: analyses files offline, without services, exactly as the analysis workers do.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse files offline, exactly as the services do, and print one JSON record per finding.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, json }

    @Option(help: "Output format: jsonl (one record per line) or json (one result object per file).")
    var format: Format = .jsonl
    @Option(help: "The documents' date, YYYY-MM-DD, when the text states none.") var docDate: String?
    @Option(help: "Extra gazetteer JSON merged over the bundled one (TUMEN_GAZETTEER).") var gazetteer: String?
    @Option(help: "Extra source registry JSON merged over the bundled one (TUMEN_SOURCES).") var sources: String?
    @Argument(help: "Text or Markdown files to analyse.") var files: [String]

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let setup = try AnalysisSetup(
            extraGazetteer: gazetteer ?? environment[Settings.gazetteer.env],
            extraSources: sources ?? environment[Settings.sources.env])
        let intake = DocumentIntake(configuration: .init(maxDocumentBytes: .max))
        var documents: [Document] = []
        var failed = false
        for path in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let name = URL(fileURLWithPath: path).lastPathComponent
                let submit = DocumentSubmit(
                    name: name, contentBase64: data.base64EncodedString(), documentDate: docDate)
                documents.append(try intake.document(from: submit, now: Date(timeIntervalSince1970: 0)))
            } catch {
                FileHandle.standardError.write(Data("tumen analyze: \(path): \(error)\n".utf8))
                failed = true
            }
        }
        let results = BatchAnalysis(analyzer: setup.analyzer, crosscheck: setup.crosscheck).analyze(documents)
        let encoder = WireCoding.makeEncoder()
        var output = Data()
        for (document, result) in zip(documents, results) {
            switch format {
            case .json:
                output += try encoder.encode(result) + Data("\n".utf8)
            case .jsonl:
                for record in AnalysisRecord.records(of: result, documentName: document.name) {
                    output += try encoder.encode(record) + Data("\n".utf8)
                }
            }
        }
        FileHandle.standardOutput.write(output)
        if failed { throw ExitCode(1) }
    }
}
