import Foundation
import Testing
import TumenProtocol

@Suite struct FrameScreeningTests {
    static let ts = "2025-06-19T08:30:00.125Z"

    @Test func aFrameNested100000DeepIsRefusedBeforeDecodingWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let frame = Data(#"{"v":1,"type":"status.query","id":"a","ts":"\#(Self.ts)","payload":\#(deep)}"#.utf8)
        #expect(throws: DecodingFailure.self) { try WireCoding.decode(StatusQuery.self, from: frame) }
        #expect(FrameScreening.problem(in: frame) == "JSON nested deeper than 128 levels")
    }

    @Test func nestingUpToTheLimitIsLeftToTheDecoder() {
        let depth = FrameScreening.maxDepth
        let frame = Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        #expect(FrameScreening.problem(in: frame) == nil)
    }

    @Test func aRepeatedEnvelopeKeyIsRefusedWhateverItsSpelling() throws {
        for key in ["id", #"\u0069d"#] {
            let frame = Data(
                #"{"v":1,"type":"status.query","id":"first","ts":"\#(Self.ts)","payload":{},"\#(key)":"x"}"#.utf8)
            let failure = #expect(throws: DecodingFailure.self) { try WireCoding.decodeHeader(frame) }
            #expect(failure?.code == .invalidJSON)
            #expect(failure?.message.contains("the key 'id' appears twice in the envelope") == true, "\(failure!)")
        }
    }

    @Test func aRepeatedKeyInsideThePayloadIsRefusedAndNamesWhere() {
        let frame = Data(#"{"payload":{"document":{"text":"a","text":"b"}},"v":1}"#.utf8)
        #expect(FrameScreening.problem(in: frame)?.contains("'text' appears twice in 'payload.document'") == true)
    }

    @Test func equalKeysInDifferentObjectsAndKeyLikeStringValuesAreFine() throws {
        let frame = Data(
            #"{"v":1,"type":"x","id":"id","ts":"\#(Self.ts)","payload":{"list":[{"id":"a"},{"id":"b"}],"s":"\"id\",{"}}"#
                .utf8)
        #expect(FrameScreening.problem(in: frame) == nil)
        #expect(try WireCoding.decodeHeader(frame).id == "id")
    }

    @Test func everySampleEnvelopeOfTheProtocolPassesTheScreening() throws {
        for sample in Samples.all {
            #expect(FrameScreening.problem(in: try sample.fullJSON()) == nil, "\(sample.type)")
        }
    }

    @Test func aTrailingCommaIsRefusedAsPythonWouldThoughSwiftAcceptsIt() {
        #expect(FrameScreening.problem(in: Data(#"{"v":1,"payload":{"list":[1,2,]}}"#.utf8)) == "a comma before ']'")
        #expect(FrameScreening.problem(in: Data("{\"v\":1 ,\n }".utf8)) == "a comma before '}'")
        #expect(FrameScreening.problem(in: Data(#"{"s":",}"}"#.utf8)) == nil)
    }
}
