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
        let isMinor = { (figure: DigestFigure) in figure.unit.map(DigestComposer.minorUnits.contains) ?? false }
        var out = "\n## Key figures\n"
        for (documentId, figures) in groupedByDocument(digest.figures.filter { !isMinor($0) }) {
            out += "\n### `\(figures[0].documentName)` (\(documentId))\n\n"
            var index = 0
            while index < figures.count {
                let sentence = figures[index].sentence
                var next = index
                while next < figures.count, figures[next].sentence == sentence {
                    out += "- " + describe(figures[next]) + "\n"
                    next += 1
                }
                out += "  > \(inline(sentence))\n"
                index = next
            }
        }
        let minor = digest.figures.filter(isMinor)
        if !minor.isEmpty {
            out += "\n## Other figures\n\n"
            out +=
                minor.map { "\(inline($0.text)) (`\($0.documentName)` \($0.span.start)–\($0.span.end))" }
                .joined(separator: " · ") + "\n"
        }
        return out
    }

    /// One figure on one line: the words, the unit and measure, who says so, and where.
    private func describe(_ figure: DigestFigure) -> String {
        var line = "**\(inline(figure.text))**"
        var details: [String] = []
        if let unit = figure.unit { details.append(unit) }
        if let measure = figure.measure, !isUnitWord(measure, unit: figure.unit) { details.append(inline(measure)) }
        if !details.isEmpty { line += " — " + details.joined(separator: " · ") }
        if let source = figure.source { line += " — according to \(inline(source))" }
        return line + " `[\(figure.span.start)–\(figure.span.end)]`"
    }

    /// True when a measure only repeats the unit ("days" for `day`).
    private func isUnitWord(_ measure: String, unit: String?) -> Bool {
        guard let unit else { return false }
        let word = measure.lowercased()
        return word == unit || word == unit + "s"
    }

    /// Figures of each document, in the order the documents first appear.
    private func groupedByDocument(_ figures: [DigestFigure]) -> [(String, [DigestFigure])] {
        var order: [String] = []
        var groups: [String: [DigestFigure]] = [:]
        for figure in figures {
            if groups[figure.documentId] == nil { order.append(figure.documentId) }
            groups[figure.documentId, default: []].append(figure)
        }
        return order.map { ($0, groups[$0] ?? []) }
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
