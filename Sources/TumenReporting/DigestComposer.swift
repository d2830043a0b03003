import Foundation
import TumenProtocol

/// Builds a ``Digest`` from the material storage returns for a window: the figures, entities and documents.
///
/// A pure function of its input: the same material always gives the same digest, byte for byte.
public struct DigestComposer: Sendable {
    public init() {}

    /// The digest of a window, not yet recorded (`seq` 0).
    public func compose(_ material: DigestMaterial) -> Digest {
        let results = Dictionary(material.results.map { ($0.documentId, $0) }, uniquingKeysWith: { first, _ in first })
        var figures: [DigestFigure] = []
        var documents: [DigestDocument] = []
        var mentions: [String: (entity: EntityMention, count: Int, documents: Set<String>)] = [:]
        for summary in material.documents {
            let result = results[summary.id]
            let documentFigures = (result?.quantities ?? []).filter(Self.isKeyFigure).map {
                DigestFigure(
                    documentId: summary.id, documentName: summary.name, text: $0.text, value: $0.value, low: $0.low,
                    high: $0.high, unit: $0.unit, qualifier: $0.qualifier, measure: $0.measure, source: $0.source,
                    span: $0.span, sentence: $0.sentenceText)
            }
            figures += documentFigures
            for mention in result?.entities ?? [] {
                var entry = mentions[mention.entityId] ?? (mention, 0, [])
                entry.count += 1
                entry.documents.insert(summary.id)
                mentions[mention.entityId] = entry
            }
            documents.append(
                DigestDocument(
                    id: summary.id, name: summary.name, title: summary.title, documentDate: summary.documentDate,
                    publisher: summary.provenance.publisher, origin: summary.provenance.origin,
                    figures: documentFigures.count, topics: result?.topics ?? []))
        }
        let entities = mentions.values
            .map {
                DigestEntity(
                    entityId: $0.entity.entityId, name: $0.entity.name, kind: $0.entity.kind, mentions: $0.count,
                    documents: $0.documents.count)
            }
            .sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
        var digest = Digest(
            id: Self.id(
                cadence: material.cadence, topic: material.topic, start: material.windowStart,
                end: material.windowEnd),
            cadence: material.cadence, topic: material.topic, seq: 0, windowStart: material.windowStart,
            windowEnd: material.windowEnd, documents: documents, figures: figures, entities: entities,
            pendingDocuments: material.pendingDocuments, markdown: "")
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
