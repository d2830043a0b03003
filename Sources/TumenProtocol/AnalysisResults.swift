import Foundation

/// A half-open range of Unicode scalar offsets into a document's full text.
public struct TextSpan: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// A number with its unit, as written in a sentence: the raw material of a key figure.
public struct Quantity: Codable, Sendable, Equatable {
    /// Where the quantity's words are in the document.
    public var span: TextSpan
    /// The words as written, e.g. `about 13.6 trillion Korean won`.
    public var text: String
    /// The value with scale applied (13.6 trillion → 1.36e13); nil for a range.
    public var value: Double?
    /// Range bounds, for "6 to 7.6 billion".
    public var low: Double?
    public var high: Double?
    /// Normalised unit: `person`, `USD`, `KRW`, `percent`, `shell`, `container`, `tonne`, …; nil if none.
    public var unit: String?
    /// `about`, `over`, `more than`, `up to`, `at least`, `nearly`, `exact`.
    public var qualifier: String
    /// What is counted, in a few words taken from the sentence, when it can be told.
    public var measure: String?
    /// Who asserts the figure: the origin of the claim (the first link of ``sourceChain``), when known.
    public var source: String?
    /// How the claim reached the document, origin first: `["NIS", "National Assembly Intelligence Committee",
    /// "Yonhap", "Seung-ho Jung"]`. Empty when the text names no one.
    public var sourceChain: [String]
    /// When the figure was stated (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): from the text, else the document date.
    public var asOf: String?
    /// The time the figure refers to, normalised: `2023`, `2024-06`, `2010/..` (since 2010), `2017-01/2025-03`.
    public var period: String?
    /// Reliability of the origin source, NATO Admiralty scale `A` (reliable) … `F` (cannot be judged).
    public var reliability: String?
    /// Credibility of the claim, `1` (confirmed by other sources) … `6` (cannot be judged).
    public var credibility: Int?
    /// The sentence the quantity comes from, and where it is.
    public var sentence: TextSpan
    public var sentenceText: String

    public init(
        span: TextSpan, text: String, value: Double?, low: Double? = nil, high: Double? = nil, unit: String?,
        qualifier: String, measure: String? = nil, source: String? = nil, sourceChain: [String] = [],
        asOf: String? = nil, period: String? = nil, reliability: String? = nil, credibility: Int? = nil,
        sentence: TextSpan, sentenceText: String
    ) {
        self.span = span
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.qualifier = qualifier
        self.measure = measure
        self.source = source
        self.sourceChain = sourceChain
        self.asOf = asOf
        self.period = period
        self.reliability = reliability
        self.credibility = credibility
        self.sentence = sentence
        self.sentenceText = sentenceText
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        span = try container.decode(TextSpan.self, forKey: .span)
        text = try container.decode(String.self, forKey: .text)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        low = try container.decodeIfPresent(Double.self, forKey: .low)
        high = try container.decodeIfPresent(Double.self, forKey: .high)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        qualifier = try container.decode(String.self, forKey: .qualifier)
        measure = try container.decodeIfPresent(String.self, forKey: .measure)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        sourceChain = try container.decodeIfPresent([String].self, forKey: .sourceChain) ?? []
        asOf = try container.decodeIfPresent(String.self, forKey: .asOf)
        period = try container.decodeIfPresent(String.self, forKey: .period)
        reliability = try container.decodeIfPresent(String.self, forKey: .reliability)
        credibility = try container.decodeIfPresent(Int.self, forKey: .credibility)
        sentence = try container.decode(TextSpan.self, forKey: .sentence)
        sentenceText = try container.decode(String.self, forKey: .sentenceText)
    }
}

/// One mention of a known entity (country, organisation, person, place) from the gazetteer.
public struct EntityMention: Codable, Sendable, Equatable {
    /// Canonical id, e.g. `country:kp`.
    public var entityId: String
    /// Canonical name, e.g. `North Korea`.
    public var name: String
    /// `country`, `organisation`, `person`, `place`.
    public var kind: String
    /// The alias as written, e.g. `Pyongyang`.
    public var text: String
    public var span: TextSpan

