import Foundation
import TumenService
import TumenTransport

/// Where tests find the built executables, the repository and the shared corpus.
public enum TestEnvironment {
    /// The repository root (three levels above this file).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository, when it exists.
    public static var sharedDirectory: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) ? url : nil
    }

    /// The directory of the built `tumen` executables: `TUMEN_BIN_DIR`, or the directory of the test binary.
    public static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["TUMEN_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        while url.path != "/", !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("tumen").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// A new empty temporary directory, short enough for IPC socket paths.
    public static func makeTemporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/tumen-test-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The four services running as real processes on IPC endpoints in a temporary directory.
public struct RunningSystem: Sendable {
    public let directory: URL
    public let endpoints: SystemEndpoints
    public let system: LocalSystem

    /// Starts the services and waits until storage answers.
    ///
    /// - Parameters:
    ///   - tcp: loopback TCP endpoints on free ports instead of IPC endpoints (CURVE applies to TCP only).
    ///   - security: how the test process connects, and the CURVE keys and `--insecure` the services get.
    public static func start(
        workers: Int = 1, arguments: [String: [String]] = [:], tcp: Bool = false, security: TransportSecurity? = nil
    ) async throws -> RunningSystem {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let endpoints = tcp ? try SystemEndpoints.freeLoopbackPorts() : SystemEndpoints.ipc(in: directory)
        let system = LocalSystem(
            configuration: .init(
                binDirectory: TestEnvironment.binDirectory, dataDirectory: directory.appendingPathComponent("data"),
                logDirectory: directory.appendingPathComponent("logs"), endpoints: endpoints,
                analysisWorkers: workers, arguments: arguments, security: security))
        try await system.start()
        do {
            try await system.waitUntilReady()
        } catch {
            await system.stop()
            throw error
        }
        return RunningSystem(directory: directory, endpoints: endpoints, system: system)
    }

    /// The CLI flags that point `tumen` at this system.
    public var endpointArguments: [String] {
        [
            "--submit-endpoint", endpoints.submit, "--store-endpoint", endpoints.store,
            "--digests-endpoint", endpoints.digests, "--control-endpoint", endpoints.control,
        ]
    }

    /// The flags that point `tumen` at this system's health publishers.
    public var healthArguments: [String] { endpoints.healthArguments }

    /// The logs of every service, for failure messages.
    public func logs() -> String {
        let dir = directory.appendingPathComponent("logs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.sorted().map { name in
            let text = (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return "== \(name)\n\(text.suffix(4000))"
        }.joined(separator: "\n")
    }

    /// Stops the services; returns their exit statuses.
    @discardableResult
    public func stop() async -> [String: Int32] {
        await system.stop()
    }
}

extension SystemEndpoints {
    /// The flags that point `tumen` at these health publishers.
    public var healthArguments: [String] {
        health.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)-health-endpoint", $0.value] }
    }

    /// `tcp://127.0.0.1` endpoints on ports that were free a moment ago (the kernel picked them).
    public static func freeLoopbackPorts() throws -> SystemEndpoints {
        var ports: [String] = []
        var sockets: [ZMQSocket] = []
        defer { sockets.forEach { $0.close() } }
        for _ in 0..<8 {
            let socket = try ZMQSocket(type: .router)
            try socket.setLinger(0)
            try socket.bind("tcp://127.0.0.1:*")
            sockets.append(socket)
            ports.append(socket.lastEndpoint ?? "")
        }
        return SystemEndpoints(
            submit: ports[0], store: ports[1], jobs: ports[2], digests: ports[3], control: ports[4],
            health: ["ingest": ports[5], "storage": ports[6], "reporting": ports[7]])
    }
}

/// The output of a finished child process.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs executables as child processes and collects their output.
public enum ChildProcess {
    /// Runs `executable` with `arguments` to completion.
    public static func run(_ executable: URL, _ arguments: [String], timeout: Duration = .seconds(120)) async throws
        -> ProcessOutput
    {
        let running = try start(executable, arguments)
        return try await running.finish(timeout: timeout)
    }

    /// Runs the `tumen` CLI.
    public static func tumen(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> ProcessOutput {
        try await run(TestEnvironment.binDirectory.appendingPathComponent("tumen"), arguments, timeout: timeout)
    }

    /// Starts a process whose output is collected into temporary files.
    public static func start(_ executable: URL, _ arguments: [String]) throws -> RunningProcess {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return RunningProcess(process: process, stdout: out, stderr: err)
    }
}

/// A started child process.
public struct RunningProcess: @unchecked Sendable {
    let process: Process
    let stdout: URL
    let stderr: URL

    /// Sends SIGINT, as Ctrl-C in a terminal would.
    public func interrupt() { process.interrupt() }

    /// Waits for the process to exit (killing it after `timeout`) and returns its output.
    public func finish(timeout: Duration) async throws -> ProcessOutput {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }
}

/// Sends raw frames from a fresh DEALER, for feeding services bad input.
public enum RawDealer {
    /// Sends `frames` to `endpoint` and returns the frames of the first reply, or nil after `timeout`.
    public static func exchange(endpoint: String, _ frames: [Data], timeout: Duration = .seconds(5)) async throws
        -> [Data]?
    {
        let reactor = try SocketReactor(
            name: "raw-dealer",
            sockets: [
                SocketDescriptor(
                    name: "peer", type: .dealer, bind: [], connect: [endpoint], options: SocketOptions(linger: 0))
            ])
        reactor.start()
        try reactor.send(frames, on: "peer")
        let reply = await reactor.firstMessage(within: timeout)?.frames
        reactor.shutdown()
        await reactor.waitUntilStopped()
        return reply
    }
}

/// What `operation` returns within `timeout`, or nil; the operation is cancelled when the time is up.
public func value<T: Sendable>(within timeout: Duration, of operation: @escaping @Sendable () async -> T?) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

extension SocketReactor {
    /// The first message the reactor receives within `timeout`, or nil (a timeout finishes its inbound stream).
    public func firstMessage(within timeout: Duration) async -> InboundMessage? {
        let inbound = self.inbound
        return await value(within: timeout) {
            for await message in inbound { return message }
            return nil
        }
    }
}
