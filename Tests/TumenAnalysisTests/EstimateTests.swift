import Testing
import TumenAnalysis
import TumenProtocol

/// Estimative language mapped to ICD 203 bands, on short invented sentences.
@Suite("Estimative language")
struct EstimateTests {
    private func estimates(_ text: String) -> [Estimate] { analyze(text).estimates }

    @Test(
        "Each probability phrase maps to its ICD 203 band",
        arguments: [
            ("The ceasefire will almost certainly hold.", "almost certain", "almost certainly"),
            ("Talks are highly likely to resume in May.", "very likely", "highly likely"),
            ("The port will probably reopen.", "likely", "probably"),
            ("It is a toss-up whether the deal survives.", "roughly even chance", "toss-up"),
            ("A new offensive is unlikely before winter.", "unlikely", "unlikely"),
            ("A direct clash is highly unlikely.", "very unlikely", "highly unlikely"),
            ("There is almost no chance of a settlement.", "almost no chance", "almost no chance"),
        ])
    func bands(sentence: String, band: String, phrase: String) throws {
        let found = try #require(estimates(sentence).first)
        #expect(found.band == band)
        #expect(found.phrase == phrase)
        #expect(found.negated == false)
    }

    @Test("The band's range comes with the band")
    func ranges() throws {
        let found = try #require(estimates("Exports will likely grow.").first)
        #expect(found.low == 55 && found.high == 80)
    }

    @Test("A negator before the phrase turns it round; negation after it is content")
    func negation() throws {
        let notLikely = try #require(estimates("A breakthrough is not likely this year.").first)
        #expect(notLikely.band == "unlikely")
        #expect(notLikely.negated)
        #expect(notLikely.phrase == "not likely")

        let content = try #require(estimates("Trade is unlikely to deepen significantly.").first)
        #expect(content.band == "unlikely")
        #expect(content.negated == false)

        let litotes = try #require(estimates("A second test isn't unlikely.").first)
        #expect(litotes.band == "roughly even chance")
    }

    @Test("Hedges read as documented: hard to expect, cannot rule out, even lower, modal verbs")
    func hedges() throws {
        let hard = try #require(estimates("It is hard to expect a quick recovery.").first)
        #expect(hard.band == "unlikely")
        #expect(hard.negated)

        let ruleOut = try #require(estimates("We cannot completely rule out a second strike.").first)
        #expect(ruleOut.band == "unlikely")
        #expect(ruleOut.phrase == "cannot completely rule out")

        let passive = try #require(estimates("A change of course cannot be ruled out either.").first)
        #expect(passive.band == "unlikely")

        let lower = try #require(
            estimates("The possibility of the army handing over its drones is even lower.").first)
        #expect(lower.band == "very unlikely")
        #expect(lower.phrase == "is even lower")

        let possibility = try #require(estimates("There is a possibility that the border reopens.").first)
        #expect(possibility.band == "roughly even chance")

        #expect(estimates("Prices may rise and the talks could stall.").isEmpty)
        #expect(estimates("The circular error probable was large.").isEmpty)
    }

    @Test("A judgement verb reads likely unless an explicit phrase follows it")
    func frames() throws {
        let judged = try #require(estimates("The alliance is judged to weaken after the war.").first)
        #expect(judged.band == "likely")
        #expect(judged.phrase == "is judged to")

        let expected = try #require(estimates("The summit is not expected to produce a deal.").first)
        #expect(expected.band == "unlikely")

        let both = estimates("We assess that the regime is unlikely to collapse.")
        #expect(both.map(\.band) == ["unlikely"])
        #expect(both.first?.source == "the author")
    }

    @Test("The source is who judges, when the sentence says so")
    func sources() {
        #expect(estimates("Director Lee notes that a deal is likely.").first?.source == "Director Lee")
        #expect(estimates("Intelligence authorities assessed that a launch is likely.").first?.source != nil)
        #expect(
            estimates("Our intelligence authorities assessed that a launch is likely.").first?.source
                == "intelligence authorities")
        #expect(estimates("According to the NIS, a launch is likely.").first?.source == "NIS")
        #expect(estimates("I think a launch is likely.").first?.source == "the author")
        #expect(estimates("A launch is likely.").first?.source == nil)
    }

    @Test("Phrase spans count Unicode scalars, also after Korean, Cyrillic and emoji")
    func spansAfterNonASCII() throws {
        let text = "평양 and Москва 🚀 agree. A deal is highly likely."
        let found = try #require(estimates(text).first)
        #expect(slice(text, found.span) == "highly likely")
        #expect(slice(text, found.sentence) == found.sentenceText)
    }

    @Test("Odd input yields no estimate and no crash: nothing, symbols, a megabyte line")
    func oddInput() {
        #expect(estimates("").isEmpty)
        #expect(estimates("... --- !!!").isEmpty)
        let line = String(repeating: "not likely very ", count: 65_536)
        let result = analyze(line)
        #expect(result.estimates.count > 1000)
    }
}
