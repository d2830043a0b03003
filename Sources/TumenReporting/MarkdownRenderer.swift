import Foundation
import TumenProtocol

/// Renders a ``Digest`` as Markdown for the terminal, files and feed readers.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ digest: Digest) -> String {
        var out = "# Tumen briefing · \(digest.cadence) · \(digest.topic == "all" ? "all topics" : digest.topic)\n\n"
        let documentCount = digest.documents.count
        out += "`\(digest.pubSubTopic)` · window \(Timestamp.format(digest.windowStart)) → "
        out += "\(Timestamp.format(digest.windowEnd)) · \(documentCount) new document\(documentCount == 1 ? "" : "s")"
        if digest.pendingDocuments > 0 { out += " · \(digest.pendingDocuments) still being analysed" }
        out += "\n"
        guard !digest.documents.isEmpty else {
            return out + "\nNo new documents were analysed in this window.\n"
        }
        out += renderDocuments(digest)
        out += renderFigures(digest)
        out += renderEntities(digest)
        return out
    }

    private func renderDocuments(_ digest: Digest) -> String {
        var out = "\n## New documents\n\n| document | title | date | topics | figures |\n|---|---|---|---|---|\n"
        for document in digest.documents {
            let cells = [
                "`\(document.name)`", cell(document.title ?? ""), document.documentDate ?? "",
                document.topics.joined(separator: ", "), String(document.figures),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private func renderFigures(_ digest: Digest) -> String {
        guard !digest.figures.isEmpty else { return "\n## Key figures\n\nNo figures found.\n" }
        var out = "\n## Key figures\n"
        var current = ""
        for figure in digest.figures {
            if figure.documentId != current {
                current = figure.documentId
                out += "\n### `\(figure.documentName)`\n\n"
            }
            var line = "- **\(inline(figure.text))**"
            var details: [String] = []
            if let unit = figure.unit { details.append(unit) }
            if let measure = figure.measure { details.append(inline(measure)) }
            if !details.isEmpty { line += " — " + details.joined(separator: " · ") }
            if let source = figure.source { line += " — according to \(inline(source))" }
            line += " `[\(figure.span.start)–\(figure.span.end)]`\n"
            line += "  > \(inline(figure.sentence))\n"
            out += line
        }
        return out
    }

    private func renderEntities(_ digest: Digest) -> String {
        guard !digest.entities.isEmpty else { return "" }
        var out = "\n## Entities mentioned\n\n| entity | kind | mentions | documents |\n|---|---|---|---|\n"
        for entity in digest.entities {
            out += "| \(cell(entity.name)) | \(entity.kind) | \(entity.mentions) | \(entity.documents) |\n"
        }
        return out
    }

    /// Text on one line, for list items and quotes.
    private func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }
}

/// The output formats of a digest.
public enum DigestFormat: String, Sendable, CaseIterable {
    case markdown, json

    /// The digest in this format; JSON has sorted keys, so equal digests give equal bytes.
    public func render(_ digest: Digest) throws -> String {
        switch self {
        case .markdown:
            return digest.markdown
        case .json:
            let encoder = WireCoding.makeEncoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            return String(decoding: try encoder.encode(digest), as: UTF8.self) + "\n"
        }
    }
}
