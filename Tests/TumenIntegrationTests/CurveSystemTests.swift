import Foundation
import Logging
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// CURVE between the four real executables over TCP: who holds an allowed key is served, nobody else is.
@Suite(.serialized)
struct CurveSystemTests {
    @Test func onlyClientsWhoseKeysAreOnTheAllowListAreServedAndEveryRefusalIsLogged() async throws {
        // Given keys written by `tumen keys generate`, and an intruder's keys made the same way elsewhere but
        // trusting this system's server key
        let keys = try TestEnvironment.makeTemporaryDirectory()
        let generated = try await ChildProcess.tumen(["keys", "generate", keys.path])
        #expect(generated.status == 0, "tumen keys generate: \(generated.stdout)\(generated.stderr)")
        let intruderKeys = try TestEnvironment.makeTemporaryDirectory()
        _ = try await ChildProcess.tumen(["keys", "generate", intruderKeys.path])
        try FileManager.default.removeItem(at: intruderKeys.appendingPathComponent("server.pub"))
        try FileManager.default.copyItem(
            at: keys.appendingPathComponent("server.pub"), to: intruderKeys.appendingPathComponent("server.pub"))
        let security = try Self.security(keys)
        let intruder = try Self.security(intruderKeys)

        // and the system on loopback TCP with CURVE on every socket
        let running = try await RunningSystem.start(tcp: true, security: security)
        do {
            let withKeys = running.endpointArguments + ["--curve-dir", keys.path]
            let subscriber = try DigestSubscriber(
                endpoint: running.endpoints.digests, prefixes: ["digest."], security: security)
            let eavesdropper = try DigestSubscriber(
                endpoint: running.endpoints.digests, prefixes: ["digest."], security: intruder)
            let file = running.directory.appendingPathComponent("note.md")
            try Data("# Note\n\nAccording to Yonhap, 15,000 workers were sent to Russia in 2024.\n".utf8).write(
                to: file)

            // When the CLI with its allowed key ingests, a digest is made and status is asked for
            let ingest = try await ChildProcess.tumen(["ingest"] + withKeys + [file.path])
            #expect(ingest.status == 0 && ingest.stdout.contains("1 accepted"), "\(ingest.stdout)\(ingest.stderr)")
            _ = try await running.system.waitUntilIdle()
            try await Task.sleep(for: .milliseconds(300))
            let digest = try await ChildProcess.tumen(["digest", "--now", "--topic", "all"] + withKeys)
            #expect(digest.status == 0, "\(digest.stderr)")
            let status = try await ChildProcess.tumen(
                ["status", "--wait", "2.5"] + withKeys + running.healthArguments)

            // Then all of it works, health included, and the allowed subscriber gets the digest
            #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
            #expect(status.stdout.contains("documents     1 (1 analysed)"), "\(status.stdout)")
            var digests = subscriber.digests().makeAsyncIterator()
            let received = try #require(await digests.next())
            #expect(received.digest.figures.contains { $0.item.text.contains("15,000") })

            // and a pyzmq client written from Protocols/ is served with the same keys
            let python = try await Self.pythonSubmit(file, to: running.endpoints.submit, keys: keys)
            #expect(python.status == 0, "submit_document.py with keys: \(python.stdout)\(python.stderr)")
            #expect(python.stdout.contains("\"duplicate\":true"), "\(python.stdout)")

            // When clients come without a key, or with keys that are not on the list
            let noKey = try await Self.pythonSubmit(file, to: running.endpoints.submit, keys: nil)
            let wrongKey = try await ChildProcess.tumen(
                ["status", "--wait", "1"] + running.endpointArguments + ["--curve-dir", intruderKeys.path])

            // Then they get nothing, and the eavesdropper did not receive the digest either
            #expect(noKey.status == 2, "a client without a key was answered: \(noKey.stdout)")
            #expect(wrongKey.status == 1)
            #expect(wrongKey.stdout.contains("storage did not answer"), "\(wrongKey.stdout)")
            #expect(!wrongKey.stdout.contains("ready"), "\(wrongKey.stdout)")
            let overheard = await value(within: .seconds(1)) {
                var iterator = eavesdropper.digests().makeAsyncIterator()
                return await iterator.next()?.topic
            }
            #expect(overheard == nil, "a subscriber with a key not on the list received \(overheard ?? "")")

            // When the CLI's key is removed from the allow-list, it is refused from its next connection on
            try FileManager.default.removeItem(at: keys.appendingPathComponent("authorized/cli.pub"))
            let removed = try await ChildProcess.tumen(
                ["status", "--wait", "1"] + withKeys + running.healthArguments)
            #expect(removed.status == 1)
            #expect(removed.stdout.contains("storage did not answer"), "\(removed.stdout)")

            // And every refusal is in the servers' logs, with the refused key where the handshake got that far
            let logs = running.logs()
            #expect(logs.contains("CURVE client refused: its public key is not in the allow-list"))
            let cliKey = try String(contentsOf: keys.appendingPathComponent("cli.pub"), encoding: .utf8)
            let z85 = try #require(cliKey.split(separator: "\"").dropFirst().first, "\(cliKey)")
            #expect(logs.contains(String(z85)), "the removed key is not named in the logs")
            await subscriber.close()
            await eavesdropper.close()
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        await running.stop()
    }

    static func security(_ keys: URL) throws -> TransportSecurity {
        try TransportSecurity(
            Configuration(flags: [Settings.curveDirectory.key: keys.path], environment: [:]), identity: "cli",
            logger: Logger(label: "test"))
    }

    /// `Tests/python/submit_document.py` with one try of 2 s, with or without CURVE keys.
    static func pythonSubmit(_ file: URL, to endpoint: String, keys: URL?) async throws -> ProcessOutput {
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/python/submit_document.py")
        return try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", script.path, file.path, "--endpoint", endpoint, "--timeout", "2", "--retries", "0"]
                + (keys.map { ["--curve-dir", $0.path] } ?? []))
    }
}
