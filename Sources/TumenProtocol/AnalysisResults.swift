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
    /// Who asserts the figure, when the sentence says so.
    public var source: String?
    /// The sentence the quantity comes from, and where it is.
    public var sentence: TextSpan
    public var sentenceText: String

    public init(
        span: TextSpan, text: String, value: Double?, low: Double? = nil, high: Double? = nil, unit: String?,
        qualifier: String, measure: String? = nil, source: String? = nil, sentence: TextSpan, sentenceText: String
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
        self.sentence = sentence
        self.sentenceText = sentenceText
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

    public init(
        documentId: String, analyzer: String, sentenceCount: Int, quantities: [Quantity], entities: [EntityMention],
        topics: [String]
    ) {
        self.documentId = documentId
        self.analyzer = analyzer
        self.sentenceCount = sentenceCount
        self.quantities = quantities
        self.entities = entities
        self.topics = topics
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        documentId = try container.decode(String.self, forKey: .documentId)
        analyzer = try container.decode(String.self, forKey: .analyzer)
        sentenceCount = try container.decodeIfPresent(Int.self, forKey: .sentenceCount) ?? 0
        quantities = try container.decodeIfPresent([Quantity].self, forKey: .quantities) ?? []
        entities = try container.decodeIfPresent([EntityMention].self, forKey: .entities) ?? []
        topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
    }
}
