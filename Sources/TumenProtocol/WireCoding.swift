import Foundation

/// Why a frame could not be turned into a message.
public struct DecodingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public var description: String { name }
        /// The frame is not valid JSON.
        public static let invalidJSON = Code(name: "invalid-json")
        /// The JSON is valid but lacks a required envelope field or has the wrong shape.
        public static let invalidEnvelope = Code(name: "invalid-envelope")
        /// The envelope's major version is not one this build speaks.
        public static let unsupportedVersion = Code(name: "unsupported-version")
        /// The envelope names a type this receiver does not handle.
        public static let unknownType = Code(name: "unknown-type")
        /// The payload does not match the schema of its type.
        public static let invalidPayload = Code(name: "invalid-payload")
        /// The message does not have the frames its socket pattern needs (one envelope after the routing frames).
        public static let invalidFraming = Code(name: "invalid-framing")
    }

    public var code: Code
    public var message: String
    /// The envelope id, when the header could be read (so an error reply can correlate).
    public var messageID: String?

    public init(code: Code, message: String, messageID: String? = nil) {
        self.code = code
        self.message = message
        self.messageID = messageID
    }

    public var description: String { "\(code): \(message)" }
}

/// The JSON encoder and decoder every Tumen process uses, so that all agree on dates and key order.
public enum WireCoding {
    /// A JSON encoder with sorted keys and ISO 8601 dates in UTC with milliseconds.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    /// A JSON decoder that reads ISO 8601 dates with or without fractional seconds.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 UTC timestamp")
            }
            return date
        }
        return decoder
    }

    /// Encodes a message in its envelope.
    public static func encode<P: Message>(_ envelope: Envelope<P>) throws -> Data {
        try makeEncoder().encode(envelope)
    }

    /// Reads the header of an envelope and checks its version.
    ///
    /// A frame nested deeper than ``FrameScreening/maxDepth`` or with a key repeated in one object is refused as
    /// `invalid-json` before it is decoded.
    public static func decodeHeader(_ data: Data) throws(DecodingFailure) -> EnvelopeHeader {
        if let problem = FrameScreening.problem(in: data) {
            throw DecodingFailure(code: .invalidJSON, message: "frame refused: \(problem)")
        }
        let header: EnvelopeHeader
        do {
            header = try makeDecoder().decode(EnvelopeHeader.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw DecodingFailure(code: .invalidJSON, message: "frame is not valid JSON: \(describe(error))")
            }
            throw DecodingFailure(code: .invalidEnvelope, message: "not a Tumen envelope: \(describe(error))")
        } catch {
            throw DecodingFailure(code: .invalidJSON, message: "frame is not valid JSON: \(error)")
        }
        guard header.v == ProtocolVersion.major else {
            throw DecodingFailure(
                code: .unsupportedVersion,
                message:
                    "protocol major version \(header.v) is not supported (this build speaks v\(ProtocolVersion.major))",
                messageID: header.id)
        }
        return header
    }

    /// Decodes a whole envelope of a known payload type.
    public static func decode<P: Message>(_ type: P.Type, from data: Data) throws(DecodingFailure) -> Envelope<P> {
        let header = try decodeHeader(data)
        guard header.type == P.type else {
            throw DecodingFailure(
                code: .unknownType, message: "expected a '\(P.type)' message, got '\(header.type)'",
                messageID: header.id)
        }
        guard header.ts != nil else {
            throw DecodingFailure(
                code: .invalidEnvelope, message: "not a Tumen envelope: missing field 'ts'", messageID: header.id)
        }
        do {
            return try makeDecoder().decode(Envelope<P>.self, from: data)
        } catch {
            throw DecodingFailure(
                code: .invalidPayload, message: "invalid '\(header.type)' payload: \(describe(error))",
                messageID: header.id)
        }
    }

    /// A one-line, human-readable account of a decoding error: the field path and the problem.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty
                ? "<root>"
                : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                    .joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' should be \(type)"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' is null, expected \(type)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(context.debugDescription)\(underlying.map { " (\($0))" } ?? "") at '\(path(context.codingPath))'"
        @unknown default:
            return "\(error)"
        }
    }
}

/// ISO 8601 timestamps in UTC with millisecond precision, formatted without locale or calendar machinery.
public enum Timestamp {
    /// Formats a date as `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public static func format(_ date: Date) -> String {
        // Round to the nearest millisecond: flooring turned x.001 s into x.000 s when the double was a hair below.
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, msOfDay) = floorDivision(millis, 86_400_000)
        let (year, month, day) = civilDate(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let ms = msOfDay % 1000
        return
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(ms, 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or `+00:00`); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
            bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis: Int64 = 0
        if bytes[index] == 0x2E {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 3 { millis = millis * 10 + Int64(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        guard rest == "Z" || rest == "+00:00" else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        // Refuse days the month does not have (2023-02-30) instead of rolling them into the next month.
        guard civilDate(fromDays: days) == (year, month, day) else { return nil }
        let total = ((days * 24 + hour) * 60 + minute) * 60 + second
        return Date(timeIntervalSince1970: Double(total) + Double(millis) / 1000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    public static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
