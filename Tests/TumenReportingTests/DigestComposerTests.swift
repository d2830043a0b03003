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
                    entities: mentions, topics: ["military"],
                    sentenceTopics: [SentenceTopics(sentence: TextSpan(start: 80, end: 160), topics: ["military"])],
                    events: [
                        Event(
                            span: TextSpan(start: 220, end: 229), dateText: "June 2024", date: "2024-06",
                            precision: "month", event: "the two countries signed a partnership treaty",
                            actors: ["North Korea", "Russia"], category: "diplomatic",
                            sentence: TextSpan(start: 210, end: 280), text: "In June 2024, the two signed a treaty."),
                        Event(
                            span: TextSpan(start: 300, end: 314), dateText: "March 28, 2024", date: "2024-03-28",
                            precision: "day", event: "Russia vetoed the panel's renewal", actors: ["Russia"],
                            category: "diplomatic", sentence: TextSpan(start: 290, end: 340),
                            text: "On March 28, 2024, Russia vetoed the renewal."),
                    ],
                    estimates: [
                        Estimate(
                            span: TextSpan(start: 350, end: 361), phrase: "is unlikely", band: "unlikely", low: 20,
                            high: 45, negated: false, source: "the author", sentence: TextSpan(start: 345, end: 400),
                            sentenceText: "Cooperation is unlikely to deepen.")
                    ],
                    flows: [
                        Flow(
                            span: TextSpan(start: 410, end: 413), from: "Russia", to: "North Korea", what: "oil",
                            category: "oil", quantity: "over 1 million barrels", period: "2023",
                            source: "Naumann Foundation", sentence: TextSpan(start: 405, end: 470),
                            sentenceText: "Russia provided over 1 million barrels of oil.")
                    ],
                    contradictions: [
                        Contradiction(
                            claim: ClaimReference(
                                documentId: "doc-1", documentName: "jung.txt", span: TextSpan(start: 100, end: 110),
                                text: "over 4,700", value: 4700, low: nil, high: nil, unit: "person",
                                qualifier: "over", measure: "personnel killed or injured", source: "NIS",
                                period: "2025"),
                            other: ClaimReference(
                                documentId: "doc-0", documentName: "other.txt", span: TextSpan(start: 5, end: 10),
                                text: "1,000", value: 1000, low: nil, high: nil, unit: "person", qualifier: "exact",
                                measure: "soldiers killed", source: "Agency", period: "2025"),
                            explanation: "both give casualty in person")
                    ])
            ],
            pendingDocuments: 1)
    }

    @Test func aDigestListsKeyFiguresWithTheirSentenceAndSource() {
        let digest = DigestComposer().compose(Self.material())
        #expect(digest.figures.count == 1, "a bare small number without unit is not a key figure")
        let figure = digest.figures[0]
        #expect(figure.item.text == "over 4,700")
        #expect(figure.item.source == "NIS")
        #expect(figure.documentName == "jung.txt")
        #expect(digest.markdown.contains("**over 4,700**"))
        #expect(digest.markdown.contains("> The NIS estimated that over 4,700"))
        #expect(digest.markdown.contains("according to NIS"))
    }

    @Test func aDigestHasDisagreementsTimelineJudgementsLedgerAndTopics() {
        let digest = DigestComposer().compose(Self.material())
        #expect(digest.events.map(\.item.date) == ["2024-03-28", "2024-06"], "the timeline is in date order")
        #expect(digest.estimates.first?.item.band == "unlikely")
        #expect(digest.flows.first?.item.to == "North Korea")
        #expect(digest.contradictions.count == 1)
        #expect(digest.topics == [DigestTopic(topic: "military", documents: 1, sentences: 1)])
        let markdown = digest.markdown
        for heading in [
            "## Disagreements", "## Timeline", "## Estimative judgements", "## Exchange ledger", "## Topics",
        ] {
            #expect(markdown.contains(heading), "missing \(heading)")
        }
        #expect(markdown.contains("| 2024-03-28 | Russia vetoed the panel's renewal | Russia | diplomatic |"))
        #expect(markdown.contains("unlikely (20–45 %)"))
        #expect(markdown.contains("| Russia → North Korea | oil | oil | over 1 million barrels | 2023 |"))
        #expect(markdown.contains("NIS: **over 4,700** (2025) `jung.txt` [100–110] vs Agency: **1,000** (2025)"))
    }

    @Test func aFigureShowsItsSourceChainPeriodAndGrade() {
        var material = Self.material()
        material.results[0].quantities[0].sourceChain = ["NIS", "Yonhap", "Seung-ho Jung"]
        material.results[0].quantities[0].period = "2025"
        material.results[0].quantities[0].reliability = "B"
        material.results[0].quantities[0].credibility = 2
        let markdown = DigestComposer().compose(material).markdown
        #expect(markdown.contains("period 2025 — according to NIS → Yonhap → Seung-ho Jung (B2)"))
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
