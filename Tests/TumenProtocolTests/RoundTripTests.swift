import Foundation
import Testing
import TumenProtocol

@Suite("Every message type survives the wire")
struct RoundTripTests {
    @Test(
        "A message decodes to what was encoded, with every optional field set and with every optional field absent",
        arguments: Samples.all)
    func roundTrip(sample: MessageSample) throws {
        try sample.expectRoundTrip()
    }

    @Test("Every message type named in the topology has exactly one sample, and every sample is in the topology")
    func samplesCoverTheTopology() {
        let sampled = Samples.all.map(\.type.rawValue)
        #expect(Set(sampled).count == sampled.count, "a message type has two samples: \(sampled.sorted())")
        let named = Set(Topology.sockets.flatMap(\.messages))
        #expect(named.subtracting(sampled).sorted() == [], "message types without a sample in Samples.all")
        #expect(Set(sampled).subtracting(named).sorted() == [], "sampled types that no socket in Topology carries")
    }

    @Test(
        "Every envelope is written with v, type, id, ts and payload, and the type is the payload's wire name",
        arguments: Samples.all)
    func envelopeFields(sample: MessageSample) throws {
        let object = try JSON.object(sample.minimalJSON())
        #expect(object["v"] as? Int == ProtocolVersion.major)
        #expect(object["type"] as? String == sample.type.rawValue)
        #expect(object["id"] is String)
        #expect(object["ts"] is String)
        #expect(object["payload"] is [String: Any])
        #expect(
            (object["correlationId"] != nil) == sample.isReply, "only replies carry correlationId in the minimal sample"
        )
    }

    @Test("Absent optional fields are omitted from the JSON, not written as null", arguments: Samples.all)
    func nilIsOmitted(sample: MessageSample) throws {
        let text = String(decoding: try sample.minimalJSON(), as: UTF8.self)
        #expect(!text.contains("null"), "\(text)")
    }

    @Test("The fixtures' spans point at their words in the fixture text")
    func fixtureSpansMatchTheText() {
        let scalars = Array(Fixtures.text.unicodeScalars)
        func words(_ span: TextSpan) -> String {
            guard span.start <= span.end, span.end <= scalars.count else { return "<out of range>" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
        #expect(words(Fixtures.quantity.span) == Fixtures.quantity.text)
        #expect(words(Fixtures.quantity.sentence) == Fixtures.quantity.sentenceText)
        #expect(words(Fixtures.minimalQuantity.span) == Fixtures.minimalQuantity.text)
        #expect(words(Fixtures.minimalQuantity.sentence) == Fixtures.minimalQuantity.sentenceText)
        #expect(words(Fixtures.entity.span) == Fixtures.entity.text)
        #expect(words(Fixtures.event.span) == Fixtures.event.dateText)
        #expect(words(Fixtures.minimalEvent.span) == Fixtures.minimalEvent.dateText)
        #expect(words(Fixtures.event.sentence) == Fixtures.event.text)
        #expect(words(Fixtures.estimate.span) == Fixtures.estimate.phrase)
        #expect(words(Fixtures.estimate.sentence) == Fixtures.estimate.sentenceText)
        #expect(words(Fixtures.flow.span) == Fixtures.flow.what)
        #expect(words(Fixtures.flow.sentence) == Fixtures.flow.sentenceText)
        #expect(words(Fixtures.sentenceTopics.sentence) == Fixtures.sentence)
    }

    @Test("The JSON is deterministic: sorted keys and unescaped slashes")
    func deterministicJSON() throws {
        let sample = try #require(Samples.sample(DocumentStore.type))
        let first = try sample.fullJSON()
        let second = try sample.fullJSON()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix(#"{"correlationId":"request-0001","id":"#))
        #expect(text.contains("corpus/seeds/001.md"))
    }
}

/// Small helpers to take encoded frames apart and put them back together in tests.
enum JSON {
    /// The top-level object of a frame.
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A frame changed by `edit`, re-encoded.
    static func edited(_ data: Data, _ edit: (inout [String: Any]) throws -> Void) throws -> Data {
        var object = try object(data)
        try edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
