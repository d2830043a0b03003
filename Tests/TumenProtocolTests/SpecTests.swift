import Foundation
import Testing
import TumenProtocol

/// Paths inside the repository, found from this file's location (`Tests/TumenProtocolTests/SpecTests.swift`).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let protocols = root.appendingPathComponent("Protocols")
    static let schemas = protocols.appendingPathComponent("schemas")
    static let checkSchemas = root.appendingPathComponent("Tests/python/check_schemas.py")
}

@Suite("Protocols/ says what the Swift types do")
struct SpecTests {
    @Test("Protocols/topology.json lists exactly the sockets of Topology.sockets, in the same order")
    func topologyFileMatchesTheCode() throws {
        let data = try Data(contentsOf: Repository.protocols.appendingPathComponent("topology.json"))
        let rows = try JSONDecoder().decode([SocketSpec].self, from: data)
        #expect(rows == Topology.sockets)
        #expect(rows.map(\.socket) == Topology.sockets.map(\.socket))
    }

    @Test("Every socket in the topology has a distinct endpoint and environment variable")
    func topologyIsConsistent() {
        let endpoints = Topology.sockets.map(\.endpoint)
        let variables = Topology.sockets.map(\.env)
        #expect(Set(endpoints).count == endpoints.count)
        #expect(Set(variables).count == variables.count)
        #expect(Topology.sockets.allSatisfy { $0.role == "bind" || $0.role == "connect" })
    }

    @Test("Every message type has a schema file and every schema file a message type")
    func schemaFilesMatchMessageTypes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.schemas.path)
            .filter { $0.hasSuffix(".schema.json") && $0 != "common.schema.json" }
            .map { String($0.dropLast(".schema.json".count)) }
        #expect(Set(files) == Set(Samples.all.map(\.type.rawValue)))
    }

    @Test("Protocols/README.md names every message type, every socket endpoint and every error code")
    func readmeMentionsEverything() throws {
        let readme = try String(contentsOf: Repository.protocols.appendingPathComponent("README.md"), encoding: .utf8)
        for sample in Samples.all {
            #expect(readme.contains("`\(sample.type)`"), "README does not mention `\(sample.type)`")
        }
        for socket in Topology.sockets {
            #expect(readme.contains(socket.endpoint), "README does not mention \(socket.endpoint)")
            #expect(readme.contains(socket.env), "README does not mention \(socket.env)")
        }
        let codes: [DecodingFailure.Code] = [
            .invalidJSON, .invalidEnvelope, .unsupportedVersion, .unknownType, .invalidPayload, .invalidFraming,
        ]
        for code in codes {
            #expect(readme.contains("`\(code)`"), "README does not mention the error code `\(code)`")
        }
        #expect(readme.contains(Topics.health))
        for subject in Topics.subjects {
            #expect(readme.contains("`\(subject)`"), "README does not list the subject topic `\(subject)`")
        }
    }

    @Test("A digest's pub/sub topic is digest.<cadence>.<topic>")
    func digestTopic() {
        #expect(Fixtures.digest.pubSubTopic == "digest.daily.economic")
        #expect(Fixtures.minimalDigest.pubSubTopic == "digest.10m.all")
        #expect(Cadence("1d")?.name == "daily")
        #expect(Cadence("10m")?.name == "10m")
        #expect(Topics.digest(cadence: "weekly", topic: "all") == "digest.weekly.all")
    }

    @Test("Every sample validates against its JSON Schema, also when the schemas are made strict (the drift test)")
    func schemasMatchTheSwiftTypes() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("tumen-protocol-samples-\(UUID().uuidString)")
        let full = base.appendingPathComponent("full")
        let minimal = base.appendingPathComponent("minimal")
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: minimal, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        for sample in Samples.all {
            try sample.fullJSON().write(to: full.appendingPathComponent("\(sample.type).json"))
            try sample.minimalJSON().write(to: minimal.appendingPathComponent("\(sample.type).json"))
            // Further shapes of the payload: `<type>+<variant>.json`, as check_schemas.py expects.
            for variant in try sample.variantJSON() {
                try variant.full.write(to: full.appendingPathComponent("\(sample.type)+\(variant.name).json"))
                try variant.minimal.write(to: minimal.appendingPathComponent("\(sample.type)+\(variant.name).json"))
            }
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.checkSchemas.path, full.path, "--minimal", minimal.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let hint: String =
            switch process.terminationStatus {
            case 127:
                "python3 was not found: install Python 3 (apt-get install python3 python3-pip) and then "
                    + "`python3 -m pip install 'jsonschema>=4.18'`."
            case 3: "the Python package jsonschema is missing: run `python3 -m pip install 'jsonschema>=4.18'`."
            default: "Protocols/schemas and the Swift types in Sources/TumenProtocol have drifted apart."
            }
        #expect(process.terminationStatus == 0, "\(hint)\n\(output)")
    }
}
