import Foundation
import Testing
import TumenProtocol

@Suite("Version rules and decoding failures")
struct VersionRuleTests {
    /// Expects `body` to fail with a ``DecodingFailure`` and returns it.
    private func failure(_ body: () throws -> Void) -> DecodingFailure? {
        do {
            try body()
            Issue.record("decoding succeeded but should have failed")
            return nil
        } catch let error as DecodingFailure {
            return error
        } catch {
            Issue.record("expected a DecodingFailure, got \(error)")
            return nil
        }
    }

    @Test("Unknown fields in the envelope, the payload and nested objects are ignored", arguments: Samples.all)
    func unknownFieldsAreIgnored(sample: MessageSample) throws {
        let maps = try Self.mapFields(of: sample.type)
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            envelope["futureEnvelopeField"] = ["nested": [1, 2, 3]]
            var payload = envelope["payload"] as? [String: Any] ?? [:]
            payload["futurePayloadField"] = "ignored"
            for (key, value) in payload where !maps.contains(key) {
                if var nested = value as? [String: Any] {
                    nested["futureNestedField"] = true
                    payload[key] = nested
                }
            }
            envelope["payload"] = payload
        }
        #expect(try sample.decodesToFull(data))
    }

    /// The payload fields that the schema of `type` declares as maps (any key, values of one schema): their keys
    /// are data, not field names, so an unknown key is an entry, not a field to ignore.
    private static func mapFields(of type: MessageType) throws -> Set<String> {
        let url = Repository.schemas.appendingPathComponent("\(type).schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let payload = (schema?["properties"] as? [String: Any])?["payload"] as? [String: Any]
        let properties = payload?["properties"] as? [String: [String: Any]] ?? [:]
        return Set(
            properties.filter { $0.value["additionalProperties"] is [String: Any] && $0.value["properties"] == nil }
                .keys)
    }

    @Test("An envelope of major version 2 is refused as unsupported, saying which version it was")
    func newerMajorVersionIsRefused() throws {
        let sample = try #require(Samples.sample(DocumentSubmit.type))
        let data = try JSON.edited(sample.fullJSON()) { $0["v"] = 2 }
        let error = try #require(failure { _ = try WireCoding.decode(DocumentSubmit.self, from: data) })
        #expect(error.code == .unsupportedVersion)
        #expect(error.code.description == "unsupported-version")
        #expect(error.message.contains("version 2"), "\(error.message)")
        #expect(error.message.contains("v\(ProtocolVersion.major)"), "\(error.message)")
        #expect(error.messageID == "sample-document.submit-full", "the id is kept so the error reply can correlate")
        let headerError = try #require(failure { _ = try WireCoding.decodeHeader(data) })
        #expect(headerError.code == .unsupportedVersion)
    }

    @Test("An envelope of major version 0 is refused too")
    func olderMajorVersionIsRefused() throws {
        let sample = try #require(Samples.sample(StatusQuery.type))
        let data = try JSON.edited(sample.fullJSON()) { $0["v"] = 0 }
        let error = try #require(failure { _ = try WireCoding.decode(StatusQuery.self, from: data) })
        #expect(error.code == .unsupportedVersion)
        #expect(error.message.contains("version 0"), "\(error.message)")
    }

    @Test("A message of another type is refused as the wrong type, naming both types")
    func wrongTypeIsRefused() throws {
        let sample = try #require(Samples.sample(DocumentSubmit.type))
        let data = try sample.fullJSON()
        let error = try #require(failure { _ = try WireCoding.decode(DocumentAccepted.self, from: data) })
        #expect(error.code == .unknownType)
        #expect(
            error.message.contains("document.accepted") && error.message.contains("document.submit"), "\(error.message)"
        )
        #expect(error.messageID == "sample-document.submit-full")
    }

    @Test(
        "A frame that is not JSON is refused as invalid JSON",
        arguments: [
            #"{"v":1,"type":"document.submit""#, "", "not json", #"{"v":1 "type":"status.query"}"#,
        ])
    func invalidJSONIsRefused(text: String) {
        let error = failure { _ = try WireCoding.decode(DocumentSubmit.self, from: Data(text.utf8)) }
        #expect(error?.code == .invalidJSON, "\(String(describing: error))")
        #expect(error?.messageID == nil)
    }

    @Test("Bytes that are not UTF-8 are refused as invalid JSON")
    func invalidUTF8IsRefused() {
        let error = failure { _ = try WireCoding.decodeHeader(Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])) }
        #expect(error?.code == .invalidJSON, "\(String(describing: error))")
    }

    @Test(
        "JSON that is not an envelope is refused as an invalid envelope, naming what is missing",
        arguments: [
            (#"[]"#, "<root>"), (#"42"#, "<root>"), (#"{"type":"status.query","id":"a"}"#, "'v'"),
            (#"{"v":1,"id":"a"}"#, "'type'"), (#"{"v":1,"type":"status.query"}"#, "'id'"),
            (#"{"v":"1","type":"status.query","id":"a"}"#, "'v'"),
        ])
    func notAnEnvelope(text: String, named: String) {
        let error = failure { _ = try WireCoding.decodeHeader(Data(text.utf8)) }
        #expect(error?.code == .invalidEnvelope, "\(String(describing: error))")
        #expect(error?.message.contains(named) == true, "\(String(describing: error?.message)) should name \(named)")
    }

    @Test("A malformed timestamp in the envelope is refused, naming the field")
    func malformedTimestamp() throws {
        let sample = try #require(Samples.sample(StatusQuery.type))
        let data = try JSON.edited(sample.fullJSON()) { $0["ts"] = "19 June 2025" }
        let error = try #require(failure { _ = try WireCoding.decode(StatusQuery.self, from: data) })
        #expect(error.code == .invalidEnvelope)
        #expect(error.message.contains("'ts'") && error.message.contains("19 June 2025"), "\(error.message)")
    }

    @Test("An envelope without ts is refused as an invalid envelope, naming the field")
    func missingTimestamp() throws {
        let sample = try #require(Samples.sample(StatusQuery.type))
        let data = try JSON.edited(sample.fullJSON()) { $0.removeValue(forKey: "ts") }
        let error = try #require(failure { _ = try WireCoding.decode(StatusQuery.self, from: data) })
        #expect(error.code == .invalidEnvelope)
        #expect(error.message.contains("'ts'"), "\(error.message)")
        #expect(error.messageID == "sample-status.query-full")
    }

    @Test("A missing payload field is refused as an invalid payload, naming the field")
    func missingPayloadField() throws {
        let sample = try #require(Samples.sample(DocumentSubmit.type))
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            var payload = try #require(envelope["payload"] as? [String: Any])
            payload.removeValue(forKey: "name")
            envelope["payload"] = payload
        }
        let error = try #require(failure { _ = try WireCoding.decode(DocumentSubmit.self, from: data) })
        #expect(error.code == .invalidPayload)
        #expect(error.message.contains("missing field 'payload.name'"), "\(error.message)")
        #expect(error.messageID == "sample-document.submit-full")
    }

    @Test("A missing nested field is named with its whole path")
    func missingNestedField() throws {
        let sample = try #require(Samples.sample(DocumentStore.type))
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            var payload = try #require(envelope["payload"] as? [String: Any])
            var document = try #require(payload["document"] as? [String: Any])
            document.removeValue(forKey: "contentHash")
            payload["document"] = document
            envelope["payload"] = payload
        }
        let error = try #require(failure { _ = try WireCoding.decode(DocumentStore.self, from: data) })
        #expect(error.code == .invalidPayload)
        #expect(error.message.contains("'payload.document.contentHash'"), "\(error.message)")
    }

    @Test("A missing payload is refused as an invalid payload, naming it")
    func missingPayload() throws {
        let sample = try #require(Samples.sample(StatusQuery.type))
        let data = try JSON.edited(sample.fullJSON()) { $0.removeValue(forKey: "payload") }
        let error = try #require(failure { _ = try WireCoding.decode(StatusQuery.self, from: data) })
        #expect(error.code == .invalidPayload)
        #expect(error.message.contains("'payload'"), "\(error.message)")
    }

    @Test("A payload field of the wrong JSON type is refused, naming the field")
    func wrongFieldType() throws {
        let sample = try #require(Samples.sample(DocumentAccepted.type))
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            var payload = try #require(envelope["payload"] as? [String: Any])
            payload["duplicate"] = "no"
            envelope["payload"] = payload
        }
        let error = try #require(failure { _ = try WireCoding.decode(DocumentAccepted.self, from: data) })
        #expect(error.code == .invalidPayload)
        #expect(error.message.contains("'payload.duplicate'"), "\(error.message)")
    }

    @Test("An analysis result without its lists decodes with empty lists, as the forward-compatibility rule says")
    func analysisResultListsDefaultToEmpty() throws {
        let sample = try #require(Samples.sample(JobResult.type))
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            var payload = try #require(envelope["payload"] as? [String: Any])
            payload["result"] = ["documentId": "doc-1", "analyzer": "old/0.0"]
            envelope["payload"] = payload
        }
        let decoded = try WireCoding.decode(JobResult.self, from: data)
        #expect(
            decoded.payload.result
                == AnalysisResult(
                    documentId: "doc-1", analyzer: "old/0.0", sentenceCount: 0, quantities: [], entities: [],
                    topics: []))
    }

    @Test("A quantity without sourceChain decodes with an empty chain, as the forward-compatibility rule says")
    func sourceChainDefaultsToEmpty() throws {
        let sample = try #require(Samples.sample(JobResult.type))
        let data = try JSON.edited(sample.fullJSON()) { envelope in
            var payload = try #require(envelope["payload"] as? [String: Any])
            var result = try #require(payload["result"] as? [String: Any])
            var quantities = try #require(result["quantities"] as? [[String: Any]])
            #expect(quantities[0]["sourceChain"] != nil, "the full sample writes sourceChain")
            quantities[0].removeValue(forKey: "sourceChain")
            result["quantities"] = quantities
            payload["result"] = result
            envelope["payload"] = payload
        }
        let decoded = try WireCoding.decode(JobResult.self, from: data)
        var expected = Fixtures.quantity
        expected.sourceChain = []
        #expect(decoded.payload.result?.quantities == [expected])
    }

    @Test("The header of any envelope can be read without knowing its payload type", arguments: Samples.all)
    func headerOfEveryMessage(sample: MessageSample) throws {
        let header = try WireCoding.decodeHeader(try sample.fullJSON())
        #expect(header.type == sample.type)
        #expect(header.v == ProtocolVersion.major)
        #expect(header.correlationId == "request-0001")
        #expect(header.ts == Fixtures.ts)
    }
}
