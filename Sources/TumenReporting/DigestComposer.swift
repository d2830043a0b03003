import Foundation
import TumenProtocol

/// Builds a ``Digest`` from the material storage returns for a window: figures, disagreements, timeline,
/// judgements, ledger, topics, entities and documents.
///
/// A pure function of its input: the same material always gives the same digest, byte for byte.
public struct DigestComposer: Sendable {
    public init() {}

    /// The digest of a window, not yet recorded (`seq` 0).
    public func compose(_ material: DigestMaterial) -> Digest {
        let results = Dictionary(material.results.map { ($0.documentId, $0) }, uniquingKeysWith: { first, _ in first })
        var digest = Digest(
            id: Self.id(
                cadence: material.cadence, topic: material.topic, start: material.windowStart,
                end: material.windowEnd),
            cadence: material.cadence, topic: material.topic, seq: 0, windowStart: material.windowStart,
            windowEnd: material.windowEnd, documents: [], figures: [], entities: [],
            pendingDocuments: material.pendingDocuments, markdown: "")
        var mentions: [String: (entity: EntityMention, count: Int, documents: Set<String>)] = [:]
        var topics: [String: (documents: Int, sentences: Int)] = [:]
        for summary in material.documents {
            let result = results[summary.id]
            func located<Item>(_ items: [Item]) -> [Located<Item>] {
                items.map { Located(documentId: summary.id, documentName: summary.name, item: $0) }
            }
            let figures = located((result?.quantities ?? []).filter(Self.isKeyFigure))
            digest.figures += figures
            digest.events += located(result?.events ?? [])
            digest.estimates += located(result?.estimates ?? [])
            digest.flows += located(result?.flows ?? [])
            digest.contradictions += result?.contradictions ?? []
            for mention in result?.entities ?? [] {
                var entry = mentions[mention.entityId] ?? (mention, 0, [])
                entry.count += 1
                entry.documents.insert(summary.id)
                mentions[mention.entityId] = entry
            }
            for topic in result?.topics ?? [] { topics[topic, default: (0, 0)].documents += 1 }
            for sentence in result?.sentenceTopics ?? [] {
                for topic in sentence.topics { topics[topic, default: (0, 0)].sentences += 1 }
            }
            digest.documents.append(
                DigestDocument(
                    id: summary.id, name: summary.name, title: summary.title, documentDate: summary.documentDate,
                    publisher: summary.provenance.publisher, origin: summary.provenance.origin,
                    figures: figures.count, topics: result?.topics ?? []))
        }
        digest.events.sort {
            ($0.item.date, $0.documentId, $0.item.span.start) < ($1.item.date, $1.documentId, $1.item.span.start)
        }
        digest.topics = topics.map {
            DigestTopic(topic: $0.key, documents: $0.value.documents, sentences: $0.value.sentences)
        }
        .sorted { ($0.documents, $0.sentences, $1.topic) > ($1.documents, $1.sentences, $0.topic) }
        digest.entities = mentions.values
            .map {
                DigestEntity(
                    entityId: $0.entity.entityId, name: $0.entity.name, kind: $0.entity.kind, mentions: $0.count,
                    documents: $0.documents.count)
            }
            .sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
        digest.markdown = MarkdownRenderer().render(digest)
        return digest
    }

    /// A quantity worth listing in a digest: it has a unit, or is a large count.
    public static func isKeyFigure(_ quantity: Quantity) -> Bool {
        quantity.unit != nil || (quantity.value ?? quantity.high ?? 0) >= 100
    }

    /// Units of figures that rarely carry a briefing on their own — durations, repetitions, calibres — listed
    /// compactly after the key figures.
    public static let minorUnits: Set<String> = ["day", "hour", "minute", "week", "month", "year", "time", "mm"]

    /// The deterministic id of the digest of a window.
    public static func id(cadence: String, topic: String, start: Date, end: Date) -> String {
        func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
        return "digest-\(cadence)-\(topic)-\(millis(start))-\(millis(end))"
    }
}
