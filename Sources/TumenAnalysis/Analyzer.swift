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
    private let estimateExtractor: EstimateExtractor
    private let flowExtractor: FlowExtractor
    private let sources: SourceRegistry

    public init(
        gazetteer: Gazetteer = .bundled, topics: TopicLexicon = .bundled,
        estimative: EstimativeLexicon = .bundled, flows: FlowLexicon = .bundled, sources: SourceRegistry = .bundled
    ) {
        self.sources = sources
        entityMatcher = EntityMatcher(gazetteer)
        topicMatcher = TopicMatcher(topics)
        estimateExtractor = EstimateExtractor(estimative)
        flowExtractor = FlowExtractor(flows)
    }

    public func analyze(_ document: Document) -> AnalysisResult {
        let text = ScannedText(document.text)
        let sentences = SentenceSplitter.split(text)
        let mentions = entityMatcher.mentions(in: text)
        let countries = mentions.compactMap { found -> (token: Int, country: String)? in
            guard found.mention.kind == "country", found.mention.entityId.hasPrefix("country:") else { return nil }
            return (found.firstToken, String(found.mention.entityId.dropFirst("country:".count)))
        }
        let extractor = QuantityExtractor(text, currencies: CurrencyContext(text: text, countries: countries))
        let attributor = Attributor(text: text, mentions: mentions)
        var tracker = SourceTracker(text: text, mentions: mentions, registry: sources)

        var quantities: [Quantity] = []
        var mentionIndex = 0
        for sentence in sentences {
            while mentionIndex < mentions.count, mentions[mentionIndex].firstToken < sentence.firstToken {
                mentionIndex += 1
            }
            var mentionEnd = mentionIndex
            while mentionEnd < mentions.count, mentions[mentionEnd].firstToken < sentence.endToken { mentionEnd += 1 }
            let mentionRange = mentionIndex..<mentionEnd
            // Every sentence is read for sources, so that later sentences can carry them over.
            let sentenceSources = tracker.read(sentence, mentionRange: mentionRange)
            let candidates = extractor.candidates(in: sentence)
            guard !candidates.isEmpty else { continue }
            let sentenceText = text.string(sentence.start, sentence.end)
            for candidate in candidates {
                let start = text.tokens[candidate.first].start
                let end = text.tokens[candidate.end - 1].end
                let claim = tracker.claim(
                    of: candidate, in: sentenceSources, sentence: sentence, mentionRange: mentionRange)
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
                        source: claim.source,
                        sourceChain: claim.chain,
                        reliability: claim.reliability,
                        sentence: TextSpan(start: sentence.start, end: sentence.end),
                        sentenceText: sentenceText
                    ))
            }
        }

        let dates = DateFinder(text: text, documentDate: document.documentDate).find(in: sentences)
        QuantityDating.date(
            &quantities, text: text, sentences: sentences, dates: dates, documentDate: document.documentDate)
        let topics = topicMatcher.topics(in: text, sentences: sentences)
        let judgements = Judgements.find(
            estimates: estimateExtractor, flows: flowExtractor, text: text, sentences: sentences, mentions: mentions,
            quantities: quantities)
        return AnalysisResult(
            documentId: document.id,
            analyzer: Self.version,
            sentenceCount: sentences.count,
            quantities: quantities,
            entities: mentions.map(\.mention),
            topics: topics.document,
            sentenceTopics: topics.sentences,
            events: EventExtractor(text: text).events(
                sentences: sentences, dates: dates, mentions: mentions, quantities: quantities),
            estimates: judgements.estimates,
            flows: judgements.flows
        )
    }
}
