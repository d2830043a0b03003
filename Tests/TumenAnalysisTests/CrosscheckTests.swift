import Testing
import TumenProtocol

@testable import TumenAnalysis

struct CrosscheckTests {
    static func claim(
        _ document: String, _ start: Int, _ text: String, value: Double? = nil, low: Double? = nil, high: Double? = nil,
        unit: String?, qualifier: String = "exact", measure: String?, source: String?, period: String? = nil
    ) -> ClaimReference {
        ClaimReference(
            documentId: document, documentName: "\(document).txt",
            span: TextSpan(start: start, end: start + text.count),
            text: text, value: value, low: low, high: high, unit: unit, qualifier: qualifier, measure: measure,
            source: source, period: period)
    }

    let institute = claim(
        "doc-b", 10, "about 28.7 trillion won", value: 2.87e13, unit: "KRW", qualifier: "about",
        measure: "economic benefits the country gained from the war", source: "Defence Institute")
    let foundation = claim(
        "doc-a", 50, "about 1.65 trillion won", value: 1.65e12, unit: "KRW", qualifier: "about",
        measure: "compensation received from its ally", source: "Liberal Foundation", period: "2023")
    let support = claim(
        "doc-a", 20, "about 13.6 trillion won", value: 1.36e13, unit: "KRW", qualifier: "about",
        measure: "military support provided to its ally", source: "Liberal Foundation", period: "2023")

    @Test func benefitsAndCompensationInTheSameUnitAreTheSameMeasureAndTheirGapIsAContradiction() {
        let result = Crosscheck().run(
            ClaimSet(documentId: "doc-b", contentHash: "h", subject: [institute], candidates: [foundation, support]))
        #expect(result.contradictions.count == 1)
        let contradiction = result.contradictions[0]
        #expect(contradiction.claim == institute)
        #expect(contradiction.other == foundation, "support is a different measure from benefits")
        #expect(contradiction.explanation.contains("17.4× apart"))
        #expect(contradiction.explanation.contains("Defence Institute says about 28.7 trillion won"))
    }

    @Test func claimsOfOneDocumentFromDifferentSourcesAreComparedOnce() {
        var benefits = institute
        benefits.documentId = "doc-a"
        benefits.documentName = "doc-a.txt"
        let result = Crosscheck().run(
            ClaimSet(documentId: "doc-a", contentHash: "h", subject: [benefits, support, foundation], candidates: []))
        #expect(result.contradictions.map(\.other) == [foundation])
        #expect(result.assessments.map(\.credibility) == [4, 3, 4])
    }

