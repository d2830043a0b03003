import Foundation
import TumenAnalysis
import TumenProtocol

/// Builds a document around a text, for tests.
func makeDocument(_ text: String, name: String = "test.txt") -> Document {
    Document(
        id: "doc-test", name: name, contentHash: "test", text: text, mediaType: "text/plain", provenance: Provenance())
}

let sharedAnalyzer = Analyzer()

/// Analyses a text with the bundled gazetteer and lexicon.
func analyze(_ text: String) -> AnalysisResult { sharedAnalyzer.analyze(makeDocument(text)) }

/// The figures of a text, as `(text, value, unit, qualifier)` for compact expectations.
func figures(_ text: String) -> [Quantity] { analyze(text).quantities }

/// The text of a scalar span.
func slice(_ text: String, _ span: TextSpan) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[span.start..<span.end])
    return String(view)
}

/// `../shared` next to the repository, found from this file's path; nil when it is absent.
func sharedDirectory(filePath: String = #filePath) -> URL? {
    let url = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // TumenAnalysisTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}
