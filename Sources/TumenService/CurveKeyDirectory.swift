import Foundation
import TumenTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CURVE keys of a Tumen system in one directory: what `tumen keys generate` writes and
/// ``TransportSecurity`` reads.
///
/// ```
/// DIR/server.key          the servers' secret key (mode 0600): every service binds its tcp:// sockets with it
/// DIR/server.pub          the servers' public key: clients check the server with it
/// DIR/NAME.key, NAME.pub  one key pair per client (ingest, storage, analysis, reporting, cli, …)
/// DIR/authorized/*.pub    the allow-list: the public keys of the clients the servers let in
/// ```
///
/// The files are ZPL certificates as czmq's `zcert` writes them (`public-key = "…"`, and `secret-key = "…"` in
/// secret files), so pyzmq's `zmq.auth.load_certificate` reads them too. A `.pub` file may also hold just the
/// 40-character Z85 key on a line of its own.
public struct CurveKeyDirectory: Sendable {
    /// The clients `tumen keys generate` makes keys for when given no names.
    public static let defaultClientNames = ["ingest", "storage", "analysis", "reporting", "cli"]

    /// The directory.
    public let url: URL

    /// The key directory at `url`.
    public init(_ url: URL) {
        self.url = url
    }

    /// `DIR/authorized`: one `NAME.pub` file per client the servers let in (see ``CurveAllowList``).
    public var authorizedDirectory: URL { url.appendingPathComponent("authorized") }

    /// `DIR/NAME.key`, the secret key file of `name` (`server` for the servers).
    public func secretKeyFile(_ name: String) -> URL { url.appendingPathComponent("\(name).key") }

    /// `DIR/NAME.pub`, the public key file of `name` (`server` for the servers).
    public func publicKeyFile(_ name: String) -> URL { url.appendingPathComponent("\(name).pub") }

    /// Writes the servers' key pair, unless `server.key` exists and `force` is false (the existing pair is kept, so
    /// clients can be added later), and a key pair per client name, with its public key in `authorized/`. With
    /// `force`, existing keys are replaced, the servers' pair included.
    ///
    /// - Returns: the files written, in order.
    /// - Throws: ``KeyFileError`` with ``KeyFileError/Code/invalidName`` for a name that is not a plain file name
    ///   (or is `server`), ``KeyFileError/Code/alreadyExists`` naming every client key file that exists when
    ///   `force` is false (nothing is written then), or ``KeyFileError/Code/unwritable``.
    public func generate(clientNames: [String], force: Bool) throws -> [URL] {
        for name in clientNames where !Self.isValidName(name) {
            throw KeyFileError(
                .invalidName,
                "'\(name)' cannot name a client key: use letters, digits, '.', '_' or '-', not starting with "
                    + "'.', and not 'server'")
        }
        let clientFiles = Array(Set(clientNames)).sorted().map {
            (name: $0, secret: secretKeyFile($0), public: publicKeyFile($0), authorized: authorizedFile($0))
        }
        let existing = clientFiles.flatMap { [$0.secret, $0.public, $0.authorized] }.filter(Self.exists)
        if !force && !existing.isEmpty {
            throw KeyFileError(
                .alreadyExists,
                "not overwriting existing keys: \(existing.map(\.path).joined(separator: ", ")); pass --force to "
                    + "replace them (and the server key)")
        }
        try makeDirectory(url)
        try makeDirectory(authorizedDirectory)
        var written: [URL] = []
        let serverSecret = secretKeyFile("server")
        let serverPublic = publicKeyFile("server")
        if force || !Self.exists(serverSecret) {
            let pair = try CurveKeyPair.generate()
            try Self.create(Self.secretCertificate(pair, for: "server"), at: serverSecret, mode: 0o600)
            try Self.create(Self.publicCertificate(pair.publicKey, for: "server"), at: serverPublic, mode: 0o644)
            written += [serverSecret, serverPublic]
        } else if !Self.exists(serverPublic) {
            let pair = try Self.readKeyPair(serverSecret)
            try Self.create(Self.publicCertificate(pair.publicKey, for: "server"), at: serverPublic, mode: 0o644)
            written.append(serverPublic)
        }
        for client in clientFiles {
            let pair = try CurveKeyPair.generate()
            let certificate = Self.publicCertificate(pair.publicKey, for: client.name)
            try Self.create(Self.secretCertificate(pair, for: client.name), at: client.secret, mode: 0o600)
            try Self.create(certificate, at: client.public, mode: 0o644)
            try Self.create(certificate, at: client.authorized, mode: 0o644)
            written += [client.secret, client.public, client.authorized]
        }
        return written
    }

