import ArgumentParser
import Foundation
import TumenAnalysis
import TumenIngest
import TumenProtocol
import TumenService

/// `tumen analyze FILE…`: analyses files offline, without services, exactly as the analysis workers do.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse files offline and print one JSON record per finding (quantities, entities, topics).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, json }

    @Option(help: "Output format: jsonl (one record per line) or json (one result object per file).")
    var format: Format = .jsonl
    @Option(help: "The documents' date, YYYY-MM-DD, when the text states none.") var docDate: String?
    @Option(help: "Extra gazetteer JSON merged over the bundled one (TUMEN_GAZETTEER).") var gazetteer: String?
    @Argument(help: "Text or Markdown files to analyse.") var files: [String]

    func run() async throws {
        let analyzer = try Analyzer.make(
            extraGazetteer: gazetteer ?? ProcessInfo.processInfo.environment[Settings.gazetteer.env])
        let intake = DocumentIntake(configuration: .init(maxDocumentBytes: .max))
        let encoder = WireCoding.makeEncoder()
        var failed = false
        for path in files {
            let document: Document
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let name = URL(fileURLWithPath: path).lastPathComponent
                let submit = DocumentSubmit(
                    name: name, contentBase64: data.base64EncodedString(), documentDate: docDate)
                document = try intake.document(from: submit, now: Date(timeIntervalSince1970: 0))
            } catch {
                FileHandle.standardError.write(Data("tumen analyze: \(path): \(error)\n".utf8))
                failed = true
                continue
            }
            let result = analyzer.analyze(document)
            switch format {
            case .json:
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            case .jsonl:
                for record in AnalysisRecord.records(of: result, documentName: document.name) {
                    print(String(decoding: try encoder.encode(record), as: UTF8.self))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// One line of `tumen analyze --format jsonl`: a finding with its kind, document and Unicode-scalar span.
struct AnalysisRecord: Encodable {
    var doc: String
    var kind: String
    var start: Int?
    var end: Int?
    var text: String?
    var value: Double?
    var low: Double?
    var high: Double?
    var unit: String?
    var qualifier: String?
    var measure: String?
    var source: String?
    var sentence: String?
    var id: String?
    var name: String?
    var type: String?
    var topic: String?

    static func records(of result: AnalysisResult, documentName: String) -> [AnalysisRecord] {
        let quantities = result.quantities.map {
            AnalysisRecord(
                doc: documentName, kind: "quantity", start: $0.span.start, end: $0.span.end, text: $0.text,
                value: $0.value, low: $0.low, high: $0.high, unit: $0.unit, qualifier: $0.qualifier,
                measure: $0.measure, source: $0.source, sentence: $0.sentenceText)
        }
        let entities = result.entities.map {
            AnalysisRecord(
                doc: documentName, kind: "entity", start: $0.span.start, end: $0.span.end, text: $0.text,
                id: $0.entityId,
                name: $0.name, type: $0.kind)
        }
        let topics = result.topics.map { AnalysisRecord(doc: documentName, kind: "topic", topic: $0) }
        return quantities + entities + topics
    }
}
