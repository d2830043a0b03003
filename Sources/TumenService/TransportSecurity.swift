import Foundation
import Logging
import TumenTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How one process secures its sockets: CURVE on every network (`tcp://`) socket when `curve-dir` is set, and
/// the check that refuses to bind beyond this machine without CURVE unless `insecure` is set.
///
/// Every socket descriptor goes through ``server(_:)`` (sockets that bind) or ``client(_:)`` (sockets that
/// connect) before it reaches a ``SocketReactor``; `ipc://` and `inproc://` endpoints are left as they are.
///
/// ```swift
/// let security = try TransportSecurity(configuration, identity: "ingest", logger: logger)
/// let submit = try security.server(SocketDescriptor(name: "submit", type: .router, bind: [submitEndpoint]))
/// let store = try security.client(SocketDescriptor(name: "store", type: .dealer, connect: [storeEndpoint]))
/// ```
///
/// With `curve-dir` (see ``CurveKeyDirectory``), a process binds with `server.key` and lets in the clients whose
/// keys are in `authorized/` (``allowList``), and connects with `IDENTITY.key`, accepting only the server of
/// `server.pub`. A key file is needed only when a socket uses it, so a client machine needs just its own key and
/// `server.pub`.
public struct TransportSecurity: Sendable {
    /// The key directory (`curve-dir`), or nil when CURVE is off.
    public let curveDirectory: CurveKeyDirectory?
    /// The name of this process's client key: `IDENTITY.key` in ``curveDirectory``.
    public let identity: String
    /// Whether binding beyond this machine without CURVE is allowed (`insecure`, `--insecure`).
    public let isInsecure: Bool
    /// The clients this process's CURVE servers let in; nil without `server.key`.
    public let allowList: CurveAllowList?
    private let serverKeys: CurveKeyPair?
    private let clientKeys: CurveKeyPair?
    private let serverPublicKey: CurveKey?
    private let logger: Logger

    /// Reads `curve-dir` and `insecure` from `configuration`, and the key files that exist in `curve-dir`.
    ///
    /// - Parameter identity: whose client key this process connects with, e.g. `ingest` or `cli`.
    /// - Throws: ``ConfigurationError`` if `curve-dir` is not a directory or `insecure` is not a boolean;
    ///   ``KeyFileError`` if a key file exists but holds no valid key.
    public init(_ configuration: Configuration, identity: String, logger: Logger) throws {
        self.identity = identity
        self.isInsecure = try configuration.bool(Settings.insecure)
        self.logger = logger
        let path = configuration.string(Settings.curveDirectory)
        guard !path.isEmpty else {
            curveDirectory = nil
            allowList = nil
            serverKeys = nil
            clientKeys = nil
            serverPublicKey = nil
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(
                "\(Settings.curveDirectory.key) (\(Settings.curveDirectory.env)) \(path) is not a directory; "
                    + "`tumen keys generate \(path)` writes one")
        }
        let directory = CurveKeyDirectory(URL(fileURLWithPath: path))
        func readIfPresent<Key>(_ file: URL, _ read: (URL) throws -> Key) throws -> Key? {
            FileManager.default.fileExists(atPath: file.path) ? try read(file) : nil
        }
        let serverKeys = try readIfPresent(directory.secretKeyFile("server"), CurveKeyDirectory.readKeyPair)
        curveDirectory = directory
        self.serverKeys = serverKeys
        clientKeys = try readIfPresent(directory.secretKeyFile(identity), CurveKeyDirectory.readKeyPair)
        serverPublicKey =
            try readIfPresent(directory.publicKeyFile("server"), CurveKeyDirectory.readPublicKey)
            ?? serverKeys?.publicKey
        allowList = serverKeys.map { _ in CurveAllowList(directory: directory.authorizedDirectory, logger: logger) }
    }

