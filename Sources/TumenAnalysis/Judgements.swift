import TumenProtocol

/// The estimates and flows of a document: one pass over its sentences, each sentence given its entity mentions,
/// quantities and the words that name who judges.
enum Judgements {
    static func find(
        estimates estimateExtractor: EstimateExtractor, flows flowExtractor: FlowExtractor, text: ScannedText,
        sentences: [Sentence], mentions: [(mention: EntityMention, firstToken: Int, endToken: Int)],
        quantities: [Quantity]
    ) -> (estimates: [Estimate], flows: [Flow]) {
        var estimates: [Estimate] = []
        var flows: [Flow] = []
        var mentionIndex = 0
        var quantityIndex = 0
        var previousCountry: String?
        for sentence in sentences {
            while mentionIndex < mentions.count, mentions[mentionIndex].firstToken < sentence.firstToken {
                mentionIndex += 1
            }
            var mentionEnd = mentionIndex
            while mentionEnd < mentions.count, mentions[mentionEnd].firstToken < sentence.endToken { mentionEnd += 1 }
            while quantityIndex < quantities.count, quantities[quantityIndex].span.start < sentence.start {
                quantityIndex += 1
            }
            var quantityEnd = quantityIndex
            while quantityEnd < quantities.count, quantities[quantityEnd].span.start < sentence.end { quantityEnd += 1 }

            let mentionRange = mentionIndex..<mentionEnd
            // Asked at most once per sentence, and only when a finding needs it.
            var judge: String??
            let findJudge = {
                if let judge { return judge }
                let found = estimateExtractor.judge(in: sentence, of: text, mentions: mentions[mentionRange])
                judge = .some(found)
                return found
            }
            estimates += estimateExtractor.estimates(
                in: sentence, of: text, sentenceText: { text.string(sentence.start, sentence.end) }, judge: findJudge)
            flows += flowExtractor.flows(
                FlowExtractor.Context(
                    text: text, sentence: sentence, mentions: mentions[mentionRange],
                    quantities: quantities[quantityIndex..<quantityEnd], previousCountry: previousCountry),
                judge: findJudge)
            if let last = mentions[mentionRange].last(where: { $0.mention.kind == "country" }) {
                previousCountry = last.mention.name
            }
        }
        return (estimates, flows)
    }
}
