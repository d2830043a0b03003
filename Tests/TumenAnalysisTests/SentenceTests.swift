import Testing
import TumenAnalysis
import TumenProtocol

@Suite("Sentences")
struct SentenceTests {
    private func sentences(_ text: String) -> [String] {
        // Every sentence holding a figure reports its text; count the rest through `sentenceCount`.
        var seen: [String] = []
        for quantity in analyze(text).quantities where seen.last != quantity.sentenceText {
            seen.append(quantity.sentenceText)
        }
        return seen
    }

    @Test("Abbreviations, initials and decimals do not end a sentence")
    func abbreviations() {
        let text = "Dr. J. Smith of the U.S. Army, e.g. No. 5 unit, counted 9.4 million rounds. The NIS saw 3 ships."
        #expect(analyze(text).sentenceCount == 2)
        #expect(
            sentences(text) == [
                "Dr. J. Smith of the U.S. Army, e.g. No. 5 unit, counted 9.4 million rounds.", "The NIS saw 3 ships.",
            ])
    }

    @Test("An acronym at the end of a sentence ends it before a sentence starter")
    func acronymAtEnd() {
        #expect(analyze("Troops went to the U.S. The rest stayed.").sentenceCount == 2)
    }

    @Test("Line breaks end headings and bullets; blank lines end paragraphs")
    func lines() {
        let text = "Labor Exports\n  • 15,000 workers\n  • 20 ships\n\nThe report said\nsomething else."
        #expect(analyze(text).sentenceCount == 4)
        #expect(sentences(text) == ["15,000 workers", "20 ships"])
    }

    @Test("Quotes close with their sentence")
    func quotes() {
        let text = #"He said, "It could end in 24 hours." Then he left."#
        #expect(analyze(text).sentenceCount == 2)
        #expect(sentences(text) == [#"He said, "It could end in 24 hours.""#])
    }

    @Test("Empty text, text without sentences and unbalanced quotes give empty results")
    func degenerate() {
        #expect(analyze("").sentenceCount == 0)
        #expect(analyze("   \n\n ").quantities.isEmpty)
        #expect(analyze("\"\"\" ((( …").quantities.isEmpty)
        #expect(analyze("\"He said 5 ships").quantities.count == 1)
    }

    @Test("A very long line without punctuation is analysed to the end")
    func longLine() {
        // Given a 200 KB line of mixed scripts (the time per byte is measured in Benchmarks/, up to 10 MB)
        let line = String(repeating: "about 5 ships and 한국어 русский, ", count: 6_000)
        // When it is analysed, Then every figure is found, the last one included
        let quantities = analyze(line).quantities
        #expect(quantities.count == 6_000)
        #expect(quantities.last?.span.end ?? 0 > line.unicodeScalars.count - 40)
    }
}