    /// `descriptor` ready to bind: a CURVE server if it binds a network endpoint and `curve-dir` is set (on all its
    /// endpoints: a socket that also binds `ipc://` needs CURVE clients there too); otherwise unchanged, after
    /// ``checkBinds(_:)``.
    ///
    /// - Throws: ``ConfigurationError`` if `curve-dir` has no `server.key`, or from ``checkBinds(_:)``.
    public func server(_ descriptor: SocketDescriptor) throws -> SocketDescriptor {
        guard let endpoint = descriptor.bind.first(where: Self.isNetwork) else { return descriptor }
        guard let curveDirectory else {
            try checkBinds(descriptor.bind)
            return descriptor
        }
        guard let serverKeys, let allowList else {
            throw ConfigurationError(
                "\(Settings.curveDirectory.key) \(curveDirectory.url.path) has no server.key, needed to bind "
                    + "\(endpoint) with CURVE; `tumen keys generate \(curveDirectory.url.path)` writes it")
        }
        var secured = descriptor
        secured.options.curve = .server(keyPair: serverKeys, authenticator: allowList)
        return secured
    }

    /// `descriptor` ready to connect: a CURVE client with this process's key if it connects to a network
    /// endpoint and `curve-dir` is set; otherwise unchanged.
    ///
    /// - Throws: ``ConfigurationError`` if `curve-dir` has no `IDENTITY.key` or no `server.pub`.
    public func client(_ descriptor: SocketDescriptor) throws -> SocketDescriptor {
        guard let curveDirectory, let endpoint = descriptor.connect.first(where: Self.isNetwork) else {
            return descriptor
        }
        let path = curveDirectory.url.path
        guard let clientKeys else {
            throw ConfigurationError(
                "\(Settings.curveDirectory.key) \(path) has no \(identity).key, needed to connect to \(endpoint) "
                    + "with CURVE; `tumen keys generate \(path) --name \(identity)` writes it")
        }
        guard let serverPublicKey else {
            throw ConfigurationError(
                "\(Settings.curveDirectory.key) \(path) has no server.pub, needed to check the server at "
                    + "\(endpoint); copy it from the directory `tumen keys generate` wrote")
        }
        var secured = descriptor
        secured.options.curve = .client(keyPair: clientKeys, serverKey: serverPublicKey)
        return secured
    }

    /// Refuses to bind a network endpoint reachable from other machines without CURVE: with `curve-dir` set every
    /// such socket uses CURVE and this passes; without it, a host other than loopback (`127.0.0.0/8`, `::1`,
    /// `localhost`; `*` and `0.0.0.0` are every interface) throws, or, with `insecure`, logs a warning.
    /// ``server(_:)`` runs this check itself.
    ///
    /// - Throws: ``ConfigurationError`` naming the endpoint and what to configure.
    public func checkBinds(_ endpoints: [String]) throws {
        guard curveDirectory == nil else { return }
        for endpoint in endpoints where Self.isNetwork(endpoint) && !Self.isLoopback(endpoint) {
            guard isInsecure else {
                throw ConfigurationError(
                    "refusing to bind \(endpoint) without CURVE: it is reachable from other machines. Configure "
                        + "keys with \(Settings.curveDirectory.key) (\(Settings.curveDirectory.env); `tumen keys "
                        + "generate DIR` writes them), bind a loopback address, or pass --insecure "
                        + "(\(Settings.insecure.env)=true) to accept unauthenticated, unencrypted traffic")
            }
            logger.warning(
                "binding without CURVE: anyone who reaches this endpoint can talk to it unencrypted (--insecure)",
                metadata: ["endpoint": "\(endpoint)"])
        }
    }

    /// Whether `endpoint` goes over a network: anything but `ipc://` and `inproc://`.
    static func isNetwork(_ endpoint: String) -> Bool {
        !endpoint.hasPrefix("ipc://") && !endpoint.hasPrefix("inproc://")
    }

    /// Whether `endpoint` is `tcp://` on a loopback host: `127.0.0.0/8`, `::1` (also IPv4-mapped) or `localhost`.
    static func isLoopback(_ endpoint: String) -> Bool {
        guard endpoint.hasPrefix("tcp://"), let colon = endpoint.lastIndex(of: ":") else { return false }
        var host = endpoint[endpoint.index(endpoint.startIndex, offsetBy: 6)..<colon]
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = host.dropFirst().dropLast()
        }
        if host == "localhost" { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, String(host), &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, String(host), &ipv6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
        let isMappedIPv4 = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return bytes == [UInt8](repeating: 0, count: 15) + [1] || (isMappedIPv4 && bytes[12] == 127)
    }
}
