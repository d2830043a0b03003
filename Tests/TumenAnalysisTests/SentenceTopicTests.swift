import Testing
import TumenAnalysis
import TumenProtocol

/// Topics of each sentence, from the same lexicon as the document's topics.
@Suite("Sentence topics")
struct SentenceTopicTests {
    @Test("Every sentence with a keyword gets its topics, most hits first")
    func perSentence() throws {
        let text = """
            Pyongyang shipped artillery shells and rockets by rail. The weather was mild. \
            Tourists returned to the resort.
            """
        let result = analyze(text)
        #expect(result.sentenceTopics.count == 2)
        let first = try #require(result.sentenceTopics.first)
        #expect(first.topics.contains("munitions"))
        #expect(first.topics.contains("military"))
        #expect(first.topics.contains("logistics"))
        #expect(slice(text, first.sentence).hasPrefix("Pyongyang shipped"))
        #expect(result.sentenceTopics.last?.topics == ["tourism", "economic"])
    }

    @Test("The issue's topics are all in the bundled lexicon")
    func lexiconCoversTheIssueList() {
        let topics = Set(TopicLexicon.bundled.keywords.keys)
        for topic in [
            "military", "munitions", "troops", "technology", "diplomatic", "sanctions", "economic", "labour",
            "logistics", "tourism",
        ] {
            #expect(topics.contains(topic), "missing topic \(topic)")
        }
    }

    @Test("Labour, sanctions and troops each have their own words")
    func narrowTopics() {
        #expect(analyze("Thousands of workers earn wages abroad.").sentenceTopics.first?.topics.first == "labour")
        #expect(analyze("The embargo was violated.").sentenceTopics.first?.topics == ["sanctions"])
        #expect(analyze("Troops were deployed.").sentenceTopics.first?.topics.contains("troops") == true)
        #expect(analyze("No topic here at all.").sentenceTopics.isEmpty)
    }
}
