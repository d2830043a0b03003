import ArgumentParser
import Foundation
import TumenProtocol
import TumenService

/// `tumen deadletters`: the frames the services refused, newest first, from storage's dead letters.
struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletters",
        abstract: "List the frames the services could not process (service, socket, reason, size, time, first bytes).")

    @OptionGroup var endpoints: EndpointOptions
    @Option(help: "How many to list, newest first (at most \(DeadLetterQuery.maxLimit)).") var limit = 20

    func validate() throws {
        guard (1...DeadLetterQuery.maxLimit).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(DeadLetterQuery.maxLimit), got \(limit)")
        }
    }

    func run() async throws {
        let config = try endpoints.configuration()
        let list = try await ServiceClient.with(
            endpoint: config.string(Settings.storeEndpoint), security: try endpoints.security(config)
        ) { client in
            try await client.request(DeadLetterQuery(limit: limit), timeout: .seconds(3), attempts: 2)
                .decode(DeadLetterList.self)
        }
        for entry in list.deadLetters {
            let letter = entry.deadLetter
            print(
                "#\(entry.id)  \(Timestamp.format(letter.receivedAt))  \(letter.service)/\(letter.socket)  "
                    + "\(letter.size) bytes  \(letter.reason)")
            print("    \(Self.preview(letter.rawBase64))")
        }
        print("\(list.deadLetters.count) of \(list.total) dead letters shown")
    }

    /// The first bytes of a frame as printable text: control and non-ASCII bytes as `\xNN`, at most 120 columns.
    static func preview(_ rawBase64: String) -> String {
        let bytes = Data(base64Encoded: rawBase64) ?? Data()
        var text = ""
        for byte in bytes.prefix(120) {
            text += (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
            if text.count >= 120 { break }
        }
        return text.isEmpty ? "(empty frame)" : String(text.prefix(120))
    }
}
