import TumenProtocol

/// One line of `tumen analyze --format jsonl`: one finding, flat, with its kind, document and Unicode-scalar span.
///
/// This is the stable output contract used by tests, benchmarks and evaluation (documented in
/// `Protocols/analysis-records.md`); fields that do not apply to a kind are omitted.
public struct AnalysisRecord: Encodable, Sendable, Equatable {
    public var doc: String
    /// `quantity`, `entity`, `event`, `estimate`, `topic`, `flow` or `contradiction`.
    public var kind: String
    public var start: Int?
    public var end: Int?
    public var text: String?
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String?
    public var qualifier: String?
    public var measure: String?
    public var source: String?
    public var sourceChain: [String]?
    public var asOf: String?
    public var period: String?
    public var reliability: String?
    public var credibility: Int?
    public var sentence: String?
    public var id: String?
    public var name: String?
    public var type: String?
    public var date: String?
    public var precision: String?
    public var endDate: String?
    public var dateText: String?
    public var event: String?
    public var actors: [String]?
    public var category: String?
    public var band: String?
    public var negated: Bool?
    public var topics: [String]?
    public var scope: String?
    public var from: String?
    public var to: String?
    public var what: String?
    public var quantity: String?
    public var explanation: String?
    public var claim: ClaimReference?
    public var other: ClaimReference?

    init(doc: String, kind: String) {
        self.doc = doc
        self.kind = kind
    }

    /// Every finding of one analysed document, in a fixed order: quantities, entities, events, estimates, topics,
    /// flows, contradictions — each in document order.
    public static func records(of result: AnalysisResult, documentName doc: String) -> [AnalysisRecord] {
        var records: [AnalysisRecord] = []
        for quantity in result.quantities {
            var record = AnalysisRecord(doc: doc, kind: "quantity")
            record.start = quantity.span.start
            record.end = quantity.span.end
            record.text = quantity.text
            record.value = quantity.value
            record.low = quantity.low
            record.high = quantity.high
            record.unit = quantity.unit
            record.qualifier = quantity.qualifier
            record.measure = quantity.measure
            record.source = quantity.source
            record.sourceChain = quantity.sourceChain.isEmpty ? nil : quantity.sourceChain
            record.asOf = quantity.asOf
            record.period = quantity.period
            record.reliability = quantity.reliability
            record.credibility = quantity.credibility
            record.sentence = quantity.sentenceText
            records.append(record)
        }
        for mention in result.entities {
            var record = AnalysisRecord(doc: doc, kind: "entity")
            record.start = mention.span.start
            record.end = mention.span.end
            record.text = mention.text
            record.id = mention.entityId
            record.name = mention.name
            record.type = mention.kind
            records.append(record)
        }
        for event in result.events {
            var record = AnalysisRecord(doc: doc, kind: "event")
            record.start = event.sentence.start
            record.end = event.sentence.end
            record.text = event.text
            record.date = event.date
            record.precision = event.precision
            record.endDate = event.endDate
            record.dateText = event.dateText
            record.event = event.event
            record.actors = event.actors
            record.category = event.category
            records.append(record)
        }
        for estimate in result.estimates {
            var record = AnalysisRecord(doc: doc, kind: "estimate")
            record.start = estimate.span.start
            record.end = estimate.span.end
            record.text = estimate.phrase
            record.band = estimate.band
            record.low = Double(estimate.low)
            record.high = Double(estimate.high)
            record.negated = estimate.negated
            record.source = estimate.source
            record.sentence = estimate.sentenceText
            records.append(record)
        }
        var documentTopics = AnalysisRecord(doc: doc, kind: "topic")
        documentTopics.scope = "document"
        documentTopics.topics = result.topics
        records.append(documentTopics)
        for sentence in result.sentenceTopics {
            var record = AnalysisRecord(doc: doc, kind: "topic")
            record.scope = "sentence"
            record.start = sentence.sentence.start
            record.end = sentence.sentence.end
            record.topics = sentence.topics
            records.append(record)
        }
        for flow in result.flows {
            var record = AnalysisRecord(doc: doc, kind: "flow")
            record.start = flow.span.start
            record.end = flow.span.end
            record.text = flow.what
            record.from = flow.from
            record.to = flow.to
            record.what = flow.what
            record.category = flow.category
            record.quantity = flow.quantity
            record.period = flow.period
            record.source = flow.source
            record.sentence = flow.sentenceText
            records.append(record)
        }
        for contradiction in result.contradictions {
            var record = AnalysisRecord(doc: doc, kind: "contradiction")
            record.start = contradiction.claim.span.start
            record.end = contradiction.claim.span.end
            record.text = contradiction.claim.text
            record.measure = contradiction.claim.measure
            record.explanation = contradiction.explanation
            record.claim = contradiction.claim
            record.other = contradiction.other
            records.append(record)
        }
        return records
    }
}
