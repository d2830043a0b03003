import Foundation

/// One bad message for a service socket: what it is, its frames as a DEALER sends them, and the `error` code the
/// service must answer with.
public struct HostileFrame: Sendable, CustomStringConvertible {
    /// A short name of what is wrong, for test output.
    public var name: String
    /// The frames the client sends (a DEALER's own frames; the ROUTER adds the identity).
    public var frames: [Data]
    /// The `code` of the expected `error` reply.
    public var expectedCode: String
    /// The envelope `id` the reply must carry as `correlationId`, when the service could read it.
    public var correlationId: String?

    public var description: String { name }
}

/// The message a socket takes, as the catalogue needs it: a type and payloads that break it.
public struct HostileTarget: Sendable {
    /// A message type the socket handles.
    public var type: String
    /// A payload of `type` that lacks a required field.
    public var payloadMissingField: String
    /// A payload of `type` with a field of the wrong JSON type.
    public var payloadWrongType: String

    public init(type: String, payloadMissingField: String, payloadWrongType: String) {
        self.type = type
        self.payloadMissingField = payloadMissingField
        self.payloadWrongType = payloadWrongType
    }

    /// Ingest's `submit` socket.
    public static let submit = HostileTarget(
        type: "document.submit", payloadMissingField: #"{"text":"No name."}"#,
        payloadWrongType: #"{"name":42,"text":"A number for a name."}"#)
    /// Storage's `store` socket.
    public static let store = HostileTarget(
        type: "document.store", payloadMissingField: "{}", payloadWrongType: #"{"document":"not an object"}"#)
    /// Storage's `jobs` socket.
    public static let jobs = HostileTarget(
        type: "worker.ready", payloadMissingField: #"{"kinds":["analyze.document"]}"#,
        payloadWrongType: #"{"workerId":"hostile","kinds":"analyze.document"}"#)
    /// Reporting's `control` socket.
    public static let control = HostileTarget(
        type: "digest.now", payloadMissingField: "{}", payloadWrongType: #"{"topics":"all"}"#)
}

/// The catalogue of bad frames every ROUTER socket must survive: each is answered with an `error` reply, logged
/// and kept as a dead letter, and changes nothing stored.
public enum HostileFrames {
    /// A well-formed timestamp for envelopes whose problem lies elsewhere.
    static let ts = "2025-06-19T08:30:00.125Z"

    /// Every bad frame for the socket that takes `target`'s message type; ids are `hostile-<n>`.
    public static func catalogue(for target: HostileTarget) -> [HostileFrame] {
        let type = target.type
        var catalogue: [HostileFrame] = []
        func add(_ name: String, _ code: String, correlationId: String? = nil, _ frames: [Data]) {
            catalogue.append(HostileFrame(name: name, frames: frames, expectedCode: code, correlationId: correlationId))
        }
        func add(_ name: String, _ code: String, correlationId: String? = nil, text: String) {
            add(name, code, correlationId: correlationId, [Data(text.utf8)])
        }
        func add(_ name: String, _ code: String, bytes: [UInt8]) {
            add(name, code, [Data(bytes)])
        }
        /// An envelope with the given header fields (raw JSON values) and payload.
        func envelope(v: String? = "1", type: String? = nil, id: String? = nil, ts: String? = nil, payload: String?)
            -> String
        {
            var fields: [String] = []
            if let v { fields.append(#""v":\#(v)"#) }
            if let type { fields.append(#""type":\#(type)"#) }
            if let id { fields.append(#""id":\#(id)"#) }
            if let ts { fields.append(#""ts":\#(ts)"#) }
            if let payload { fields.append(#""payload":\#(payload)"#) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let quotedType = "\"\(type)\""
        let quotedTs = "\"\(ts)\""
        func valid(_ id: String, payload: String) -> String {
            envelope(type: quotedType, id: "\"\(id)\"", ts: quotedTs, payload: payload)
        }
        let good = valid("hostile-0", payload: target.payloadMissingField)

        // Not JSON at all, or not all of it
        add("an empty frame", "invalid-json", text: "")
        add("only whitespace", "invalid-json", text: " \n\t\r ")
        add("a lone brace", "invalid-json", text: "{")
        add("an envelope cut in a string", "invalid-json", text: String(good.prefix(good.count / 2)))
        add("an envelope without its closing brace", "invalid-json", text: String(good.dropLast()))
        add("garbage after the envelope", "invalid-json", text: good + "xyz")
        add("two envelopes in one frame", "invalid-json", text: good + good)
        add("single quotes", "invalid-json", text: good.replacingOccurrences(of: "\"", with: "'"))
        add("a trailing comma", "invalid-json", text: String(good.dropLast()) + ",}")
        add("a comment", "invalid-json", text: "/* hello */" + good)
        add("half a megabyte of letters", "invalid-json", text: String(repeating: "a", count: 500_000))
        // Invalid UTF-8 and NUL bytes
        add("a lone 0xFF byte", "invalid-json", bytes: [0xFF])
        add("binary bytes", "invalid-json", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00])
        add(
            "invalid UTF-8 in the id", "invalid-json",
            [Data(#"{"v":1,"type":"x","id":""#.utf8) + Data([0xC3, 0x28]) + Data(#""}"#.utf8)])
        add(
            "an overlong UTF-8 slash", "invalid-json",
            [Data(#"{"v":1,"type":"x","id":"a"#.utf8) + Data([0xC0, 0xAF]) + Data(#""}"#.utf8)])
        add(
            "a UTF-16 surrogate encoded in UTF-8", "invalid-json",
            [Data(#"{"v":1,"type":"x","id":""#.utf8) + Data([0xED, 0xA0, 0x80]) + Data(#""}"#.utf8)])
        add("a NUL byte before the envelope", "invalid-json", [Data([0]) + Data(good.utf8)])
        add("a raw NUL byte inside a string", "invalid-json", [Data(#"{"v":1,"type":"x\#u{0}y","id":"a"}"#.utf8)])
        add("NUL bytes only", "invalid-json", bytes: [UInt8](repeating: 0, count: 64))
        add(
            "an escaped NUL in the type", "unknown-type", correlationId: "hostile-1",
            text: envelope(type: #""status\u0000query""#, id: #""hostile-1""#, ts: quotedTs, payload: "{}"))
        // Deep nesting
        let depth = 100_000
        add(
            "arrays nested 100,000 deep", "invalid-json",
            text: valid(
                "hostile-2", payload: String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        add(
            "objects nested 100,000 deep", "invalid-json",
            text: String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth))
        add("100,000 unclosed brackets", "invalid-json", text: String(repeating: "[", count: depth))
        add(
            "nesting 129 deep", "invalid-json",
            text: String(repeating: "[", count: 129) + String(repeating: "]", count: 129))
        // JSON that is not an envelope
        add("null", "invalid-envelope", text: "null")
        add("an array", "invalid-envelope", text: "[" + good + "]")
        add("a number", "invalid-envelope", text: "42")
        add("a string", "invalid-envelope", text: #""document.submit""#)
        add("an empty object", "invalid-envelope", text: "{}")
        // Huge and odd numbers
        add(
            "v of 1e400", "invalid-json",
            text: envelope(v: "1e400", type: quotedType, id: #""hostile-3""#, ts: quotedTs, payload: "{}"))
        add(
            "v beyond 64 bits", "invalid-json",
            text: envelope(
                v: "123456789012345678901234567890", type: quotedType, id: #""hostile-4""#, ts: quotedTs, payload: "{}")
        )
        add(
            "v of 1.5", "invalid-json",
            text: envelope(v: "1.5", type: quotedType, id: #""hostile-5""#, ts: quotedTs, payload: "{}"))
        add(
            "v as a string", "invalid-envelope",
            text: envelope(v: #""1""#, type: quotedType, id: #""hostile-6""#, ts: quotedTs, payload: "{}"))
        add(
            "no v", "invalid-envelope",
            text: envelope(v: nil, type: quotedType, id: #""hostile-7""#, ts: quotedTs, payload: "{}"))
        // Unknown major versions
        for (index, version) in ["2", "0", "-1", "99"].enumerated() {
            let id = "hostile-v\(index)"
            add(
                "major version \(version)", "unsupported-version", correlationId: id,
                text: envelope(
                    v: version, type: quotedType, id: "\"\(id)\"", ts: quotedTs, payload: target.payloadWrongType))
        }
        // Wrong or missing envelope fields
        add("no type", "invalid-envelope", text: envelope(type: nil, id: #""hostile-8""#, ts: quotedTs, payload: "{}"))
        add(
            "a number for the type", "invalid-envelope",
            text: envelope(type: "7", id: #""hostile-9""#, ts: quotedTs, payload: "{}"))
        add("no id", "invalid-envelope", text: envelope(type: quotedType, id: nil, ts: quotedTs, payload: "{}"))
        add(
            "a number for the id", "invalid-envelope",
            text: envelope(type: quotedType, id: "12", ts: quotedTs, payload: "{}"))
        add("a null id", "invalid-envelope", text: envelope(type: quotedType, id: "null", ts: quotedTs, payload: "{}"))
        add(
            "a malformed ts", "invalid-envelope",
            text: envelope(type: quotedType, id: #""hostile-10""#, ts: #""yesterday""#, payload: "{}"))
        add(
            "a ts in another time zone", "invalid-envelope",
            text: envelope(type: quotedType, id: #""hostile-11""#, ts: #""2025-06-19T08:30:00+09:00""#, payload: "{}"))
        add(
            "no ts", "invalid-envelope", correlationId: "hostile-12",
            text: envelope(type: quotedType, id: #""hostile-12""#, payload: "{}"))
        // Unknown types
        add(
            "an empty type", "unknown-type", correlationId: "hostile-13",
            text: envelope(type: #""""#, id: #""hostile-13""#, ts: quotedTs, payload: "{}"))
        add(
            "an unknown type", "unknown-type", correlationId: "hostile-14",
            text: envelope(type: #""no.such.type""#, id: #""hostile-14""#, ts: quotedTs, payload: "{}"))
        add(
            "a type another socket takes", "unknown-type", correlationId: "hostile-15",
            text: envelope(type: #""digest.published""#, id: #""hostile-15""#, ts: quotedTs, payload: "{}"))
        // Broken payloads
        add(
            "no payload", "invalid-payload", correlationId: "hostile-16",
            text: envelope(type: quotedType, id: #""hostile-16""#, ts: quotedTs, payload: nil))
        add(
            "a null payload", "invalid-payload", correlationId: "hostile-17", text: valid("hostile-17", payload: "null")
        )
        add(
            "an array payload", "invalid-payload", correlationId: "hostile-18", text: valid("hostile-18", payload: "[]")
        )
        add(
            "a payload missing a required field", "invalid-payload", correlationId: "hostile-19",
            text: valid("hostile-19", payload: target.payloadMissingField))
        add(
            "a payload field of the wrong type", "invalid-payload", correlationId: "hostile-20",
            text: valid("hostile-20", payload: target.payloadWrongType))
        // Repeated keys, which Swift and Python would read differently
        add("the id twice", "invalid-json", text: String(good.dropLast()) + #","id":"hostile-other"}"#)
        add("the type twice", "invalid-json", text: String(good.dropLast()) + #","type":"no.such.type"}"#)
        add("the payload twice", "invalid-json", text: String(good.dropLast()) + #","payload":{}}"#)
        add(
            "the id twice, once escaped", "invalid-json",
            text: String(good.dropLast()) + #","\u0069d":"hostile-other"}"#)
        add(
            "a key twice inside the payload", "invalid-json",
            text: valid("hostile-21", payload: #"{"name":"a","name":"b"}"#))
        // Wrong frame counts
        add("the envelope after a non-empty frame", "invalid-framing", [Data("route".utf8), Data(good.utf8)])
        add("three frames of garbage", "invalid-framing", [Data("a".utf8), Data("b".utf8), Data("c".utf8)])
        add("an empty delimiter and an empty body", "invalid-json", [Data(), Data()])
        add("an empty delimiter and a truncated envelope", "invalid-json", [Data(), Data("{\"v\":1".utf8)])
        return catalogue
    }

    /// A frame of `megabytes` MiB of `x`, over every socket's `ZMQ_MAXMSGSIZE` when 100.
    public static func oversized(megabytes: Int = 100) -> Data {
        Data(repeating: UInt8(ascii: "x"), count: megabytes << 20)
    }
}
