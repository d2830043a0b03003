import TumenProtocol

/// Reads one document and returns its sentences' figures, entity mentions and topics.
///
/// A pure function of the document and the configured gazetteer and topic lexicon: no clock, no I/O, the same
/// output for the same input. Offsets in the result count Unicode scalars of `Document.text`.
///
/// ```swift
/// let result = Analyzer().analyze(document)
/// for figure in result.quantities { print(figure.text, figure.value ?? 0, figure.unit ?? "-") }
/// ```
public struct Analyzer: Sendable {
    /// The name and version written into every result.
    public static let version = "tumen-analysis/1"

    private let entityMatcher: EntityMatcher
    private let topicMatcher: TopicMatcher

    public init(gazetteer: Gazetteer = .bundled, topics: TopicLexicon = .bundled) {
        entityMatcher = EntityMatcher(gazetteer)
        topicMatcher = TopicMatcher(topics)
    }

    public func analyze(_ document: Document) -> AnalysisResult {
        let text = ScannedText(document.text)
        let sentences = SentenceSplitter.split(text)
        let mentions = entityMatcher.mentions(in: text)
        let extractor = QuantityExtractor(text)
        let attributor = Attributor(text: text, mentions: mentions)

        var quantities: [Quantity] = []
        var mentionIndex = 0
        for sentence in sentences {
            while mentionIndex < mentions.count, mentions[mentionIndex].firstToken < sentence.firstToken {
                mentionIndex += 1
            }
            var mentionEnd = mentionIndex
            while mentionEnd < mentions.count, mentions[mentionEnd].firstToken < sentence.endToken { mentionEnd += 1 }
            let candidates = extractor.candidates(in: sentence)
            guard !candidates.isEmpty else { continue }
            let sentenceText = text.string(sentence.start, sentence.end)
            let mentionRange = mentionIndex..<mentionEnd
            let asserter = attributor.asserter(in: sentence, mentionRange: mentionRange)
            for candidate in candidates {
                let start = text.tokens[candidate.first].start
                let end = text.tokens[candidate.end - 1].end
                quantities.append(
                    Quantity(
                        span: TextSpan(start: start, end: end),
                        text: text.string(start, end),
                        value: candidate.value,
                        low: candidate.low,
                        high: candidate.high,
                        unit: candidate.unit,
                        qualifier: candidate.qualifier,
                        measure: attributor.measure(of: candidate, in: sentence),
                        source: attributor.source(
                            of: candidate, asserter: asserter, in: sentence, mentionRange: mentionRange),
                        sentence: TextSpan(start: sentence.start, end: sentence.end),
                        sentenceText: sentenceText
                    ))
            }
        }

        return AnalysisResult(
            documentId: document.id,
            analyzer: Self.version,
            sentenceCount: sentences.count,
            quantities: quantities,
            entities: mentions.map(\.mention),
            topics: topicMatcher.topics(in: text)
        )
    }
}