    @Test func sharesOfDifferentOwnersAreNotCompared() {
        let russia = Self.claim(
            "doc-a", 0, "1.5%", value: 1.5, unit: "percent", measure: "Russia's share of the country's trade",
            source: "Analyst A", period: "2023")
        let china = Self.claim(
            "doc-b", 0, "over 96%", value: 96, unit: "percent", qualifier: "over",
            measure: "China's share of the country's trade", source: "Analyst B", period: "2023")
        let result = Crosscheck().run(
            ClaimSet(documentId: "doc-b", contentHash: "h", subject: [china], candidates: [russia]))
        #expect(result.contradictions.isEmpty)
        #expect(
            result.assessments == [
                ClaimAssessment(
                    documentId: "doc-b", span: china.span, credibility: 3, confirmations: 0, contradictions: 0)
            ])
    }

    @Test func claimsForDifferentPeriodsDoNotContradictButAnOpenPeriodOverlapsThem() {
        let old = Self.claim(
            "doc-a", 0, "about 1.2%", value: 1.2, unit: "percent", qualifier: "about",
            measure: "Russia's share of foreign trade", source: "Analyst A", period: "2014")
        let recent = Self.claim(
            "doc-a", 30, "1.5%", value: 1.5, unit: "percent", measure: "Russia's share of total trade",
            source: "Analyst A", period: "2023")
        let since = Self.claim(
            "doc-b", 5, "around 1 percent", value: 1, unit: "percent", qualifier: "around",
            measure: "Russia's share in overall trade", source: "Analyst B", period: "2010/..")
        let result = Crosscheck().run(
            ClaimSet(documentId: "doc-b", contentHash: "h", subject: [since], candidates: [old, recent]))
        #expect(result.contradictions.map(\.other) == [old, recent])
        let ownPeriods = Crosscheck().run(
            ClaimSet(documentId: "doc-a", contentHash: "h", subject: [recent], candidates: [old]))
        #expect(ownPeriods.contradictions.isEmpty, "2014 and 2023 do not overlap")
    }

    @Test func agreeingIndependentSourcesConfirmAndRelaysOfOneSourceCountOnce() {
        func casualties(_ document: String, _ source: String, _ value: Double, _ qualifier: String) -> ClaimReference {
            Self.claim(
                document, 0, "\(qualifier) \(Int(value))", value: value, unit: "person", qualifier: qualifier,
                measure: "soldiers killed or injured", source: source, period: "2025")
        }
        let first = casualties("doc-a", "Intelligence Service", 4700, "over")
        let relay = casualties("doc-b", "Outlet relaying the service", 4700, "over")
        let other = casualties("doc-c", "Defence Ministry", 4800, "exact")
        let independence: @Sendable (String) -> String = {
            $0.contains("service") || $0.contains("Service") ? "nis" : $0
        }
        let result = Crosscheck(independence: independence).run(
            ClaimSet(documentId: "doc-c", contentHash: "h", subject: [other], candidates: [first, relay]))
        let own = result.assessments.first { $0.documentId == "doc-c" }
        #expect(own?.confirmations == 1, "the relay is the same source as the service")
        #expect(own?.credibility == 2)
        #expect(result.assessments.contains { $0.documentId == "doc-a" && $0.confirmations == 1 })
    }

    @Test func aClaimContradictedByTwoIndependentSourcesIsImprobableAndOneWithoutSourceCannotBeJudged() {
        func troops(_ document: String, _ source: String?, _ value: Double) -> ClaimReference {
            Self.claim(
                document, 0, "\(Int(value)) troops", value: value, unit: "person", measure: "troops deployed",
                source: source, period: "2024")
        }
        let outlier = troops("doc-c", "Blog", 100_000)
        let result = Crosscheck().run(
            ClaimSet(
                documentId: "doc-c", contentHash: "h", subject: [outlier, troops("doc-c", nil, 12_000)],
                candidates: [troops("doc-a", "Agency A", 12_000), troops("doc-b", "Agency B", 11_000)]))
        #expect(result.assessments[0].credibility == 5)
        #expect(result.assessments[1].credibility == 6)
        #expect(result.contradictions.count == 2)
    }

    @Test func countsOfPeopleAreOnlyComparedWhenTheirMeasuresShareAWordOfDetail() {
        func people(_ document: String, _ value: Double, _ measure: String, _ source: String) -> ClaimReference {
            Self.claim(document, 0, "\(Int(value))", value: value, unit: "person", measure: measure, source: source)
        }
        let killed = people("doc-a", 3, "people killed", "Regional authorities")
        let displaced = people("doc-b", 12_000, "displaced people", "Disaster agency")
        let bare = people("doc-c", 25_000_000, "people", "Food security monitor")
        let deployed = people("doc-d", 12_000, "troops deployed to Kursk", "Agency A")
        let sent = people("doc-e", 3_000, "soldiers deployed to Kursk", "Agency B")
        let unrelated = Crosscheck().run(
            ClaimSet(documentId: "doc-a", contentHash: "h", subject: [killed], candidates: [displaced, bare]))
        #expect(unrelated.contradictions.isEmpty)
        let related = Crosscheck().run(
            ClaimSet(documentId: "doc-e", contentHash: "h", subject: [sent], candidates: [deployed]))
        #expect(related.contradictions.count == 1)
    }

    @Test func tradeIsOnlyComparedWhenBothNameTheSameParties() {
        let named = Self.claim(
            "doc-a", 0, "USD 34.4 million", value: 3.44e7, unit: "USD", measure: "bilateral trade with North Korea",
            source: "Aide", period: "2023")
        let unnamed = Self.claim(
            "doc-b", 0, "$15 billion", value: 1.5e10, unit: "USD", measure: "bilateral trade", source: "Analyst",
            period: "2023")
        let other = Self.claim(
            "doc-c", 0, "$40 million", value: 4e7, unit: "USD",
            measure: "trade with Pyongyang's northern Korean partner",
            source: "Customs", period: "2023")
        let result = Crosscheck().run(
            ClaimSet(documentId: "doc-b", contentHash: "h", subject: [unnamed], candidates: [named]))
        #expect(result.contradictions.isEmpty)
        let both = Crosscheck().run(
            ClaimSet(documentId: "doc-c", contentHash: "h", subject: [other], candidates: [named]))
        #expect(both.contradictions.isEmpty, "north-korea and north+korea are different party sets")
    }

    @Test func ratiosAndDurationsAreNeverCompared() {
        let a = Self.claim("doc-a", 0, "one-tenth", value: 0.1, unit: "ratio", measure: "share of support", source: "A")
        let b = Self.claim("doc-b", 0, "half", value: 0.5, unit: "ratio", measure: "share of support", source: "B")
        let result = Crosscheck().run(ClaimSet(documentId: "doc-b", contentHash: "h", subject: [b], candidates: [a]))
        #expect(result.contradictions.isEmpty)
    }

    @Test func periodsParseAsDayIntervals() throws {
        let year = try #require(PeriodInterval("2023"))
        let month = try #require(PeriodInterval("2023-02"))
        let open = try #require(PeriodInterval("2010/.."))
        let span = try #require(PeriodInterval("2017-01/2025-03"))
        #expect(year.overlaps(month))
        #expect(open.overlaps(year))
        #expect(span.overlaps(try #require(PeriodInterval("2025-03-31"))))
        #expect(!span.overlaps(try #require(PeriodInterval("2025-04-01"))))
        #expect(month.end - month.start == 27)
        #expect(PeriodInterval("soon") == nil)
    }
}
