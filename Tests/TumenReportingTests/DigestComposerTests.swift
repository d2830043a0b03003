import Foundation
import Testing
import TumenProtocol

@testable import TumenReporting

struct DigestComposerTests {
    static let start = Date(timeIntervalSince1970: 1_764_028_800)
    static let end = Date(timeIntervalSince1970: 1_764_115_200)

    static func material(topic: String = "all") -> DigestMaterial {
        let sentence = "The NIS estimated that over 4,700 North Korean personnel were killed or injured."
        let quantity = Quantity(
            span: TextSpan(start: 100, end: 110), text: "over 4,700", value: 4700, unit: "person", qualifier: "over",
            measure: "North Korean personnel killed or injured", source: "NIS",
            sentence: TextSpan(start: 80, end: 160), sentenceText: sentence)
        let year = Quantity(
            span: TextSpan(start: 5, end: 9), text: "12", value: 12, unit: nil, qualifier: "exact",
            sentence: TextSpan(start: 0, end: 20), sentenceText: "There are 12 items.")
        let mentions = [
            EntityMention(
                entityId: "country:kp", name: "North Korea", kind: "country", text: "North Korean",
                span: TextSpan(start: 111, end: 123)),
            EntityMention(
                entityId: "org:nis", name: "NIS", kind: "organisation", text: "NIS",
                span: TextSpan(start: 84, end: 87)),
            EntityMention(
                entityId: "country:kp", name: "North Korea", kind: "country", text: "Pyongyang",
                span: TextSpan(start: 200, end: 209)),
        ]
        return DigestMaterial(
            cadence: "daily", topic: topic, windowStart: start, windowEnd: end,
            documents: [
                DocumentSummary(
                    id: "doc-1", name: "jung.txt", title: "What has North Korea gained?", documentDate: "2025-05-13",
                    provenance: Provenance(origin: "/tmp/jung.txt", publisher: "EAI"), characters: 300,
                    storedAt: start, analyzedAt: start.addingTimeInterval(60))
            ],
            results: [
                AnalysisResult(
                    documentId: "doc-1", analyzer: "test", sentenceCount: 3, quantities: [quantity, year],
                    entities: mentions, topics: ["military"])
            ],
            pendingDocuments: 1)
    }

    @Test func aDigestListsKeyFiguresWithTheirSentenceAndSource() {
        let digest = DigestComposer().compose(Self.material())
        #expect(digest.figures.count == 1, "a bare small number without unit is not a key figure")
        let figure = digest.figures[0]
        #expect(figure.text == "over 4,700")
        #expect(figure.source == "NIS")
        #expect(figure.documentName == "jung.txt")
        #expect(digest.markdown.contains("**over 4,700**"))
        #expect(digest.markdown.contains("> The NIS estimated that over 4,700"))
        #expect(digest.markdown.contains("according to NIS"))
    }

    @Test func entitiesAreCountedAcrossAliasesAndSortedByMentions() {
        let digest = DigestComposer().compose(Self.material())
        #expect(digest.entities.map(\.name) == ["North Korea", "NIS"])
        #expect(digest.entities[0].mentions == 2)
        #expect(digest.entities[0].documents == 1)
    }

    @Test func theSameMaterialGivesByteIdenticalMarkdownAndJSON() throws {
        let first = DigestComposer().compose(Self.material())
        let second = DigestComposer().compose(Self.material())
        #expect(first.markdown == second.markdown)
        #expect(try DigestFormat.json.render(first) == DigestFormat.json.render(second))
        #expect(first.id == "digest-daily-all-1764028800000-1764115200000")
    }

    @Test func theHeaderNamesTheTopicWindowAndPendingDocuments() {
        let digest = DigestComposer().compose(Self.material(topic: "military"))
        #expect(digest.pubSubTopic == "digest.daily.military")
        #expect(digest.markdown.contains("`digest.daily.military`"))
        #expect(digest.markdown.contains("2025-11-25T00:00:00.000Z → 2025-11-26T00:00:00.000Z"))
        #expect(digest.markdown.contains("1 still being analysed"))
    }

    @Test func anEmptyWindowSaysNothingNewWasAnalysed() {
        var material = Self.material()
        material.documents = []
        material.results = []
        let digest = DigestComposer().compose(material)
        #expect(digest.markdown.contains("No new documents were analysed in this window."))
        #expect(digest.figures.isEmpty)
    }

    @Test func cadencesParseAndAlignToPeriodBoundaries() throws {
        #expect(Cadence("1d")?.name == "daily")
        #expect(Cadence("1w")?.name == "weekly")
        #expect(Cadence("10m")?.name == "10m")
        #expect(Cadence("60m")?.name == "hourly")
        #expect(Cadence("fortnightly") == nil)
        #expect(Cadence("0m") == nil)
        let cadence = try #require(Cadence("1d"))
        #expect(cadence.boundary(atOrBefore: Self.start.addingTimeInterval(3600)) == Self.start)
    }
}
