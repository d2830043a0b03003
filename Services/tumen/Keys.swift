import ArgumentParser
import Foundation
import TumenService

/// `tumen keys`: CURVE keys for the services and their clients.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the CURVE keys that encrypt and authenticate every tcp:// connection.",
        subcommands: [Generate.self])

    /// `tumen keys generate DIR`: a server key pair, a key pair per client, and the allow-list.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a server key pair, a key pair per client and the allow-list of client keys.",
            discussion: """
                Writes DIR/server.key (secret, mode 0600) and DIR/server.pub, and per client NAME.key (0600), \
                NAME.pub and DIR/authorized/NAME.pub. Point every service and the CLI at DIR with --curve-dir or \
                TUMEN_CURVE_DIR: servers bind with server.key and let in the keys in authorized/ (remove a file \
                there to shut a client out, no restart needed); each process connects with its own NAME.key. \
                An existing server key is kept, so running it again with --name adds clients.
                """)

        @Argument(help: "The key directory (created if missing).")
        var directory: String

        @Option(
            name: .customLong("name"),
            help: "A client to make keys for; repeat for several (default: ingest, storage, analysis, reporting, cli).")
        var names: [String] = []

        @Flag(help: "Replace existing keys, the server's included.")
        var force = false

        func run() throws {
            let keys = CurveKeyDirectory(URL(fileURLWithPath: directory))
            let written = try keys.generate(
                clientNames: names.isEmpty ? CurveKeyDirectory.defaultClientNames : names, force: force)
            if !written.contains(keys.secretKeyFile("server")) {
                print("kept \(keys.secretKeyFile("server").path)")
            }
            for file in written {
                print("wrote \(file.path)\(file.pathExtension == "key" ? " (secret, mode 0600)" : "")")
            }
            print("use it with --curve-dir \(keys.url.path) or TUMEN_CURVE_DIR=\(keys.url.path)")
        }
    }
}