    private func authorizedFile(_ name: String) -> URL {
        authorizedDirectory.appendingPathComponent("\(name).pub")
    }

    private func makeDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw KeyFileError(.unwritable, "cannot create \(directory.path): \(error.localizedDescription)")
        }
    }

    // MARK: - Reading

    /// The key pair in a secret key file, its public key derived from the secret one.
    public static func readKeyPair(_ file: URL) throws -> CurveKeyPair {
        let keys = try readKeys(file)
        guard let secretKey = keys.secretKey else {
            throw KeyFileError(.invalidKey, "\(file.path) holds no CURVE secret key (a line secret-key = \"…\")")
        }
        let pair = try CurveKeyPair(secretKey: secretKey)
        if let publicKey = keys.publicKey, publicKey != pair.publicKey {
            throw KeyFileError(.invalidKey, "\(file.path): its public key does not belong to its secret key")
        }
        return pair
    }

    /// The public key in a key file.
    public static func readPublicKey(_ file: URL) throws -> CurveKey {
        guard let publicKey = try readKeys(file).publicKey else {
            throw KeyFileError(
                .invalidKey, "\(file.path) holds no CURVE public key (a line public-key = \"…\", or the Z85 key alone)")
        }
        return publicKey
    }

    /// What surrounds a ZPL value: blanks and quotes.
    private static let valueEdges = CharacterSet(charactersIn: " \t\"'")

    private static func readKeys(_ file: URL) throws -> (publicKey: CurveKey?, secretKey: CurveKey?) {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw KeyFileError(.unreadable, "cannot read \(file.path): \(error.localizedDescription)")
        }
        var publicKey: CurveKey?
        var secretKey: CurveKey?
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if let key = CurveKey(z85: trimmed) {
                publicKey = publicKey ?? key
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: Self.valueEdges)
            switch name {
            case "public-key": publicKey = CurveKey(z85: value) ?? publicKey
            case "secret-key": secretKey = CurveKey(z85: value) ?? secretKey
            default: continue
            }
        }
        return (publicKey, secretKey)
    }

    // MARK: - Writing

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name != "server" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }

    private static func exists(_ file: URL) -> Bool {
        FileManager.default.fileExists(atPath: file.path)
    }

    private static func publicCertificate(_ key: CurveKey, for name: String) -> String {
        """
        #   ****  Generated by tumen keys generate  ****
        #   ZeroMQ CURVE Public Certificate of \(name)
        #   Exchange securely, or check its contents after the exchange.

        metadata
            name = "\(name)"
        curve
            public-key = "\(key.z85)"

        """
    }

    private static func secretCertificate(_ pair: CurveKeyPair, for name: String) -> String {
        """
        #   ****  Generated by tumen keys generate  ****
        #   ZeroMQ CURVE **Secret** Certificate of \(name)
        #   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.

        metadata
            name = "\(name)"
        curve
            public-key = "\(pair.publicKey.z85)"
            secret-key = "\(pair.secretKey.z85)"

        """
    }

    /// Creates `file` with `mode` (never wider: a secret key is not readable by others at any moment) and writes
    /// `text` to it, replacing an existing file.
    private static func create(_ text: String, at file: URL, mode: mode_t) throws {
        if exists(file) {
            do {
                try FileManager.default.removeItem(at: file)
            } catch {
                throw KeyFileError(.unwritable, "cannot replace \(file.path): \(error.localizedDescription)")
            }
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw KeyFileError(.unwritable, "cannot create \(file.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = ArraySlice(text.utf8)
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                throw KeyFileError(.unwritable, "cannot write \(file.path): \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(count)
        }
    }
}

/// A key file that cannot be written or read, or a key name that cannot be used: names the file and what to do.
public struct KeyFileError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem it is; new codes may be added.
    public struct Code: Hashable, Sendable {
        private let value: Int

        /// A key file to be written exists already.
        public static let alreadyExists = Code(value: 1)
        /// A client name is not a plain file name.
        public static let invalidName = Code(value: 2)
        /// A key file cannot be read.
        public static let unreadable = Code(value: 3)
        /// A key file holds no valid key, or a secret and public key that do not match.
        public static let invalidKey = Code(value: 4)
        /// A key file or directory cannot be created.
        public static let unwritable = Code(value: 5)
    }

    /// The kind of problem.
    public var code: Code
    /// The problem, naming the file or name.
    public var description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