    public init(entityId: String, name: String, kind: String, text: String, span: TextSpan) {
        self.entityId = entityId
        self.name = name
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// Everything one analysis of one document yields; travels in one `job.result` message.
///
/// Later analyses add fields; readers decode missing lists as empty.
public struct AnalysisResult: Codable, Sendable, Equatable {
    public var documentId: String
    /// Name and version of the analyser, so results can be told apart after an upgrade.
    public var analyzer: String
    /// Number of sentences found.
    public var sentenceCount: Int
    public var quantities: [Quantity]
    public var entities: [EntityMention]
    /// Subject topics of the document (`economic`, `military`, `diplomatic`, …), most prominent first.
    public var topics: [String]
    /// Subject topics of each sentence that has any.
    public var sentenceTopics: [SentenceTopics]
    /// Dated events, in document order.
    public var events: [Event]
    /// Estimative statements with their probability band.
    public var estimates: [Estimate]
    /// Directional exchanges "A → B: what".
    public var flows: [Flow]
    /// Claims of this document that disagree with claims of documents analysed before it.
    public var contradictions: [Contradiction]

    public init(
        documentId: String, analyzer: String, sentenceCount: Int, quantities: [Quantity], entities: [EntityMention],
        topics: [String], sentenceTopics: [SentenceTopics] = [], events: [Event] = [], estimates: [Estimate] = [],
        flows: [Flow] = [], contradictions: [Contradiction] = []
    ) {
        self.documentId = documentId
        self.analyzer = analyzer
        self.sentenceCount = sentenceCount
        self.quantities = quantities
        self.entities = entities
        self.topics = topics
        self.sentenceTopics = sentenceTopics
        self.events = events
        self.estimates = estimates
        self.flows = flows
        self.contradictions = contradictions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        documentId = try container.decode(String.self, forKey: .documentId)
        analyzer = try container.decode(String.self, forKey: .analyzer)
        sentenceCount = try container.decodeIfPresent(Int.self, forKey: .sentenceCount) ?? 0
        quantities = try container.decodeIfPresent([Quantity].self, forKey: .quantities) ?? []
        entities = try container.decodeIfPresent([EntityMention].self, forKey: .entities) ?? []
        topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
        sentenceTopics = try container.decodeIfPresent([SentenceTopics].self, forKey: .sentenceTopics) ?? []
        events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
        estimates = try container.decodeIfPresent([Estimate].self, forKey: .estimates) ?? []
        flows = try container.decodeIfPresent([Flow].self, forKey: .flows) ?? []
        contradictions = try container.decodeIfPresent([Contradiction].self, forKey: .contradictions) ?? []
    }
}

/// The subject topics of one sentence.
public struct SentenceTopics: Codable, Sendable, Equatable {
    public var sentence: TextSpan
    public var topics: [String]

    public init(sentence: TextSpan, topics: [String]) {
        self.sentence = sentence
        self.topics = topics
    }
}

/// A dated event: what happened, who took part, and when, with the precision the text allows.
public struct Event: Codable, Sendable, Equatable {
    /// The words that date the event, e.g. `June 2024` or `last Wednesday`.
    public var span: TextSpan
    public var dateText: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, resolved against the document date when relative.
    public var date: String
    /// `day`, `month`, `year` or `range`.
    public var precision: String
    /// The end of a range (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), when `precision` is `range`.
    public var endDate: String?
    /// What happened, in a short phrase from the sentence.
    public var event: String
    /// Canonical names of the entities taking part.
    public var actors: [String]
    /// `military`, `diplomatic`, `economic`, `intelligence`, `technology`, …
    public var category: String
    /// The sentence, and where it is.
    public var sentence: TextSpan
    public var text: String

    public init(
        span: TextSpan, dateText: String, date: String, precision: String, endDate: String? = nil, event: String,
        actors: [String], category: String, sentence: TextSpan, text: String
    ) {
        self.span = span
        self.dateText = dateText
        self.date = date
        self.precision = precision
        self.endDate = endDate
        self.event = event
        self.actors = actors
        self.category = category
        self.sentence = sentence
        self.text = text
    }
}

/// An estimative statement, mapped to an ICD 203 probability band.
public struct Estimate: Codable, Sendable, Equatable {
    /// The phrase that carries the judgement, e.g. `is unlikely to`, `cannot rule out`.
    public var span: TextSpan
    public var phrase: String
    /// ICD 203 band: `almost no chance`, `very unlikely`, `unlikely`, `roughly even chance`, `likely`,
    /// `very likely`, `almost certain`.
    public var band: String
    /// The band's probability range in percent, e.g. 20…45 for `unlikely`.
    public var low: Int
    public var high: Int
    /// True when a negation or hedge turned the phrase around ("it is hard to expect").
    public var negated: Bool
    /// Who makes the judgement, when the text says so.
    public var source: String?
    public var sentence: TextSpan
    public var sentenceText: String

    public init(
        span: TextSpan, phrase: String, band: String, low: Int, high: Int, negated: Bool, source: String? = nil,
        sentence: TextSpan, sentenceText: String
    ) {
        self.span = span
        self.phrase = phrase
        self.band = band
        self.low = low
        self.high = high
        self.negated = negated
        self.source = source
        self.sentence = sentence
        self.sentenceText = sentenceText
    }
}

/// A directional exchange: `from` gives `what` to `to` (the exchange ledger).
public struct Flow: Codable, Sendable, Equatable {
    /// The words naming what moves.
    public var span: TextSpan
    /// Canonical names of giver and receiver.
    public var from: String
    public var to: String
    /// What moves, as written: `artillery shells`, `troops`, `oil`, `diplomatic cover`.
    public var what: String
    /// `munitions`, `weapons`, `troops`, `workers`, `oil`, `food`, `money`, `technology`, `diplomatic`, …
    public var category: String
    /// The quantity in the same clause, as written, when there is one.
    public var quantity: String?
    public var period: String?
    public var source: String?
    public var sentence: TextSpan
    public var sentenceText: String

    public init(
        span: TextSpan, from: String, to: String, what: String, category: String, quantity: String? = nil,
        period: String? = nil, source: String? = nil, sentence: TextSpan, sentenceText: String
    ) {
        self.span = span
        self.from = from
        self.to = to
        self.what = what
        self.category = category
        self.quantity = quantity
        self.period = period
        self.source = source
        self.sentence = sentence
        self.sentenceText = sentenceText
    }
}

/// A claim as other documents and digests refer to it.
public struct ClaimReference: Codable, Sendable, Equatable {
    public var documentId: String
    public var documentName: String
    public var span: TextSpan
    public var text: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String?
    public var qualifier: String
    public var measure: String?
    public var source: String?
    public var period: String?
    /// Reliability of the source (A–F), when graded.
    public var reliability: String?

    public init(
        documentId: String, documentName: String, span: TextSpan, text: String, value: Double?, low: Double?,
        high: Double?, unit: String?, qualifier: String, measure: String?, source: String?, period: String?,
        reliability: String? = nil
    ) {
        self.documentId = documentId
        self.documentName = documentName
        self.span = span
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.qualifier = qualifier
        self.measure = measure
        self.source = source
        self.period = period
        self.reliability = reliability
    }

    /// The reference to a quantity of a document.
    public init(documentId: String, documentName: String, quantity: Quantity) {
        self.init(
            documentId: documentId, documentName: documentName, span: quantity.span, text: quantity.text,
            value: quantity.value, low: quantity.low, high: quantity.high, unit: quantity.unit,
            qualifier: quantity.qualifier, measure: quantity.measure, source: quantity.source, period: quantity.period,
            reliability: quantity.reliability)
    }
}

/// Two claims about the same measure and overlapping period whose values disagree beyond their qualifiers.
public struct Contradiction: Codable, Sendable, Equatable {
    /// The claim of this document.
    public var claim: ClaimReference
    /// The earlier claim it disagrees with.
    public var other: ClaimReference
    /// Why the two are about the same thing and how far apart they are, in a sentence.
    public var explanation: String

    public init(claim: ClaimReference, other: ClaimReference, explanation: String) {
        self.claim = claim
        self.other = other
        self.explanation = explanation
    }
}
