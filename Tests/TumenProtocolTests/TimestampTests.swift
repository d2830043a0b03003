import Foundation
import Testing
import TumenProtocol

@Suite("Timestamps are ISO 8601 UTC with milliseconds")
struct TimestampTests {
    @Test(
        "Known instants are written exactly",
        arguments: [
            (0.0, "1970-01-01T00:00:00.000Z"),
            (-0.001, "1969-12-31T23:59:59.999Z"),
            (-86_400.0, "1969-12-31T00:00:00.000Z"),
            (-14_182_940.0, "1969-07-20T20:17:40.000Z"),
            (951_782_400.5, "2000-02-29T00:00:00.500Z"),
            (1_709_210_096.789, "2024-02-29T12:34:56.789Z"),
            (1_750_321_800.125, "2025-06-19T08:30:00.125Z"),
            (-2_208_988_800.0, "1900-01-01T00:00:00.000Z"),
            (-11_670_998_400.0, "1600-02-29T00:00:00.000Z"),
            (-62_135_596_800.0, "0001-01-01T00:00:00.000Z"),
            (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        ])
    func format(seconds: Double, text: String) {
        #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == text)
        #expect(Timestamp.parse(text).map { Timestamp.format($0) } == text)
    }

    @Test(
        "Formatting and parsing give back the same text, before and after 1970 and on leap days",
        arguments: [
            "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "1904-02-29T23:59:59.001Z",
            "1900-02-28T12:00:00.999Z", "1600-02-29T06:07:08.009Z", "1583-01-01T00:00:00.010Z",
            "2000-02-29T00:00:00.001Z", "2024-02-29T12:34:56.789Z", "2100-02-28T00:00:00.000Z",
            "2038-01-19T03:14:08.000Z", "1938-04-27T07:24:54.001Z",
        ])
    func textRoundTrip(text: String) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(Timestamp.format(date) == text)
    }

    @Test("Every whole millisecond survives format and parse, across centuries")
    func millisecondSweep() {
        var failures: [String] = []
        // The stride is 1 modulo 1000, so the sweep visits every millisecond value, on days from year 5 to 9500.
        for step in Int64(0)..<20_000 {
            let millis = -62_000_000_000_000 + step * 15_000_000_001
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let text = Timestamp.format(date)
            let expectedFraction = String(format: ".%03dZ", Int(((millis % 1000) + 1000) % 1000))
            guard text.hasSuffix(expectedFraction), let parsed = Timestamp.parse(text),
                Timestamp.format(parsed) == text,
                parsed == date
            else {
                failures.append("\(millis) ms -> \(text)")
                if failures.count > 5 { break }
                continue
            }
        }
        #expect(failures == [])
    }

    @Test("Whole seconds between 1900 and 2100 are written like Foundation's ISO 8601 formatter writes them")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for step in 0..<2_000 {
            let date = Date(timeIntervalSince1970: -2_208_988_800 + Double(step) * 3_155_761)
            #expect(Timestamp.format(date) == formatter.string(from: date))
        }
    }

    @Test(
        "Readers accept no fraction, more fraction digits, a space separator and +00:00",
        arguments: [
            ("2025-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z"),
            ("2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00.500Z"),
            ("2025-01-01T00:00:00.123456Z", "2025-01-01T00:00:00.123Z"),
            ("2025-01-01 00:00:00.250Z", "2025-01-01T00:00:00.250Z"),
            ("2025-01-01T00:00:00.250+00:00", "2025-01-01T00:00:00.250Z"),
        ])
    func lenientReading(text: String, canonical: String) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(Timestamp.format(date) == canonical)
    }

    @Test(
        "Anything that is not a UTC timestamp of a real day is refused",
        arguments: [
            "", "garbage", "2025-01-01", "2025-01-01T00:00:00", "2025-01-01T00:00:00+01:00", "2025-01-01T00:00:00.Z",
            "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-01-32T00:00:00Z", "2025-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T00:60:00Z",
            "2025-01-01T00:00:00ZZ", "+2025-01-01T00:00:00Z",
        ])
    func refused(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("Envelope dates go on the wire in the canonical form")
    func envelopeDates() throws {
        let sample = try #require(Samples.sample(DigestQuery.type))
        let object = try JSON.object(sample.fullJSON())
        #expect(object["ts"] as? String == "2025-06-19T08:30:00.125Z")
        let payload = try #require(object["payload"] as? [String: Any])
        #expect(payload["until"] as? String == "2025-06-19T00:00:00.000Z")
    }
}
