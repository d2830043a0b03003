// libFuzzer target for the text intake and the analyser: any submitted bytes must be refused with a reason or
// yield a document whose analysis finishes with spans inside the text. Run with `scripts/fuzz.sh TextFuzzer SECONDS`.
import Foundation
import TumenAnalysis
import TumenIngest
import TumenProtocol

let intake = DocumentIntake(configuration: .init(maxDocumentBytes: 1 << 20))
let analyzer = Analyzer()
let now = Date(timeIntervalSince1970: 1_750_000_000)

/// Submits `data` as raw bytes (and, when it is UTF-8, as text), analyses what intake accepts, and traps when a
/// span points outside the text.
func intakeAndAnalyse(_ data: Data) {
    var submits = [DocumentSubmit(name: "fuzz.txt", contentBase64: data.base64EncodedString())]
    if let text = String(data: data, encoding: .utf8) {
        submits.append(DocumentSubmit(name: "fuzz.md", text: text, documentDate: String(text.prefix(10))))
    }
    for submit in submits {
        guard let document = try? intake.document(from: submit, now: now) else { continue }
        let result = analyzer.analyze(document)
        let length = document.text.unicodeScalars.count
        for quantity in result.quantities {
            precondition(
                0 <= quantity.span.start && quantity.span.start <= quantity.span.end && quantity.span.end <= length,
                "quantity span \(quantity.span) outside a text of \(length) scalars")
        }
        for mention in result.entities {
            precondition(
                0 <= mention.span.start && mention.span.start <= mention.span.end && mention.span.end <= length,
                "entity span \(mention.span) outside a text of \(length) scalars")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    intakeAndAnalyse(Data(bytes: bytes, count: count))
    return 0
}
