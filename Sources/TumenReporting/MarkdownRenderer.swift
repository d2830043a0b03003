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
        out += renderContradictions(digest)
        out += renderTimeline(digest)
        out += renderEstimates(digest)
        out += renderLedger(digest)
        out += renderTopics(digest)
        out += renderEntities(digest)
        out += renderMinorFigures(digest)
        return out
    }

    private func renderDocuments(_ digest: Digest) -> String {
        table(
            "New documents", ["document", "title", "date", "topics", "figures"],
            digest.documents.map {
                [
                    "`\($0.name)`", $0.title ?? "", $0.documentDate ?? "", $0.topics.joined(separator: ", "),
                    String($0.figures),
                ]
            })
    }

    private func isMinor(_ figure: Located<Quantity>) -> Bool {
        figure.item.unit.map(DigestComposer.minorUnits.contains) ?? false
    }

    private func renderFigures(_ digest: Digest) -> String {
        let figures = digest.figures.filter { !isMinor($0) }
        guard !figures.isEmpty else { return "\n## Key figures\n\nNo figures found.\n" }
        var out = "\n## Key figures\n"
        var document = ""
        var index = 0
        while index < figures.count {
            if figures[index].documentId != document {
                document = figures[index].documentId
                out += "\n### `\(figures[index].documentName)` (\(document))\n\n"
            }
            let sentence = figures[index].item.sentence
            while index < figures.count, figures[index].documentId == document, figures[index].item.sentence == sentence
            {
                out += "- " + describe(figures[index].item) + "\n"
                index += 1
            }
            out += "  > \(inline(figures[index - 1].item.sentenceText))\n"
        }
        return out
    }

    private func renderMinorFigures(_ digest: Digest) -> String {
        let minor = digest.figures.filter(isMinor)
        guard !minor.isEmpty else { return "" }
        return "\n## Other figures\n\n"
            + minor.map { "\(inline($0.item.text)) (`\($0.documentName)` \(span($0.item.span)))" }
            .joined(separator: " · ") + "\n"
    }

    /// One figure on one line: the words, unit and measure, period, who says so, grade, and where.
    private func describe(_ figure: Quantity) -> String {
        var line = "**\(inline(figure.text))**"
        var details: [String] = []
        if let unit = figure.unit { details.append(unit) }
        if let measure = figure.measure, !isUnitWord(measure, unit: figure.unit) { details.append(inline(measure)) }
        if let period = figure.period { details.append("period \(period)") }
        if !details.isEmpty { line += " — " + details.joined(separator: " · ") }
        let chain = figure.sourceChain.isEmpty ? figure.source.map { [$0] } ?? [] : figure.sourceChain
        if !chain.isEmpty { line += " — according to \(inline(chain.joined(separator: " → ")))" }
        if let grade = grade(figure) { line += " (\(grade))" }
        return line + " `\(span(figure.span))`"
    }

    private func renderContradictions(_ digest: Digest) -> String {
        guard !digest.contradictions.isEmpty else { return "" }
        var out = "\n## Disagreements\n\n"
        for (number, contradiction) in digest.contradictions.enumerated() {
            let measure = contradiction.claim.measure ?? contradiction.other.measure ?? "the same measure"
            out +=
                "\(number + 1). **\(inline(measure))**: \(claim(contradiction.claim)) vs \(claim(contradiction.other))"
            out += " — \(inline(contradiction.explanation))\n"
        }
        return out
    }

    private func claim(_ claim: ClaimReference) -> String {
        var text = "\(claim.source.map { inline($0) + ": " } ?? "")**\(inline(claim.text))**"
        if let period = claim.period { text += " (\(period))" }
        return text + " `\(claim.documentName)` \(span(claim.span))"
    }

    private func renderTimeline(_ digest: Digest) -> String {
        guard !digest.events.isEmpty else { return "" }
        return table(
            "Timeline", ["date", "event", "actors", "category", "where"],
            digest.events.map { located in
                let event = located.item
                return [
                    event.endDate.map { "\(event.date)/\($0)" } ?? event.date, event.event,
                    event.actors.joined(separator: ", "), event.category,
                    "`\(located.documentName)` \(span(event.sentence))",
                ]
            })
    }

    private func renderEstimates(_ digest: Digest) -> String {
        guard !digest.estimates.isEmpty else { return "" }
        return table(
            "Estimative judgements", ["statement", "band", "phrase", "who", "where"],
            digest.estimates.map {
                [
                    $0.item.sentenceText, "\($0.item.band) (\($0.item.low)–\($0.item.high) %)", "“\($0.item.phrase)”",
                    $0.item.source ?? "", "`\($0.documentName)` \(span($0.item.span))",
                ]
            })
    }

    private func renderLedger(_ digest: Digest) -> String {
        guard !digest.flows.isEmpty else { return "" }
        return table(
            "Exchange ledger", ["from → to", "what", "category", "size", "period", "source", "where"],
            digest.flows.map {
                [
                    "\($0.item.from) → \($0.item.to)", $0.item.what, $0.item.category, $0.item.quantity ?? "",
                    $0.item.period ?? "", $0.item.source ?? "", "`\($0.documentName)` \(span($0.item.span))",
                ]
            })
    }

    private func renderTopics(_ digest: Digest) -> String {
        guard !digest.topics.isEmpty else { return "" }
        return table(
            "Topics", ["topic", "documents", "sentences"],
            digest.topics.map { [$0.topic, String($0.documents), String($0.sentences)] })
    }

    private func renderEntities(_ digest: Digest) -> String {
        guard !digest.entities.isEmpty else { return "" }
        return table(
            "Entities mentioned", ["entity", "kind", "mentions", "documents"],
            digest.entities.map { [$0.name, $0.kind, String($0.mentions), String($0.documents)] })
    }

    /// A Markdown table under a second-level heading.
    private func table(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
        var out = "\n## \(title)\n\n| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// `B2`: source reliability and claim credibility, when known.
    private func grade(_ figure: Quantity) -> String? {
        switch (figure.reliability, figure.credibility) {
        case (nil, nil): nil
        case (let reliability, let credibility): "\(reliability ?? "F")\(credibility.map(String.init) ?? "6")"
        }
    }

    private func span(_ span: TextSpan) -> String { "[\(span.start)–\(span.end)]" }

    /// True when a measure only repeats the unit ("days" for `day`).
    private func isUnitWord(_ measure: String, unit: String?) -> Bool {
        guard let unit else { return false }
        let word = measure.lowercased()
        return word == unit || word == unit + "s"
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
