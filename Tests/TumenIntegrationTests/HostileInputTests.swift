import Foundation
import Testing
import TumenProtocol
import TumenService
import TumenTesting

/// The catalogue of hostile frames (``HostileFrames``) against the real services, straight to every ROUTER socket.
@Suite(.serialized)
struct HostileInputTests {
    /// Each ROUTER socket, the message type the catalogue breaks for it, and the log that records its refusals.
    static func sockets(_ running: RunningSystem) -> [(name: String, endpoint: String, target: HostileTarget)] {
        [
            ("ingest submit", running.endpoints.submit, .submit),
            ("storage store", running.endpoints.store, .store),
            ("storage jobs", running.endpoints.jobs, .jobs),
            ("reporting control", running.endpoints.control, .control),
        ]
    }

    @Test func everyHostileFrameGetsAClearErrorADeadLetterAndALogLineAndNothingStoredChanges() async throws {
        let running = try await RunningSystem.start()
        do {
            let before = try await running.system.waitUntilIdle()
            var sent = 0
            for (socket, endpoint, target) in Self.sockets(running) {
                let catalogue = HostileFrames.catalogue(for: target)
                #expect(catalogue.count >= 40)
                for frame in catalogue {
                    let reply = try await RawDealer.exchange(endpoint: endpoint, frame.frames)
                    let body = try #require(reply?.last, "\(socket) did not answer \(frame)")
                    let header = try WireCoding.decodeHeader(body)
                    #expect(header.type == ErrorReply.type, "\(socket) answered \(frame) with \(header.type)")
                    let error = try WireCoding.decode(ErrorReply.self, from: body).payload
                    #expect(error.code == frame.expectedCode, "\(socket), \(frame): \(error.code): \(error.message)")
                    #expect(!error.message.isEmpty)
                    #expect(header.correlationId == frame.correlationId, "\(socket), \(frame): \(error.message)")
                    sent += 1
                }
            }
            // The services are all still up, every frame is a dead letter, and nothing else stored changed
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == before.documents)
            #expect(
                after.jobsQueued + after.jobsLeased + after.jobsDone == before.jobsQueued + before.jobsLeased
                    + before.jobsDone)
            #expect(after.digests == before.digests)
            #expect(after.deadLetters == before.deadLetters + sent)
            let digests = try await ChildProcess.tumen(
                ["digest", "--now", "--topic", "all"] + running.endpointArguments)
            #expect(digests.status == 0, "reporting stopped answering: \(digests.stderr)")

            // and each refusal is logged by the service that received it
            let logs = running.directory.appendingPathComponent("logs")
            for (service, marker) in [
                ("ingest", "dead letter"), ("storage", "refused a frame"), ("reporting", "dead letter"),
            ] {
                let text = try String(contentsOf: logs.appendingPathComponent("\(service).log"), encoding: .utf8)
                #expect(text.components(separatedBy: marker).count > 40, "\(service) did not log its refusals")
            }

            // and `tumen deadletters` lists them, newest first
            let listed = try await ChildProcess.tumen(
                ["deadletters", "--limit", "3", "--store-endpoint", running.endpoints.store])
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains("reporting/control"), "\(listed.stdout)")
            #expect(listed.stdout.contains("3 of \(after.deadLetters) dead letters shown"), "\(listed.stdout)")
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func aFrameOverTheSizeLimitDropsOnlyItsSenderAndTheServiceKeepsServing() async throws {
        // The jobs socket takes 256 MiB by default; a smaller configured limit shows that the setting is applied.
        let running = try await RunningSystem.start(arguments: ["storage": ["--jobs-max-message-bytes", "67108864"]])
        do {
            let before = try await running.system.waitUntilIdle()
            let huge = HostileFrames.oversized(megabytes: 100)
            let probe = Data(
                #"{"v":1,"type":"no.such.type","id":"after-huge","ts":"2025-06-19T08:30:00.125Z","payload":{}}"#.utf8)
            for (socket, endpoint, _) in Self.sockets(running) {
                let reply = try await RawDealer.exchange(endpoint: endpoint, [huge], timeout: .seconds(3))
                #expect(reply == nil, "\(socket) answered a 100 MiB frame")
                let next = try await RawDealer.exchange(endpoint: endpoint, [probe])
                let body = try #require(next?.last, "\(socket) stopped answering after a 100 MiB frame")
                #expect(try WireCoding.decode(ErrorReply.self, from: body).payload.code == "unknown-type")
            }
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == before.documents)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }

    @Test func aReplayedIdIsAnsweredIdempotently() async throws {
        let running = try await RunningSystem.start()
        do {
            let before = try await running.system.waitUntilIdle()
            // A bad frame sent twice is refused twice, the same way
            let bad = Data(
                #"{"v":1,"type":"document.submit","id":"replayed-bad","ts":"2025-06-19T08:30:00.125Z","payload":{}}"#
                    .utf8)
            var codes: [String] = []
            for _ in 0..<2 {
                let body = try #require(try await RawDealer.exchange(endpoint: running.endpoints.submit, [bad])?.last)
                let reply = try WireCoding.decode(ErrorReply.self, from: body)
                #expect(reply.correlationId == "replayed-bad")
                codes.append(reply.payload.code)
            }
            #expect(codes == ["invalid-payload", "invalid-payload"])

            // and a good submission sent twice with the same id is stored once
            let submit = try WireCoding.encode(
                Envelope(
                    id: "replayed-good",
                    payload: DocumentSubmit(name: "replay.txt", text: "The ministry said 300 trucks crossed in 2024.")))
            var accepted: [DocumentAccepted] = []
            for _ in 0..<2 {
                let body = try #require(
                    try await RawDealer.exchange(endpoint: running.endpoints.submit, [submit])?.last)
                let reply = try WireCoding.decode(DocumentAccepted.self, from: body)
                #expect(reply.correlationId == "replayed-good")
                accepted.append(reply.payload)
            }
            #expect(accepted.map(\.duplicate) == [false, true])
            #expect(accepted[0].documentId == accepted[1].documentId)
            let after = try await running.system.waitUntilIdle()
            #expect(after.documents == before.documents + 1)
        } catch {
            Issue.record("system failed: \(error)\n\(running.logs())")
        }
        let statuses = await running.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "services did not shut down cleanly: \(statuses)")
    }
}
