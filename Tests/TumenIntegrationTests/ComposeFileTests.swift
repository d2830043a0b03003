import Foundation
import Testing
import TumenTesting

/// `compose.yaml` stays valid for Docker Compose users, scales its analysis workers, and wires every endpoint the
/// way `Protocols/topology.json` says. (Running the containers is `scripts/test-containers.sh`, not `swift test`.)
struct ComposeFileTests {
    /// Loads a YAML file with PyYAML, validates it against a JSON Schema with jsonschema, and prints it as JSON.
    static let validator = #"""
        import json, sys
        missing = []
        try:
            import yaml
        except ImportError:
            missing.append("pyyaml")
        try:
            import jsonschema
        except ImportError:
            missing.append("jsonschema")
        if missing:
            print("missing Python packages: " + ", ".join(missing) + " (install: python3 -m pip install "
                  + " ".join(missing) + ")", file=sys.stderr)
            sys.exit(3)
        with open(sys.argv[1]) as f:
            document = yaml.safe_load(f)
        with open(sys.argv[2]) as f:
            schema = json.load(f)
        # compose-spec.json says draft-07 in a form jsonschema does not recognise; name the draft explicitly.
        if "draft-07" in schema.get("$schema", ""):
            cls = jsonschema.Draft7Validator
        else:
            cls = jsonschema.validators.validator_for(schema)
        errors = sorted(cls(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("compose.yaml: " + "/".join(str(p) for p in e.absolute_path) + ": " + e.message, file=sys.stderr)
        if errors:
            sys.exit(1)
        json.dump(document, sys.stdout)
        """#

    struct Binding {
        var service: String
        var socket: String
        var port: String
        var env: String
    }

    /// The server sockets of `Protocols/topology.json`: who binds which port, and the variable that configures it.
    static func topology() throws -> [Binding] {
        let url = TestEnvironment.repositoryRoot.appendingPathComponent("Protocols/topology.json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        return try entries.filter { ($0["role"] as? String) == "bind" }.map { entry in
            let endpoint = try #require(entry["endpoint"] as? String)
            return Binding(
                service: try #require(entry["service"] as? String), socket: try #require(entry["socket"] as? String),
                port: String(try #require(endpoint.split(separator: ":").last)),
                env: try #require(entry["env"] as? String))
        }
    }

    /// `compose.yaml` validated against the Compose Specification's schema and returned as JSON, or nil (skipped).
    static func validatedCompose() throws -> [String: Any]? {
        guard let shared = TestEnvironment.sharedDirectory else {
            print("skipped: ../shared is absent, so ../shared/schemas/compose-spec.json is not available")
            return nil
        }
        let compose = TestEnvironment.repositoryRoot.appendingPathComponent("compose.yaml")
        let schema = shared.appendingPathComponent("schemas/compose-spec.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", validator, compose.path, schema.path]
        // Standard error goes to a file, so neither stream can fill up and block the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "compose-validate-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0:
            return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        case 3:
            Issue.record("cannot validate compose.yaml: \(errors)")
        case 127:
            Issue.record("cannot validate compose.yaml: python3 is not installed (\(errors))")
        default:
            Issue.record("compose.yaml is not valid against the Compose Specification (compose-spec.json):\n\(errors)")
        }
        return nil
    }

    static func environment(of service: [String: Any]) -> [String: String] {
        if let dict = service["environment"] as? [String: Any] {
            return dict.mapValues { "\($0)" }
        }
        var result: [String: String] = [:]
        for item in service["environment"] as? [String] ?? [] {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    /// Container-side ports a service publishes, with the host address each is published on.
    static func publishedPorts(of service: [String: Any]) -> [(host: String, container: String)] {
        (service["ports"] as? [Any] ?? []).map { item in
            if let long = item as? [String: Any] {
                return (host: long["host_ip"] as? String ?? "", container: "\(long["target"] ?? "")")
            }
            let text = "\(item)"
            let container =
                String(text.split(separator: ":").last ?? "").split(separator: "/").first.map(String.init) ?? ""
            let parts = text.split(separator: ":")
            return (host: parts.count == 3 || text.contains("${") ? String(parts[0]) : "", container: container)
        }
    }

    @Test func composeFileIsValidAgainstTheComposeSpecification() throws {
        guard let compose = try Self.validatedCompose() else { return }
        let services = try #require(compose["services"] as? [String: Any])
        #expect(Set(services.keys).isSuperset(of: ["storage", "ingest", "analysis", "reporting"]))
    }

    @Test func analysisWorkersScaleWithoutFixedNamesOrPorts() throws {
        guard let compose = try Self.validatedCompose() else { return }
        let analysis = try #require((compose["services"] as? [String: Any])?["analysis"] as? [String: Any])
        #expect(analysis["container_name"] == nil, "a fixed container_name stops `--scale analysis=3`")
        #expect(analysis["ports"] == nil, "published ports stop `--scale analysis=3`; workers only connect")
    }

    @Test func everyEndpointAgreesWithTheTopology() throws {
        guard let compose = try Self.validatedCompose() else { return }
        let services = try #require(compose["services"] as? [String: Any])
        let bindings = try Self.topology()
        #expect(!bindings.isEmpty)

        for (name, value) in services {
            let service = try #require(value as? [String: Any])
            let env = Self.environment(of: service)
            for binding in bindings {
                guard let endpoint = env[binding.env] else { continue }
                if binding.service == name {
                    // The owner binds every interface of its container on the topology's port.
                    #expect(
                        endpoint == "tcp://0.0.0.0:\(binding.port)",
                        "\(name) binds \(binding.socket) (\(binding.env)) on \(endpoint), not tcp://0.0.0.0:\(binding.port)"
                    )
                } else {
                    // Everyone else connects to the owner by its service name.
                    #expect(
                        endpoint == "tcp://\(binding.service):\(binding.port)",
                        "\(name) reaches \(binding.service)'s \(binding.socket) (\(binding.env)) at \(endpoint), not tcp://\(binding.service):\(binding.port)"
                    )
                }
            }
            // A service publishes only ports it binds, and only on the host's loopback.
            for published in Self.publishedPorts(of: service) {
                #expect(
                    bindings.contains { $0.service == name && $0.port == published.container },
                    "\(name) publishes port \(published.container), which topology.json does not say it binds")
                #expect(published.host == "127.0.0.1", "\(name) publishes \(published.container) beyond 127.0.0.1")
            }
        }

        // Every server socket of the topology is configured in its service.
        for binding in bindings {
            let service = try #require(
                services[binding.service] as? [String: Any], "compose.yaml has no \(binding.service)")
            #expect(Self.environment(of: service)[binding.env] != nil, "\(binding.service) does not set \(binding.env)")
        }
        // The clients: ingest and reporting reach storage's store socket, analysis its jobs socket.
        for (client, variable) in [
            ("ingest", "TUMEN_STORE_ENDPOINT"), ("reporting", "TUMEN_STORE_ENDPOINT"),
            ("analysis", "TUMEN_JOBS_ENDPOINT"),
        ] {
            let service = try #require(services[client] as? [String: Any])
            #expect(Self.environment(of: service)[variable] != nil, "\(client) does not set \(variable)")
        }
        // The host CLI needs submit, store, digests and control published; jobs stays on the compose network.
        let published = Set(
            services.values.flatMap { Self.publishedPorts(of: $0 as? [String: Any] ?? [:]).map(\.container) })
        let wanted = Set(bindings.filter { $0.socket != "jobs" }.map(\.port))
        #expect(published == wanted, "published container ports \(published.sorted()), expected \(wanted.sorted())")

        // The store lives in a named volume at TUMEN_DATA_DIR.
        let storage = try #require(services["storage"] as? [String: Any])
        #expect(Self.environment(of: storage)["TUMEN_DATA_DIR"] == "/data")
        let volumes = (storage["volumes"] as? [Any] ?? []).map { "\($0)" }
        #expect(volumes.contains { $0.hasSuffix(":/data") }, "storage mounts no volume at /data: \(volumes)")
        #expect((compose["volumes"] as? [String: Any])?.isEmpty == false, "compose.yaml declares no named volume")
    }
}
