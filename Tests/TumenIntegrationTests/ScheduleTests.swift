import Foundation
import Testing
import TumenProtocol
import TumenTesting

/// Reporting's cadence, seen from a `tumen subscribe` process.
@Suite(.serialized)
struct ScheduleTests {
    @Test func reportingPublishesADigestOfNewDocumentsOnItsCadenceToCLISubscribers() async throws {
        let running = try await RunningSystem.start(arguments: [
            "reporting": ["--every", "2s", "--topics", "all,economic"]
        ])
        do {
            // Given `tumen subscribe` on the 2-second cadence's topics
            let subscribe = try ChildProcess.start(
                TestEnvironment.binDirectory.appendingPathComponent("tumen"),
                ["subscribe", "digest.2s", "--count", "1", "--format", "json"] + running.endpointArguments)
            try await Task.sleep(for: .milliseconds(300))

            // When a document is ingested and nobody asks for a digest
            let file = running.directory.appendingPathComponent("trade.md")
            try Data(
                "# Trade note\n\nAccording to customs data, trade with Russia reached USD 34.4 million in 2023.\n".utf8
            ).write(to: file)
            let ingest = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [file.path])
            #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")

            // Then the next period's digest arrives by itself, as JSON, naming the figure
            let output = try await subscribe.finish(timeout: .seconds(30))
            #expect(output.status == 0, "tumen subscribe: \(output.stderr)")
            let digest = try WireCoding.makeDecoder().decode(Digest.self, from: Data(output.stdout.utf8))
            #expect(digest.cadence == "2s")
            #expect(digest.documents.map(\.name) == ["trade.md"])
            #expect(digest.figures.contains { $0.item.text.contains("34.4 million") })
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }
}
