import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// The whole path with the four real executables: CLI ingest → ingest → storage → analysis → reporting → SUB.
@Suite(.serialized)
struct SeedsEndToEndTests {
    /// The figures issue 3 requires in the seeds digest, each with a phrase of the sentence it comes from.
    static let requiredFigures: [(figure: String, sentence: String)] = [
        ("4,700", "killed or injured"),
        ("20,000", "containers were shipped"),
        ("9.4 million", "152mm artillery shells"),
        ("15,000", "North Korean workers"),
        ("34.4 million", "bilateral trade with North Korea"),
        ("13.6 trillion", "military support North Korea provided"),
        ("1.65 trillion", "compensation received from Russia"),
        ("1.5%", "Russia's share of North Korea's total trade"),
    ]

    @Test func seedsIngestedThroughTheCLIComeOutAsADigestWithEveryKeyFigureAndItsSentence() async throws {
        guard let shared = TestEnvironment.sharedDirectory else {
            print("skipped: ../shared is absent, so the seed documents are not available")
            return
        }
        let seeds = shared.appendingPathComponent("corpus/seeds")
        let running = try await RunningSystem.start(workers: 2)
        do {
            // Given a Swift subscriber and an independent Python (pyzmq) subscriber on the digest topic
            let subscriber = try DigestSubscriber(endpoint: running.endpoints.digests, prefixes: ["digest.daily.all"])
            let python = try ChildProcess.start(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3",
                    TestEnvironment.repositoryRoot.appendingPathComponent("Tests/python/subscribe_digest.py").path,
                    "--endpoint", running.endpoints.digests, "--topic", "digest.daily.all", "--count", "1",
                    "--timeout", "60",
                ])
            try await Task.sleep(for: .milliseconds(500))

            // When the seeds are ingested with the CLI
            let ingest = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [seeds.path])
            #expect(ingest.status == 0, "tumen ingest failed: \(ingest.stdout)\(ingest.stderr)")
            #expect(ingest.stdout.contains("2 accepted"), "\(ingest.stdout)")
            let status = try await running.system.waitUntilIdle()
            #expect(status.documents == 2 && status.analyzedDocuments == 2)

            // and a digest is asked for
            let digestRun = try await ChildProcess.tumen(
                ["digest", "--now", "--topic", "all"] + running.endpointArguments)
            #expect(digestRun.status == 0, "tumen digest failed: \(digestRun.stderr)")

            // Then the subscriber receives it with every required figure, quoted with its sentence
            var iterator = subscriber.digests().makeAsyncIterator()
            let received = try #require(await iterator.next())
            #expect(received.topic == "digest.daily.all")
            let digest = received.digest
            #expect(digest.documents.count == 2)
            #expect(digest.seq == 1)
            for required in Self.requiredFigures {
                let match = digest.figures.first {
                    $0.item.text.contains(required.figure) && $0.item.sentenceText.contains(required.sentence)
                }
                #expect(match != nil, "digest lacks \(required.figure) with its sentence '\(required.sentence)…'")
                #expect(digest.markdown.contains(required.figure))
            }
            #expect(digest.entities.contains { $0.name == "North Korea" })
            #expect(digestRun.stdout == digest.markdown, "the CLI prints the published digest")
            await subscriber.close()

            // and the Python subscriber, written from Protocols/ alone, validated it against the JSON Schema
            let pythonOutput = try await python.finish(timeout: .seconds(30))
            #expect(pythonOutput.status == 0, "pyzmq subscriber: \(pythonOutput.stdout)\(pythonOutput.stderr)")
            #expect(pythonOutput.stdout.contains(digest.id))

            // When the same seeds are ingested again, they are reported as duplicates and nothing is stored twice
            let again = try await ChildProcess.tumen(["ingest"] + running.endpointArguments + [seeds.path])
            #expect(again.stdout.contains("0 accepted, 2 duplicates"), "\(again.stdout)")
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == 2 && after.analyzedDocuments == 2)

            // and a Python pyzmq client, written from Protocols/ alone, submits a new document with the same semantics
            let note = running.directory.appendingPathComponent("note.md")
            try Data("# Note\n\nThe ministry said 880 tourists visited in 2024.\n".utf8).write(to: note)
            let submit = try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3",
                    TestEnvironment.repositoryRoot.appendingPathComponent("Tests/python/submit_document.py").path,
                    note.path, "--endpoint", running.endpoints.submit,
                ])
            #expect(submit.status == 0, "pyzmq submit: \(submit.stdout)\(submit.stderr)")
            #expect(submit.stdout.contains("document.accepted"))
            let final = try await running.system.waitUntilIdle()
            #expect(final.documents == 3 && final.analyzedDocuments == 3)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }
}
